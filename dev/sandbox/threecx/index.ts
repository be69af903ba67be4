/**
 * A loopback 3CX V20 PBX for the XAPI (/xapi/v1), one module per entity over one store:
 * - token.ts: OAuth2 client-credentials tokens (one active token per client, real expiry), Defs;
 * - users.ts: the Users collection (OData subset in ./odata.ts, the live `$top` cap of 100), by
 *   key and by Number, create / PATCH / DELETE with the PBX's validation, Pbx.BatchDelete,
 *   Pbx.GetFirstAvailableExtensionNumber;
 * - departments.ts: Groups with Members; forwarding.ts: ForwardingProfiles;
 * - queues.ts and ringGroups.ts (over callGroups.ts): Queues with Agents and Managers, RingGroups
 *   with Members, by Id and by Number, Pbx.GetFirstAvailableQueueNumber() /
 *   Pbx.GetFirstAvailableRingGroupNumber(), the immutable Number;
 * - system.ts: SystemStatus, Pbx.SystemHealthStatus(), Defs/Pbx.GetSystemParameters(), LicenseStatus;
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
import { QUEUE_KIND, queueRoutes } from './queues';
import { RING_GROUP_KIND, ringGroupRoutes } from './ringGroups';
import type { ThreeCxMember, ThreeCxQueue, ThreeCxRingGroup, ThreeCxSandboxOptions, ThreeCxState } from './store';
import { createState, firstFreeNumber, resetState } from './store';
import { systemRoutes } from './system';
import { expireTokens, tokenRoutes } from './token';
import { seedUsers, userRoutes } from './users';

export { EXPORT_COLUMNS } from './export';
export { REGENERATE_OPTIONS } from './lifecycle';
export { SANDBOX_LICENSE_KEY } from './system';
export type {
	ThreeCxDestination,
	ThreeCxDeviceInfo,
	ThreeCxForwardingProfile,
	ThreeCxGroup,
	ThreeCxMember,
	ThreeCxPhone,
	ThreeCxPhoneTemplate,
	ThreeCxQueue,
	ThreeCxRingGroup,
	ThreeCxSandboxOptions,
	ThreeCxState,
	ThreeCxUser,
} from './store';
export { FORWARDING_PROFILE_NAMES } from './store';

export function createThreeCxSandbox(options: ThreeCxSandboxOptions = {}) {
	const server = new SandboxServer('3cx', options);
	const state = createState(options);
	const ctx = createContext(server, state);
	for (const routes of [tokenRoutes, departmentRoutes, phoneRoutes, exportRoutes, lifecycleRoutes, forwardingRoutes, userRoutes, queueRoutes, ringGroupRoutes, systemRoutes]) {
		routes(ctx);
	}
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
		/** Adds a queue (number: the first free from 800) whose agents are these users' numbers. */
		addQueue: (fields: { Name: string; Number?: string; agents?: string[] }): ThreeCxQueue =>
			addCallGroup(state, QUEUE_KIND.create(QUEUE_KIND.nextId(state), fields.Number ?? firstFreeNumber(state, 800), fields.Name), 'Agents', fields.agents, state.queues),
		/** Adds a ring group (number: the first free from 800) whose members are these users' numbers. */
		addRingGroup: (fields: { Name: string; Number?: string; members?: string[] }): ThreeCxRingGroup =>
			addCallGroup(state, RING_GROUP_KIND.create(RING_GROUP_KIND.nextId(state), fields.Number ?? firstFreeNumber(state, 800), fields.Name), 'Members', fields.members, state.ringGroups),
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

/** Seeds a queue or ring group with member rows for existing users' numbers. */
function addCallGroup<R extends ThreeCxQueue | ThreeCxRingGroup>(state: ThreeCxState, record: R, list: 'Agents' | 'Members', numbers: string[] = [], records: R[]): R {
	(record as Record<string, unknown>)[list] = numbers.map((number): ThreeCxMember => {
		const user = [...state.users.values()].find((u) => u.Number === number);
		if (!user) throw new Error(`No user ${number} to add to ${record.Name}`);
		return { Id: user.Id, Number: number, Name: user.DisplayName ?? '', ...(list === 'Agents' ? { SkillGroup: null } : {}) };
	});
	records.push(record);
	return record;
}

export type ThreeCxSandbox = ReturnType<typeof createThreeCxSandbox>;
