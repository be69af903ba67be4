/**
 * A loopback sipXcom (sipXconfig) server for tests, the demo and `npm run sandbox`.
 *
 * - HTTP Basic: an admin (superadmin) and a normal user; the normal user is refused on the
 *   admin APIs with 401, as the issue describes for sipXconfig.
 * - Restlet REST `/sipxconfig/rest/user` in XStream XML (default) or JSON (Accept), with
 *   `page`/`pagesize`, `sortby`/`sortdir`, `branch`, `ids`, and `<response><code>` results.
 *   PUT /user/{id} clears groups, branch and aliases that are absent, like the real server.
 *   Also `/rest/branch` and `/rest/user-group` for dropdowns.
 * - CXF REST `/sipxconfig/api/phones` in JSON (start/limit, id-or-MAC, sendProfile[/restart]).
 * - Axis SOAP `/sipxconfig/services/UserService` and `/PhoneService`, document/literal as in
 *   sipxconfig.wsdl, with SOAP faults (HTTP 500) for malformed envelopes and bad input.
 * - Fault injection and the request log from the shared SandboxServer.
 */
import { createHash } from 'crypto';
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

import type { SandboxRequest, SandboxResponse } from '../core';
import { SANDBOX_TLS, SandboxServer } from '../core';

export const SIPXCOM_ADMIN = { username: 'superadmin', password: 'Sup3r&Secret!' };
export const SIPXCOM_NON_ADMIN = { username: '201', password: 'user-201-pass' };
const REALM = 'example.org';
const NS = 'http://www.sipfoundry.org/2007/08/21/ConfigService';
const SOAP_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
/** fuzzy and group searches are capped like UserServiceImpl does. */
const SOAP_SEARCH_CAP = 1000;

export interface SipXcomUser {
	id: number;
	userName: string;
	firstName?: string;
	lastName?: string;
	emailAddress?: string;
	pin: string;
	sipPassword: string;
	groupIds: number[];
	branchId?: number;
	aliases: string[];
	permissions: string[];
}

export interface SipXcomPhoneLine {
	id: number;
	uri: string;
	user: string;
	/** The sipXcom user's id; null for an external line (ManagePhone addExternalLine). */
	userId: number | null;
	extension: string;
	displayName: string;
	password: string;
	registrationServer: string;
}

export interface SipXcomPhone {
	id: number;
	serialNo: string;
	modelId: string;
	description?: string;
	deviceVersion?: string;
	groups: string[];
	lines: SipXcomPhoneLine[];
}

export interface Named {
	id: number;
	name: string;
	description?: string;
}

/** A branch as `/rest/branch` answers it (sipXcom manual §12.3). */
export interface SipXcomBranch extends Named {
	address?: { id?: number; street?: string; city?: string; country?: string; state?: string; zip?: string; officeDesignation?: string };
	phoneNumber?: string;
	faxNumber?: string;
}

export interface SipXcomModel {
	modelId: string;
	label: string;
	vendor: string | null;
	versions: string[];
}

export interface SipXcomState {
	users: Map<number, SipXcomUser>;
	groups: Map<number, Named>;
	branches: Map<number, SipXcomBranch>;
	phones: Map<number, SipXcomPhone>;
	models: SipXcomModel[];
	nextUserId: number;
	nextGroupId: number;
	nextPhoneId: number;
	nextBranchId: number;
	/** Every sendProfile call, in order. */
	profilesSent: Array<{ serialNo: string; restart: boolean }>;
}

export interface SipXcomSandboxOptions {
	/** Serve HTTPS with the committed self-signed test certificate (dev/sandbox/tls). */
	tls?: boolean;
	/** Users to seed (default 5). */
	users?: number;
	/** Phones to seed (default 3). */
	phones?: number;
	/** Branches instead of the default hq and berlin (ids from 1 in this order). */
	branches?: Array<Omit<SipXcomBranch, 'id'>>;
	/** User groups instead of the default sales and support. */
	userGroups?: string[];
	/** Phone models in addition to the default three (e.g. the manual's polycom321). */
	models?: SipXcomModel[];
}

const FIRST = ['John', 'Jane', 'Ana', 'Björn', 'Chloé', 'Dmitri', 'Eva', 'Farid', 'Grace', 'Hiro'];
const LAST = ['Doe', 'Roe', 'Silva', 'Løvik', 'Dubois', 'Ivanov', 'Novak', 'Haddad', 'Hopper', 'Tanaka'];

const pretty = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: true });
const compact = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: false, suppressBooleanAttributes: false });
const restParser = new XMLParser({
	ignoreAttributes: true,
	parseTagValue: false,
	htmlEntities: true,
	isArray: (_n, jPath) => /(^|\.)(groups\.group|aliases\.alias)$/.test(jPath),
});
const soapParser = new XMLParser({
	ignoreAttributes: true,
	parseTagValue: false,
	removeNSPrefix: true,
	htmlEntities: true,
	isArray: (name, jPath) => name === 'edit' || /\.(user|phone)\.(aliases|groups|permissions|lines)$/.test(jPath),
});

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v]);
const str = (v: unknown): string | undefined => (v === undefined || v === null || typeof v === 'object' ? undefined : String(v));

// ------------------------------------------------------------------ REST helpers

const XML_HEADERS = { 'Content-Type': 'text/xml; charset=UTF-8' };

