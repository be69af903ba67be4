import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { threeCxRequest, userPath } from '../../transport';
import { userIdField, userIdParameter } from './fields';
import { resolveUser, showUser, userLocatorField } from './locator';

const OPERATION = ['delete'];

export const description: INodeProperties[] = [
	{ ...userIdField(OPERATION), displayOptions: { show: { resource: ['user'], operation: OPERATION, '@version': [1] } } },
	userLocatorField(showUser(OPERATION, true)),
];

/**
 * DELETE /Users({Id}); 3CX answers 204. By extension number (version 2) the ID is looked up
 * first with GET /Users(Number='…'): the spec offers DELETE only by ID.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	if (this.getNode().typeVersion >= 2) {
		const user = await resolveUser(this, itemIndex);
		await threeCxRequest.call(this, { method: 'DELETE', path: userPath({ id: user.id }) }, itemIndex);
		return user.number === undefined ? { id: String(user.id), deleted: true } : { id: String(user.id), number: user.number, deleted: true };
	}
	const id = userIdParameter(this, 'userId', 'User ID', itemIndex);
	await threeCxRequest.call(this, { method: 'DELETE', path: userPath({ id }) }, itemIndex);
	return { id: String(id), deleted: true };
}
