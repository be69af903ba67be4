import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { noteTarget } from '../../shared/dryRun';
import { request } from '../transport';
import { userPath } from '../transport/odata';

/** The user a locator names: its ID, and its number when the locator gave one. */
export interface UserRef {
	id: number;
	number?: string;
}

export type UserKey = { id: number } | { number: string };

function readLocator(ctx: IExecuteFunctions, itemIndex: number, name: string): INodeParameterResourceLocator {
	const raw = ctx.getNodeParameter(name, itemIndex) as unknown;
	// An expression on the whole parameter may give a plain value: treat it as an ID.
	if (raw === null || typeof raw !== 'object') return { __rl: true, mode: 'id', value: raw as string };
	return raw as INodeParameterResourceLocator;
}

/**
 * The key a locator gives, checked before any request: an ID (From List, By ID) as a positive
 * int32, or an extension number (By Extension Number) that is not empty.
 */
export function userKey(ctx: IExecuteFunctions, itemIndex: number, name = 'user', displayName = 'User'): UserKey {
	const locator = readLocator(ctx, itemIndex, name);
	const value = locator.value;
	const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	if (locator.mode === 'number') {
		if (text === '') {
			throw new NodeOperationError(ctx.getNode(), `"${displayName}" (By Extension Number) is empty in item ${itemIndex}`, { itemIndex });
		}
		return { number: text };
	}
	if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 2147483647) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"${displayName}" must be a 3CX user ID (a positive whole number) in item ${itemIndex}, got ${JSON.stringify(value ?? '')}`,
			{ itemIndex, description: 'Pick the user from the list, or switch the parameter to "By Extension Number" to give the extension number.' },
		);
	}
	return { id: Number(text) };
}

/**
 * The user's ID. XAPI addresses users by number only for GET (`/Users(Number='100')`,
 * GetUserByNumber); PATCH, DELETE and the actions need the ID, so a number is looked up first.
 */
export async function resolveUser(ctx: IExecuteFunctions, itemIndex: number, name = 'user', displayName = 'User'): Promise<UserRef> {
	const key = userKey(ctx, itemIndex, name, displayName);
	if ('id' in key) {
		noteTarget(ctx, { id: String(key.id) });
		return key;
	}
	const found: IDataObject = await request(ctx, { path: userPath(key), qs: { $select: 'Id,Number' } }, itemIndex);
	const id = Number(found.Id);
	if (!Number.isInteger(id) || id < 1) {
		throw new NodeOperationError(ctx.getNode(), `The PBX answered the lookup of extension ${key.number} without a user ID`, { itemIndex });
	}
	noteTarget(ctx, { number: key.number, id: String(id) });
	return { id, number: key.number };
}
