import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { userIdParameter } from '../../helpers/ids';
import { resolveUser } from '../../helpers/locator';
import { beforeEntityWrite } from '../../helpers/unchanged';
import { deleteRecord } from '../../transport';
import { userPath } from '../../transport/odata';
import { FROM_V2, userIdField, userLocatorField, V1_ONLY } from './descriptions';

const properties: INodeProperties[] = [{ ...userIdField(), displayOptions: V1_ONLY }, userLocatorField(FROM_V2)];

const displayOptions = { show: { resource: ['user'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties, 'user'));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/**
 * DELETE /Users({Id}); 3CX answers 204, and a 404 on a retry after a lost answer means the first
 * attempt deleted it. By extension number (version 2) the ID is looked up first with
 * GET /Users(Number='…'): the spec offers DELETE only by ID.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	if (this.getNode().typeVersion >= 2) {
		const user = await resolveUser(this, itemIndex);
		await beforeEntityWrite(this, itemIndex, { path: userPath({ id: user.id }), label: 'user', user: true });
		const { confirmedBy } = await deleteRecord(this, { path: userPath({ id: user.id }) }, itemIndex);
		const deleted = user.number === undefined ? { id: String(user.id), deleted: true } : { id: String(user.id), number: user.number, deleted: true };
		return confirmedBy ? { ...deleted, confirmedBy } : deleted;
	}
	const id = userIdParameter(this, 'userId', 'User ID', itemIndex);
	await beforeEntityWrite(this, itemIndex, { path: userPath({ id }), label: 'user', user: true });
	const { confirmedBy } = await deleteRecord(this, { path: userPath({ id }) }, itemIndex);
	return confirmedBy ? { id: String(id), deleted: true, confirmedBy } : { id: String(id), deleted: true };
}
