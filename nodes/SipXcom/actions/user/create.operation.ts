import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import { readOutputMode } from '../../../shared/properties';
import { shapeRecord } from '../../helpers/record';
import { requiredString } from '../../helpers/parameters';
import { applyUserFields, readUser, userWriteBody } from '../../helpers/user';
import { request } from '../../transport';
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

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userName = requiredString(this, 'userName', 'User Name', itemIndex);
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = applyUserFields(this, { userName }, fields, itemIndex);
	// PUT without an id creates (sipXconfig's Restlet resource has no POST).
	const result = await request(this, { api: 'restWrite', method: 'PUT', path: '/user', ...userWriteBody(this, body, itemIndex) }, itemIndex);
	if (!result.id) return { created: true, code: result.code, userName };
	// The answer carries only the new id; read the user back so the output is the full record.
	return shapeRecord((await readUser(this, result.id, itemIndex)) as IDataObject, readOutputMode(this, itemIndex), false);
}
