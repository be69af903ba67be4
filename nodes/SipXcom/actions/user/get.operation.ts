import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseOrFail, restXml } from '../../transport';
import { parseSingleUser } from '../../transport/xml';
import { numericId, requiredString, shapeUser } from '../common';

export const userIdProperty = (operation: string, description: string): INodeProperties => ({
	displayName: 'User ID',
	name: 'userId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 5',
	displayOptions: { show: { resource: ['user'], operation: [operation] } },
	description,
});

export const description: INodeProperties[] = [
	userIdProperty('get', 'Internal sipXconfig ID of the user (field <code>id</code> of Get Many), not the user name'),
];

/** Reads one user by internal id. */
export async function readUser(ctx: IExecuteFunctions, id: string, i: number) {
	const text = await restXml(ctx, { method: 'GET', path: `/user/${id}` }, i);
	return await parseOrFail(ctx, text, parseSingleUser, 'user', i);
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = numericId(this, requiredString(this, 'userId', 'User ID', i), 'User ID', i);
	return shapeUser(this, i, await readUser(this, id, i));
}
