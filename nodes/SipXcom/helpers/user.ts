import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { convergentWrite } from '../../shared/convergentWrite';
import { noteTarget } from '../../shared/dryRun';
import { assertUnchanged, readOnlyIfUnchanged } from '../../shared/onlyIfUnchanged';
import { checkXmlFields } from '../../shared/xmlText';
import { request } from '../transport';
import { appUrl, CREDENTIAL_TYPE } from '../transport/credential';
import { parseOrFail, USER_DOCUMENT } from '../transport/api';
import type { RestUser, UserWrite } from '../transport/xml';
import { buildUserXml, parseSingleUser } from '../transport/xml';
import { idList, splitList } from './parameters';
import { normaliseRecord, SECRET_FIELDS } from './record';

const USER_FIELD_LABELS: Record<string, string> = {
	userName: 'User Name',
	firstName: 'First Name',
	lastName: 'Last Name',
	emailAddress: 'Email',
	pin: 'PIN',
	sipPassword: 'SIP Password',
	aliases: 'Aliases',
};

/**
 * The XML body of a user write, after refusing characters XML 1.0 cannot carry (naming the
 * field), and the PIN and SIP password it holds, so an echoing server cannot show them.
 */
export function userWriteBody(ctx: IExecuteFunctions, user: UserWrite, itemIndex: number): { xml: string; secrets: string[] } {
	checkXmlFields(ctx.getNode(), user, itemIndex, (path) => USER_FIELD_LABELS[path[0] ?? ''] ?? path.join(' › '));
	const secrets = [user.pin, user.sipPassword].filter((value): value is string => typeof value === 'string' && value !== '');
	return { xml: buildUserXml(user), secrets };
}

/** Reads one user by internal id. */
export async function readUser(ctx: IExecuteFunctions, id: string, itemIndex: number): Promise<RestUser> {
	const text = await request(ctx, { api: 'rest', method: 'GET', path: `/user/${id}`, expect: USER_DOCUMENT }, itemIndex);
	return await parseOrFail(ctx, text, parseSingleUser, 'user', itemIndex);
}

/** The current user as a write body: what sipXconfig would otherwise clear is carried over. */
export function currentAsWrite(user: RestUser): UserWrite {
	return {
		userName: user.userName ?? '',
		// sipXconfig never returns the PIN or SIP password; an empty one leaves it unchanged.
		pin: '',
		sipPassword: '',
		lastName: typeof user.lastName === 'string' ? user.lastName : undefined,
		firstName: typeof user.firstName === 'string' ? user.firstName : undefined,
		emailAddress: typeof user.emailAddress === 'string' ? user.emailAddress : undefined,
		groupIds: user.groups.map((g) => g.id).filter((id): id is number => id !== undefined),
		branchId: user.branch?.id,
		aliases: [...user.aliases],
	};
}

/** Applies the fields the user set onto a write body; list fields replace the current lists. */
export function applyUserFields(
	ctx: IExecuteFunctions,
	target: UserWrite,
	fields: IDataObject,
	itemIndex: number,
): UserWrite {
	for (const key of ['userName', 'firstName', 'lastName', 'emailAddress', 'pin', 'sipPassword'] as const) {
		if (fields[key] !== undefined) target[key] = String(fields[key]);
	}
	if (fields.aliases !== undefined) target.aliases = splitList(fields.aliases);
	if (fields.groupIds !== undefined) target.groupIds = idList(ctx, fields.groupIds, 'Group Names or IDs', itemIndex);
	if (fields.branchId !== undefined && fields.branchId !== '') {
		target.branchId = idList(ctx, fields.branchId, 'Branch Name or ID', itemIndex)[0];
	}
	return target;
}

const sameSet = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((entry) => b.includes(entry));

/** Whether the user as read shows every field of `wanted` that sipXconfig returns (never the PIN or SIP password). */
function showsFields(user: RestUser, wanted: UserWrite, fields: IDataObject): boolean {
	const text = (value: unknown) => (typeof value === 'string' ? value : '');
	for (const key of ['userName', 'firstName', 'lastName', 'emailAddress'] as const) {
		if (fields[key] !== undefined && text(user[key]) !== text(wanted[key])) return false;
	}
	if (fields.aliases !== undefined && !sameSet(user.aliases, wanted.aliases ?? [])) return false;
	if (fields.groupIds !== undefined && !sameSet(user.groups.map((g) => g.id), wanted.groupIds ?? [])) return false;
	if (fields.branchId !== undefined && fields.branchId !== '' && user.branch?.id !== wanted.branchId) return false;
	return true;
}

/**
 * Update: `PUT /user/{id}` replaces groups, branch and aliases with what it is sent, so the body
 * is the user as read with the chosen fields applied (read-modify-write), read back until the
 * fields hold (convergentWrite: writes to one user wait for each other in this process, and a
 * change another writer undid is written again from fresh data). The PIN and SIP password are
 * never returned by sipXconfig, so they count as done once written. Returns the user read back.
 */
/**
 * Options › Only If Unchanged (given `expected`): fails the item when the user as just read
 * differs. Also notes the user as a dry run's target.
 */
export function checkUserUnchanged(ctx: IExecuteFunctions, itemIndex: number, id: string, user: RestUser | undefined, expected: IDataObject | undefined): void {
	if (expected) {
		assertUnchanged(ctx, itemIndex, expected, {
			what: 'sipXcom user',
			number: user?.userName ?? `ID ${id}`,
			raw: user as IDataObject | undefined,
			normalised: user && normaliseRecord(user as IDataObject, true),
			secretFields: SECRET_FIELDS,
		});
	}
	noteTarget(ctx, { ...(user?.userName ? { number: user.userName } : {}), id });
}

export async function updateUser(ctx: IExecuteFunctions, itemIndex: number, id: string, fields: IDataObject): Promise<RestUser> {
	const writeOnly = ['pin', 'sipPassword'].some((key) => fields[key] !== undefined);
	const expected = readOnlyIfUnchanged(ctx, itemIndex);
	let written = false;
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const { state } = await convergentWrite(ctx, itemIndex, `sipxcom ${appUrl(credentials.serverUrl)} user ${id}`, {
		target: `user ${id}`,
		read: async () => await readUser(ctx, id, itemIndex),
		holds: (user) => (!writeOnly || written) && showsFields(user, applyUserFields(ctx, currentAsWrite(user), fields, itemIndex), fields),
		write: async (user) => {
			// The read just before the first write is what Only If Unchanged checks; later
			// attempts follow this node's own write.
			if (!written) checkUserUnchanged(ctx, itemIndex, id, user, expected);
			const body = applyUserFields(ctx, currentAsWrite(user), fields, itemIndex);
			await request(ctx, { api: 'restWrite', method: 'PUT', path: `/user/${id}`, ...userWriteBody(ctx, body, itemIndex) }, itemIndex);
			written = true;
		},
	});
	return state;
}
