import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { shapeUser } from '../../helpers/output';
import { requiredString } from '../../helpers/parameters';
import { applyUserFields, readUser, userWriteBody } from '../../helpers/user';
import { restWrite } from '../../transport';
import { outputProperty, userFieldOptions } from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'User Name',
		name: 'userName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 201',
		description: 'The user name, which is the extension number on most systems',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: userFieldOptions(false),
	},
	outputProperty(),
];

const displayOptions = { show: { resource: ['user'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const userName = requiredString(this, 'userName', 'User Name', i);
	const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body = applyUserFields(this, { userName }, fields, i);
	// PUT without an id creates (sipXconfig's Restlet resource has no POST).
	const result = await restWrite.call(this, { method: 'PUT', path: '/user', ...userWriteBody(this, body, i) }, i);
	if (!result.id) return { created: true, code: result.code, userName };
	// The answer carries only the new id; read the user back so the output is the full record.
	return shapeUser(this, i, await readUser(this, result.id, i));
}
