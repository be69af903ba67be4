/**
 * A loopback 3CX V20 PBX for the XAPI (/xapi/v1): OAuth2 client-credentials tokens (one
 * active token per client, real expiry), the Users collection with the OData subset in
 * ./odata.ts and the live `$top` cap of 100, Users by key and by Number, create / PATCH /
 * DELETE with the PBX's validation (unique EmailAddress, immutable Number, known properties),
 * Pbx.BatchDelete with per-user errors, Pbx.ReprovisionAllPhones (recorded), CSV
 * Pbx.ExportExtensions, Groups and Defs. Errors use the OData body
 * `{"error":{"code":"","message","details":[{code,message,target}]}}`.
 */
import { SandboxServer } from '../core';
import type { SandboxOptions, SandboxRequest, SandboxResponse } from '../core';
import type { EntitySet, Schema } from './odata';
import { applyQuery, ODataError, shape } from './odata';

export interface ThreeCxUser {
	Id: number;
	Number: string;
	FirstName: string;
	LastName: string;
	DisplayName?: string;
	EmailAddress: string;
	Mobile: string;
	OutboundCallerID: string;
	Enabled: boolean;
	IsRegistered: boolean;
	Require2FA: boolean;
	HideInPhonebook: boolean;
	VMEnabled: boolean;
	Language: string;
	PrimaryGroupId: number | null;
	AuthID: string;
	AuthPassword: string;
	AccessPassword: string;
	VMPIN: string;
	Groups: Array<{ Id: number; GroupId: number; Name: string; Number: string; Rights: { RoleName: string } }>;
	[key: string]: unknown;
}

export interface ThreeCxGroup {
	Id: number;
	Name: string;
	Number: string;
	IsDefault: boolean;
}

const USER_SCHEMA: Schema = {
	Id: 'number',
	Number: 'string',
	FirstName: 'string',
	LastName: 'string',
	DisplayName: 'string',
	EmailAddress: 'string',
	Mobile: 'string',
	OutboundCallerID: 'string',
	Enabled: 'boolean',
	IsRegistered: 'boolean',
	Require2FA: 'boolean',
	Enable2FA: 'boolean',
	HideInPhonebook: 'boolean',
	Internal: 'boolean',
	VMEnabled: 'boolean',
	RecordCalls: 'boolean',
	SendEmailMissedCalls: 'boolean',
	Language: 'string',
	PrimaryGroupId: 'number',
	AuthID: 'string',
	AuthPassword: 'string',
	AccessPassword: 'string',
	DeskphonePassword: 'string',
	VMPIN: 'string',
	SIPID: 'string',
	PromptSet: 'string',
	CurrentProfileName: 'string',
	Groups: 'collection',
	Phones: 'collection',
	Tags: 'collection',
};

const USER_GROUP_SCHEMA: Schema = { Id: 'number', GroupId: 'number', Name: 'string', Number: 'string', Rights: 'object' };

const USERS: EntitySet = {
	entity: 'User',
	schema: USER_SCHEMA,
	nested: { Groups: { schema: USER_GROUP_SCHEMA, entity: 'UserGroup' }, Phones: { schema: {}, entity: 'Phone' }, Tags: { schema: {}, entity: 'UserTag' } },
	searchable: ['Number', 'FirstName', 'LastName', 'DisplayName', 'EmailAddress', 'Mobile'],
	navigation: ['Groups', 'Phones'],
};

const GROUPS: EntitySet = {
	entity: 'Group',
	schema: { Id: 'number', Name: 'string', Number: 'string', IsDefault: 'boolean' },
	nested: {},
	searchable: ['Name', 'Number'],
	navigation: [],
};

const SIP_DEVICES: EntitySet = {
	entity: 'SipDevice',
	schema: { Id: 'number', DN: 'object', ProvLink: 'string', PhoneWebPassword: 'string', Registrar: 'object' },
	nested: {},
	searchable: [],
	navigation: [],
};

