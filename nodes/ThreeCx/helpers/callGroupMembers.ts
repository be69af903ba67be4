import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { convergentWrite } from '../../shared/convergentWrite';
import { asNodeError } from '../../shared/errors';
import type { ItemResult } from '../../shared/router';
import { listRecords, request } from '../transport';
import { CREDENTIAL_TYPE, threeCxBaseUrl, XAPI_PATH } from '../transport/credential';
import { userPath } from '../transport/odata';
import type { CallGroupKind } from './callGroup';
import { callGroupKey, callGroupPath, callGroupRequest, QUEUE, readCallGroup, resolveCallGroup, RING_GROUP } from './callGroup';
import { userKey } from './locator';

/*
 * Who the calls of a queue or ring group ring: its Agents or Members. XAPI has no endpoint to
 * add or remove one, only a PATCH of the whole list (like Users.Groups), so every change is a
 * read-modify-write through convergentWrite: computed from a fresh read, confirmed by reading
 * back, written again from what the PBX holds when another writer changed the list meanwhile.
 */

/** The user a member operation names: its extension number, and its ID when it was looked up. */
export interface MemberUser {
	id?: number;
	number: string;
}

/**
 * The user the User picker names. Adding needs a user, so it is always looked up
 * (`GET /Users(…)?$select=Id,Number`) and a number that is no user's is an error. Removing by
 * extension number needs no lookup: a leaver already deleted may still be listed.
 */
export async function memberUser(ctx: IExecuteFunctions, itemIndex: number, mustExist: boolean): Promise<MemberUser> {
	const key = userKey(ctx, itemIndex);
	if ('number' in key && !mustExist) return { number: key.number };
	let found: IDataObject;
	try {
		found = await request(ctx, { path: userPath(key), qs: { $select: 'Id,Number' } }, itemIndex);
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '404') {
			const who = 'number' in key ? `Extension ${key.number}` : `User ID ${key.id}`;
			throw new NodeOperationError(ctx.getNode(), `${who} is not a user of the PBX (item ${itemIndex})`, {
				itemIndex,
				description: 'Only users (extensions) can be queue agents or ring group members. Check the number, or pick the user from the list.',
			});
		}
		throw asNodeError(ctx.getNode(), error);
	}
	const number = typeof found.Number === 'string' ? found.Number : '';
	if (number === '') throw new NodeOperationError(ctx.getNode(), 'The PBX answered the user lookup without an extension number', { itemIndex });
	return { id: Number(found.Id), number };
}

