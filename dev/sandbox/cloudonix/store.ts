/**
 * The Cloudonix sandbox's one store: the domain, its API keys, the subscribers, the rate-limit
 * window and the counters tests check (creates per MSISDN, duplicate rejections, 429s).
 */
export interface CloudonixSubscriber {
	id: number;
	domainId: number;
	msisdn: string;
	uuid: string;
	active: boolean;
	sipPassword: string;
	createdAt: string;
	modifiedAt: string;
	deletedAt: string | null;
	profile: Record<string, unknown>;
}

export interface CloudonixSandboxOptions {
	/** Domain name (default `sandbox.cloudonix.net`). */
	domain?: string;
	/** Requests allowed per window per domain (default 10, as SPEC25). */
	rateLimit?: number;
	/** Window of the rate limit in ms (default 3000, as SPEC25). */
	rateWindowMs?: number;
	/** Retry-After (seconds) on the sandbox's own 429s; Cloudonix documents none (default: none). */
	retryAfter?: number;
	/**
	 * Rate-limit clock (default: the wall clock). A number makes it virtual, advancing by that
	 * many ms per request, so which requests are refused depends only on their order, never on
	 * the machine's speed: e.g. 9.5 with 10 per 100 ms refuses one request in every 11.
	 */
	rateClockStepMs?: number;
	/** Answer with the legacy `sip-password` field instead of `sipPassword`. */
	legacyPasswordField?: boolean;
	/** First subscriber id (default 1). */
	firstId?: number;
}

/** A 34-character key id starting with "XI", as DOCS describe Cloudonix keys. */
function keyId(seed: string): string {
	let out = 'XI';
	let n = 0;
	for (const ch of seed) n = (n * 31 + ch.charCodeAt(0)) >>> 0;
	const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
	while (out.length < 34) {
		n = (n * 1103515245 + 12345) >>> 0;
		out += alphabet[n % alphabet.length];
	}
	return out;
}

export type CloudonixState = ReturnType<typeof createState>;

export function createState(options: CloudonixSandboxOptions) {
	const domainName = options.domain ?? 'sandbox.cloudonix.net';
	const domain = {
		id: 4242,
		tenantId: 77,
		domain: domainName,
		uuid: '9b1f3c2e-5d4a-4e6b-8c7d-0a1b2c3d4e5f',
		active: true,
		profile: {},
		tenant: { id: 77, name: 'sandbox-customer', billingPlan: { name: 'sandbox' } },
	};
	const keys = {
		/** A domain-scoped key for this domain: what the credential should hold. */
		domain: keyId('domain'),
		/** A customer (tenant) key: reaches everything. */
		customer: keyId('customer'),
		/** A subscriber key: only its own subscriber, so 403 on the domain's subscribers. */
		subscriber: keyId('subscriber'),
		/** A domain key of another domain: 401 here. */
		otherDomain: keyId('other-domain'),
	};
	const keyInfo = new Map<string, KeyInfo>([
		[keys.domain, { scope: 'domain', domain: domainName }],
		[keys.customer, { scope: 'customer' }],
		[keys.subscriber, { scope: 'subscriber', domain: domainName }],
		[keys.otherDomain, { scope: 'domain', domain: 'other.cloudonix.net' }],
	]);

	return {
		domain,
		keys,
		/** Scope (and domain) of each key. */
		keyInfo,
		subscribers: new Map<number, CloudonixSubscriber>(),
		nextId: options.firstId ?? 1,
		rateLimit: options.rateLimit ?? 10,
		rateWindowMs: options.rateWindowMs ?? 3000,
		retryAfter: options.retryAfter,
		rateClockStepMs: options.rateClockStepMs,
		/** The virtual rate-limit clock (with `rateClockStepMs`). */
		rateClock: 0,
		legacyPasswordField: options.legacyPasswordField ?? false,
		/** Start times of recent requests per domain (sliding window). */
		recent: [] as number[],
		/** How often the sandbox's own rate limiter answered 429. */
		rateLimited: 0,
		/** Wall-clock time until which the Retry-After of the last 429 asks clients to wait. */
		retryNotBefore: 0,
		/** Requests that arrived before that time: a client that does not honour Retry-After (meaningful for one client). */
		earlyRetries: 0,
		/** Successful creates per MSISDN (to prove no duplicate creates). */
		createsByMsisdn: new Map<string, number>(),
		/** Rejected duplicate creates. */
		duplicateRejections: 0,
	};
}

export interface KeyInfo {
	scope: 'customer' | 'domain' | 'subscriber';
	domain?: string;
}

/** Back to as created: no subscribers, the options' rate limit with an empty window, counters at zero. */
export function resetState(state: CloudonixState, options: CloudonixSandboxOptions): void {
	state.subscribers.clear();
	state.nextId = options.firstId ?? 1;
	state.rateLimit = options.rateLimit ?? 10;
	state.rateWindowMs = options.rateWindowMs ?? 3000;
	state.retryAfter = options.retryAfter;
	state.rateClockStepMs = options.rateClockStepMs;
	state.legacyPasswordField = options.legacyPasswordField ?? false;
	resetRateWindow(state);
	state.createsByMsisdn.clear();
	state.duplicateRejections = 0;
}

/** Forget the rate-limit window (between tests). */
export function resetRateWindow(state: CloudonixState): void {
	state.recent.length = 0;
	state.rateLimited = 0;
	state.rateClock = 0;
	state.retryNotBefore = 0;
	state.earlyRetries = 0;
}

export const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
const uuidOf = (id: number) => `00000000-0000-4000-8000-${id.toString(16).padStart(12, '0')}`;

export function view(state: CloudonixState, sub: CloudonixSubscriber): Record<string, unknown> {
	if (!state.legacyPasswordField) return { ...sub, profile: { ...sub.profile } };
	const { sipPassword, ...rest } = sub;
	return { ...rest, profile: { ...sub.profile }, 'sip-password': sipPassword };
}

export function byMsisdn(state: CloudonixState, msisdn: string): CloudonixSubscriber | undefined {
	for (const sub of state.subscribers.values()) if (sub.msisdn === msisdn) return sub;
	return undefined;
}

/** `{subscriber-id}`: an id if it is one, else an MSISDN. */
export function lookup(state: CloudonixState, ref: string): CloudonixSubscriber | undefined {
	if (/^\d+$/.test(ref)) {
		const sub = state.subscribers.get(Number(ref));
		if (sub) return sub;
	}
	return byMsisdn(state, ref);
}

export function add(state: CloudonixState, msisdn: string, sipPassword: string, profile: Record<string, unknown> = {}, active = true) {
	const id = state.nextId++;
	const stamp = now();
	const sub: CloudonixSubscriber = {
		id,
		domainId: state.domain.id,
		msisdn,
		uuid: uuidOf(id),
		active,
		sipPassword,
		createdAt: stamp,
		modifiedAt: stamp,
		deletedAt: null,
		profile: { ...profile },
	};
	state.subscribers.set(id, sub);
	return sub;
}

/** Deterministic seed: MSISDNs `start`, `start+1`, … with names "Subscriber N". */
export function seed(state: CloudonixState, count: number, start = 1000, activeEvery = 10): CloudonixSubscriber[] {
	const created: CloudonixSubscriber[] = [];
	for (let i = 0; i < count; i++) {
		created.push(
			add(state, String(start + i), `Seed-${start + i}-Pw9x`, { displayName: `Subscriber ${start + i}` }, (i + 1) % activeEvery !== 0),
		);
	}
	return created;
}