const REST_CODES: Record<string, { message: string; status: number }> = {
	SUCCESS_CREATED: { message: 'Created', status: 201 },
	SUCCESS_UPDATED: { message: 'Updated', status: 200 },
	SUCCESS_DELETED: { message: 'Deleted', status: 200 },
	ERROR_MISSING_ID: { message: 'ID value missing from request', status: 400 },
	ERROR_OBJECT_NOT_FOUND: { message: 'Could not retrieve object using ID', status: 400 },
	ERROR_ID_INVALID: { message: 'ID value is invalid', status: 400 },
	ERROR_VALIDATION_FAILED: { message: 'Failed input validation', status: 400 },
	ERROR_CREATE_FAILED: { message: 'Create failed', status: 500 },
	ERROR_UPDATE_FAILED: { message: 'Update failed', status: 500 },
	ERROR_DELETE_FAILED: { message: 'Delete failed', status: 500 },
};

/** The `<response><code>` document RestUtilities writes (compact, with an XML declaration). */
function restResult(code: string, data?: { id?: number; additionalMessage?: string }): SandboxResponse {
	const { message, status } = REST_CODES[code];
	const body: Obj = { code, message };
	if (data) body.data = data;
	return {
		status,
		headers: XML_HEADERS,
		body: `<?xml version="1.0" encoding="UTF-8"?>${compact.build({ response: body }) as string}`,
	};
}

function wantsJson(req: SandboxRequest): boolean {
	return (req.headers.accept ?? '').includes('application/json');
}

