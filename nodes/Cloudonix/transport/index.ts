/**
 * The one place the Cloudonix node talks HTTP. Vendor facts (Cloudonix's OpenAPI spec, as
 * bundled in the open-source OPBX project, and OPBX's own Cloudonix client):
 * - Bearer key; paths `/customers/self/domains/{domain}/subscribers[/{id|msisdn}]`.
 *   An older `/api/domains/{uuid}/subscribers` layout does not exist and is not used.
 * - List returns the whole domain as one JSON array (no paging); 404 on a list means "none".
 * - Errors: `{status:false, message}` in some APIs; OPBX falls back to `error`.
 * - Rate limit: 10 requests per 3 s per domain (the OpenAPI spec; the docs site says per 10 s),
 *   429 beyond, no Retry-After documented. Requests are paced per process, credential and
 *   domain; 429s (another worker's share) are retried with backoff.
 * - `{subscriber-id}` takes an id or an MSISDN and the server's precedence is UNCONFIRMED, so an
 *   MSISDN lookup checks the answer's msisdn and falls back to the list on a mismatch.
 */
import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestContext, VendorApi, VendorCall } from '../../shared/transport';
import type { AnswerShape } from '../../shared/answer';
import { jsonArray, jsonObject, parseJsonAnswer } from '../../shared/answer';
import type { DeleteOutcome } from '../../shared/transport';
import { RequestPacer, vendorDelete, vendorRequest } from '../../shared/transport';
import { cloudonixBaseUrl, CREDENTIAL_TYPE } from './credential';
import { asNodeError } from '../../shared/errors';

export type JsonObject = Record<string, unknown>;

/** Subscriber fields that hold the SIP password: the current and the legacy spelling. */
export const PASSWORD_FIELDS = ['sipPassword', 'sip-password'];

export function subscriberPassword(raw: JsonObject): string | undefined {
	for (const field of PASSWORD_FIELDS) {
		if (typeof raw[field] === 'string') return raw[field] as string;
	}
	return undefined;
}

export const DEFAULT_REQUESTS_PER_WINDOW = 10;
export const DEFAULT_WINDOW_MS = 3000;

function messageOf(body: unknown): string | undefined {
	if (typeof body === 'string') {
		try {
			return messageOf(JSON.parse(body));
		} catch {
			return body.trim() && body.length <= 300 && !body.trim().startsWith('<') ? body.trim() : undefined;
		}
	}
	if (!body || typeof body !== 'object') return undefined;
	const record = body as IDataObject;
	for (const key of ['message', 'error', 'detail', 'reason']) {
		const value = record[key];
		if (typeof value === 'string' && value.trim()) return value.trim();
		if (value && typeof value === 'object' && typeof (value as IDataObject).message === 'string') {
			return String((value as IDataObject).message);
		}
	}
	return undefined;
}

export const cloudonixApi: VendorApi = {
	displayName: 'Cloudonix',
	credentialType: CREDENTIAL_TYPE,
	secretFields: ['apiKey'],
	// A 401 is the answer: n8n must not run the credential's preAuthentication (the Test's
	// connection check) and send the request again.
	additionalCredentialOptions: { preAuthenticationRetryStatusCode: [] },
	extractErrorMessage: (body) => messageOf(body),
	describeStatus: (status) => {
		switch (status) {
			case 400:
				return 'Cloudonix rejected the request as malformed (e.g. a boolean sent as text). Check the values sent.';
			case 401:
				return 'The API key was rejected or is not authorized for this domain. Check "API Key" and "Domain" in the Cloudonix API credential.';
			case 403:
				return 'The API key is valid but its scope does not allow this (a subscriber or application key, or a domain key on a customer resource). Use a domain or customer key for this domain.';
			case 404:
				return 'Not found: check the subscriber ID or MSISDN, and the Domain in the credential.';
			case 429:
				return 'Cloudonix rate limit (about 10 requests per 3 seconds per domain). Lower "Requests per Window" or raise "Window (Milliseconds)" in the node options, or avoid running several workflows against the domain at once.';
			default:
				return status >= 500 ? 'Cloudonix reported a server error; try again later.' : undefined;
		}
	},
	// 429 without Retry-After: back off from 1 s, doubling, since the window is 3 s.
	retry: { maxRetries: 6, baseDelayMs: 1000, maxDelayMs: 30_000 },
};

