import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { removeFromAllCallGroups } from '../../helpers/callGroupMembers';
import { userLocatorField } from './descriptions';

const user = userLocatorField();
user.description =
	'The user (extension) to take off every queue and ring group: pick one from the list, or give its extension number (also of a user deleted since) or its ID';

const displayOptions = { show: { resource: ['user'], operation: ['removeFromQueuesAndRingGroups'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions([user] as INodeProperties[]));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/**
 * GET /Queues and GET /RingGroups with $expand of their lists (paged), then for each one that
 * lists the user a convergent PATCH of its Agents or Members without the user; the others stay.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await removeFromAllCallGroups(this, itemIndex);
}
