/**
 * A loopback sipXcom (sipXconfig) server for tests, the demo and `npm run sandbox`, one module
 * per API over one store (store.ts):
 * - context.ts: HTTP Basic, an admin (superadmin) and a normal user, who is refused on the admin
 *   APIs with 401, as the issue describes for sipXconfig;
 * - rest.ts: Restlet REST `/sipxconfig/rest/user` in XStream XML (default) or JSON (Accept), with
 *   `page`/`pagesize`, `sortby`/`sortdir`, `branch`, `ids`, and `<response><code>` results;
 *   `/rest/branch` and `/rest/user-group` for dropdowns;
 * - phones.ts: CXF REST `/sipxconfig/api/phones` in JSON (start/limit, id-or-MAC, sendProfile[/restart]);
 * - soap.ts: Axis SOAP `/sipxconfig/services/UserService` and `/PhoneService`, document/literal as
 *   in sipxconfig.wsdl, with SOAP faults (HTTP 500) for malformed envelopes and bad input.
 * Fault injection, hooks and the request log come from the shared SandboxServer.
 */
import { SANDBOX_TLS, SandboxServer } from '../core';
import { createContext, SIPXCOM_ADMIN, SIPXCOM_NON_ADMIN } from './context';
import { phoneRoutes } from './phones';
import { restRoutes } from './rest';
import { soapRoutes } from './soap';
import type { SipXcomSandboxOptions, SipXcomUser } from './store';
import { addBranch, addGroup, addPhone, addUser, createState, resetState, seedPhones, seedUsers } from './store';

export { SIPXCOM_ADMIN, SIPXCOM_NON_ADMIN } from './context';
export type {
	Named,
	SipXcomBranch,
	SipXcomModel,
	SipXcomPhone,
	SipXcomPhoneLine,
	SipXcomSandboxOptions,
	SipXcomState,
	SipXcomUser,
} from './store';

export function createSipXcomSandbox(options: SipXcomSandboxOptions = {}) {
	const server = new SandboxServer('sipxcom', options.tls ? { tls: SANDBOX_TLS } : {});
	const state = createState(options);
	const ctx = createContext(server, state);
	for (const routes of [restRoutes, phoneRoutes, soapRoutes]) routes(ctx);
	server.notFound((req) => ({
		status: 404,
		headers: { 'Content-Type': 'text/html;charset=utf-8' },
		body: `<html><body><h2>HTTP ERROR 404</h2><p>Problem accessing ${req.path}. Reason: Not Found</p></body></html>`,
	}));

	return {
		server,
		state,
		/** Adds `count` deterministic users 200, 201, … (groups, branch and aliases vary by index). */
		seedUsers: (count: number) => seedUsers(state, count),
		/** Adds `count` phones, the n-th with a line for user n when there is one. */
		seedPhones: (count: number) => seedPhones(state, count),
		/** Adds one user, e.g. one a documented example names. */
		addUser: (fields: Parameters<typeof addUser>[1]) => addUser(state, fields),
		/** Adds one phone, e.g. one a documented example names. */
		addPhone: (fields: Parameters<typeof addPhone>[1]) => addPhone(state, fields),
		addBranch: (branch: Parameters<typeof addBranch>[1]) => addBranch(state, branch),
		/** Adds a user group (or returns the one with this name). */
		addGroup: (name: string, description?: string) => addGroup(state, name, description),
		/** Back to the users (or `users` of them), phones, groups and branches the options describe (the request log and faults stay). */
		reset: (users?: number) => resetState(state, users === undefined ? options : { ...options, users }),
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
		usersByName: (): SipXcomUser[] => [...state.users.values()].sort((a, b) => a.userName.localeCompare(b.userName) || a.id - b.id),
	};
}

export type SipXcomSandbox = ReturnType<typeof createSipXcomSandbox>;
