import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { includeSecretsProperty } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { csvToObjects, objectsToCsv } from '../../helpers/csv';
import { stripSecrets } from '../../helpers/user';
import { threeCxRawRequest } from '../../transport';
import { ODATA_OPTIONS, odataQuery, show } from './fields';

const OPERATION = ['exportExtensions'];

export const description: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'exportOutput',
		type: 'options',
		default: 'file',
		displayOptions: show(OPERATION),
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
		displayOptions: { show: { resource: ['user'], operation: OPERATION, exportOutput: ['file', 'both'] } },
		description: 'Name of the binary property for the CSV file',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(OPERATION),
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
				displayName: 'Include Secrets in Rows',
				description:
					'Whether parsed rows keep AuthPassword, AccessPassword, DeskphonePassword and VMPIN columns (the file itself is always the PBX export as sent)',
			}),
			ODATA_OPTIONS.orderby,
			ODATA_OPTIONS.search,
			ODATA_OPTIONS.select,
			ODATA_OPTIONS.skip,
			ODATA_OPTIONS.top,
		],
	},
];

function header(headers: IDataObject, name: string): string {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return Array.isArray(value) ? String(value[0]) : value === undefined ? '' : String(value);
}

/** `attachment; filename="x.csv"` or RFC 5987 `filename*=UTF-8''x.csv`. */
function fileNameFromDisposition(disposition: string): string | undefined {
	const extended = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
	if (extended) {
		try {
			return decodeURIComponent(extended[1].trim().replace(/^"|"$/g, ''));
		} catch {
			// fall through to the plain form
		}
	}
	const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition);
	return plain ? (plain[2] ?? plain[1]).trim() : undefined;
}

/**
 * GET /Users/Pbx.ExportExtensions(). The swagger declares a JSON `value[]` of users, but live
 * PBXs answer `text/csv; charset=UTF-8`; both are handled. JSON answers are turned into a CSV
 * file too, so the output has the same shape either way.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const mode = this.getNodeParameter('exportOutput', itemIndex) as 'file' | 'rows' | 'both';
	const qs = odataQuery(options);
	if (typeof options.top === 'number') qs.$top = options.top;
	if (typeof options.skip === 'number' && options.skip > 0) qs.$skip = options.skip;
	if (typeof options.orderby === 'string' && options.orderby.trim() !== '') qs.$orderby = options.orderby.trim();

	const response = await threeCxRawRequest.call(this, { path: '/Users/Pbx.ExportExtensions()', qs }, itemIndex);
	const contentType = header(response.headers, 'content-type');
	let csvText: string;
	let rows: IDataObject[];
	let count: number | undefined;
	const text = response.body.toString('utf8');
	if (/json/i.test(contentType) || (!/csv|text\/plain|octet-stream/i.test(contentType) && /^\s*[{[]/.test(text))) {
		let parsed: IDataObject;
		try {
			parsed = JSON.parse(text) as IDataObject;
		} catch {
			throw new NodeOperationError(this.getNode(), 'The PBX sent an export that is neither CSV nor valid JSON', { itemIndex });
		}
		const users = Array.isArray(parsed) ? (parsed as IDataObject[]) : ((parsed.value as IDataObject[]) ?? []);
		if (typeof parsed['@odata.count'] === 'number') count = parsed['@odata.count'] as number;
		const flat = users.map((user) =>
			Object.fromEntries(Object.entries(user).filter(([key]) => !key.startsWith('@odata.'))),
		);
		csvText = objectsToCsv(flat);
		rows = flat as IDataObject[];
	} else {
		csvText = text;
		rows = csvToObjects(text);
	}

	const includeSecrets = options.includeSecrets === true;
	const fileName =
		(typeof options.fileName === 'string' && options.fileName.trim()) ||
		fileNameFromDisposition(header(response.headers, 'content-disposition')) ||
		'extensions.csv';
	const makeFileItem = async (json: IDataObject): Promise<INodeExecutionData> => {
		const propertyName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
		const bytes = /json/i.test(contentType) ? Buffer.from(csvText, 'utf8') : response.body;
		const binary = await this.helpers.prepareBinaryData(bytes, fileName, 'text/csv');
		return { json, binary: { [propertyName]: binary }, pairedItem: { item: itemIndex } };
	};

	if (mode === 'file') {
		const json: IDataObject = { fileName, mimeType: 'text/csv', rows: rows.length, sourceContentType: contentType || null };
		if (count !== undefined) json.count = count;
		return [await makeFileItem(json)];
	}
	const items: INodeExecutionData[] = rows.map((row) => ({
		json: stripSecrets(row, includeSecrets),
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
