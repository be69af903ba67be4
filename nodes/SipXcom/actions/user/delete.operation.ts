import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { restWrite } from '../../transport';
import { numericId, requiredString } from '../common';
import { userIdProperty } from './get.operation';

export const description: INodeProperties[] = [
	userIdProperty('delete', 'Internal sipXconfig ID of the user to delete (field <code>id</code> of Get Many)'),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = numericId(this, requiredString(this, 'userId', 'User ID', i), 'User ID', i);
	const result = await restWrite(this, { method: 'DELETE', path: `/user/${id}` }, i);
	return { id, deleted: true, code: result.code, ...(result.message ? { message: result.message } : {}) };
}
