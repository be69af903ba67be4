import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { numericId, requiredString } from '../../helpers/parameters';
import { restWrite } from '../../transport';
import { userIdProperty } from './descriptions';

const properties: INodeProperties[] = [
	userIdProperty('Internal sipXconfig ID of the user to delete (field <code>id</code> of Get Many)'),
];

const displayOptions = { show: { resource: ['user'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = numericId(this, requiredString(this, 'userId', 'User ID', i), 'User ID', i);
	const result = await restWrite.call(this, { method: 'DELETE', path: `/user/${id}` }, i);
	return { id, deleted: true, code: result.code, ...(result.message ? { message: result.message } : {}) };
}
