import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { readOutputMode } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { userIdParameter } from '../../helpers/ids';
import { shapeUser } from '../../helpers/user';
import { threeCxRequest, userPath } from '../../transport';
import { commaList } from '../../transport/odata';
import { includeSecretsOption, ODATA_OPTIONS, outputField } from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Get By',
		name: 'getBy',
		type: 'options',
		default: 'id',
		options: [
			{ name: 'User ID', value: 'id', description: 'GET /Users({ID})' },
			{ name: 'Extension Number', value: 'number', description: "GET /Users(Number='100')" },
		],
		description: 'How to identify the user',
	},
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 42',
		displayOptions: { show: { getBy: ['id'] } },
		description: 'The 3CX user ID (not the extension number)',
	},
	{
		displayName: 'Extension Number',
		name: 'extensionNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 100',
		displayOptions: { show: { getBy: ['number'] } },
		description: 'The extension number of the user',
	},
	outputField(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [ODATA_OPTIONS.expand, includeSecretsOption(), ODATA_OPTIONS.select],
	},
];

const displayOptions = { show: { resource: ['user'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const getBy = this.getNodeParameter('getBy', itemIndex) as 'id' | 'number';
	let path: string;
	if (getBy === 'number') {
		const number = String(this.getNodeParameter('extensionNumber', itemIndex) ?? '').trim();
		if (number === '') {
			throw new NodeOperationError(this.getNode(), '"Extension Number" is empty', { itemIndex });
		}
		path = userPath({ number });
	} else {
		path = userPath({ id: userIdParameter(this, 'userId', 'User ID', itemIndex) });
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const select = commaList(options.select);
	if (select) qs.$select = select;
	const expand = commaList(options.expand);
	if (expand) qs.$expand = expand;
	const user = await threeCxRequest.call(this, { path, qs }, itemIndex);
	return shapeUser(user, readOutputMode(this, itemIndex), options.includeSecrets === true);
}
