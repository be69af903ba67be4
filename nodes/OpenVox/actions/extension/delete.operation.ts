import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { readOnlyIfUnchanged } from '../../../shared/onlyIfUnchanged';
import { checkExtensionUnchanged, validated } from '../../helpers/extension';
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

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties, 'extension'));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/** `extension/delete` with `number` "2002" or "2002,1001" (one call for the whole list). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const raw = String(this.getNodeParameter('number', itemIndex) ?? '');
	// A number listed twice is deleted once and reported once.
	const numbers = [...new Set(validated(this, itemIndex, () => parseNumberList(raw, 'number', 'Extension Numbers')))];
	const expected = readOnlyIfUnchanged(this, itemIndex);
	if (expected && numbers.length > 1) {
		throw new NodeOperationError(this.getNode(), `"Only If Unchanged" checks one extension: give one number in "Extension Numbers" (item ${itemIndex})`, { itemIndex });
	}
	for (const number of numbers) await checkExtensionUnchanged(this, itemIndex, number, expected);
	await deleteRecord(this, { path: 'extension/delete', body: { number: numbers.join(',') } }, itemIndex);
	return { deleted: numbers, success: true };
}