/** The HTTP status of a transport error, or undefined when no answer came. */
export function statusOf(error: unknown): number | undefined {
	const code = (error as { httpCode?: string | null }).httpCode;
	return code && /^\d{3}$/.test(code) ? Number(code) : undefined;
}

/** Cloudonix's answer to a duplicate MSISDN is UNCONFIRMED: 409, or 400/422/500 saying so. */
export function isDuplicateError(error: unknown): boolean {
	const status = statusOf(error);
	if (status === 409) return true;
	if (status === 400 || status === 422 || status === 500) {
		return /already exists?|duplicate|in use|exists/i.test((error as Error).message ?? '');
	}
	return false;
}

/** Paces requests: `acquire` before each attempt, retries included (see RequestPacer.acquire). */
export interface Pace {
	acquire(): Promise<() => void>;
}

export interface CloudonixCall extends VendorCall {
	/** Shared by all items of a run, so every request (retries included) counts against the rate limit. */
	pacer?: Pace;
}

/** One Cloudonix API call (path below the API base URL) with a JSON answer. */
export async function cloudonixRequest<T>(this: RequestContext, call: CloudonixCall, itemIndex?: number): Promise<T> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const pacer = call.pacer;
	return (await vendorRequest.call(
		this,
		cloudonixApi,
		{
			method: call.method ?? 'GET',
			url: `${cloudonixBaseUrl(credentials.baseUrl)}${call.path}`,
			qs: call.qs,
			headers: { Accept: 'application/json' },
			body: call.body,
			json: true,
			idempotent: call.idempotent,
			// Counted from completion: see RequestPacer.acquire (no 429 from latency jitter).
			beforeAttempt: pacer ? async () => await pacer.acquire() : undefined,
			secrets: call.secrets,
			expect: call.expect,
		},
		itemIndex,
	)) as T;
}

/** A DELETE with the run's pacing; a lost answer whose retry gets 404 is reported as deleted. */
export async function cloudonixDelete(this: RequestContext, call: CloudonixCall, itemIndex?: number): Promise<DeleteOutcome> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const pacer = call.pacer;
	return await vendorDelete.call(
		this,
		cloudonixApi,
		{
			url: `${cloudonixBaseUrl(credentials.baseUrl)}${call.path}`,
			headers: { Accept: 'application/json' },
			json: true,
			beforeAttempt: pacer ? async () => await pacer.acquire() : undefined,
		},
		itemIndex,
	);
}

/**
 * The subscribers list: a JSON array, or the documented JSON 404 "No subscribers found" for an
 * empty domain (SPEC25). A proxy's or maintenance page, even on HTTP 404, is an error: read as
 * "no subscribers" it would make a sync deactivate the whole domain.
 */
const SUBSCRIBER_LIST = jsonArray({
	emptyOn404: {
		matches: (body) => /no subscribers/i.test(String((parseJsonAnswer(body) as JsonObject | undefined)?.message ?? '')),
		value: [],
	},
});

/** One subscriber: a JSON object. */
const SUBSCRIBER = jsonObject();

/** A lookup by MSISDN: the subscriber, or null on Cloudonix's JSON 404 (never on a foreign 404 page). */
const SUBSCRIBER_LOOKUP: AnswerShape = {
	...SUBSCRIBER,
	emptyOn404: { matches: (body) => typeof parseJsonAnswer(body) === 'object' && parseJsonAnswer(body) !== null, value: null },
};