/** Columns of the sandbox's Export Extensions CSV (the V20 column set is undocumented). */
export const EXPORT_COLUMNS = [
	'Number',
	'FirstName',
	'LastName',
	'EmailAddress',
	'Mobile',
	'OutboundCallerID',
	'Enabled',
	'Language',
	'AuthID',
	'AuthPassword',
	'Department',
];

export interface ThreeCxSandboxOptions extends SandboxOptions {
	clientId?: string;
	clientSecret?: string;
	/** Real token lifetime in seconds (default 3600). */
	tokenLifetimeSeconds?: number;
	/** Unit of `expires_in`: seconds since 20.0.9, minutes before (default 'seconds'). */
	expiresInUnit?: 'seconds' | 'minutes';
	/** Format of Export Extensions: live PBXs send CSV, the swagger says JSON (default 'csv'). */
	exportFormat?: 'csv' | 'json';
	version?: string;
	/** Rows /Users returns when no $top is given (undefined = all; live behaviour is undocumented). */
	defaultPageSize?: number;
}

export interface ThreeCxState {
	users: Map<number, ThreeCxUser>;
	groups: ThreeCxGroup[];
	nextId: number;
	/** The one active token per client ID, with its expiry (ms since epoch). */
	tokens: Map<string, { token: string; expiresAt: number }>;
	tokensIssued: number;
	/** Bodies received by Pbx.ReprovisionAllPhones. */
	reprovisionCalls: number[][];
	/** Bodies received by Pbx.BatchDelete. */
	batchDeleteCalls: number[][];
	/** Extension numbers the PBX refuses to delete (e.g. the system owner). */
	undeletable: Set<string>;
	/** What GET /SipDevices lists (Pbx.SipDevice rows; empty unless a test adds some). */
	sipDevices: Array<Record<string, unknown>>;
	/** Reject every API token, as a client without XAPI access would see. */
	rejectAllTokens: boolean;
	/** Expire all tokens after this many more authorised API requests. */
	expireAfterRequests?: number;
	options: Required<Omit<ThreeCxSandboxOptions, 'tls' | 'defaultPageSize'>> & { defaultPageSize?: number };
}

const FIRST = ['Anna', 'Ben', 'Carla', 'David', 'Eva', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Klara', 'Lukas', "Zoë", 'Mia', "Seán"];
const LAST = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', "O'Brien", 'Becker', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf'];

function odataError(status: number, message: string, details: Array<{ message: string; target?: string }> = []): SandboxResponse {
	return {
		status,
		body: {
			error: { code: '', message, details: details.map((d) => ({ code: '', message: d.message, target: d.target ?? null })) },
		},
	};
}

/** The text fields of a multipart/form-data body, or undefined for any other content type. */
function multipartFields(req: SandboxRequest): Record<string, string> | undefined {
	const boundary = /^multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;]+))/i.exec(req.headers['content-type'] ?? '');
	if (!boundary) return undefined;
	const fields: Record<string, string> = {};
	for (const part of req.text.split(`--${boundary[1] ?? boundary[2]}`)) {
		const split = part.indexOf('\r\n\r\n');
		if (split < 0) continue;
		const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(part.slice(0, split));
		if (name) fields[name[1]] = part.slice(split + 4).replace(/\r\n$/, '');
	}
	return fields;
}

function validation(target: string, warning: string): SandboxResponse {
	return odataError(400, `${target}:\n${warning}`, [{ message: warning, target }]);
}

