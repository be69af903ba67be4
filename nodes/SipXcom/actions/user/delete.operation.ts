import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { isRehearsing } from '../../../shared/dryRun';
import { withWriteOptions } from '../../../shared/writeOptions';
import { readOnlyIfUnchanged } from '../../../shared/onlyIfUnchanged';
import { numericId, requiredString } from '../../helpers/parameters';
import { checkUserUnchanged, readUser } from '../../helpers/user';
import { deleteRecord } from '../../transport';
import type { RestResult } from '../../transport/xml';
import { userIdProperty } from './descriptions';

const properties: INodeProperties[] = [
	userIdProperty('Internal sipXconfig ID of the user to delete (field <code>id</code> of Get Many)'),
];

const displayOptions = { show: { resource: ['user'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties, 'user'));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/**
 * `DELETE /rest/user/{id}` → SUCCESS_DELETED; ERROR_OBJECT_NOT_FOUND on the retry after a lost
 * answer means the lost attempt deleted the user.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = numericId(this, requiredString(this, 'userId', 'User ID', itemIndex), 'User ID', itemIndex);
	const expected = readOnlyIfUnchanged(this, itemIndex);
	// Only If Unchanged reads the user just before the DELETE (a dry run too, which also checks it exists).
	if (expected || isRehearsing(this)) checkUserUnchanged(this, itemIndex, id, await readUser(this, id, itemIndex), expected);
	const { response, confirmedBy } = await deleteRecord(this, { api: 'rest', path: `/user/${id}` }, itemIndex);
	const result = response as RestResult | undefined;
	if (!result) return { id, deleted: true, confirmedBy };
	return { id, deleted: true, code: result.code, ...(result.message ? { message: result.message } : {}) };
}