export interface CreateResult {
	subscriber: JsonObject;
	/** `created`: this call created it; `exists`: the MSISDN was already taken. */
	outcome: 'created' | 'exists';
}

export interface ClientOptions {
	requestsPerWindow: number;
	windowMs: number;
}

/**
 * One pacer per credential, API URL and domain for the whole process, so that parallel
 * executions and several Cloudonix nodes of one workflow (the flagship's Create and Update)
 * share the domain's budget instead of drawing 429s from each other. It holds request times
 * only, nothing of an execution's data; across n8n workers the 429 retry takes over.
 */
const pacers = new Map<string, RequestPacer>();

/** The process-wide pacer of this node's credential and domain, at this node's rate. */
function sharedPace(ctx: RequestContext, baseUrl: string, domain: string, options: ClientOptions): Pace {
	const credential = ctx.getNode().credentials?.[CREDENTIAL_TYPE];
	const key = JSON.stringify([credential?.id ?? credential?.name ?? '', baseUrl, domain]);
	let pacer = pacers.get(key);
	if (!pacer) {
		pacer = new RequestPacer(DEFAULT_REQUESTS_PER_WINDOW, DEFAULT_WINDOW_MS);
		pacers.set(key, pacer);
	}
	const shared = pacer;
	return { acquire: async () => await shared.acquire(options.requestsPerWindow, options.windowMs) };
}

/**
 * One per node execution: reads the credential once, paces every request (retries included)
 * through the process-wide pacer of its credential and domain at this node's rate, and keeps
 * an MSISDN → subscriber directory for this execution only.
 */
export class CloudonixClient {
	private directory?: Map<string, JsonObject>;

	private constructor(
		private readonly ctx: RequestContext,
		readonly domain: string,
		private readonly pacer: Pace,
	) {}

	static async create(ctx: RequestContext, options: ClientOptions): Promise<CloudonixClient> {
		const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
		const domain = String(credentials.domain ?? '').trim();
		if (!domain) {
			throw new NodeOperationError(ctx.getNode(), 'The Cloudonix API credential has no Domain', {
				description: 'Enter the domain name or UUID in the credential.',
			});
		}
		const baseUrl = cloudonixBaseUrl(credentials.baseUrl);
		return new CloudonixClient(ctx, domain, sharedPace(ctx, baseUrl, domain, options));
	}

	private subscribersPath(ref?: string): string {
		const base = `/customers/self/domains/${encodeURIComponent(this.domain)}/subscribers`;
		return ref === undefined ? base : `${base}/${encodeURIComponent(ref)}`;
	}

	/** Sends one paced request; `secrets` (e.g. a SIP password in the body) are kept out of errors. */
	async request<T>(
		method: IHttpRequestMethods,
		path: string,
		itemIndex: number,
		body?: JsonObject,
		secrets: string[] = [],
		expect?: AnswerShape,
	): Promise<T> {
		return (await cloudonixRequest.call(
			this.ctx,
			{ method, path, body: body as IDataObject | undefined, secrets, pacer: this.pacer, expect },
			itemIndex,
		)) as T;
	}

	/** The whole domain (one GET; the documented 404 "No subscribers found" means none). */
	async list(itemIndex: number): Promise<JsonObject[]> {
		const list = await this.request<JsonObject[]>('GET', this.subscribersPath(), itemIndex, undefined, [], SUBSCRIBER_LIST);
		this.directory = new Map(list.map((sub) => [String(sub.msisdn), sub]));
		return list;
	}

	/** Loads the MSISDN directory once per execution. */
	async loadDirectory(itemIndex: number): Promise<Map<string, JsonObject>> {
		if (!this.directory) await this.list(itemIndex);
		return this.directory!;
	}

	hasDirectory(): boolean {
		return this.directory !== undefined;
	}

	private remember(sub: JsonObject): void {
		this.directory?.set(String(sub.msisdn), sub);
	}

