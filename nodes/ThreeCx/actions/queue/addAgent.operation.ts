import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { QUEUE } from '../../helpers/callGroup';
import { changeMember } from '../../helpers/callGroupMembers';
import { memberProperties } from './descriptions';

const displayOptions = { show: { resource: ['queue'], operation: ['addAgent'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(memberProperties(QUEUE, 'add')));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/** Makes a user an agent of the queue: a convergent read-modify-write of Agents (PATCH replaces the list). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await changeMember(this, QUEUE, itemIndex, true);
}
