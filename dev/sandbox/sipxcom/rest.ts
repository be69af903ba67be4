/**
 * Restlet REST in XStream XML (JSON on Accept): `/rest/user` with `page`/`pagesize`,
 * `sortby`/`sortdir`, `branch`, `ids`, and `<response><code>` results (PUT /user/{id} clears
 * groups, branch and aliases that are absent, like the real server); `/rest/branch` (sipXcom
 * manual §12.3) and `/rest/user-group` for dropdowns.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

import type { SandboxRequest, SandboxResponse } from '../core';
import type { Obj, SipXcomContext } from './context';
import { BASE, compact, isResponse, list, obj, str } from './context';
import type { Named, SipXcomBranch, SipXcomUser } from './store';
import { addBranch, conflict, named } from './store';

const pretty = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: true });
const restParser = new XMLParser({
	ignoreAttributes: true,
	parseTagValue: false,
	htmlEntities: true,
	isArray: (_n, jPath) => /(^|\.)(groups\.group|aliases\.alias)$/.test(jPath),
});

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

export function restRoutes({ state, route }: SipXcomContext): void {
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

	const createUser = (req: SandboxRequest): SandboxResponse => {
		const { fields, problem } = readWrite(req);
		if (!fields) return restResult('ERROR_VALIDATION_FAILED', { additionalMessage: problem });
		const clash = conflict(state, [fields.userName, ...fields.aliases]);
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
		const clash = conflict(state, [fields.userName, ...fields.aliases], found.id);
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

	route('GET', `${BASE}/rest/user`, listUsers);
	route('GET', `${BASE}/rest/user/:id`, (req) => {
		const found = findById(req.params.id);
		if (isResponse(found)) return found;
		return wantsJson(req) ? { status: 200, body: { user: restUserJson(found) } } : xmlBody('user', restUser(found));
	});
	route('PUT', `${BASE}/rest/user`, createUser);
	route('PUT', `${BASE}/rest/user/:id`, updateUser);
	route('DELETE', `${BASE}/rest/user/:id`, (req) => {
		const found = findById(req.params.id);
		if (isResponse(found)) return found;
		state.users.delete(found.id);
		return restResult('SUCCESS_DELETED', { id: found.id });
	});
	route('DELETE', `${BASE}/rest/user`, () => restResult('ERROR_MISSING_ID'));
	route('POST', new RegExp(`^${BASE}/rest/user(/\\d+)?/?$`), () => ({ status: 405, headers: { Allow: 'GET, PUT, DELETE' }, body: 'Method Not Allowed' }));
	const namedList = (root: string, container: string, items: Named[]) =>
		xmlBody(root, {
			metadata: { totalResults: items.length, currentPage: 1, totalPages: 1, resultsPerPage: items.length },
			[container]: { [root]: items },
		});
	route('GET', `${BASE}/rest/branch`, () => namedList('branch', 'branches', [...state.branches.values()]));
	route('GET', `${BASE}/rest/branch/:id`, (req) => {
		const branch = /^\d+$/.test(req.params.id) ? state.branches.get(Number(req.params.id)) : undefined;
		return branch ? xmlBody('branch', branch) : restResult('ERROR_OBJECT_NOT_FOUND', { additionalMessage: `Branch ${req.params.id}` });
	});
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
	route('PUT', `${BASE}/rest/branch`, (req) => {
		const branch = readBranch(req);
		if (typeof branch === 'string') return restResult('ERROR_VALIDATION_FAILED', { additionalMessage: branch });
		if ([...state.branches.values()].some((b) => b.name === branch.name)) {
			return restResult('ERROR_CREATE_FAILED', { additionalMessage: `Branch ${branch.name} already exists` });
		}
		return restResult('SUCCESS_CREATED', { id: addBranch(state, branch).id });
	});
	route('PUT', `${BASE}/rest/branch/:id`, (req) => {
		const found = /^\d+$/.test(req.params.id) ? state.branches.get(Number(req.params.id)) : undefined;
		// "Error 400 - Wrong ID when updating the branch" (manual §12.3).
		if (!found) return restResult('ERROR_ID_INVALID');
		const branch = readBranch(req);
		if (typeof branch === 'string') return restResult('ERROR_VALIDATION_FAILED', { additionalMessage: branch });
		state.branches.set(found.id, { id: found.id, ...branch, ...(branch.address ? { address: { id: found.id, ...branch.address } } : {}) });
		return restResult('SUCCESS_UPDATED', { id: found.id });
	});
	route('DELETE', `${BASE}/rest/branch/:id`, (req) => {
		const found = /^\d+$/.test(req.params.id) ? state.branches.get(Number(req.params.id)) : undefined;
		if (!found) return restResult('ERROR_OBJECT_NOT_FOUND', { additionalMessage: `Branch ${req.params.id}` });
		state.branches.delete(found.id);
		for (const user of state.users.values()) if (user.branchId === found.id) user.branchId = undefined;
		return restResult('SUCCESS_DELETED', { id: found.id });
	});
	route('GET', `${BASE}/rest/user-group`, () => namedList('userGroup', 'userGroups', [...state.groups.values()]));
}
