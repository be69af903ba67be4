import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { numericId, requiredString } from '../../helpers/parameters';
import { restDelete } from '../../transport';
import { userIdProperty } from './descriptions';

const properties: INodeProperties[] = [
	userIdProperty('Internal sipXconfig ID of the user to delete (field <code>id</code> of Get Many)'),
];

const displayOptions = { show: { resource: ['user'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * `DELETE /rest/user/{id}` → SUCCESS_DELETED; ERROR_OBJECT_NOT_FOUND on the retry after a lost
 * answer means the lost attempt deleted the user.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = numericId(this, requiredString(this, 'userId', 'User ID', i), 'User ID', i);
	const { result, confirmedBy } = await restDelete.call(this, `/user/${id}`, i);
	if (!result) return { id, deleted: true, confirmedBy };
	return { id, deleted: true, code: result.code, ...(result.message ? { message: result.message } : {}) };
}
