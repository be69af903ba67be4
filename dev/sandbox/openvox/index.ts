/**
 * A loopback OpenVox UC-series PBX API (`/api/v0.0.1/`), as documented on help.openvox.cn
 * (see docs/vendors/openvox.md), over one store (store.ts):
 * - protocol.ts: every call is a POST answered with HTTP 200 and a body status of "Success" or
 *   "Failed" + errno, in JSON or XML, with the token checked;
 * - session.ts: login (lockout after 5 failures), heartbeat, logout;
 * - extensions.ts: the five extension endpoints;
 * - a virtual clock (`advance(ms)`) so expiry and lockout are tested without waiting;
 * - the core's request log, fault injection and hooks.
 */
import { SandboxServer } from '../core';
import { extensionRoutes } from './extensions';
import { createContext, failed } from './protocol';
import { sessionRoutes } from './session';
import type { OpenVoxSandboxOptions } from './store';
import { configOf, createState, resetState, seed } from './store';

export { API_PREFIX, md5, toXml } from './protocol';
export type { ExtensionRecord, OpenVoxSandboxOptions, OpenVoxSandboxState } from './store';
export { seedExtension } from './store';

export function createOpenVoxSandbox(options: OpenVoxSandboxOptions = {}) {
	const config = configOf(options);
	const server = new SandboxServer('openvox', { tls: options.tls });
	const state = createState();
	const ctx = createContext(server, state, config);
	sessionRoutes(ctx);
	extensionRoutes(ctx);
	server.notFound((req) => failed(req, '10003'));
	if (options.seed) seed(state, options.seed);

	return {
		server,
		state,
		config,
		options,
		/** Adds `count` deterministic extensions numbered from `start` (1000). */
		seed: (count: number, start?: number) => seed(state, count, start),
		/** Moves the sandbox clock forward (token idle expiry, lockout end). */
		advance: (ms: number) => {
			state.clockOffset += ms;
		},
		/** Ends every token now: 'timeout' answers 20006 next time, 'erase' 20004. */
		expireTokens: (how: 'timeout' | 'erase' = 'timeout') => {
			if (how === 'erase') state.tokens.clear();
			else for (const entry of state.tokens.values()) entry.lastUsed = -Infinity;
		},
		/** Clears extensions, tokens, lockout, the clock, the request log and faults. */
		reset: () => {
			resetState(state);
			server.clearFaults();
			server.clearLog();
		},
		/** The values a user types into the OpenVox API credential for this sandbox. */
		credentials: (overrides: Record<string, unknown> = {}) => ({
			url: server.baseUrl,
			username: config.username,
			password: config.password,
			reportPort: '8260',
			apiFormat: 'json',
			ignoreSSLIssues: false,
			token: '',
			...overrides,
		}),
	};
}

export type OpenVoxSandbox = ReturnType<typeof createOpenVoxSandbox>;