export function createSipXcomSandbox(options: SipXcomSandboxOptions = {}) {
	const server = new SandboxServer('sipxcom', options.tls ? { tls: SANDBOX_TLS } : {});
	const state: SipXcomState = {
		users: new Map(),
		groups: new Map(),
		branches: new Map(),
		phones: new Map(),
		models: [
			{ modelId: 'acmePhoneStandard', label: 'Acme', vendor: null, versions: ['acmePhone1', 'acmePhone2'] },
			{ modelId: 'polycomVVX400', label: 'Polycom VVX 400', vendor: 'Polycom', versions: ['polycom4.1.X', 'polycom5.0.X'] },
			{ modelId: 'yealinkPhoneT46G', label: 'Yealink T46G', vendor: 'Yealink', versions: ['yealink7X'] },
		],
		nextUserId: 1,
		nextGroupId: 1,
		nextPhoneId: 1,
		nextBranchId: 1,
		profilesSent: [],
	};
	state.models.push(...(options.models ?? []));

	const addGroup = (name: string, description?: string): Named => {
		const existing = [...state.groups.values()].find((g) => g.name === name);
		if (existing) return existing;
		const group = { id: state.nextGroupId++, name, ...(description ? { description } : {}) };
		state.groups.set(group.id, group);
		return group;
	};
	const addBranch = (branch: Omit<SipXcomBranch, 'id'>): SipXcomBranch => {
		const id = state.nextBranchId++;
		const created = { id, ...branch, ...(branch.address ? { address: { id, ...branch.address } } : {}) };
		state.branches.set(id, created);
		return created;
	};
	for (const branch of options.branches ?? [{ name: 'hq', description: 'Head office' }, { name: 'berlin', description: 'Berlin & Brandenburg' }]) {
		addBranch(branch);
	}
	if (options.userGroups) for (const name of options.userGroups) addGroup(name);
	else {
		addGroup('sales', 'Sales team');
		addGroup('support');
	}

	/** Deterministic users 200, 201, …: groups, branch and aliases vary by index. */
	const seedUsers = (count: number) => {
		const created: SipXcomUser[] = [];
		for (let n = 0; n < count; n++) {
			const id = state.nextUserId++;
			const user: SipXcomUser = {
				id,
				userName: String(200 + id - 1),
				firstName: FIRST[n % FIRST.length],
				lastName: LAST[(n * 3) % LAST.length],
				emailAddress: n % 4 === 3 ? undefined : `user${200 + id - 1}@example.org`,
				pin: '1234',
				sipPassword: `sip-secret-${id}`,
				groupIds: n % 3 === 0 ? [1] : n % 3 === 1 ? [1, 2] : [],
				branchId: n % 2 === 0 ? 1 : undefined,
				aliases: n % 2 === 0 ? [String(2000 + id - 1)] : [],
				permissions: ['Voicemail'],
			};
			state.users.set(id, user);
			created.push(user);
		}
		return created;
	};

	const seedPhones = (count: number) => {
		const created: SipXcomPhone[] = [];
		for (let n = 0; n < count; n++) {
			const id = state.nextPhoneId++;
			const owner = state.users.get(n + 1);
			const phone: SipXcomPhone = {
				id,
				serialNo: `0004f2ae${(0x4838 + id - 1).toString(16).padStart(4, '0')}`,
				modelId: state.models[n % state.models.length].modelId,
				description: `Desk phone ${id}`,
				deviceVersion: state.models[n % state.models.length].versions[0],
				groups: [],
				lines: owner
					? [
							{
								id,
								uri: `sip:${owner.userName}@${REALM}`,
								user: owner.userName,
								userId: owner.id,
								extension: owner.userName,
								displayName: `${owner.firstName ?? ''} ${owner.lastName ?? ''}`.trim(),
								password: owner.sipPassword,
								registrationServer: REALM,
							},
						]
					: [],
			};
			state.phones.set(id, phone);
			created.push(phone);
		}
		return created;
	};

	/** Adds one user, e.g. one a documented example names. */
	const addUser = (fields: Partial<Omit<SipXcomUser, 'id'>> & { userName: string }): SipXcomUser => {
		const id = state.nextUserId++;
		const user: SipXcomUser = { pin: '1234', sipPassword: `sip-secret-${id}`, groupIds: [], aliases: [], permissions: [], ...fields, id };
		state.users.set(id, user);
		return user;
	};
	/** Adds one phone, e.g. one a documented example names. */
	const addPhone = (fields: Partial<Omit<SipXcomPhone, 'id'>> & { serialNo: string; modelId: string }): SipXcomPhone => {
		const id = state.nextPhoneId++;
		const phone: SipXcomPhone = { groups: [], lines: [], ...fields, id };
		state.phones.set(id, phone);
		return phone;
	};

	seedUsers(options.users ?? 5);
	seedPhones(options.phones ?? 3);

	// ---------------------------------------------------------------- auth

	/** Returns a 401 answer for anyone but the admin, else undefined. */
	const refuse = (req: SandboxRequest): SandboxResponse | undefined => {
		const header = req.headers.authorization ?? '';
		const decoded = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : '';
		const sep = decoded.indexOf(':');
		const username = sep >= 0 ? decoded.slice(0, sep) : '';
		const password = sep >= 0 ? decoded.slice(sep + 1) : '';
		if (username === SIPXCOM_ADMIN.username && password === SIPXCOM_ADMIN.password) return undefined;
		const isUser = username === SIPXCOM_NON_ADMIN.username && password === SIPXCOM_NON_ADMIN.password;
		return {
			status: 401,
			headers: { 'WWW-Authenticate': `Basic realm="${REALM}"`, 'Content-Type': 'text/html;charset=utf-8' },
			body: `<html><head><title>Error 401</title></head><body><h2>HTTP ERROR 401</h2><p>${
				isUser ? 'Access is denied' : 'Bad credentials'
			}</p></body></html>`,
		};
	};
	const guarded =
		(handler: (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>) => async (req: SandboxRequest) =>
			refuse(req) ?? (await handler(req));

	// ---------------------------------------------------------------- REST users

	const named = (id: number | undefined, from: Map<number, Named>) => (id === undefined ? undefined : from.get(id));

	/** The XStream user element: superclass fields first, null fields omitted, pin/sipPassword empty. */
	const restUser = (u: SipXcomUser): Obj => {
		const out: Obj = { id: u.id };
		if (u.lastName !== undefined) out.lastName = u.lastName;
		if (u.firstName !== undefined) out.firstName = u.firstName;
		out.userName = u.userName;
		out.pin = '';
		out.sipPassword = '';
		if (u.emailAddress !== undefined) out.emailAddress = u.emailAddress;
		out.groups = { group: u.groupIds.map((id) => state.groups.get(id)).filter(Boolean) };
		const branch = named(u.branchId, state.branches);
		if (branch) out.branch = branch;
		out.aliases = { alias: u.aliases.map((alias) => ({ alias })) };
		return out;
	};
	const restUserJson = (u: SipXcomUser): Obj => {
		const x = restUser(u);
		return {
			...x,
			groups: (x.groups as { group: unknown[] }).group,
			aliases: (x.aliases as { alias: unknown[] }).alias,
		};
	};
	const xmlBody = (root: string, value: unknown): SandboxResponse => {
		// XStream pretty-prints; empty lists come out as <groups/>.
		let xml = pretty.build({ [root]: value }) as string;
		xml = xml.replace(/<(groups|aliases)><\/\1>/g, '<$1/>');
		return { status: 200, headers: XML_HEADERS, body: xml };
	};

	const listUsers = (req: SandboxRequest): SandboxResponse => {
		let users = [...state.users.values()].sort((a, b) => a.id - b.id);
		if (req.query.branch) users = users.filter((u) => String(u.branchId) === req.query.branch);
		if (req.query.ids) {
			const ids = new Set(req.query.ids.split(',').map((s) => s.trim()));
			users = users.filter((u) => ids.has(String(u.id)));
		}
		const sortby = (req.query.sortby ?? '').toLowerCase();
		if (sortby && req.query.sortdir) {
			const key = ({ username: 'userName', lastname: 'lastName', firstname: 'firstName' } as const)[
				sortby as 'username' | 'lastname' | 'firstname'
			];
			if (key) {
				users.sort((a, b) => String(a[key] ?? '').localeCompare(String(b[key] ?? '')) || a.id - b.id);
				if (req.query.sortdir === 'reverse') users.reverse();
			}
		}
		const total = users.length;
		const page = Number(req.query.page);
		const pagesize = Number(req.query.pagesize);
		let metadata = { totalResults: total, currentPage: 1, totalPages: 1, resultsPerPage: total };
		if (page >= 1 && pagesize >= 1) {
			users = users.slice((page - 1) * pagesize, page * pagesize);
			metadata = { totalResults: total, currentPage: page, totalPages: Math.ceil(total / pagesize), resultsPerPage: pagesize };
		}
		if (wantsJson(req)) {
			return { status: 200, body: { user: { metadata, users: users.map(restUserJson) } } };
		}
		return xmlBody('user', { metadata, users: { user: users.map(restUser) } });
	};

	const findById = (raw: string): SipXcomUser | SandboxResponse => {
		if (!/^\d+$/.test(raw)) return restResult('ERROR_ID_INVALID');
		return state.users.get(Number(raw)) ?? restResult('ERROR_OBJECT_NOT_FOUND', { additionalMessage: `User ${raw}` });
	};
	const isResponse = (v: unknown): v is SandboxResponse => !!v && typeof v === 'object' && 'status' in v;

	/** Reads a write body into user fields; a list of problems means ERROR_VALIDATION_FAILED. */
	const readWrite = (req: SandboxRequest): { fields?: Omit<SipXcomUser, 'id' | 'permissions'>; problem?: string } => {
		const text = req.text.trim();
		if (!text || XMLValidator.validate(text) !== true) return { problem: 'The request body is not well-formed XML' };
		const root = obj((restParser.parse(text) as Obj).user);
		if (!root) return { problem: 'Expected a <user> element' };
		const userName = str(root.userName)?.trim() ?? '';
		if (!userName) return { problem: 'userName must not be empty' };
		const groupIds: number[] = [];
		for (const g of list(obj(root.groups)?.group)) {
			const id = Number(str(obj(g)?.id));
			if (!state.groups.has(id)) return { problem: `No user group with ID ${str(obj(g)?.id)}` };
			groupIds.push(id);
		}
		let branchId: number | undefined;
		if (obj(root.branch)) {
			branchId = Number(str(obj(root.branch)?.id));
			if (!state.branches.has(branchId)) return { problem: `No branch with ID ${str(obj(root.branch)?.id)}` };
		}
		const aliases = list(obj(root.aliases)?.alias)
			.map((a) => str(obj(a)?.alias ?? a) ?? '')
			.filter((a) => a !== '');
		return {
			fields: {
				userName,
				firstName: str(root.firstName),
				lastName: str(root.lastName),
				emailAddress: str(root.emailAddress),
				pin: str(root.pin) ?? '',
				sipPassword: str(root.sipPassword) ?? '',
				groupIds,
				branchId,
				aliases,
			},
		};
	};

	/** sipXconfig refuses a user name or alias that another user already has as either. */
	const conflict = (names: string[], exceptId?: number): string | undefined => {
		for (const other of state.users.values()) {
			if (other.id === exceptId) continue;
			const taken = new Set([other.userName, ...other.aliases]);
			const clash = names.find((n) => taken.has(n));
			if (clash) return clash;
		}
		return undefined;
	};

	const createUser = (req: SandboxRequest): SandboxResponse => {
		const { fields, problem } = readWrite(req);
		if (!fields) return restResult('ERROR_VALIDATION_FAILED', { additionalMessage: problem });
		const clash = conflict([fields.userName, ...fields.aliases]);
		if (clash) return restResult('ERROR_CREATE_FAILED', { additionalMessage: `Extension ${clash} is already in use` });
		const id = state.nextUserId++;
		state.users.set(id, {
			...fields,
			pin: fields.pin || '0000',
			sipPassword: fields.sipPassword || `generated-${id}`,
			id,
			permissions: [],
		});
		return restResult('SUCCESS_CREATED', { id });
	};

	const updateUser = (req: SandboxRequest): SandboxResponse => {
		const found = findById(req.params.id);
		if (isResponse(found)) return found;
		const { fields, problem } = readWrite(req);
		if (!fields) return restResult('ERROR_VALIDATION_FAILED', { additionalMessage: problem });
		const clash = conflict([fields.userName, ...fields.aliases], found.id);
		if (clash) return restResult('ERROR_UPDATE_FAILED', { additionalMessage: `Extension ${clash} is already in use` });
		// Like UsersResource: every field is taken from the body (absent groups, branch and
		// aliases are cleared); only an empty pin or sipPassword keeps the current value.
		state.users.set(found.id, {
			...found,
			...fields,
			pin: fields.pin || found.pin,
			sipPassword: fields.sipPassword || found.sipPassword,
		});
		return restResult('SUCCESS_UPDATED', { id: found.id });
	};

	const base = '/sipxconfig';
	server.route('GET', `${base}/rest/user`, guarded(listUsers));
	server.route(
		'GET',
		`${base}/rest/user/:id`,
		guarded((req) => {
			const found = findById(req.params.id);
			if (isResponse(found)) return found;
			return wantsJson(req) ? { status: 200, body: { user: restUserJson(found) } } : xmlBody('user', restUser(found));
		}),
	);
	server.route('PUT', `${base}/rest/user`, guarded(createUser));
	server.route('PUT', `${base}/rest/user/:id`, guarded(updateUser));
	server.route(
		'DELETE',
		`${base}/rest/user/:id`,
		guarded((req) => {
			const found = findById(req.params.id);
			if (isResponse(found)) return found;
			state.users.delete(found.id);
			return restResult('SUCCESS_DELETED', { id: found.id });
		}),
	);
	server.route('DELETE', `${base}/rest/user`, guarded(() => restResult('ERROR_MISSING_ID')));
	server.route(
		'POST',
		new RegExp(`^${base}/rest/user(/\\d+)?/?$`),
		guarded(() => ({ status: 405, headers: { Allow: 'GET, PUT, DELETE' }, body: 'Method Not Allowed' })),
	);
	const namedList = (root: string, container: string, items: Named[]) =>
		xmlBody(root, {
			metadata: { totalResults: items.length, currentPage: 1, totalPages: 1, resultsPerPage: items.length },
			[container]: { [root]: items },
		});
	server.route('GET', `${base}/rest/branch`, guarded(() => namedList('branch', 'branches', [...state.branches.values()])));
	server.route(
		'GET',
		`${base}/rest/branch/:id`,
		guarded((req) => {
			const branch = /^\d+$/.test(req.params.id) ? state.branches.get(Number(req.params.id)) : undefined;
			return branch ? xmlBody('branch', branch) : restResult('ERROR_OBJECT_NOT_FOUND', { additionalMessage: `Branch ${req.params.id}` });
		}),
	);
	/** A branch write body: the manual's example is JSON `{"branch":{…}}`; the same shape in XML is read too. */
	const readBranch = (req: SandboxRequest): Omit<SipXcomBranch, 'id'> | string => {
		let root: Obj | undefined;
		if (obj(req.body)) root = obj((req.body as Obj).branch);
		else if (req.text.trim().startsWith('<') && XMLValidator.validate(req.text.trim()) === true) {
			root = obj((restParser.parse(req.text) as Obj).branch);
		}
		if (!root) return 'Expected a branch object';
		const name = str(root.name)?.trim();
		if (!name) return 'name must not be empty';
		const address = obj(root.address);
		const text = (o: Obj | undefined, key: string) => str(o?.[key]);
		return {
			name,
			...(text(root, 'description') !== undefined ? { description: text(root, 'description') } : {}),
			...(address
				? {
						address: Object.fromEntries(
							['street', 'city', 'country', 'state', 'zip', 'officeDesignation']
								.filter((key) => text(address, key) !== undefined)
								.map((key) => [key, text(address, key)]),
						),
					}
				: {}),
			...(text(root, 'phoneNumber') !== undefined ? { phoneNumber: text(root, 'phoneNumber') } : {}),
			...(text(root, 'faxNumber') !== undefined ? { faxNumber: text(root, 'faxNumber') } : {}),
		};
	};
	server.route(
		'PUT',
		`${base}/rest/branch`,
		guarded((req) => {
			const branch = readBranch(req);
			if (typeof branch === 'string') return restResult('ERROR_VALIDATION_FAILED', { additionalMessage: branch });
			if ([...state.branches.values()].some((b) => b.name === branch.name)) {
				return restResult('ERROR_CREATE_FAILED', { additionalMessage: `Branch ${branch.name} already exists` });
			}
			return restResult('SUCCESS_CREATED', { id: addBranch(branch).id });
		}),
	);
	server.route(
		'PUT',
		`${base}/rest/branch/:id`,
		guarded((req) => {
			const found = /^\d+$/.test(req.params.id) ? state.branches.get(Number(req.params.id)) : undefined;
			// "Error 400 - Wrong ID when updating the branch" (manual §12.3).
			if (!found) return restResult('ERROR_ID_INVALID');
			const branch = readBranch(req);
			if (typeof branch === 'string') return restResult('ERROR_VALIDATION_FAILED', { additionalMessage: branch });
			state.branches.set(found.id, { id: found.id, ...branch, ...(branch.address ? { address: { id: found.id, ...branch.address } } : {}) });
			return restResult('SUCCESS_UPDATED', { id: found.id });
		}),
	);
	server.route(
		'DELETE',
		`${base}/rest/branch/:id`,
		guarded((req) => {
			const found = /^\d+$/.test(req.params.id) ? state.branches.get(Number(req.params.id)) : undefined;
			if (!found) return restResult('ERROR_OBJECT_NOT_FOUND', { additionalMessage: `Branch ${req.params.id}` });
			state.branches.delete(found.id);
			for (const user of state.users.values()) if (user.branchId === found.id) user.branchId = undefined;
			return restResult('SUCCESS_DELETED', { id: found.id });
		}),
	);
	server.route('GET', `${base}/rest/user-group`, guarded(() => namedList('userGroup', 'userGroups', [...state.groups.values()])));

	// ---------------------------------------------------------------- CXF phones (JSON)

	const phoneBean = (p: SipXcomPhone): Obj => {
		const model = state.models.find((m) => m.modelId === p.modelId);
		return {
			id: p.id,
			serialNo: p.serialNo,
			deviceVersion: p.deviceVersion ?? null,
			description: p.description ?? null,
			model: model ?? { modelId: p.modelId, label: p.modelId, vendor: null, versions: [] },
			lines: p.lines.length ? p.lines : null,
			groups: p.groups.length ? p.groups.map((name, i) => ({ id: i + 1, name, description: null, weight: i + 1, count: 1 })) : null,
		};
	};
	const findPhone = (ref: string) =>
		[...state.phones.values()].find((p) => String(p.id) === ref || p.serialNo === ref.toLowerCase());
	const notFound: SandboxResponse = { status: 404 };

	server.route(
		'GET',
		`${base}/api/phones`,
		guarded((req) => {
			const all = [...state.phones.values()].sort((a, b) => a.id - b.id);
			const start = Number(req.query.start ?? 0) || 0;
			const limit = req.query.limit !== undefined ? Number(req.query.limit) : all.length;
			return { status: 200, body: { phones: all.slice(start, start + limit).map(phoneBean) } };
		}),
	);
	server.route('GET', `${base}/api/phones/models`, guarded(() => ({ status: 200, body: { models: state.models } })));
	server.route(
		'POST',
		`${base}/api/phones`,
		guarded((req) => {
			const body = obj(req.body) ?? {};
			const serialNo = String(body.serialNo ?? '');
			const modelId = str(obj(body.model)?.modelId);
			if (!/^[0-9a-f]{12}$/.test(serialNo)) return { status: 400, body: `Invalid serial number: ${serialNo}` };
			if (!state.models.some((m) => m.modelId === modelId)) return { status: 400, body: `Unknown phone model: ${modelId}` };
			if (findPhone(serialNo)) return { status: 400, body: `Duplicate serial number: ${serialNo}` };
			const id = state.nextPhoneId++;
			state.phones.set(id, {
				id,
				serialNo,
				modelId: modelId!,
				description: str(body.description),
				deviceVersion: str(body.deviceVersion),
				groups: [],
				lines: [],
			});
			return { status: 200 };
		}),
	);
	server.route(
		'GET',
		`${base}/api/phones/:ref`,
		guarded((req) => {
			const phone = findPhone(req.params.ref);
			return phone ? { status: 200, body: phoneBean(phone) } : notFound;
		}),
	);
	server.route(
		'DELETE',
		`${base}/api/phones/:ref`,
		guarded((req) => {
			const phone = findPhone(req.params.ref);
			if (!phone) return notFound;
			state.phones.delete(phone.id);
			return { status: 200 };
		}),
	);
	server.route(
		'PUT',
		new RegExp(`^${base}/api/phones/(?<ref>[^/]+)/sendProfile(?<restart>/restart)?/?$`),
		guarded((req) => {
			const phone = findPhone(req.params.ref);
			if (!phone) return notFound;
			state.profilesSent.push({ serialNo: phone.serialNo, restart: req.params.restart !== undefined });
			return { status: 200 };
		}),
	);

	// ---------------------------------------------------------------- SOAP

	const soapEnvelope = (body: Obj | string): string =>
		`<?xml version="1.0" encoding="UTF-8"?>${
			compact.build({
				'soapenv:Envelope': {
					'@_xmlns:soapenv': SOAP_NS,
					'@_xmlns:xsd': 'http://www.w3.org/2001/XMLSchema',
					'@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
					'soapenv:Body': body,
				},
			}) as string
		}`;
	const soapOk = (body: Obj | string): SandboxResponse => ({
		status: 200,
		headers: { 'Content-Type': 'text/xml;charset=utf-8' },
		body: soapEnvelope(body),
	});
	/** Axis answers faults with HTTP 500 and a soapenv:Fault. */
	const soapFault = (faultstring: string, faultcode = 'soapenv:Server.userException'): SandboxResponse => ({
		status: 500,
		headers: { 'Content-Type': 'text/xml;charset=utf-8' },
		body: soapEnvelope({
			'soapenv:Fault': {
				faultcode,
				faultstring,
				detail: { 'ns1:hostname': { '@_xmlns:ns1': 'http://xml.apache.org/axis/', '#text': 'sipx.example.org' } },
			},
		}),
	});

	/** Parses the envelope and returns [operation, content] or a fault. */
	const readEnvelope = (req: SandboxRequest): [string, Obj] | SandboxResponse => {
		const text = req.text.trim();
		if (!text) return soapFault('No SOAPAction header and no request body', 'soapenv:Client');
		const valid = XMLValidator.validate(text);
		if (valid !== true) {
			return soapFault(`org.xml.sax.SAXParseException: ${valid.err.msg} (line ${valid.err.line})`, 'soapenv:Server.userException');
		}
		const body = obj(obj(obj(soapParser.parse(text) as Obj)?.Envelope)?.Body);
		if (!body) return soapFault('Not a SOAP envelope: expected soapenv:Envelope/soapenv:Body', 'soapenv:Client');
		const [operation] = Object.keys(body);
		if (!operation) return soapFault('Empty SOAP body', 'soapenv:Client');
		if (!text.includes(NS)) return soapFault(`No such operation '${operation}'`, 'soapenv:Client');
		return [operation, obj(body[operation]) ?? {}];
	};

	const pintoken = (u: SipXcomUser) => createHash('md5').update(`${u.userName}:${REALM}:${u.pin}`).digest('hex');
	const soapUser = (u: SipXcomUser): Obj => {
		const nil = { '@_xsi:nil': 'true' };
		return {
			userName: u.userName,
			pintoken: pintoken(u),
			lastName: u.lastName ?? nil,
			firstName: u.firstName ?? nil,
			sipPassword: u.sipPassword,
			aliases: u.aliases,
			emailAddress: u.emailAddress ?? nil,
			groups: u.groupIds.map((id) => state.groups.get(id)?.name).filter(Boolean),
			permissions: u.permissions,
			branchName: named(u.branchId, state.branches)?.name ?? nil,
		};
	};

	/** UserServiceImpl search semantics: null → all; criteria → filter; no criteria → none. */
	const searchUsers = (search: Obj | undefined): SipXcomUser[] => {
		const all = [...state.users.values()].sort((a, b) => a.id - b.id);
		if (search === undefined) return all;
		const byUserName = str(search.byUserName);
		const fuzzy = str(search.byFuzzyUserNameOrAlias);
		const byGroup = str(search.byGroup);
		if (byUserName !== undefined) return all.filter((u) => u.userName === byUserName);
		if (fuzzy !== undefined) {
			return all.filter((u) => [u.userName, ...u.aliases].some((n) => n.includes(fuzzy))).slice(0, SOAP_SEARCH_CAP);
		}
		if (byGroup !== undefined) {
			const group = [...state.groups.values()].find((g) => g.name === byGroup);
			return group ? all.filter((u) => u.groupIds.includes(group.id)).slice(0, SOAP_SEARCH_CAP) : [];
		}
		return [];
	};
	const searchOf = (content: Obj): Obj | undefined =>
		content.search === undefined ? undefined : (obj(content.search) ?? {});

	const EDITABLE = new Set(['userName', 'firstName', 'lastName', 'emailAddress', 'sipPassword', 'pintoken']);

	const userService = (req: SandboxRequest): SandboxResponse => {
		const envelope = readEnvelope(req);
		if (isResponse(envelope)) return envelope;
		const [operation, content] = envelope;
		if (operation === 'FindUser') {
			const users = searchUsers(searchOf(content)).map(soapUser);
			return soapOk({ FindUserResponse: { '@_xmlns': NS, users: { '@_xmlns': '', user: users } } });
		}
		if (operation === 'AddUser') {
			const user = obj(content.user);
			const userName = str(user?.userName)?.trim();
			if (!user || !userName) return soapFault('java.lang.IllegalArgumentException: userName is required');
			if (conflict([userName])) return soapFault(`Extension ${userName} is already in use`);
			const id = state.nextUserId++;
			state.users.set(id, {
				id,
				userName,
				firstName: str(user.firstName),
				lastName: str(user.lastName),
				emailAddress: str(user.emailAddress),
				pin: str(content.pin) ?? '',
				sipPassword: str(user.sipPassword) ?? `generated-${id}`,
				groupIds: list(user.groups).map((g) => addGroup(String(g)).id),
				branchId: [...state.branches.values()].find((b) => b.name === str(user.branchName))?.id,
				aliases: list(user.aliases).map(String),
				permissions: list(user.permissions).map(String),
			});
			return soapOk('');
		}
		if (operation === 'ManageUser') {
			// A missing search selects every user, exactly as in UserServiceImpl.
			const users = searchUsers(searchOf(content));
			const edits = list(content.edit).map((e) => ({ property: str(obj(e)?.property) ?? '', value: str(obj(e)?.value) }));
			const bad = edits.find((e) => !EDITABLE.has(e.property));
			if (bad) return soapFault(`java.lang.IllegalArgumentException: Unknown property '${bad.property}'`);
			const branchName = str(content.updateBranch);
			const branch = branchName !== undefined ? [...state.branches.values()].find((b) => b.name === branchName) : undefined;
			if (branchName !== undefined && !branch) return soapFault(`Branch not found: ${branchName}`);
			for (const user of users) {
				if (str(content.deleteUser) === 'true') {
					state.users.delete(user.id);
					continue;
				}
				for (const { property, value } of edits) (user as unknown as Obj)[property] = value;
				const add = str(content.addGroup);
				if (add && !user.groupIds.includes(addGroup(add).id)) user.groupIds.push(addGroup(add).id);
				const remove = str(content.removeGroup);
				if (remove) user.groupIds = user.groupIds.filter((id) => state.groups.get(id)?.name !== remove);
				if (branch) user.branchId = branch.id;
			}
			return soapOk('');
		}
		return soapFault(`No such operation '${operation}'`, 'soapenv:Client');
	};

	const soapPhone = (p: SipXcomPhone): Obj => ({
		serialNumber: p.serialNo,
		modelId: p.modelId,
		description: p.description ?? { '@_xsi:nil': 'true' },
		groups: p.groups,
		lines: p.lines.map((l) => ({ userId: l.user, uri: l.uri })),
		deviceVersion: p.deviceVersion ?? { '@_xsi:nil': 'true' },
	});
	const searchPhones = (search: Obj | undefined): SipXcomPhone[] => {
		const all = [...state.phones.values()].sort((a, b) => a.id - b.id);
		if (search === undefined) return all;
		const serial = str(search.bySerialNumber);
		const group = str(search.byGroup);
		if (serial !== undefined) return all.filter((p) => p.serialNo === serial.toLowerCase());
		if (group !== undefined) return all.filter((p) => p.groups.includes(group));
		return [];
	};

	let nextLineId = 1000;
	/** A `Line` (userId = the user's name, uri) for a sipXcom user; a fault message when there is no such user. */
	const lineFor = (line: Obj | undefined): SipXcomPhoneLine | string => {
		const userName = str(line?.userId)?.trim() ?? '';
		const user = [...state.users.values()].find((u) => u.userName === userName);
		if (!user) return `User not found: ${userName}`;
		return {
			id: nextLineId++,
			uri: str(line?.uri) ?? `sip:${user.userName}@${REALM}`,
			user: user.userName,
			userId: user.id,
			extension: user.userName,
			displayName: `${user.firstName ?? ''} ${user.lastName ?? ''}`.trim(),
			password: user.sipPassword,
			registrationServer: REALM,
		};
	};
	/** ManagePhone `edit` properties that name Phone fields (sipxconfig.wsdl Phone). */
	const PHONE_EDITABLE: Record<string, keyof SipXcomPhone> = { serialNumber: 'serialNo', modelId: 'modelId', description: 'description', deviceVersion: 'deviceVersion' };

	const phoneService = (req: SandboxRequest): SandboxResponse => {
		const envelope = readEnvelope(req);
		if (isResponse(envelope)) return envelope;
		const [operation, content] = envelope;
		if (operation === 'FindPhone') {
			// ArrayOfPhones items are named <user> in sipxconfig.wsdl.
			const phones = searchPhones(searchOf(content)).map(soapPhone);
			return soapOk({ FindPhoneResponse: { '@_xmlns': NS, phones: { '@_xmlns': '', user: phones } } });
		}
		if (operation === 'AddPhone') {
			const phone = obj(content.phone);
			const serialNo = str(phone?.serialNumber)?.toLowerCase() ?? '';
			const modelId = str(phone?.modelId);
			if (!/^[0-9a-f]{12}$/.test(serialNo)) return soapFault(`Invalid serial number: ${serialNo}`);
			if (!state.models.some((m) => m.modelId === modelId)) return soapFault(`Unknown phone model: ${modelId}`);
			if (findPhone(serialNo)) return soapFault(`Duplicate serial number: ${serialNo}`);
			const lines: SipXcomPhoneLine[] = [];
			for (const raw of list(phone?.lines)) {
				const line = lineFor(obj(raw));
				if (typeof line === 'string') return soapFault(line);
				lines.push(line);
			}
			addPhone({
				serialNo,
				modelId: modelId!,
				description: str(phone?.description),
				deviceVersion: str(phone?.deviceVersion),
				groups: list(phone?.groups).map(String),
				lines,
			});
			return soapOk('');
		}
		if (operation === 'ManagePhone') {
			const edits = list(content.edit).map((e) => ({ property: str(obj(e)?.property) ?? '', value: str(obj(e)?.value) }));
			const bad = edits.find((e) => !PHONE_EDITABLE[e.property]);
			if (bad) return soapFault(`java.lang.IllegalArgumentException: Unknown property '${bad.property}'`);
			const addLine = obj(content.addLine);
			const external = obj(content.addExternalLine);
			if (external && !str(external.userId)) return soapFault('java.lang.IllegalArgumentException: addExternalLine needs a userId');
			if (external && !str(external.registrationServer)) return soapFault('java.lang.IllegalArgumentException: addExternalLine needs a registrationServer');
			for (const phone of searchPhones(searchOf(content))) {
				if (str(content.deletePhone) === 'true') {
					state.phones.delete(phone.id);
					continue;
				}
				for (const { property, value } of edits) (phone as unknown as Obj)[PHONE_EDITABLE[property]] = value;
				if (addLine) {
					const line = lineFor(addLine);
					if (typeof line === 'string') return soapFault(line);
					phone.lines.push(line);
				}
				if (external) {
					const userId = str(external.userId)!;
					const server = str(external.registrationServer)!;
					phone.lines.push({
						id: nextLineId++,
						uri: `sip:${userId}@${server}`,
						user: userId,
						userId: null,
						extension: userId,
						displayName: str(external.displayName) ?? '',
						password: str(external.password) ?? '',
						registrationServer: server,
					});
				}
				const byUser = str(content.removeLineByUserId);
				if (byUser !== undefined) phone.lines = phone.lines.filter((l) => l.user !== byUser);
				const byUri = str(content.removeLineByUri);
				if (byUri !== undefined) phone.lines = phone.lines.filter((l) => l.uri !== byUri);
				const add = str(content.addGroup);
				if (add && !phone.groups.includes(add)) phone.groups.push(add);
				const remove = str(content.removeGroup);
				if (remove) phone.groups = phone.groups.filter((g) => g !== remove);
				if (str(content.generateProfiles) === 'true' || str(content.restart) === 'true') {
					state.profilesSent.push({ serialNo: phone.serialNo, restart: str(content.restart) === 'true' });
				}
			}
			return soapOk('');
		}
		return soapFault(`No such operation '${operation}'`, 'soapenv:Client');
	};

	server.route('POST', `${base}/services/UserService`, guarded(userService));
	server.route('POST', `${base}/services/PhoneService`, guarded(phoneService));
	server.notFound((req) => ({
		status: 404,
		headers: { 'Content-Type': 'text/html;charset=utf-8' },
		body: `<html><body><h2>HTTP ERROR 404</h2><p>Problem accessing ${req.path}. Reason: Not Found</p></body></html>`,
	}));

	return {
		server,
		state,
		seedUsers,
		seedPhones,
		addUser,
		addPhone,
		addBranch,
		/** Adds a user group (or returns the one with this name). */
		addGroup,
		admin: SIPXCOM_ADMIN,
		nonAdmin: SIPXCOM_NON_ADMIN,
		/** Credential values a user would type for this sandbox (call after `server.start()`). */
		credentials: (overrides: Partial<Record<'serverUrl' | 'username' | 'password', string>> & { ignoreSSLIssues?: boolean } = {}) => ({
			serverUrl: server.baseUrl,
			username: SIPXCOM_ADMIN.username,
			password: SIPXCOM_ADMIN.password,
			ignoreSSLIssues: options.tls === true,
			...overrides,
		}),
		/** Users sorted like `GET /rest/user?sortby=username&sortdir=forward`. */
		usersByName: () => [...state.users.values()].sort((a, b) => a.userName.localeCompare(b.userName) || a.id - b.id),
	};
}

export type SipXcomSandbox = ReturnType<typeof createSipXcomSandbox>;
