import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { jsonObject } from '../../../shared/answer';
import { readIncludeSecrets, readOutputMode } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { userIdParameter } from '../../helpers/ids';
import { userKey } from '../../helpers/locator';
import { shapeRecord } from '../../helpers/record';
import { request } from '../../transport';
import { userPath } from '../../transport/odata';
import { commaList } from '../../transport/odata';
import { FROM_V2, includeSecretsOption, ODATA_OPTIONS, outputField, userIdField, userLocatorField, V1_ONLY } from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Get By',
		name: 'getBy',
		type: 'options',
		default: 'id',
		displayOptions: V1_ONLY,
		options: [
			{ name: 'User ID', value: 'id', description: 'GET /Users({ID})' },
			{ name: 'Extension Number', value: 'number', description: "GET /Users(Number='100')" },
		],
		description: 'How to identify the user',
	},
	{ ...userIdField(), displayOptions: { show: { getBy: ['id'], '@version': [1] } } },
	{
		displayName: 'Extension Number',
		name: 'extensionNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 100',
		displayOptions: { show: { getBy: ['number'], '@version': [1] } },
		description: 'The extension number of the user',
	},
	userLocatorField(FROM_V2),
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

/** GET /Users({Id}) or, by extension number, GET /Users(Number='100') (GetUserByNumber). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	let path: string;
	if (this.getNode().typeVersion >= 2) {
		path = userPath(userKey(this, itemIndex));
	} else if ((this.getNodeParameter('getBy', itemIndex) as 'id' | 'number') === 'number') {
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
	const user = await request(this, { path, qs, expect: jsonObject() }, itemIndex);
	return shapeRecord(user, readOutputMode(this, itemIndex), readIncludeSecrets(this, itemIndex));
}
