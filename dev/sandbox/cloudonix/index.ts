/**
 * A loopback Cloudonix REST API for the subscriber resource, built from SPEC25
 * (cloudonix-openapi.yaml) and the notes in shared/reference/cloudonix.md:
 * - `Authorization: Bearer <key>`; unknown key → 401, key of another domain → 401 ("not
 *   authorized to interact with the requested object"), key outside its scope → 403
 *   (a domain key on customer resources, a subscriber key on domain resources).
 * - `/customers/{customer|self}/domains/{name|uuid|id}[/subscribers[/{id|msisdn}]]`, and the other
 *   documented spellings of the subscriber paths (`/customer/…/domain/…`, `/tenants/…`,
 *   `/domains/…`, `/domain/self/…`, `/subscribers/…` with a domain key).
 * - SPEC25's own examples: a numeric `msisdn` (the example is a YAML number) and an update body
 *   carrying the readOnly fields, which are ignored.
 * - List → plain JSON array, or 404 "No subscribers found" when the domain has none.
 * - Create → 200 with the object (not 201); the create body has no `active`, so new
 *   subscribers are always active. Duplicate MSISDN → 409 `{status:false,message}` (the real
 *   answer is UNCONFIRMED; the node also recognises 400/500 with an "exists" message).
 * - Update → PUT, partial; `profile` is REPLACED (merge/replace is UNCONFIRMED, the sandbox
 *   takes the harsher reading); booleans sent as strings → 400 (SPEC25's example of a 400).
 * - Delete → 204; unknown id → 404.
 * - `{subscriber-id}` accepts an id or an MSISDN; a numeric value that is an id wins (the
 *   real precedence is UNCONFIRMED; this is the case that can fool a client).
 * - Rate limit per domain: `limit` requests per `windowMs` sliding window → 429 (defaults
 *   10 per 3000 ms as in SPEC25; configurable so tests can run fast with the same ratio).
 */
import { SandboxServer } from '../core';
import type { SandboxRequest, SandboxResponse } from '../core';

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

interface KeyInfo {
	scope: 'customer' | 'domain' | 'subscriber';
	domain?: string;
}

const RETRY_AFTER_SLACK_MS = 5;

const json = (status: number, body?: unknown): SandboxResponse => ({ status, body });
const failure = (status: number, message: string): SandboxResponse => json(status, { status: false, message });

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

