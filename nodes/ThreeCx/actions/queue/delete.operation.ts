import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { QUEUE, deleteCallGroup } from '../../helpers/callGroup';
import { callGroupLocatorField } from './descriptions';

const displayOptions = { show: { resource: ['queue'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions([callGroupLocatorField(QUEUE)], 'queue'));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/** DELETE /Queues({Id}) (204); by number the ID is looked up first. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await deleteCallGroup(this, QUEUE, itemIndex);
}
