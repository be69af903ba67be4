/**
 * A loopback 3CX V20 PBX for the XAPI (/xapi/v1), one module per entity over one store:
 * - token.ts: OAuth2 client-credentials tokens (one active token per client, real expiry), Defs;
 * - users.ts: the Users collection (OData subset in ./odata.ts, the live `$top` cap of 100), by
 *   key and by Number, create / PATCH / DELETE with the PBX's validation, Pbx.BatchDelete,
 *   Pbx.GetFirstAvailableExtensionNumber;
 * - departments.ts: Groups with Members; forwarding.ts: ForwardingProfiles;
 * - phones.ts: Phones on the user, PhoneTemplates, DeviceInfos with Pbx.Provision,
 *   Pbx.ReprovisionPhone, Pbx.RebootPhone, Pbx.ReprovisionAllPhones, Pbx.GenerateProvLink();
 * - lifecycle.ts: Pbx.SendWelcomeEmail, Pbx.Regenerate, Pbx.RegeneratePasswords,
 *   Pbx.MultiUserUpdate; export.ts: the CSV of Pbx.ExportExtensions.
 * Errors use the OData body `{"error":{"code":"","message","details":[{code,message,target}]}}`
 * (context.ts). Calls the tests check are recorded in the store (store.ts).
 */
import { SandboxServer } from '../core';
import { createContext, odataError } from './context';
import { departmentRoutes } from './departments';
import { exportRoutes } from './export';
import { forwardingRoutes } from './forwarding';
import { lifecycleRoutes } from './lifecycle';
import { phoneRoutes } from './phones';
import type { ThreeCxSandboxOptions } from './store';
import { createState, resetState } from './store';
import { expireTokens, tokenRoutes } from './token';
import { seedUsers, userRoutes } from './users';

export { EXPORT_COLUMNS } from './export';
export { REGENERATE_OPTIONS } from './lifecycle';
export type {
	ThreeCxDestination,
	ThreeCxDeviceInfo,
	ThreeCxForwardingProfile,
	ThreeCxGroup,
	ThreeCxPhone,
	ThreeCxPhoneTemplate,
	ThreeCxSandboxOptions,
	ThreeCxState,
	ThreeCxUser,
} from './store';
export { FORWARDING_PROFILE_NAMES } from './store';

export function createThreeCxSandbox(options: ThreeCxSandboxOptions = {}) {
	const server = new SandboxServer('3cx', options);
	const state = createState(options);
	const ctx = createContext(server, state);
	for (const routes of [tokenRoutes, departmentRoutes, phoneRoutes, exportRoutes, lifecycleRoutes, forwardingRoutes, userRoutes]) routes(ctx);
	server.notFound((req) =>
		req.path.startsWith('/xapi/v1')
			? odataError(404, `No HTTP resource was found that matches the request URI '${req.path}'.`)
			: { status: 404, body: 'Not Found' },
	);

	return {
		server,
		state,
		/** Adds `count` deterministic users (numbers from `startNumber`, default 100), spread over the departments. */
		seedUsers: (count: number, startNumber?: number) => seedUsers(state, count, startNumber),
		reset: () => resetState(state),
		/** Expire every token now (as if its lifetime ran out). */
		expireTokens: () => expireTokens(state),
		/** Credential values a user would type into "3CX API". */
		credentials: () => ({
			url: server.baseUrl,
			clientId: state.options.clientId,
			clientSecret: state.options.clientSecret,
			ignoreSSLIssues: false,
		}),
	};
}

export type ThreeCxSandbox = ReturnType<typeof createThreeCxSandbox>;
