import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { RING_GROUP } from '../../helpers/callGroup';
import { changeMember } from '../../helpers/callGroupMembers';
import { memberProperties } from '../queue/descriptions';

const displayOptions = { show: { resource: ['ringGroup'], operation: ['removeMember'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(memberProperties(RING_GROUP, 'remove')));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/** Takes a user off Members of the ring group, keeping the others (convergent read-modify-write). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await changeMember(this, RING_GROUP, itemIndex, false);
}
