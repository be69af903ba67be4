import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { RING_GROUP } from '../../helpers/callGroup';
import { changeMember } from '../../helpers/callGroupMembers';
import { memberProperties } from '../queue/descriptions';

const displayOptions = { show: { resource: ['ringGroup'], operation: ['addMember'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(memberProperties(RING_GROUP, 'add')));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/** Makes a user a member of the ring group: a convergent read-modify-write of Members (PATCH replaces the list). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await changeMember(this, RING_GROUP, itemIndex, true);
}
