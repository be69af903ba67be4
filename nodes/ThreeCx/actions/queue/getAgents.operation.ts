import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { QUEUE, getCallGroupMembers } from '../../helpers/callGroup';
import { getMembersProperties } from './descriptions';

const displayOptions = { show: { resource: ['queue'], operation: ['getAgents'] } };

export const description = updateDisplayOptions(displayOptions, getMembersProperties(QUEUE));

/** GET /Queues({Id})/Agents, paged, ordered by Number then Id. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await getCallGroupMembers(this, QUEUE, itemIndex);
}
