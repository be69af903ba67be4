import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readOutputMode } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { shapeUser, userBody } from '../../helpers/user';
import { threeCxRequest } from '../../transport';
import { commonUserFields, outputField } from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Extension Number',
		name: 'Number',
		type: 'string',
		default: '',
		placeholder: 'e.g. 105',
		description: 'Extension number of the new user. Leave empty to let the PBX pick the first free number. It cannot change later.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: commonUserFields(),
	},
	outputField(),
];

const displayOptions = { show: { resource: ['user'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** POST /Users with a Pbx.User body; 3CX answers 201 with the created user. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = userBody(this, fields, itemIndex, 'Additional Fields');
	const number = String(this.getNodeParameter('Number', itemIndex, '') ?? '').trim();
	if (number !== '') body.Number = number;
	const user = await threeCxRequest.call(this, { method: 'POST', path: '/Users', body }, itemIndex);
	return shapeUser(user, readOutputMode(this, itemIndex), false);
}
