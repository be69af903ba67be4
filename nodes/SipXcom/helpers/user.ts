import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { checkXmlFields } from '../../shared/xmlText';
import { request } from '../transport';
import { parseOrFail, USER_DOCUMENT } from '../transport/api';
import type { RestUser, UserWrite } from '../transport/xml';
import { buildUserXml, parseSingleUser } from '../transport/xml';
import { idList, splitList } from './parameters';

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
