import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readOutputMode } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { openVoxRequest } from '../../transport';
import { FieldError, parseNumberList } from './fields';
import { formatRecord, outputProperties } from './output';

export const description: INodeProperties[] = [
	{
		displayName: 'Extension Numbers',
		name: 'extid',
		type: 'string',
		default: '',
		placeholder: '101,102',
		displayOptions: { show: { resource: ['extension'], operation: ['get'] } },
		description: 'One extension number or a comma-separated list. Leave empty to get the settings of every extension.',
	},
	...outputProperties(['get'], true),
];

/** `extension/query`: full settings of one, several (`extid` "101,102") or all extensions. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const raw = String(this.getNodeParameter('extid', itemIndex, '') ?? '').trim();
	const output = readOutputMode(this, itemIndex);
	const includeSecrets = this.getNodeParameter('includeSecrets', itemIndex, false) as boolean;
	let body: IDataObject | undefined;
	if (raw !== '') {
		try {
			body = { extid: parseNumberList(raw, 'extid', 'Extension Numbers').join(',') };
		} catch (error) {
			if (error instanceof FieldError) {
				throw new NodeOperationError(this.getNode(), error.message, { itemIndex });
			}
			throw error;
		}
	}
	const answer = await openVoxRequest.call(this, 'extension/query', body, itemIndex, { idempotent: true });
	const records = Array.isArray(answer.extinfos) ? (answer.extinfos as IDataObject[]) : [];
	return records.map((record) => formatRecord(record, output, includeSecrets));
}