export function createThreeCxSandbox(options: ThreeCxSandboxOptions = {}) {
	const server = new SandboxServer('3cx', options);
	const state: ThreeCxState = {
		users: new Map(),
		groups: [
			{ Id: 1, Name: 'DEFAULT', Number: 'GRP0000', IsDefault: true },
			{ Id: 2, Name: 'Sales', Number: 'GRP0001', IsDefault: false },
			{ Id: 3, Name: 'Support', Number: 'GRP0002', IsDefault: false },
			{ Id: 4, Name: "Ops & Field", Number: 'GRP0003', IsDefault: false },
		],
		nextId: 1,
		tokens: new Map(),
		tokensIssued: 0,
		reprovisionCalls: [],
		batchDeleteCalls: [],
		undeletable: new Set(),
		sipDevices: [],
		rejectAllTokens: false,
		options: {
			clientId: options.clientId ?? '900',
			clientSecret: options.clientSecret ?? 'sandbox-3cx-secret-key',
			tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
			expiresInUnit: options.expiresInUnit ?? 'seconds',
			exportFormat: options.exportFormat ?? 'csv',
			version: options.version ?? '20.0.10.900',
			defaultPageSize: options.defaultPageSize,
		},
	};

	const groupMembership = (groupId: number, roleName = 'users') => {
		const group = state.groups.find((g) => g.Id === groupId)!;
		return { Id: groupId * 100000 + state.nextId, GroupId: group.Id, Name: group.Name, Number: group.Number, Rights: { RoleName: roleName } };
	};

	/** Adds `count` deterministic users (numbers from `startNumber`), spread over the groups. */
	function seedUsers(count: number, startNumber = 100): ThreeCxUser[] {
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
			};
			user.Groups = [groupMembership(groupId)];
			state.users.set(id, user);
			created.push(user);
		}
		return created;
	}

	function reset(): void {
		state.users.clear();
		state.nextId = 1;
		state.tokens.clear();
		state.tokensIssued = 0;
		state.reprovisionCalls.length = 0;
		state.batchDeleteCalls.length = 0;
		state.undeletable.clear();
		state.rejectAllTokens = false;
		state.expireAfterRequests = undefined;
	}

	const allUsers = () => [...state.users.values()].sort((a, b) => a.Id - b.Id);

	// --- token endpoint (host root, not under /xapi/v1) -------------------------------------
	server.route('POST', '/connect/token', (req) => {
		// 3CX documents the urlencoded form; its own tutorial (3cx/xapi-tutorial auth.ts) posts a
		// FormData, which fetch sends as multipart/form-data, and live PBXs accept it. Both are read.
		const form = (multipartFields(req) ?? req.body ?? {}) as Record<string, string>;
		if (!form.client_id || !form.client_secret || form.grant_type !== 'client_credentials') {
			return { status: 400, body: { error: 'invalid_request', error_description: 'The mandatory client_id, client_secret or grant_type parameter is missing.' } };
		}
		if (form.client_id !== state.options.clientId || form.client_secret !== state.options.clientSecret) {
			return { status: 401, body: { error: 'unauthorized', error_description: 'The request requires valid user authentication.' } };
		}
		const token = `xapi-${++state.tokensIssued}-${Math.random().toString(36).slice(2, 12)}`;
		// One active token per client: a new token replaces (revokes) the previous one.
		state.tokens.set(form.client_id, { token, expiresAt: Date.now() + state.options.tokenLifetimeSeconds * 1000 });
		const lifetime = state.options.tokenLifetimeSeconds;
		const expiresIn = state.options.expiresInUnit === 'minutes' ? Math.max(1, Math.round(lifetime / 60)) : lifetime;
		return { status: 200, body: { token_type: 'Bearer', expires_in: expiresIn, access_token: token, refresh_token: null } };
	});

	function authorised(req: SandboxRequest): boolean {
		if (state.rejectAllTokens) return false;
		const presented = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
		const now = Date.now();
		const valid = [...state.tokens.values()].some((t) => t.token === presented && t.expiresAt > now);
		if (!valid) return false;
		if (state.expireAfterRequests !== undefined) {
			if (state.expireAfterRequests <= 0) {
				state.tokens.clear();
				state.expireAfterRequests = undefined;
				return false;
			}
			state.expireAfterRequests--;
		}
		return true;
	}

	const api = (method: string, pattern: string | RegExp, handler: (req: SandboxRequest) => SandboxResponse) =>
		server.route(method, typeof pattern === 'string' ? `/xapi/v1${pattern}` : pattern, (req) => {
			if (!authorised(req)) return { status: 401, body: '' };
			try {
				return handler(req);
			} catch (error) {
				if (error instanceof ODataError) return odataError(400, error.message);
				throw error;
			}
		});

	const collection = (set: EntitySet, rows: Array<Record<string, unknown>>, req: SandboxRequest, context: string, maxTop = 100): SandboxResponse => {
		const query = { ...req.query };
		if (query.$top === undefined && state.options.defaultPageSize !== undefined) query.$top = String(state.options.defaultPageSize);
		const result = applyQuery(set, rows, query, { maxTop });
		const body: Record<string, unknown> = { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#${context}` };
		if (result.count !== undefined) body['@odata.count'] = result.count;
		body.value = result.rows;
		return { status: 200, body };
	};

	// --- Defs (connectivity probe) ----------------------------------------------------------
	api('GET', '/Defs', (req) => {
		const select = (req.query.$select ?? '').split(',').filter(Boolean);
		const defs: Record<string, unknown> = { Id: 1, Codecs: [], TimeZones: [] };
		const body: Record<string, unknown> = { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#Defs` };
		for (const key of select.length ? select : Object.keys(defs)) body[key] = defs[key];
		return { status: 200, headers: { 'X-3CX-Version': state.options.version }, body };
	});

	// --- Groups -----------------------------------------------------------------------------
	api('GET', '/Groups', (req) => collection(GROUPS, state.groups as never, req, 'Groups'));

	// Departments as 3cx/xapi-tutorial src/groups.spec.ts uses them: POST with only a Name (the PBX
	// picks the Number), PATCH with the same Number (another Number is refused), Members set from
	// the department side, DELETE. Whether Members replaces the whole member list is UNCONFIRMED;
	// the sandbox replaces it (the tutorial sets one member, then none).
	const groupKey = /^\/xapi\/v1\/Groups\((?<key>-?\d+)\)$/;
	const findGroup = (key: string) =>
		state.groups.find((g) => g.Id === Number(key)) ?? odataError(404, 'WARNINGS.XAPI.NOT_FOUND', [{ message: 'WARNINGS.XAPI.NOT_FOUND', target: 'Id' }]);
	const isGroup = (value: ThreeCxGroup | SandboxResponse): value is ThreeCxGroup => 'Id' in value;
	const membersOf = (group: ThreeCxGroup) =>
		allUsers()
			.filter((u) => u.Groups.some((g) => g.GroupId === group.Id))
			.map((u) => ({ Id: u.Id, Number: u.Number, Name: `${u.FirstName} ${u.LastName}`.trim(), Rights: u.Groups.find((g) => g.GroupId === group.Id)!.Rights }));
	const groupEntity = (group: ThreeCxGroup, expand: string[]) => ({
		'@odata.context': `${server.baseUrl}/xapi/v1/$metadata#Groups/$entity`,
		...group,
		...(expand.includes('Members') ? { Members: membersOf(group) } : {}),
	});
	const setMembers = (group: ThreeCxGroup, members: unknown): SandboxResponse | undefined => {
		if (!Array.isArray(members)) return odataError(400, "Cannot convert the literal to the expected type for property 'Members'.");
		const wanted = new Map<string, string>();
		for (const member of members as Array<{ Number?: unknown; Rights?: { RoleName?: string } }>) {
			if (!allUsers().some((u) => u.Number === member.Number)) return validation('Members', 'WARNINGS.XAPI.NOT_FOUND');
			wanted.set(String(member.Number), member.Rights?.RoleName ?? 'users');
		}
		for (const user of allUsers()) {
			const others = user.Groups.filter((g) => g.GroupId !== group.Id);
			const role = wanted.get(user.Number);
			user.Groups = role === undefined ? others : [...others, groupMembership(group.Id, role)];
			user.PrimaryGroupId = user.Groups[0]?.GroupId ?? null;
		}
		return undefined;
	};

	api('POST', '/Groups', (req) => {
		const body = (req.body ?? {}) as Record<string, unknown>;
		const name = typeof body.Name === 'string' ? body.Name.trim() : '';
		if (!name) return validation('Name', 'WARNINGS.XAPI.REQUIRED');
		if (state.groups.some((g) => g.Name.toLowerCase() === name.toLowerCase())) return validation('Name', 'WARNINGS.XAPI.ALREADY_IN_USE');
		const id = Math.max(0, ...state.groups.map((g) => g.Id)) + 1;
		const group: ThreeCxGroup = { Id: id, Name: name, Number: `GRP${String(id - 1).padStart(4, '0')}`, IsDefault: false };
		state.groups.push(group);
		if (body.Members !== undefined) {
			const invalid = setMembers(group, body.Members);
			if (invalid) return invalid;
		}
		return { status: 201, body: groupEntity(group, []) };
	});
	api('GET', groupKey, (req) => {
		const found = findGroup(req.params.key);
		if (!isGroup(found)) return found;
		return { status: 200, body: groupEntity(found, (req.query.$expand ?? '').split(',').map((s) => s.trim())) };
	});
	api('PATCH', groupKey, (req) => {
		const found = findGroup(req.params.key);
		if (!isGroup(found)) return found;
		const body = (req.body ?? {}) as Record<string, unknown>;
		if ('Number' in body && body.Number !== found.Number) return validation('Number', 'WARNINGS.XAPI.FORBIDDEN_CHANGE');
		if (typeof body.Name === 'string' && body.Name.trim() !== '') found.Name = body.Name.trim();
		if ('Members' in body) {
			const invalid = setMembers(found, body.Members);
			if (invalid) return invalid;
		}
		for (const user of allUsers()) for (const g of user.Groups) if (g.GroupId === found.Id) g.Name = found.Name;
		return { status: 204 };
	});
	api('DELETE', groupKey, (req) => {
		const found = findGroup(req.params.key);
		if (!isGroup(found)) return found;
		if (found.IsDefault) return validation('Id', 'WARNINGS.XAPI.FORBIDDEN_CHANGE');
		setMembers(found, []);
		state.groups.splice(state.groups.indexOf(found), 1);
		return { status: 204 };
	});

	// --- SipDevices (3cx/xapi-tutorial src/phones.spec.ts lists them with $select=Id) --------
	api('GET', '/SipDevices', (req) => collection(SIP_DEVICES, state.sipDevices, req, 'SipDevices'));

	// --- Users: functions and actions first (their paths also look like keys) --------------
	api('GET', '/Users/Pbx.ExportExtensions()', (req) => {
		const result = applyQuery(USERS, allUsers() as never, req.query, {});
		if (state.options.exportFormat === 'json') {
			const body: Record<string, unknown> = { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#Collection(Pbx.User)` };
			if (result.count !== undefined) body['@odata.count'] = result.count;
			body.value = result.rows;
			return { status: 200, body };
		}
		const select = (req.query.$select ?? '').split(',').map((s) => s.trim()).filter(Boolean);
		const columns = select.length ? select : EXPORT_COLUMNS;
		const cell = (value: unknown) => {
			const text = value === null || value === undefined ? '' : String(value);
			return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
		};
		const lines = [columns.join(',')];
		for (const row of result.rows) {
			const user = state.users.get(row.Id as number) ?? (row as ThreeCxUser);
			lines.push(
				columns
					.map((c) => (c === 'Department' ? cell(user.Groups?.map((g) => g.Name).join(';')) : cell((row[c] ?? user[c]) as unknown)))
					.join(','),
			);
		}
		return {
			status: 200,
			headers: { 'Content-Type': 'text/csv; charset=UTF-8', 'Content-Disposition': 'attachment; filename="extensions.csv"' },
			body: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8'),
		};
	});

	const idList = (req: SandboxRequest): number[] | SandboxResponse => {
		const body = req.body as { ids?: unknown } | undefined;
		if (!body || typeof body !== 'object') return odataError(400, 'The request body is required.');
		if (!('ids' in body)) return validation('ids', 'WARNINGS.XAPI.REQUIRED');
		const ids = body.ids;
		if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'number' || !Number.isInteger(id))) {
			return odataError(400, "The parameter 'ids' is of type 'Collection(Edm.Int32)' and cannot be converted from the value sent.");
		}
		return ids as number[];
	};

	api('POST', '/Users/Pbx.ReprovisionAllPhones', (req) => {
		const ids = idList(req);
		if (!Array.isArray(ids)) return ids;
		state.reprovisionCalls.push(ids);
		return { status: 204 };
	});

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

	api('GET', '/Users', (req) => collection(USERS, allUsers() as never, req, 'Users'));

	const keyPattern = /^\/xapi\/v1\/Users\((?<key>.*)\)$/;
	const findByKey = (key: string): ThreeCxUser | SandboxResponse => {
		const byNumber = /^Number='((?:[^']|'')*)'$/.exec(key);
		if (byNumber) {
			const number = byNumber[1].replace(/''/g, "'");
			const user = [...state.users.values()].find((u) => u.Number === number);
			return user ?? odataError(404, 'WARNINGS.XAPI.NOT_FOUND', [{ message: 'WARNINGS.XAPI.NOT_FOUND', target: 'Number' }]);
		}
		if (/^Number=/.test(key)) return odataError(400, `The key value '${key}' is not valid: string literals need single quotes.`);
		if (!/^-?\d+$/.test(key)) return odataError(400, `The key value '${key}' is not a valid value for type 'Edm.Int32'.`);
		return state.users.get(Number(key)) ?? odataError(404, 'WARNINGS.XAPI.NOT_FOUND', [{ message: 'WARNINGS.XAPI.NOT_FOUND', target: 'Id' }]);
	};
	const isUser = (value: ThreeCxUser | SandboxResponse): value is ThreeCxUser => 'Id' in value;

	api('GET', keyPattern, (req) => {
		const found = findByKey(req.params.key);
		if (!isUser(found)) return found;
		const select = (req.query.$select ?? '').split(',').map((s) => s.trim()).filter(Boolean);
		const expand = (req.query.$expand ?? '').split(',').map((s) => s.trim()).filter(Boolean);
		for (const name of select) if (!(name in USER_SCHEMA)) throw new ODataError(`The query specified in the URI is not valid. Could not find a property named '${name}' on type 'Pbx.User'.`);
		for (const name of expand) if (!USERS.navigation.includes(name.replace(/\(.*\)$/, ''))) throw new ODataError(`The query specified in the URI is not valid. Could not find a property named '${name}' on type 'Pbx.User'.`);
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
		return undefined;
	}

	function applyGroups(user: ThreeCxUser, groups: unknown): void {
		user.Groups = (groups as Array<{ GroupId: number; Rights?: { RoleName?: string } }>).map((m) =>
			groupMembership(m.GroupId, m.Rights?.RoleName ?? 'users'),
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
		if (number === '') {
			const used = new Set([...state.users.values()].map((u) => u.Number));
			let candidate = 100;
			while (used.has(String(candidate))) candidate++;
			number = String(candidate);
		}
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
			Groups: [groupMembership(1)],
		} as ThreeCxUser;
		if (Array.isArray(body.Groups)) applyGroups(user, body.Groups);
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

	server.notFound((req) =>
		req.path.startsWith('/xapi/v1')
			? odataError(404, `No HTTP resource was found that matches the request URI '${req.path}'.`)
			: { status: 404, body: 'Not Found' },
	);

	return {
		server,
		state,
		seedUsers,
		reset,
		/** Expire every token now (as if its lifetime ran out). */
		expireTokens: () => {
			for (const entry of state.tokens.values()) entry.expiresAt = 0;
		},
		/** Credential values a user would type into "3CX API". */
		credentials: () => ({
			url: server.baseUrl,
			clientId: state.options.clientId,
			clientSecret: state.options.clientSecret,
			allowUnauthorizedCerts: false,
		}),
	};
}

export type ThreeCxSandbox = ReturnType<typeof createThreeCxSandbox>;