	private forget(msisdn: string): void {
		this.directory?.delete(msisdn);
	}

	/** GET by subscriber id (a 404 throws). */
	async getById(id: string, itemIndex: number): Promise<JsonObject> {
		return await this.request<JsonObject>('GET', this.subscribersPath(id), itemIndex, undefined, [], SUBSCRIBER);
	}

	/**
	 * The subscriber with this MSISDN, or undefined. Uses the execution's directory when loaded
	 * (unless `fresh`), else GET `/subscribers/{msisdn}`; if that answers a different subscriber
	 * (an id equal to the MSISDN), it falls back to the list.
	 */
	async findByMsisdn(msisdn: string, itemIndex: number, fresh = false): Promise<JsonObject | undefined> {
		if (this.directory && !fresh) return this.directory.get(msisdn);
		const found = await this.request<JsonObject | null>('GET', this.subscribersPath(msisdn), itemIndex, undefined, [], SUBSCRIBER_LOOKUP);
		if (found === null) {
			this.forget(msisdn);
			return undefined;
		}
		if (found && String(found.msisdn) === msisdn) {
			this.remember(found);
			return found;
		}
		// The path segment matched a subscriber *id*; only the list can answer by MSISDN.
		const list = await this.list(itemIndex);
		return list.find((sub) => String(sub.msisdn) === msisdn);
	}

	/**
	 * POST a subscriber without ever creating it twice. A lost answer (dropped connection,
	 * timeout, 5xx) may hide a create that was applied, so the MSISDN is looked up before
	 * trying again; a duplicate answer reports `exists` so that upsert can update instead.
	 */
	async create(body: JsonObject, itemIndex: number, maxAttempts = 3): Promise<CreateResult> {
		const msisdn = String(body.msisdn);
		const password = typeof body.sipPassword === 'string' ? body.sipPassword : undefined;
		const secrets = password ? [password] : [];
		for (let attempt = 1; ; attempt++) {
			try {
				const created = await this.request<JsonObject>('POST', this.subscribersPath(), itemIndex, body, secrets);
				this.remember(created);
				return { subscriber: created, outcome: 'created' };
			} catch (error) {
				if (isDuplicateError(error)) {
					const existing = await this.findByMsisdn(msisdn, itemIndex, true);
					if (existing) return { subscriber: existing, outcome: 'exists' };
					throw asNodeError(this.ctx.getNode(), error);
				}
				const status = statusOf(error);
				if (status !== undefined && status < 500) throw asNodeError(this.ctx.getNode(), error);
				// No answer or a server error: the create may have happened.
				const existing = await this.findByMsisdn(msisdn, itemIndex, true);
				if (existing) {
					const ours = password === undefined || subscriberPassword(existing) === password;
					return { subscriber: existing, outcome: ours ? 'created' : 'exists' };
				}
				if (attempt >= maxAttempts) throw asNodeError(this.ctx.getNode(), error);
			}
		}
	}

	async update(id: string, body: JsonObject, itemIndex: number): Promise<JsonObject> {
		const secrets = typeof body.sipPassword === 'string' ? [body.sipPassword] : [];
		const updated = await this.request<JsonObject>('PUT', this.subscribersPath(id), itemIndex, body, secrets);
		if (updated && typeof updated === 'object' && updated.msisdn !== undefined) this.remember(updated);
		return updated;
	}

	/** Deletes by id; `confirmedBy` is set when a lost answer's retry found the subscriber gone. */
	async delete(id: string, msisdn: string | undefined, itemIndex: number): Promise<DeleteOutcome> {
		const outcome = await cloudonixDelete.call(this.ctx, { path: this.subscribersPath(id), pacer: this.pacer }, itemIndex);
		if (msisdn !== undefined) this.forget(msisdn);
		else if (this.directory) {
			for (const [key, sub] of this.directory) if (String(sub.id) === id) this.directory.delete(key);
		}
		return outcome;
	}
}
