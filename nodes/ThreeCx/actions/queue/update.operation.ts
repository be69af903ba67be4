import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { QUEUE, updateCallGroup } from '../../helpers/callGroup';
import { queueFields, updateProperties } from './descriptions';

const displayOptions = { show: { resource: ['queue'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(updateProperties(QUEUE, queueFields()), 'queue'));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/** PATCH /Queues({Id}) with the fields set (204), then GET for the output; never a new number. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await updateCallGroup(this, QUEUE, itemIndex);
}
