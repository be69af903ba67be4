import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { openVoxRequest } from '../../transport';
import { validated } from './common';
import { parseNumberList } from './fields';

export const description: INodeProperties[] = [
	{
		displayName: 'Extension Numbers',
		name: 'number',
		type: 'string',
		required: true,
		default: '',
		placeholder: '2002,2003',
		displayOptions: { show: { resource: ['extension'], operation: ['delete'] } },
		description: 'One extension number or a comma-separated list, deleted in one call',
	},
];

/** `extension/delete` with `number` "2002" or "2002,1001" (one call for the whole list). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const raw = String(this.getNodeParameter('number', itemIndex) ?? '');
	const numbers = validated(this, itemIndex, () => parseNumberList(raw, 'number', 'Extension Numbers'));
	await openVoxRequest.call(this, 'extension/delete', { number: numbers.join(',') }, itemIndex);
	return { deleted: numbers, success: true };
}
