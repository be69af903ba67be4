import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { validated } from '../../helpers/extension';
import { parseNumberList } from '../../helpers/fields';
import { deleteRecord } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Extension Numbers',
		name: 'number',
		type: 'string',
		required: true,
		default: '',
		placeholder: '2002,2003',
		description: 'One extension number or a comma-separated list, deleted in one call',
	},
];

const displayOptions = { show: { resource: ['extension'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/** `extension/delete` with `number` "2002" or "2002,1001" (one call for the whole list). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const raw = String(this.getNodeParameter('number', itemIndex) ?? '');
	// A number listed twice is deleted once and reported once.
	const numbers = [...new Set(validated(this, itemIndex, () => parseNumberList(raw, 'number', 'Extension Numbers')))];
	await deleteRecord(this, { path: 'extension/delete', body: { number: numbers.join(',') } }, itemIndex);
	return { deleted: numbers, success: true };
}
