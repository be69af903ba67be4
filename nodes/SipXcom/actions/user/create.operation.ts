import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { restWrite } from '../../transport';
import { buildUserXml } from '../../transport/xml';
import { requiredString, shapeUser } from '../common';
import { readUser } from './get.operation';
import { applyUserFields, userFieldOptions } from './fields';

const show = { resource: ['user'], operation: ['create'] };

export const description: INodeProperties[] = [
	{
		displayName: 'User Name',
		name: 'userName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 201',
		displayOptions: { show },
		description: 'The user name, which is the extension number on most systems',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: userFieldOptions(false),
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const userName = requiredString(this, 'userName', 'User Name', i);
	const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body = applyUserFields(this, { userName }, fields, i);
	// PUT without an id creates (sipXconfig's Restlet resource has no POST).
	const result = await restWrite(this, { method: 'PUT', path: '/user', xml: buildUserXml(body) }, i);
	if (!result.id) return { created: true, code: result.code, userName };
	// The answer carries only the new id; read the user back so the output is the full record.
	return shapeUser(this, i, await readUser(this, result.id, i));
}
