import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { QUEUE, getManyCallGroups } from '../../helpers/callGroup';
import { getManyProperties } from './descriptions';

const displayOptions = { show: { resource: ['queue'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, getManyProperties(QUEUE));

/** GET /Queues paged ($top ≤ 100, $skip) on your order plus Id, like Get Many users. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await getManyCallGroups(this, QUEUE, itemIndex);
}