export function createCloudonixSandbox(options: CloudonixSandboxOptions = {}) {
	const server = new SandboxServer('cloudonix');
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

	const state = {
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

	const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
	const uuidOf = (id: number) => `00000000-0000-4000-8000-${id.toString(16).padStart(12, '0')}`;

	function view(sub: CloudonixSubscriber): Record<string, unknown> {
		if (!state.legacyPasswordField) return { ...sub, profile: { ...sub.profile } };
		const { sipPassword, ...rest } = sub;
		return { ...rest, profile: { ...sub.profile }, 'sip-password': sipPassword };
	}

	function byMsisdn(msisdn: string): CloudonixSubscriber | undefined {
		for (const sub of state.subscribers.values()) if (sub.msisdn === msisdn) return sub;
		return undefined;
	}

	/** `{subscriber-id}`: an id if it is one, else an MSISDN. */
	function lookup(ref: string): CloudonixSubscriber | undefined {
		if (/^\d+$/.test(ref)) {
			const sub = state.subscribers.get(Number(ref));
			if (sub) return sub;
		}
		return byMsisdn(ref);
	}

	function add(msisdn: string, sipPassword: string, profile: Record<string, unknown> = {}, active = true) {
		const id = state.nextId++;
		const stamp = now();
		const sub: CloudonixSubscriber = {
			id,
			domainId: domain.id,
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
	function seed(count: number, start = 1000, activeEvery = 10): CloudonixSubscriber[] {
		const created: CloudonixSubscriber[] = [];
		for (let i = 0; i < count; i++) {
			created.push(
				add(String(start + i), `Seed-${start + i}-Pw9x`, { displayName: `Subscriber ${start + i}` }, (i + 1) % activeEvery !== 0),
			);
		}
		return created;
	}

	function authorise(req: SandboxRequest, need: 'customer' | 'domain'): SandboxResponse | KeyInfo {
		const header = String(req.headers.authorization ?? '');
		const match = /^Bearer\s+(\S+)$/i.exec(header);
		if (!match) return failure(401, 'Missing or malformed Authorization header');
		const info = keyInfo.get(match[1]);
		if (!info) return failure(401, 'Invalid API key');
		if (info.scope === 'customer') return info;
		if (need === 'customer' || info.scope === 'subscriber') {
			return failure(403, 'The API key scope does not allow access to this resource');
		}
		return info;
	}

	function domainMatches(ref: string): boolean {
		return ref === domain.domain || ref === domain.uuid || ref === String(domain.id);
	}

	function customerMatches(ref: string): boolean {
		return ref === 'self' || ref === String(domain.tenantId) || ref === domain.tenant.name;
	}

	/** Sliding-window limit per domain; every authorised request to the domain counts. */
	function rateLimited(): SandboxResponse | undefined {
		const wall = Date.now();
		if (wall < state.retryNotBefore) state.earlyRetries++;
		const t = state.rateClockStepMs === undefined ? wall : (state.rateClock += state.rateClockStepMs);
		while (state.recent.length && t - state.recent[0] >= state.rateWindowMs) state.recent.shift();
		if (state.recent.length >= state.rateLimit) {
			state.rateLimited++;
			const response = failure(429, 'Too many requests');
			if (state.retryAfter !== undefined) {
				response.headers = { 'Retry-After': String(state.retryAfter) };
				// Timers and Date.now() round differently by a millisecond or two.
				state.retryNotBefore = wall + state.retryAfter * 1000 - RETRY_AFTER_SLACK_MS;
			}
			return response;
		}
		state.recent.push(t);
		return undefined;
	}

	/** Auth, customer/domain resolution and rate limit shared by every domain route. */
	function guard(req: SandboxRequest, handler: () => SandboxResponse): SandboxResponse {
		const auth = authorise(req, 'domain');
		if ('status' in auth) return auth;
		if (!customerMatches(req.params.customer ?? 'self')) return failure(404, 'Customer not found');
		// "The magic self": with a domain key, `self` (or no domain at all) is the key's own domain.
		if (req.params.domain === undefined || req.params.domain === 'self') {
			if (auth.scope !== 'domain') return failure(404, 'Domain not found');
			req.params.domain = auth.domain!;
		}
		if (!domainMatches(req.params.domain)) {
			return auth.scope === 'customer' ? failure(404, 'Domain not found') : failure(401, 'The API key is not authorized for this domain');
		}
		if (auth.scope === 'domain' && auth.domain !== domain.domain) {
			return failure(401, 'The API key is not authorized for this domain');
		}
		return rateLimited() ?? handler();
	}

	function readPassword(body: Record<string, unknown>): unknown {
		return body.sipPassword !== undefined ? body.sipPassword : body['sip-password'];
	}

	const base = '/customers/:customer/domains/:domain';
	/**
	 * SPEC25's explicit path `/customers/{customer-id}/domains/{domain-id}/subscribers[/{subscriber-id}]`
	 * and the other spellings Cloudonix documents for the same resource: SPEC25's intro gives
	 * `/customer/{id}/domain/{id}/{resource}`, `/domain/{id}/{resource}`, and for a domain key
	 * `/domain/self/{resource}` and `/{resource}`; DOCS add `/tenants/{name}/domains/{domain}/…`
	 * and `/domains/{domain}/…`. The intro's resource names are singular, the paths plural.
	 */
	const domainPrefix = '(?:(?:/(?:customers?|tenants)/(?<customer>[^/]+))?/domains?/(?<domain>[^/]+))?';
	const subscribers = new RegExp(`^${domainPrefix}/subscribers?/?$`);
	const subscriber = new RegExp(`^${domainPrefix}/subscribers?/(?<subscriber>[^/]+)/?$`);

	server.route('GET', '/customers/:customer', (req) => {
		const auth = authorise(req, 'customer');
		if ('status' in auth) return auth;
		return customerMatches(req.params.customer) ? json(200, domain.tenant) : failure(404, 'Customer not found');
	});

	server.route('GET', base, (req) => guard(req, () => json(200, domain)));

	server.route('GET', subscribers, (req) =>
		guard(req, () =>
			state.subscribers.size ? json(200, [...state.subscribers.values()].map(view)) : failure(404, 'No subscribers found'),
		),
	);

	server.route('POST', subscribers, (req) =>
		guard(req, () => {
			const body = req.body as Record<string, unknown> | undefined;
			if (!body || typeof body !== 'object' || Array.isArray(body)) return failure(400, 'Request body must be a JSON object');
			const { profile } = body;
			// SPEC25 types msisdn as a string, yet its own example (12127773456) is a YAML number;
			// the sandbox takes both and stores the string.
			const msisdn = typeof body.msisdn === 'number' && Number.isSafeInteger(body.msisdn) ? String(body.msisdn) : body.msisdn;
			const password = readPassword(body);
			if (typeof msisdn !== 'string' || msisdn.trim() === '') return failure(400, 'msisdn is required and must be a string');
			if (typeof password !== 'string' || password === '') return failure(400, 'sipPassword is required and must be a string');
			if (profile !== undefined && (profile === null || typeof profile !== 'object' || Array.isArray(profile))) {
				return failure(400, 'profile must be an object');
			}
			if (byMsisdn(msisdn)) {
				state.duplicateRejections++;
				return failure(409, `Subscriber with msisdn ${msisdn} already exists`);
			}
			state.createsByMsisdn.set(msisdn, (state.createsByMsisdn.get(msisdn) ?? 0) + 1);
			return json(200, view(add(msisdn, password, (profile as Record<string, unknown>) ?? {})));
		}),
	);

	server.route('GET', subscriber, (req) =>
		guard(req, () => {
			const sub = lookup(req.params.subscriber);
			return sub ? json(200, view(sub)) : failure(404, 'No subscribers found');
		}),
	);

	server.route('PUT', subscriber, (req) =>
		guard(req, () => {
			const sub = lookup(req.params.subscriber);
			if (!sub) return failure(404, 'Subscriber not found');
			const body = req.body as Record<string, unknown> | undefined;
			if (!body || typeof body !== 'object' || Array.isArray(body)) return failure(400, 'Request body must be a JSON object');
			// SPEC25's update body is the whole subscriberObject, readOnly fields included (id, domainId,
			// uuid, createdAt, modifiedAt, deletedAt): they are ignored, as OpenAPI readOnly means.
			if (body.msisdn !== undefined && String(body.msisdn) !== sub.msisdn) return failure(400, 'msisdn can not be changed');
			if (body.active !== undefined && typeof body.active !== 'boolean') return failure(400, 'active must be a boolean');
			const password = readPassword(body);
			if (password !== undefined && (typeof password !== 'string' || password === '')) {
				return failure(400, 'sipPassword must be a non-empty string');
			}
			if (body.profile !== undefined && (body.profile === null || typeof body.profile !== 'object' || Array.isArray(body.profile))) {
				return failure(400, 'profile must be an object');
			}
			if (typeof body.active === 'boolean') sub.active = body.active;
			if (typeof password === 'string') sub.sipPassword = password;
			if (body.profile !== undefined) sub.profile = { ...(body.profile as Record<string, unknown>) };
			sub.modifiedAt = now();
			return json(200, view(sub));
		}),
	);

	server.route('DELETE', subscriber, (req) =>
		guard(req, () => {
			const sub = lookup(req.params.subscriber);
			if (!sub) return failure(404, 'Subscriber not Found');
			state.subscribers.delete(sub.id);
			return { status: 204 };
		}),
	);

	server.notFound((req) => failure(404, `No route for ${req.method} ${req.path}`));

	return {
		server,
		state,
		domain,
		keys,
		seed,
		add,
		byMsisdn,
		/** Subscribers sorted by MSISDN. */
		list: () => [...state.subscribers.values()].sort((a, b) => a.msisdn.localeCompare(b.msisdn)),
		/** Forget the rate-limit window (between tests). */
		resetRateLimit: () => {
			state.recent.length = 0;
			state.rateLimited = 0;
			state.rateClock = 0;
			state.retryNotBefore = 0;
			state.earlyRetries = 0;
		},
		reset: () => {
			state.subscribers.clear();
			state.nextId = options.firstId ?? 1;
			state.recent.length = 0;
			state.rateLimited = 0;
			state.rateClock = 0;
			state.retryNotBefore = 0;
			state.earlyRetries = 0;
			state.createsByMsisdn.clear();
			state.duplicateRejections = 0;
		},
		/** What a user types into the "Cloudonix API" credential (after `server.start()`). */
		credentials: (apiKey: string = keys.domain) => ({ apiKey, domain: domain.domain, baseUrl: server.baseUrl }),
	};
}

export type CloudonixSandbox = ReturnType<typeof createCloudonixSandbox>;
