/**
 * Departments (Pbx.Group): the Groups collection with Members, create / PATCH / DELETE with the
 * PBX's validation (unique Name, immutable Number, no deleting the default department or one
 * with members). Membership lives on the user (`User.Groups`); Members is read from there.
 */
import type { SandboxResponse } from '../core';
import type { ThreeCxContext } from './context';
import { notFound, odataError, projection, validation } from './context';
import { shape } from './odata';
import { GROUP_SCHEMA, GROUPS, MEMBERS } from './schema';
import type { ThreeCxGroup, ThreeCxState } from './store';
import { allUsers, defaultGroups } from './store';

/** A membership row of `User.Groups` (its Id is unique per department and user). */
export function groupMembership(state: ThreeCxState, groupId: number, roleName = 'users') {
	const group = state.groups.find((g) => g.Id === groupId)!;
	return { Id: groupId * 100000 + state.nextId, GroupId: group.Id, Name: group.Name, Number: group.Number, Rights: { RoleName: roleName } };
}

export function departmentRoutes({ server, state, api, collection }: ThreeCxContext): void {
	/** Members of a department as Pbx.UserGroup rows: the member's Number and name, the role. */
	const membersOf = (group: ThreeCxGroup): Array<Record<string, unknown>> =>
		allUsers(state).flatMap((user) =>
			user.Groups.filter((m) => m.GroupId === group.Id).map((m) => ({
				Id: m.Id,
				GroupId: group.Id,
				Name: group.Name,
				Number: user.Number,
				MemberName: user.DisplayName ?? `${user.FirstName} ${user.LastName}`.trim(),
				Type: 'Extension',
				CanDelete: true,
				Rights: { ...m.Rights },
			})),
		);
	const groupRow = (group: ThreeCxGroup) => ({ ...group, HasMembers: membersOf(group).length > 0, Members: membersOf(group) });
	const groupsById = () => [...state.groups].sort((a, b) => a.Id - b.Id);

	api('GET', '/Groups', (req) => collection(GROUPS, groupsById().map(groupRow) as never, req, 'Groups'));

	const groupKey = /^\/xapi\/v1\/Groups\((?<key>[^/()]*)\)$/;
	const groupMembersPath = /^\/xapi\/v1\/Groups\((?<key>[^/()]*)\)\/Members$/;
	const findGroup = (key: string): ThreeCxGroup | SandboxResponse => {
		if (!/^-?\d+$/.test(key)) return odataError(400, `The key value '${key}' is not a valid value for type 'Edm.Int32'.`);
		return state.groups.find((g) => g.Id === Number(key)) ?? notFound('Id');
	};
	const isGroup = (value: ThreeCxGroup | SandboxResponse): value is ThreeCxGroup => 'Id' in value;

	/** Checks a Pbx.Group body: known, writable properties of the right type, a unique Name. */
	function validateGroup(body: Record<string, unknown>, self?: ThreeCxGroup): SandboxResponse | undefined {
		for (const [key, value] of Object.entries(body)) {
			if (key.startsWith('@odata.')) continue;
			const type = GROUP_SCHEMA[key];
			if (!type) return odataError(400, `The property '${key}' does not exist on type 'Pbx.Group'. Make sure to only use property names that are defined by the type.`);
			if (value === null) continue;
			if ((type === 'string' && typeof value !== 'string') || (type === 'boolean' && typeof value !== 'boolean') || (type === 'number' && typeof value !== 'number') || (type === 'collection' && !Array.isArray(value))) {
				return odataError(400, `Cannot convert the literal '${JSON.stringify(value)}' to the expected type for property '${key}'.`);
			}
		}
		if ('Name' in body || !self) {
			const name = typeof body.Name === 'string' ? body.Name.trim() : '';
			if (name === '') return validation('Name', 'WARNINGS.XAPI.REQUIRED');
			if (state.groups.some((g) => g !== self && g.Name.toLowerCase() === name.toLowerCase())) return validation('Name', 'WARNINGS.XAPI.ALREADY_IN_USE');
		}
		if (Array.isArray(body.Members)) {
			for (const member of body.Members as Array<Record<string, unknown>>) {
				if (![...state.users.values()].some((u) => u.Number === member.Number)) return validation('Members', 'WARNINGS.XAPI.NOT_FOUND');
			}
		}
		return undefined;
	}

	/** `Members` replaces the department's member list (the tutorial sets one member, then none). */
	function applyMembers(group: ThreeCxGroup, members: Array<{ Number: string; Rights?: { RoleName?: string } }>): void {
		for (const user of state.users.values()) {
			const wanted = members.find((m) => m.Number === user.Number);
			const others = user.Groups.filter((m) => m.GroupId !== group.Id);
			user.Groups = wanted ? [...others, groupMembership(state, group.Id, wanted.Rights?.RoleName ?? 'users')] : others;
			user.PrimaryGroupId = user.Groups[0]?.GroupId ?? null;
		}
	}

	const writableGroup = (body: Record<string, unknown>) =>
		Object.fromEntries(Object.entries(body).filter(([key]) => !key.startsWith('@odata.') && !['Id', 'Members', 'HasMembers', 'IsDefault'].includes(key)));

	api('POST', '/Groups', (req) => {
		if (typeof req.body !== 'object' || req.body === null) return odataError(400, 'The request body is not a valid Pbx.Group.');
		const body = req.body as Record<string, unknown>;
		const invalid = validateGroup(body);
		if (invalid) return invalid;
		let number = typeof body.Number === 'string' ? body.Number.trim() : '';
		if (number !== '' && state.groups.some((g) => g.Number === number)) return validation('Number', 'WARNINGS.XAPI.ALREADY_IN_USE');
		const id = state.nextGroupId++;
		if (number === '') {
			let n = id - 1;
			while (state.groups.some((g) => g.Number === `GRP${String(n).padStart(4, '0')}`)) n++;
			number = `GRP${String(n).padStart(4, '0')}`;
		}
		const group: ThreeCxGroup = { ...defaultGroups()[1], ...writableGroup(body), Id: id, Name: String(body.Name).trim(), Number: number, IsDefault: false };
		state.groups.push(group);
		if (Array.isArray(body.Members)) applyMembers(group, body.Members as never);
		return { status: 201, body: { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#Groups/$entity`, ...shape(GROUPS, groupRow(group), [], []) } };
	});

	api('GET', groupMembersPath, (req) => {
		const group = findGroup(req.params.key);
		if (!isGroup(group)) return group;
		return collection(MEMBERS, membersOf(group), req, `Groups(${group.Id})/Members`);
	});

	api('GET', groupKey, (req) => {
		const group = findGroup(req.params.key);
		if (!isGroup(group)) return group;
		const { select, expand } = projection(GROUPS, req);
		return { status: 200, body: { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#Groups/$entity`, ...shape(GROUPS, groupRow(group), select, expand) } };
	});

	api('PATCH', groupKey, (req) => {
		const group = findGroup(req.params.key);
		if (!isGroup(group)) return group;
		const body = (req.body ?? {}) as Record<string, unknown>;
		if ('Id' in body && body.Id !== group.Id) return validation('Id', 'WARNINGS.XAPI.FORBIDDEN_CHANGE');
		// "Should not allow to change number" (3cx/xapi-tutorial src/groups.spec.ts).
		if ('Number' in body && body.Number !== group.Number) return validation('Number', 'WARNINGS.XAPI.FORBIDDEN_CHANGE');
		const invalid = validateGroup(body, group);
		if (invalid) return invalid;
		Object.assign(group, writableGroup(body));
		if (typeof body.Name === 'string') group.Name = body.Name.trim();
		if (Array.isArray(body.Members)) applyMembers(group, body.Members as never);
		for (const user of state.users.values()) for (const m of user.Groups) if (m.GroupId === group.Id) Object.assign(m, { Name: group.Name });
		return { status: 204 };
	});

	api('DELETE', groupKey, (req) => {
		const group = findGroup(req.params.key);
		if (!isGroup(group)) return group;
		if (group.IsDefault) return validation('Id', 'WARNINGS.GROUP_CANNOT_BE_DELETED');
		if (membersOf(group).length) return validation('Members', 'WARNINGS.GROUP_WITH_MEMBERS_CANNOT_BE_DELETED');
		state.groups = state.groups.filter((g) => g !== group);
		return { status: 204 };
	});
}
