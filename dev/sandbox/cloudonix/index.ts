/**
 * A loopback Cloudonix REST API for the subscriber resource, built from SPEC25
 * (cloudonix-openapi.yaml) and the notes in shared/reference/cloudonix.md, over one store
 * (store.ts):
 * - access.ts: API keys and their scopes, customer/domain resolution, the per-domain rate limit
 *   (`limit` requests per `windowMs` sliding window → 429; defaults 10 per 3000 ms as in SPEC25,
 *   configurable so tests can run fast with the same ratio);
 * - subscribers.ts: `/customers/{customer|self}/domains/{name|uuid|id}[/subscribers[/{id|msisdn}]]`
 *   and the other documented spellings (`/customer/…/domain/…`, `/tenants/…`, `/domains/…`,
 *   `/domain/self/…`, `/subscribers/…` with a domain key); SPEC25's own examples: a numeric
 *   `msisdn` and an update body carrying the readOnly fields, which are ignored.
 */
import { SandboxServer } from '../core';
import { failure } from './access';
import type { CloudonixSandboxOptions } from './store';
import { add, byMsisdn, createState, resetRateWindow, resetState, seed } from './store';
import { subscriberRoutes } from './subscribers';

export type { CloudonixSandboxOptions, CloudonixState, CloudonixSubscriber } from './store';

export function createCloudonixSandbox(options: CloudonixSandboxOptions = {}) {
	const server = new SandboxServer('cloudonix');
	const state = createState(options);
	subscriberRoutes(server, state);
	server.notFound((req) => failure(404, `No route for ${req.method} ${req.path}`));

	return {
		server,
		state,
		domain: state.domain,
		keys: state.keys,
		/** Deterministic seed: MSISDNs `start` (1000), `start+1`, … named "Subscriber N"; every `activeEvery`-th (10th) inactive. */
		seed: (count: number, start?: number, activeEvery?: number) => seed(state, count, start, activeEvery),
		add: (msisdn: string, sipPassword: string, profile?: Record<string, unknown>, active?: boolean) => add(state, msisdn, sipPassword, profile, active),
		byMsisdn: (msisdn: string) => byMsisdn(state, msisdn),
		/** Subscribers sorted by MSISDN. */
		list: () => [...state.subscribers.values()].sort((a, b) => a.msisdn.localeCompare(b.msisdn)),
		/** Forget the rate-limit window (between tests). */
		resetRateLimit: () => resetRateWindow(state),
		/** Back to as created: no subscribers, the options' rate limit with an empty window, counters at zero. */
		reset: () => resetState(state, options),
		/** What a user types into the "Cloudonix API" credential (after `server.start()`). */
		credentials: (apiKey: string = state.keys.domain) => ({ apiKey, domain: state.domain.domain, baseUrl: server.baseUrl }),
	};
}

export type CloudonixSandbox = ReturnType<typeof createCloudonixSandbox>;
