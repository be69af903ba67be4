import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { QUEUE } from '../../helpers/callGroup';
import { changeMember } from '../../helpers/callGroupMembers';
import { memberProperties } from './descriptions';

const displayOptions = { show: { resource: ['queue'], operation: ['removeAgent'] } };

export const description = updateDisplayOptions(displayOptions, memberProperties(QUEUE, 'remove'));

/** Takes a user off Agents of the queue, keeping the others (convergent read-modify-write). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await changeMember(this, QUEUE, itemIndex, false);
}