/** The member rows of a record read with `$expand` of its list; an answer without them is an error, never "no members". */
function memberRows(ctx: IExecuteFunctions, kind: CallGroupKind, record: IDataObject, itemIndex: number): IDataObject[] {
	const rows = record[kind.members];
	if (!Array.isArray(rows) || rows.some((row) => !row || typeof (row as IDataObject).Number !== 'string')) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The PBX answered without the ${kind.memberLabel}s of ${kind.label} ${String(record.Number ?? record.Id)}; nothing was changed`,
			{ itemIndex },
		);
	}
	return rows as IDataObject[];
}

/** What a PATCH of the list takes back for a row: its number, and a queue agent's skill group as read. */
const writableRow = (row: IDataObject): IDataObject =>
	typeof row.SkillGroup === 'string' ? { Number: row.Number, SkillGroup: row.SkillGroup } : { Number: row.Number };

/** Per PBX and list: two writes to it within this n8n process never overlap. */
async function lockKey(ctx: IExecuteFunctions, path: string): Promise<string> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	return `3cx ${threeCxBaseUrl(credentials.url)}${XAPI_PATH}${path}`;
}

/**
 * Makes `number` a member (or not) of the queue or ring group `id`: GET {collection}({Id}) with
 * $expand of the list, PATCH {collection}({Id}) with the whole new list (only when it has to
 * change), GET again to confirm. Returns the record as last read.
 */
export async function setMembership(
	ctx: IExecuteFunctions,
	kind: CallGroupKind,
	itemIndex: number,
	group: { id: number; number?: string },
	number: string,
	member: boolean,
): Promise<{ record: IDataObject; changed: boolean }> {
	const { id } = group;
	const path = callGroupPath(kind, { id });
	const has = (record: IDataObject) => memberRows(ctx, kind, record, itemIndex).some((row) => row.Number === number);
	const result = await convergentWrite(ctx, itemIndex, await lockKey(ctx, `${path}/${kind.members}`), {
		target: `the ${kind.memberLabel}s of ${kind.label} ${group.number ?? `ID ${id}`}`,
		read: async () => await readCallGroup(ctx, kind, { id }, itemIndex, { $select: 'Id,Number,Name', $expand: kind.members }),
		holds: (record) => has(record) === member,
		write: async (record) => {
			const rows = memberRows(ctx, kind, record, itemIndex).map(writableRow);
			const list = member ? [...rows, { Number: number }] : rows.filter((row) => row.Number !== number);
			await callGroupRequest(ctx, kind, itemIndex, async () => await request(ctx, { method: 'PATCH', path, body: { [kind.members]: list } }, itemIndex));
		},
	});
	return { record: result.state, changed: result.changed };
}

/** The output of Add Agent / Add Member and Remove Agent / Remove Member: the queue or ring group and its list as the PBX holds it now. */
function membershipOutput(ctx: IExecuteFunctions, kind: CallGroupKind, record: IDataObject, user: MemberUser, changed: boolean, itemIndex: number): IDataObject {
	const rows = memberRows(ctx, kind, record, itemIndex);
	return {
		[`${kind.resource}Id`]: record.Id,
		[`${kind.resource}Number`]: record.Number,
		[`${kind.resource}Name`]: record.Name ?? null,
		...(user.id !== undefined ? { userId: user.id } : {}),
		userNumber: user.number,
		changed,
		[`${kind.memberLabel}s`]: rows.map((row) => ({
			number: row.Number,
			name: row.Name ?? null,
			...(kind.members === 'Agents' ? { skillGroup: row.SkillGroup ?? null } : {}),
		})),
	};
}

/** Add Agent / Add Member (member: true) and Remove Agent / Remove Member (false). Both pickers are checked before any request. */
export async function changeMember(ctx: IExecuteFunctions, kind: CallGroupKind, itemIndex: number, member: boolean): Promise<ItemResult> {
	callGroupKey(ctx, kind, itemIndex);
	userKey(ctx, itemIndex);
	const group = await resolveCallGroup(ctx, kind, itemIndex);
	const user = await memberUser(ctx, itemIndex, member);
	const { record, changed } = await setMembership(ctx, kind, itemIndex, group, user.number, member);
	return membershipOutput(ctx, kind, record, user, changed, itemIndex);
}

/**
 * User › Remove From All Queues and Ring Groups: reads every queue and ring group with its list
 * (paged, `$expand`), then takes the user out of each one that lists it, each a convergent
 * write. By extension number the user need not exist any more.
 */
export async function removeFromAllCallGroups(ctx: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const user = await memberUser(ctx, itemIndex, false);
	const output: IDataObject = { ...(user.id !== undefined ? { id: String(user.id) } : {}), number: user.number, changed: false };
	for (const [kind, key] of [
		[QUEUE, 'queues'],
		[RING_GROUP, 'ringGroups'],
	] as const) {
		const { records } = await listRecords(ctx, { collection: kind.collection, query: { $select: 'Id,Number,Name', $expand: kind.members } }, itemIndex);
		const listing = records.filter((record) => memberRows(ctx, kind, record, itemIndex).some((row) => row.Number === user.number));
		const removed: IDataObject[] = [];
		for (const record of listing) {
			const { changed } = await setMembership(ctx, kind, itemIndex, { id: Number(record.Id), number: String(record.Number) }, user.number, false);
			if (changed) removed.push({ id: record.Id, number: record.Number, name: record.Name ?? null });
		}
		output[key] = removed;
		if (removed.length) output.changed = true;
	}
	return output;
}
