import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

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

export const description = updateDisplayOptions(displayOptions, properties);

/** `extension/delete` with `number` "2002" or "2002,1001" (one call for the whole list). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const raw = String(this.getNodeParameter('number', itemIndex) ?? '');
	// A number listed twice is deleted once and reported once.
	const numbers = [...new Set(validated(this, itemIndex, () => parseNumberList(raw, 'number', 'Extension Numbers')))];
	const { confirmedBy } = await deleteRecord(this, { path: 'extension/delete', body: { number: numbers.join(',') } }, itemIndex);
	return { deleted: numbers, success: true, ...(confirmedBy ? { confirmedBy } : {}) };
}
