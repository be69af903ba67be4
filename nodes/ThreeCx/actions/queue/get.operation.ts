import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { QUEUE, getCallGroup } from '../../helpers/callGroup';
import { getProperties } from './descriptions';

const displayOptions = { show: { resource: ['queue'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, getProperties(QUEUE));

/** GET /Queues({Id}) or, by number, GET /Queues(Number='…') (one request). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await getCallGroup(this, QUEUE, itemIndex);
}
