import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { QUEUE, createCallGroup } from '../../helpers/callGroup';
import { createProperties, queueFields } from './descriptions';

const displayOptions = { show: { resource: ['queue'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(createProperties(QUEUE, queueFields())));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/** POST /Queues with Name and Number (given, or from Pbx.GetFirstAvailableQueueNumber() first); 201 with the queue. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await createCallGroup(this, QUEUE, itemIndex);
}
