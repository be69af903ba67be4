/**
 * Users (Pbx.User): the collection with the OData subset in ./odata.ts and the live `$top` cap
 * of 100, a user by Id or by Number, create / PATCH / DELETE with the PBX's validation (unique
 * EmailAddress, immutable Number, known properties; Phones and ForwardingProfiles checked by
 * their modules), Pbx.BatchDelete with per-user errors and
 * Pbx.GetFirstAvailableExtensionNumber().
 */
import type { SandboxResponse } from '../core';
import type { ThreeCxContext } from './context';
import { idList, isUser, notFound, odataError, projection, userById, userSub, validation } from './context';
import { groupMembership } from './departments';
import { applyForwardingProfiles, defaultForwardingProfiles, forwardingProblem } from './forwarding';
import { shape } from './odata';
import { applyPhones, phonesProblem } from './phones';
import { USER_GROUP_SCHEMA, USER_SCHEMA, USERS } from './schema';
import type { ThreeCxState, ThreeCxUser } from './store';
import { allUsers } from './store';

const FIRST = ['Anna', 'Ben', 'Carla', 'David', 'Eva', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Klara', 'Lukas', "Zoë", 'Mia', "Seán"];
const LAST = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', "O'Brien", 'Becker', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf'];

/** Adds `count` deterministic users (numbers from `startNumber`), spread over the groups. */
export function seedUsers(state: ThreeCxState, count: number, startNumber = 100): ThreeCxUser[] {
	const created: ThreeCxUser[] = [];
	for (let i = 0; i < count; i++) {
		const id = state.nextId++;
		const first = FIRST[i % FIRST.length];
		const last = LAST[(i * 7) % LAST.length];
		const number = String(startNumber + i);
		const groupId = (i % state.groups.length) + 1;
		const user: ThreeCxUser = {
			Id: id,
			Number: number,
			FirstName: first,
			LastName: last,
			DisplayName: `${first} ${last}`,
			EmailAddress: `${first}.${last}.${number}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, ''),
			Mobile: i % 3 === 0 ? `+4915${String(10000000 + i)}` : '',
			OutboundCallerID: '',
			Enabled: i % 10 !== 9,
			IsRegistered: i % 4 === 0,
			Require2FA: false,
			HideInPhonebook: false,
			VMEnabled: true,
			Language: 'EN',
			PrimaryGroupId: groupId,
			AuthID: `auth${number}`,
			AuthPassword: `sip-pw-${number}-x9`,
			AccessPassword: `web-pw-${number}-y8`,
			VMPIN: String(1000 + (i % 9000)),
			Groups: [],
			Phones: [],
			ForwardingProfiles: defaultForwardingProfiles(number, id * 10),
		};
		user.Groups = [groupMembership(state, groupId)];
		state.users.set(id, user);
		created.push(user);
	}
	return created;
}

/** The lowest unused extension number from 100 up (the PBX's numbering plan). */
const firstFreeNumber = (state: ThreeCxState): string => {
	const used = new Set([...state.users.values()].map((u) => u.Number));
	let candidate = 100;
	while (used.has(String(candidate))) candidate++;
	return String(candidate);
};

export function userRoutes(ctx: ThreeCxContext): void {
	const { server, state, api, collection } = ctx;
	api('POST', '/Users/Pbx.BatchDelete', (req) => {
		const ids = idList(req);
		if (!Array.isArray(ids)) return ids;
		state.batchDeleteCalls.push(ids);
		const errors: Array<{ Error: string; ExtensionNumber: string | null }> = [];
		for (const id of ids) {
			const user = state.users.get(id);
			if (!user) errors.push({ Error: 'WARNINGS.XAPI.NOT_FOUND', ExtensionNumber: null });
			else if (state.undeletable.has(user.Number)) errors.push({ Error: 'WARNINGS.USER_EXTENSION_CANNOT_BE_DELETED', ExtensionNumber: user.Number });
			else state.users.delete(id);
		}
		return { status: 200, body: { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#Collection(Pbx.UserDeleteError)`, value: errors } };
	});

	api('GET', '/Users/Pbx.GetFirstAvailableExtensionNumber()', () => ({
		status: 200,
		body: { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#Pbx.FirstAvailableNumber`, Number: firstFreeNumber(state) },
	}));


	api('GET', '/Users', (req) => collection(USERS, allUsers(state) as never, req, 'Users'));

	api('GET', userSub('Groups'), (req) => {
		const user = userById(state, req.params.key);
		if (!isUser(user)) return user;
		return collection({ entity: 'UserGroup', schema: USER_GROUP_SCHEMA, nested: {}, searchable: ['Name'], navigation: ['Rights'] }, user.Groups as never, req, `Users(${user.Id})/Groups`);
	});

	// A key is a number or Number='…' (quotes doubled inside).
	const keyPattern = /^\/xapi\/v1\/Users\((?<key>(?:[^'/()]|'(?:[^']|'')*')*)\)$/;
	const findByKey = (key: string): ThreeCxUser | SandboxResponse => {
		const byNumber = /^Number='((?:[^']|'')*)'$/.exec(key);
		if (byNumber) {
			const number = byNumber[1].replace(/''/g, "'");
			const user = [...state.users.values()].find((u) => u.Number === number);
			return user ?? notFound('Number');
		}
		if (/^Number=/.test(key)) return odataError(400, `The key value '${key}' is not valid: string literals need single quotes.`);
		if (!/^-?\d+$/.test(key)) return odataError(400, `The key value '${key}' is not a valid value for type 'Edm.Int32'.`);
		return state.users.get(Number(key)) ?? notFound('Id');
	};

	api('GET', keyPattern, (req) => {
		const found = findByKey(req.params.key);
		if (!isUser(found)) return found;
		const { select, expand } = projection(USERS, req);
		return { status: 200, body: { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#Users/$entity`, ...shape(USERS, found, select, expand) } };
	});

	/** Checks a Pbx.User body: known properties, types, unique email, valid groups. */
	function validateUser(body: Record<string, unknown>, self?: ThreeCxUser): SandboxResponse | undefined {
		for (const [key, value] of Object.entries(body)) {
			if (key.startsWith('@odata.')) continue;
			const type = USER_SCHEMA[key];
			if (!type) return odataError(400, `The property '${key}' does not exist on type 'Pbx.User'. Make sure to only use property names that are defined by the type.`);
			if (value === null) continue;
			if ((type === 'string' && typeof value !== 'string') || (type === 'boolean' && typeof value !== 'boolean') || (type === 'number' && typeof value !== 'number') || (type === 'collection' && !Array.isArray(value))) {
				return odataError(400, `Cannot convert the literal '${JSON.stringify(value)}' to the expected type for property '${key}'.`);
			}
		}
		if (typeof body.EmailAddress === 'string' && body.EmailAddress !== '') {
			const email = body.EmailAddress.toLowerCase();
			if ([...state.users.values()].some((u) => u !== self && u.EmailAddress.toLowerCase() === email)) {
				return validation('EmailAddress', 'WARNINGS.XAPI.ALREADY_IN_USE');
			}
		}
		if (Array.isArray(body.Groups)) {
			for (const membership of body.Groups as Array<Record<string, unknown>>) {
				if (!state.groups.some((g) => g.Id === membership.GroupId)) return validation('Groups', 'WARNINGS.XAPI.NOT_FOUND');
			}
		}
		if (Array.isArray(body.Phones)) {
			const problem = phonesProblem(state, body.Phones as Array<Record<string, unknown>>, self);
			if (problem) return problem;
		}
		if (Array.isArray(body.ForwardingProfiles)) {
			const problem = forwardingProblem(body.ForwardingProfiles as Array<Record<string, unknown>>, self);
			if (problem) return problem;
		}
		return undefined;
	}

	function applyGroups(user: ThreeCxUser, groups: unknown): void {
		user.Groups = (groups as Array<{ GroupId: number; Rights?: { RoleName?: string } }>).map((m) =>
			groupMembership(state, m.GroupId, m.Rights?.RoleName ?? 'users'),
		);
		user.PrimaryGroupId = user.Groups[0]?.GroupId ?? null;
	}

	api('POST', '/Users', (req) => {
		const body = (req.body ?? {}) as Record<string, unknown>;
		if (typeof req.body !== 'object' || req.body === null) return odataError(400, 'The request body is not a valid Pbx.User.');
		const invalid = validateUser(body);
		if (invalid) return invalid;
		let number = typeof body.Number === 'string' ? body.Number.trim() : '';
		if (number !== '' && [...state.users.values()].some((u) => u.Number === number)) return validation('Number', 'WARNINGS.XAPI.ALREADY_IN_USE');
		if (number === '') number = firstFreeNumber(state);
		const id = state.nextId++;
		const user: ThreeCxUser = {
			Id: id,
			FirstName: '',
			LastName: '',
			EmailAddress: '',
			Mobile: '',
			OutboundCallerID: '',
			Enabled: true,
			IsRegistered: false,
			Require2FA: false,
			HideInPhonebook: false,
			VMEnabled: true,
			Language: 'EN',
			PrimaryGroupId: 1,
			AuthID: `auth${number}`,
			AuthPassword: `gen-${id}-pw`,
			AccessPassword: `gen-${id}-web`,
			VMPIN: '0000',
			...(body as object),
			Number: number,
			Groups: [groupMembership(state, 1)],
			Phones: [],
			ForwardingProfiles: defaultForwardingProfiles(number, id * 10),
		} as ThreeCxUser;
		if (Array.isArray(body.Groups)) applyGroups(user, body.Groups);
		if (Array.isArray(body.Phones)) applyPhones(ctx, user, body.Phones as Array<Record<string, unknown>>);
		user.DisplayName = `${user.FirstName} ${user.LastName}`.trim();
		state.users.set(id, user);
		return { status: 201, body: { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#Users/$entity`, ...shape(USERS, user, [], []) } };
	});

	api('PATCH', keyPattern, (req) => {
		const found = findByKey(req.params.key);
		if (!isUser(found)) return found;
		const body = (req.body ?? {}) as Record<string, unknown>;
		if ('Id' in body && body.Id !== found.Id) return validation('Id', 'WARNINGS.XAPI.FORBIDDEN_CHANGE');
		// "Should not allow to change number" (3cx/xapi-tutorial src/users.spec.ts).
		if ('Number' in body && body.Number !== found.Number) return validation('Number', 'WARNINGS.XAPI.FORBIDDEN_CHANGE');
		const invalid = validateUser(body, found);
		if (invalid) return invalid;
		for (const [key, value] of Object.entries(body)) {
			if (key === 'Groups') applyGroups(found, value);
			else if (key === 'Phones') applyPhones(ctx, found, value as Array<Record<string, unknown>>);
			else if (key === 'ForwardingProfiles') applyForwardingProfiles(found, value as Array<Record<string, unknown>>);
			else if (!key.startsWith('@odata.')) found[key] = value;
		}
		found.DisplayName = `${found.FirstName} ${found.LastName}`.trim();
		return { status: 204 };
	});

	api('DELETE', keyPattern, (req) => {
		const found = findByKey(req.params.key);
		if (!isUser(found)) return found;
		if (state.undeletable.has(found.Number)) return validation('Number', 'WARNINGS.USER_EXTENSION_CANNOT_BE_DELETED');
		state.users.delete(found.Id);
		return { status: 204 };
	});
}
