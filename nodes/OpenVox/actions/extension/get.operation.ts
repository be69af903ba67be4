import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { readIncludeSecrets, readOutputMode } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { FieldError, parseNumberList } from '../../helpers/fields';
import { shapeRecord } from '../../helpers/record';
import { request } from '../../transport';
import { outputProperties, SECRETS_IN_OPTIONS_FROM } from './descriptions';
import { asNodeError } from '../../../shared/errors';

const properties: INodeProperties[] = [
	{
		displayName: 'Extension Numbers',
		name: 'extid',
		type: 'string',
		default: '',
		placeholder: '101,102',
		description: 'One extension number or a comma-separated list. Leave empty to get the settings of every extension.',
	},
	...outputProperties(true),
];

const displayOptions = { show: { resource: ['extension'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** `extension/query`: full settings of one, several (`extid` "101,102") or all extensions. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const raw = String(this.getNodeParameter('extid', itemIndex, '') ?? '').trim();
	const output = readOutputMode(this, itemIndex);
	const includeSecrets = readIncludeSecrets(this, itemIndex, SECRETS_IN_OPTIONS_FROM);
	let body: IDataObject | undefined;
	if (raw !== '') {
		try {
			body = { extid: parseNumberList(raw, 'extid', 'Extension Numbers').join(',') };
		} catch (error) {
			if (error instanceof FieldError) {
				throw new NodeOperationError(this.getNode(), error.message, { itemIndex });
			}
			throw asNodeError(this.getNode(), error);
		}
	}
	const answer = await request(this, { path: 'extension/query', body }, itemIndex);
	const records = Array.isArray(answer.extinfos) ? (answer.extinfos as IDataObject[]) : [];
	return records.map((record) => shapeRecord(record, output, includeSecrets));
}
