import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readOptionalNumber } from '../../../shared/numbers';
import { includeSecretsProperty, readIncludeSecrets } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { exportFileName, readExport } from '../../helpers/export';
import { withoutColumns } from '../../helpers/csv';
import { shapeRecord } from '../../helpers/record';
import { USER_SECRET_FIELDS } from '../../helpers/user';
import { request } from '../../transport';
import { odataQuery } from '../../transport/odata';
import { ODATA_OPTIONS } from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'exportOutput',
		type: 'options',
		default: 'file',
		options: [
			{
				name: 'CSV File',
				value: 'file',
				description: 'One item with the export as binary data, as the PBX sent it',
			},
			{
				name: 'One Item per Row',
				value: 'rows',
				description: 'The export parsed into one item per extension, keyed by the CSV header',
			},
			{
				name: 'File and Rows',
				value: 'both',
				description: 'One item per row, the first of which also carries the CSV file',
			},
		],
		description: 'How to output the export',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { exportOutput: ['file', 'both'] } },
		description: 'Name of the binary property for the CSV file',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			ODATA_OPTIONS.count,
			ODATA_OPTIONS.expand,
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'e.g. extensions.csv',
				description: 'Name of the output file; by default the name the PBX suggests, or extensions.csv',
			},
			ODATA_OPTIONS.filter,
			includeSecretsProperty({
				keeps: 'the SIP, web client and desk phone password and voicemail PIN columns',
				fields: USER_SECRET_FIELDS,
				note: 'This applies to the rows and the file; node version 1 always keeps them in the file (the PBX export as sent).',
			}),
			ODATA_OPTIONS.orderby,
			ODATA_OPTIONS.search,
			ODATA_OPTIONS.select,
			ODATA_OPTIONS.skip,
			ODATA_OPTIONS.top,
		],
	},
];

const displayOptions = { show: { resource: ['user'], operation: ['exportExtensions'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * GET /Users/Pbx.ExportExtensions(). The swagger declares a JSON `value[]` of users, but live
 * PBXs answer `text/csv; charset=UTF-8`; both are handled. JSON answers are turned into a CSV
 * file too, so the output has the same shape either way.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const mode = this.getNodeParameter('exportOutput', itemIndex) as 'file' | 'rows' | 'both';
	const qs = odataQuery(options);
	const top = readOptionalNumber(this, 'options.top', itemIndex, { displayName: 'Top', min: 0 });
	if (top !== undefined) qs.$top = top;
	const skip = readOptionalNumber(this, 'options.skip', itemIndex, { displayName: 'Skip', min: 0 });
	if (skip) qs.$skip = skip;
	if (typeof options.orderby === 'string' && options.orderby.trim() !== '') qs.$orderby = options.orderby.trim();

	const response = await request(this, { path: '/Users/Pbx.ExportExtensions()', qs, answer: 'bytes' }, itemIndex);
	const { contentType, csvText, rows, count } = readExport(this, response, itemIndex);
	const includeSecrets = readIncludeSecrets(this, itemIndex);
	const fileName = exportFileName(options.fileName, response.headers);
	const makeFileItem = async (json: IDataObject): Promise<INodeExecutionData> => {
		const propertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
		// From node version 2 the file leaves the secret columns out like the rows do; version 1
		// keeps the file exactly as the PBX sent it.
		const dropSecrets = !includeSecrets && this.getNode().typeVersion >= 2;
		const bytes = dropSecrets
			? Buffer.from(withoutColumns(csvText, USER_SECRET_FIELDS), 'utf8')
			: /json/i.test(contentType)
				? Buffer.from(csvText, 'utf8')
				: response.body;
		const binary = await this.helpers.prepareBinaryData(bytes, fileName, 'text/csv');
		return { json, binary: { [propertyName]: binary }, pairedItem: { item: itemIndex } };
	};

	if (mode === 'file') {
		const json: IDataObject = { fileName, mimeType: 'text/csv', rows: rows.length, sourceContentType: contentType || null };
		if (count !== undefined) json.count = count;
		return [await makeFileItem(json)];
	}
	const items: INodeExecutionData[] = rows.map((row) => ({
		json: shapeRecord(row, 'raw', includeSecrets),
		pairedItem: { item: itemIndex },
	}));
	if (count !== undefined) for (const item of items) item.json['@odata.count'] = count;
	if (mode === 'both') {
		if (items.length === 0) return [await makeFileItem({ fileName, mimeType: 'text/csv', rows: 0 })];
		const first = await makeFileItem(items[0].json);
		items[0] = first;
	}
	return items;
}
