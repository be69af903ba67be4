import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { request } from '../transport';
import { userPath } from '../transport/odata';
import { convergentUserWrite } from './userWrite';

/** One department membership as `Users.Groups` takes it in a PATCH. */
export interface Membership {
	GroupId: number;
	Rights: { RoleName: string };
}

/** What a membership operation outputs: the user and the memberships after the change. */
export interface MembershipResult extends IDataObject {
	id: string;
	number: string | null;
	changed: boolean;
	departments: Array<{ id: number; name: string | null; number: string | null; role: string | null }>;
}

async function readUserGroups(ctx: IExecuteFunctions, id: number, itemIndex: number): Promise<IDataObject> {
	// Rights is a navigation property of Pbx.UserGroup: expand it, or the role is not returned.
	return await request(ctx, { path: userPath({ id }), qs: { $select: 'Id,Number', $expand: 'Groups($expand=Rights)' } }, itemIndex);
}

/**
 * The user's memberships as they are now. A read without `Groups`, or a membership without its
 * role, is an error: writing a list built from it would drop or demote memberships.
 */
export async function currentMemberships(ctx: IExecuteFunctions, id: number, itemIndex: number): Promise<{ user: IDataObject; memberships: Membership[] }> {
	const user = await readUserGroups(ctx, id, itemIndex);
	if (!Array.isArray(user.Groups)) {
		throw new NodeOperationError(ctx.getNode(), `The PBX answered without the departments of user ${id}; memberships were not changed`, { itemIndex });
	}
	const memberships = (user.Groups as IDataObject[]).map((group) => {
		const rights = group.Rights as IDataObject | undefined;
		const groupId = Number(group.GroupId);
		if (!Number.isInteger(groupId) || !rights || typeof rights.RoleName !== 'string' || rights.RoleName === '') {
			throw new NodeOperationError(
				ctx.getNode(),
				`The PBX answered without the role of a department membership of user ${id}; memberships were not changed`,
				{ itemIndex, description: 'Writing the memberships back without their roles could demote the user in other departments.' },
			);
		}
		return { GroupId: groupId, Rights: { RoleName: rights.RoleName } };
	});
	return { user, memberships };
}

/** PATCH /Users({Id}) with the whole new membership list (Groups replaces all memberships). */
async function writeMemberships(ctx: IExecuteFunctions, id: number, memberships: Membership[], itemIndex: number): Promise<void> {
	await request(ctx, { method: 'PATCH', path: userPath({ id }), body: { Groups: memberships } }, itemIndex);
}

/**
 * Makes the user a member of the department with this role (`roleName`), or not a member
 * (`roleName` undefined), keeping every other membership as the PBX holds it at the time of
 * each write; read back until it holds (convergentUserWrite). Outputs the memberships read back.
 */
export async function changeMembership(
	ctx: IExecuteFunctions,
	itemIndex: number,
	id: number,
	groupId: number,
	roleName: string | undefined,
): Promise<MembershipResult> {
	const wanted = roleName === undefined ? `not a member of department ${groupId}` : `member of department ${groupId} as ${roleName}`;
	const { state, changed } = await convergentUserWrite(ctx, itemIndex, id, {
		target: `the departments of user ${id} (${wanted})`,
		read: async () => await currentMemberships(ctx, id, itemIndex),
		holds: ({ memberships }) => {
			const current = memberships.find((m) => m.GroupId === groupId);
			return roleName === undefined ? current === undefined : current?.Rights.RoleName === roleName;
		},
		write: async ({ memberships }) => {
			// A changed role stays in its place in the list (the first membership may be the primary department).
			const membership = roleName === undefined ? undefined : { GroupId: groupId, Rights: { RoleName: roleName } };
			const next = memberships.some((m) => m.GroupId === groupId)
				? memberships.flatMap((m) => (m.GroupId !== groupId ? [m] : membership ? [membership] : []))
				: [...memberships, ...(membership ? [membership] : [])];
			await writeMemberships(ctx, id, next, itemIndex);
		},
	});
	return membershipResult(state.user, id, changed);
}

/** The output: the user and the memberships as the PBX showed them last. */
function membershipResult(user: IDataObject, id: number, changed: boolean): MembershipResult {
	const groups = user.Groups as IDataObject[];
	return {
		id: String(id),
		number: user.Number === undefined || user.Number === null ? null : String(user.Number),
		changed,
		departments: groups.map((group) => ({
			id: Number(group.GroupId),
			name: typeof group.Name === 'string' ? group.Name : null,
			number: typeof group.Number === 'string' ? group.Number : null,
			role: typeof (group.Rights as IDataObject | undefined)?.RoleName === 'string' ? String((group.Rights as IDataObject).RoleName) : null,
		})),
	};
}
