import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { QUEUE } from '../../helpers/callGroup';
import { changeMember } from '../../helpers/callGroupMembers';
import { memberProperties } from './descriptions';

const displayOptions = { show: { resource: ['queue'], operation: ['removeAgent'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(memberProperties(QUEUE, 'remove')));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/** Takes a user off Agents of the queue, keeping the others (convergent read-modify-write). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await changeMember(this, QUEUE, itemIndex, false);
}
