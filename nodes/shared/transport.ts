import type {
	IAdditionalCredentialOptions,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import type { AnswerShape } from './answer';
import { answerHint, excerpt, parseJsonAnswer } from './answer';
import { redactDeep, redactSecrets } from './redact';
import { formatDuration, MAX_TIMEOUT_ATTEMPTS, readRequestTimeout } from './timeout';
// SSRF hook (1 of 3): n8n's SSRF refusal, recognised in ssrf.ts.
import type { SsrfBlock } from './ssrf';
import { ssrfBlockOf, ssrfProblem } from './ssrf';

/** Node executions, editor dropdowns and the change triggers' polls all send requests. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** How a vendor's transport wants failures retried. */
export interface RetryPolicy {
	/** Retries after the first attempt (so `maxRetries + 1` attempts at most). */
	maxRetries: number;
	/** First back-off when the server gives no Retry-After; doubles per retry. */
	baseDelayMs: number;
	/** Upper bound for any single wait, including a server's Retry-After. */
	maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 4, baseDelayMs: 500, maxDelayMs: 30_000 };

/** Everything a vendor transport tells the shared request function once. */
export interface VendorApi {
	/** Shown in error messages, e.g. "3CX". */
	displayName: string;
	credentialType: string;
	/** Credential fields whose values must never appear in an error (passwords, keys, tokens). */
	secretFields: string[];
	/** Pulls the vendor's own message out of an error body, if it has one. */
	extractErrorMessage?: (body: unknown, status: number | undefined) => string | undefined;
	/** Adds a hint for a status code, e.g. which credential field to check on 401. */
	describeStatus?: (status: number) => string | undefined;
	retry?: Partial<RetryPolicy>;
	additionalCredentialOptions?: IAdditionalCredentialOptions;
	/**
	 * Recognises a failure that carries no HTTP status but is not a connection problem either,
	 * e.g. a login that the credential's `preAuthentication` rejected from an HTTP-200 body
	 * (it must throw without a 401, or n8n would log in a second time). A recognised failure
	 * is never retried and is shown with this message and hint instead of the network wording.
	 */
	describeLocalFailure?: (failure: HttpFailure) => { message: string; hint?: string } | undefined;
	/** Another try with the credential's newest token after a 401 (see `ReauthenticationPolicy`). */
	reauthenticate?: ReauthenticationPolicy;
}

/**
 * For tokens that other executions revoke (3CX keeps one token per Client ID). n8n's own
 * answer to a 401 (refresh, retry once) makes parallel executions revoke each other's fresh
 * tokens in turn, so it is switched off; after a 401 the request is sent again, after a
 * jittered back-off, up to `attempts` times: with the newest token stored in the credential if
 * another execution stored one meanwhile, else with a new token (the credential is handed to
 * n8n with the token emptied, so n8n requests one and stores it for everyone). A request thus
 * costs at most `attempts + 1` token requests, a first login included, and never loops.
 */
export interface ReauthenticationPolicy {
	attempts: number;
	/** First back-off; doubles per attempt, jittered between half and all of it. */
	baseDelayMs: number;
	/** The credential's hidden, expirable token field that `preAuthentication` fills. */
	tokenField: string;
	/** Whether a failure is a token that was revoked, not a login that failed (which is final). */
	isRevokedToken: (failure: HttpFailure) => boolean;
}


export interface VendorRequestOptions extends IHttpRequestOptions {
	/**
	 * Whether repeating the request cannot change the outcome. Defaults from the method
	 * (GET, HEAD, OPTIONS, PUT and DELETE are idempotent). Only idempotent requests are retried
	 * after a 5xx or a dropped connection; any request is retried after a 429, which the
	 * server sends before doing any work.
	 */
	idempotent?: boolean;
	/**
	 * Awaited before every attempt, retries included (e.g. a vendor's `RequestPacer`), so that
	 * retried requests count against a rate limit like first attempts do. If it returns a
	 * function, that is called when the attempt has finished (e.g. `RequestPacer.acquire`).
	 */
	beforeAttempt?: () => Promise<void | (() => void)>;
	/** Secrets of this request beyond the credential's (e.g. a SIP password in the body), kept out of errors. */
	secrets?: string[];
	/**
	 * What the answer of a read must look like. Anything else (a proxy's or maintenance page on
	 * HTTP 200, JSON without the list, a foreign 404 page) is an "Unexpected answer" error,
	 * never an empty result.
	 */
	expect?: AnswerShape;
	/**
	 * Recognises a failure that is the server's considered answer, never retried even when the
	 * request is idempotent (sipXconfig answers a REST write it refused with HTTP 500 and a result code).
	 */
	finalAnswer?: (failure: HttpFailure) => boolean;
}

/**
 * What an operation asks its vendor's transport facade for. Every facade has the same shape,
 * `<vendor>Request.call(this, call, itemIndex)`, and builds URL, headers and body encoding
 * itself, so operations never see them.
 */
export interface VendorCall {
	/** GET unless given. */
	method?: IHttpRequestMethods;
	/** Below the vendor's API root, e.g. `/Users(12)` for 3CX or `extension/query` for OpenVox. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** See VendorRequestOptions.idempotent; the vendor's facade may set its own default. */
	idempotent?: boolean;
	/** See VendorRequestOptions.secrets. */
	secrets?: string[];
	/** See VendorRequestOptions.expect: every read says what its answer must look like. */
	expect?: AnswerShape;
}

const IDEMPOTENT_METHODS: string[] = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'];
const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
const NETWORK_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ECONNABORTED',
	'EPIPE',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EAI_AGAIN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

export interface HttpFailure {
	status?: number;
	headers: IDataObject;
	body?: unknown;
	code?: string;
	message: string;
	/** Set when the request gave up because it timed out: for the message. */
	timedOut?: { timeoutMs: number; attempts: number; repeatable: boolean };
	/** The URL of the request that failed, when the HTTP client says. */
	url?: string;
	/** SSRF hook (2 of 3): set when n8n's SSRF protection refused the request (never sent). */
	ssrf?: SsrfBlock;
}

/** Reads status, headers and body from whatever n8n's HTTP client threw. */
export function describeFailure(error: unknown): HttpFailure {
	const err = error as {
		cause?: { response?: unknown; code?: string; message?: string; config?: { url?: string } };
		response?: unknown;
		code?: string;
		message?: string;
		httpCode?: string | null;
	};
	const response = (err.cause?.response ?? err.response) as
		| { status?: number; headers?: IDataObject; data?: unknown; body?: unknown }
		| undefined;
	const code = err.cause?.code ?? err.code;
	const status =
		response?.status ?? (err.httpCode && /^\d{3}$/.test(err.httpCode) ? Number(err.httpCode) : undefined);
	return {
		status,
		headers: response?.headers ?? {},
		body: response?.data ?? response?.body,
		code: typeof code === 'string' ? code : undefined,
		message: err.cause?.message ?? err.message ?? String(error),
		url: err.cause?.config?.url,
		ssrf: ssrfBlockOf(error),
	};
}

/** Parses Retry-After (seconds or HTTP date) into milliseconds, or undefined. */
export function retryAfterMs(headers: IDataObject, now = Date.now()): number | undefined {
	const raw = headers['retry-after'] ?? headers['Retry-After'];
	if (raw === undefined || raw === null || raw === '') return undefined;
	const text = String(raw).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function isNetworkFailure(failure: HttpFailure): boolean {
	if (failure.status !== undefined) return false;
	if (failure.code && NETWORK_CODES.has(failure.code)) return true;
	return /socket hang up|timeout|ECONNRESET|network/i.test(failure.message);
}

/** Decides whether and how long to wait before the next attempt; undefined means give up. */
export function retryDelay(
	failure: HttpFailure,
	attempt: number,
	idempotent: boolean,
	policy: RetryPolicy,
): number | undefined {
	if (attempt >= policy.maxRetries) return undefined;
	const rateLimited = failure.status === 429;
	const transient =
		(failure.status !== undefined && RETRYABLE_STATUS.has(failure.status)) || isNetworkFailure(failure);
	if (!rateLimited && !(transient && idempotent)) return undefined;
	const fromServer = retryAfterMs(failure.headers);
	const backoff = policy.baseDelayMs * 2 ** attempt;
	// Jitter spreads retries of several n8n workers that hit the same limit at once.
	const jittered = fromServer ?? backoff / 2 + Math.random() * (backoff / 2);
	return Math.min(jittered, policy.maxDelayMs);
}

const CONNECTION_PROBLEMS: Array<[RegExp, string]> = [
	[/ECONNREFUSED/, 'the connection was refused; check the URL and port in the credential'],
	[/ENOTFOUND|EAI_AGAIN/, 'the host name could not be resolved; check the URL in the credential'],
	[/ETIMEDOUT|ECONNABORTED|ESOCKETTIMEDOUT|timeout/i, 'the server did not answer in time'],
	[
		/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/,
		'the server\'s TLS certificate is not trusted; for a self-signed certificate turn on "Ignore SSL Issues" in the credential',
	],
	[/ECONNRESET|EPIPE|socket hang up/i, 'the connection was closed before the server answered'],
];

function isTimeout(failure: HttpFailure): boolean {
	if (failure.status !== undefined) return false;
	return /ETIMEDOUT|ECONNABORTED|ESOCKETTIMEDOUT|timeout/i.test(`${failure.code ?? ''} ${failure.message}`);
}

/**
 * Words a connection failure in plain language, since n8n rewrites messages that carry raw
 * codes; the credentials' own logins use the same words as the nodes.
 */
export function connectionProblem(failure: HttpFailure): string {
	// SSRF hook (3 of 3): a refused request names the address and the setting that allows it.
	if (failure.ssrf) return ssrfProblem(failure.ssrf, failure.url);
	const text = `${failure.code ?? ''} ${failure.message}`;
	return CONNECTION_PROBLEMS.find(([pattern]) => pattern.test(text))?.[1] ?? 'the connection failed';
}

function timeoutProblem(timedOut: NonNullable<HttpFailure['timedOut']>): string {
	const attempts = `${timedOut.attempts} attempt${timedOut.attempts === 1 ? '' : 's'}`;
	const note = timedOut.repeatable ? '' : '; not repeated, since the request may have been applied';
	return `the server did not answer within ${formatDuration(timedOut.timeoutMs)} (${attempts}${note})`;
}

function bodyText(body: unknown): string | undefined {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'string') return body.length > 500 ? `${body.slice(0, 500)}…` : body;
	if (Buffer.isBuffer(body)) return bodyText(body.toString('utf8'));
	try {
		return bodyText(JSON.stringify(body));
	} catch {
		return undefined;
	}
}

async function secretValues(ctx: RequestContext, api: VendorApi): Promise<string[]> {
	try {
		const credentials = await ctx.getCredentials(api.credentialType);
		return api.secretFields.map((field) => credentials[field]).filter((v): v is string => typeof v === 'string');
	} catch {
		return [];
	}
}

/** Builds the NodeApiError a user sees: the vendor's message, a hint, no secrets. */
export async function vendorError(
	ctx: RequestContext,
	api: VendorApi,
	failure: HttpFailure,
	itemIndex?: number,
	extraSecrets: string[] = [],
): Promise<NodeApiError> {
	const secrets = [...(await secretValues(ctx, api)), ...extraSecrets];
	const local = failure.status === undefined ? api.describeLocalFailure?.(failure) : undefined;
	if (local) {
		const message = redactSecrets(local.message, secrets);
		const description = local.hint ? redactSecrets(local.hint, secrets) : undefined;
		return new NodeApiError(ctx.getNode(), { message, httpCode: null } as JsonObject, { message, description, itemIndex });
	}
	const vendorMessage = api.extractErrorMessage?.(failure.body, failure.status);
	const statusPart = failure.status !== undefined ? ` (HTTP ${failure.status})` : '';
	const reason =
		vendorMessage ??
		(failure.timedOut ? timeoutProblem(failure.timedOut) : undefined) ??
		(failure.status === undefined ? connectionProblem(failure) : undefined) ??
		bodyText(failure.body) ??
		failure.message;
	const message = redactSecrets(`${api.displayName} request failed${statusPart}: ${reason}`, secrets);
	const hint =
		failure.status !== undefined
			? api.describeStatus?.(failure.status)
			: `Network error${failure.code ? ` ${failure.code}` : ''}: ${failure.message}`;
	const description = hint ? redactSecrets(hint, secrets) : undefined;
	const errorResponse: JsonObject = redactDeep(
		{
			message,
			httpCode: failure.status !== undefined ? String(failure.status) : null,
			body: (bodyText(failure.body) ?? null) as string | null,
		},
		secrets,
	);
	return new NodeApiError(ctx.getNode(), errorResponse, {
		message,
		description,
		httpCode: failure.status !== undefined ? String(failure.status) : undefined,
		itemIndex,
	});
}

/**
 * The one function vendor transports use to talk HTTP. It authenticates through the
 * node's credential (so `preAuthentication` and n8n's single retry on 401 apply), retries
 * 429 / 5xx / dropped connections within the vendor's policy, applies a timeout, checks the
 * answer's shape when the caller says what it must be, and turns failures into NodeApiErrors
 * that carry the vendor's message and never a secret.
 */
export async function vendorRequest<T = unknown>(
	this: RequestContext,
	api: VendorApi,
	options: VendorRequestOptions,
	itemIndex?: number,
): Promise<T> {
	return (await send(this, api, options, itemIndex, undefined)).response as T;
}

/** What a DELETE reports: the answer, or that a retry found the record already gone. */
export interface DeleteOutcome {
	response: unknown;
	/**
	 * Set when an attempt's answer was lost and the retry got the vendor's "not found": the lost
	 * attempt deleted it. Says which answer confirmed it, e.g. "404 on retry".
	 */
	confirmedBy?: string;
}

/** How a vendor answers a DELETE of a record it does not have. */
export interface NotFoundAnswer {
	matches: (failure: HttpFailure) => boolean;
	/** What `confirmedBy` says when a retry gets this answer. */
	confirmedBy: string;
}

const HTTP_404: NotFoundAnswer = { matches: (failure) => failure.status === 404, confirmedBy: '404 on retry' };

/**
 * A DELETE through vendorRequest. When an attempt's answer is lost (dropped connection,
 * timeout, 5xx) the DELETE is sent again, and "not found" then (HTTP 404 unless the vendor says
 * otherwise) means the lost attempt removed the record, so it is reported as deleted. A "not
 * found" on the first attempt is still an error for the caller to word.
 */
export async function vendorDelete(
	this: RequestContext,
	api: VendorApi,
	options: Omit<VendorRequestOptions, 'method'>,
	itemIndex?: number,
	notFound: NotFoundAnswer = HTTP_404,
): Promise<DeleteOutcome> {
	return await send(this, api, { ...options, method: 'DELETE' }, itemIndex, notFound);
}

interface TimedOutRequest {
	failure: HttpFailure;
	secrets: string[];
}

/**
 * Requests that timed out through all their attempts, per node run (keyed by the run's
 * execution context, so nothing outlives it; queue mode runs many executions per process)
 * and credential type: the remaining items of that run fail at once with the same error
 * instead of waiting for the stalled server again.
 */
const timedOutRuns = new WeakMap<RequestContext, Map<string, TimedOutRequest>>();

async function send(
	ctx: RequestContext,
	api: VendorApi,
	options: VendorRequestOptions,
	itemIndex: number | undefined,
	deleteNotFound: NotFoundAnswer | undefined,
): Promise<DeleteOutcome> {
	const policy: RetryPolicy = { ...DEFAULT_RETRY, ...api.retry };
	const { idempotent: idempotentOption, beforeAttempt, secrets = [], expect, finalAnswer, ...requestOptions } = options;
	const method = (requestOptions.method ?? 'GET').toUpperCase() as IHttpRequestMethods;
	const idempotent = idempotentOption ?? IDEMPOTENT_METHODS.includes(method);
	const stalled = timedOutRuns.get(ctx)?.get(api.credentialType);
	if (stalled) {
		const error = await vendorError(ctx, api, stalled.failure, itemIndex, stalled.secrets);
		error.description = `${error.description ?? ''} Not sent: an earlier request of this run timed out through all its attempts, so the remaining items fail at once instead of waiting again.`.trim();
		throw error;
	}
	const timeoutMs = requestOptions.timeout ?? readRequestTimeout(ctx, itemIndex);
	requestOptions.timeout = timeoutMs;
	const fullResponse = requestOptions.returnFullResponse === true;
	let timeouts = 0;
	let answerLost = false;

	const reauthenticate = api.reauthenticate;
	let reauthentications = 0;
	let refreshToken = false;
	let tokenBefore: unknown;
	for (let attempt = 0; ; ) {
		let credentialOptions = api.additionalCredentialOptions;
		if (reauthenticate) {
			const credentials = await ctx.getCredentials(api.credentialType);
			tokenBefore = credentials[reauthenticate.tokenField];
			credentialOptions = {
				...credentialOptions,
				// No status makes n8n refresh on its own (see ReauthenticationPolicy)…
				preAuthenticationRetryStatusCode: [],
				// …an empty token field makes it request a new token and store it.
				...(refreshToken
					? { credentialsDecrypted: { id: '', name: '', type: api.credentialType, data: { ...credentials, [reauthenticate.tokenField]: '' } } }
					: {}),
			};
		}
		const release = beforeAttempt ? await beforeAttempt() : undefined;
		let response: unknown;
		try {
			// A fresh copy per attempt: the authenticate step writes headers and query into it.
			const attemptOptions: IHttpRequestOptions = {
				...requestOptions,
				headers: { ...requestOptions.headers },
				qs: requestOptions.qs ? { ...requestOptions.qs } : undefined,
				// The content type is needed to check the answer's shape.
				returnFullResponse: fullResponse || expect !== undefined,
			};
			response = await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				api.credentialType,
				attemptOptions,
				credentialOptions,
			);
			release?.();
		} catch (error) {
			release?.();
			const failure = describeFailure(error);
			// A 401 is answered before any work is done, so even a create may be sent again.
			if (failure.status === 401 && reauthenticate?.isRevokedToken(failure) && reauthentications < reauthenticate.attempts) {
				const backoff = reauthenticate.baseDelayMs * 2 ** reauthentications++;
				await sleep(backoff / 2 + Math.random() * (backoff / 2));
				// A new token only if nobody stored a newer one than the token just rejected.
				refreshToken = (await ctx.getCredentials(api.credentialType))[reauthenticate.tokenField] === tokenBefore;
				continue;
			}
			if (deleteNotFound && answerLost && deleteNotFound.matches(failure)) {
				return { response: failure.body, confirmedBy: deleteNotFound.confirmedBy };
			}
			if (failure.status === 404 && expect?.emptyOn404) {
				if (expect.emptyOn404.matches(failure.body)) return { response: expect.emptyOn404.value };
				// The vendor's own 404 for something else (e.g. an unknown domain) keeps its message;
				// a page that is not the vendor's at all is an unexpected answer.
				if (expect.format !== 'json' || parseJsonAnswer(failure.body) === undefined) {
					throw await unexpectedAnswer(ctx, api, method, requestOptions.url, expect, failure, itemIndex, secrets);
				}
			}
			const local = failure.status === undefined && api.describeLocalFailure?.(failure) !== undefined;
			const timedOut = isTimeout(failure);
			if (timedOut) timeouts++;
			const delay =
				local || finalAnswer?.(failure) || (timedOut && timeouts >= MAX_TIMEOUT_ATTEMPTS)
					? undefined
					: retryDelay(failure, attempt, idempotent, policy);
			if (delay === undefined) {
				if (timedOut) {
					failure.timedOut = { timeoutMs, attempts: attempt + 1, repeatable: idempotent };
					const runs = timedOutRuns.get(ctx) ?? new Map<string, TimedOutRequest>();
					runs.set(api.credentialType, { failure, secrets });
					timedOutRuns.set(ctx, runs);
				}
				throw await vendorError(ctx, api, failure, itemIndex, secrets);
			}
			if (failure.status === undefined || failure.status >= 500) answerLost = true;
			attempt++;
			await sleep(delay);
			continue;
		}
		if (expect === undefined) return { response };
		const full = response as { body?: unknown; headers?: IDataObject; statusCode?: number };
		if (!expect.matches(full.body)) {
			const failure: HttpFailure = { status: full.statusCode, headers: full.headers ?? {}, body: full.body, message: '' };
			throw await unexpectedAnswer(ctx, api, method, requestOptions.url, expect, failure, itemIndex, secrets);
		}
		return { response: fullResponse ? full : full.body };
	}
}

function contentTypeOf(headers: IDataObject): string {
	const raw = headers['content-type'] ?? headers['Content-Type'];
	const text = Array.isArray(raw) ? String(raw[0]) : typeof raw === 'string' ? raw : '';
	return text.split(';')[0].trim().toLowerCase();
}

/**
 * `Unexpected answer from 3CX for GET /xapi/v1/Users: expected JSON with "value", got text/html
 * ("<html><title>Maintenance…")`, with a hint; never retried, never read as "no records".
 */
async function unexpectedAnswer(
	ctx: RequestContext,
	api: VendorApi,
	method: string,
	url: string,
	expect: AnswerShape,
	failure: HttpFailure,
	itemIndex: number | undefined,
	extraSecrets: string[],
): Promise<NodeApiError> {
	const secrets = [...(await secretValues(ctx, api)), ...extraSecrets];
	const contentType = contentTypeOf(failure.headers);
	let path = url;
	try {
		path = new URL(url).pathname;
	} catch {
		// A relative URL is shown as it is.
	}
	const status = failure.status !== undefined && failure.status !== 200 ? ` on HTTP ${failure.status}` : '';
	const start = excerpt(redactSecrets(excerpt(failure.body, 400), secrets));
	const got = `${contentType || 'no content type'}${start ? ` (${JSON.stringify(start)})` : ' (empty)'}`;
	const message = redactSecrets(
		`Unexpected answer from ${api.displayName} for ${method} ${path}: expected ${expect.expected}, got ${got}${status}`,
		secrets,
	);
	const description = answerHint(api.displayName, contentType, failure.body);
	return new NodeApiError(
		ctx.getNode(),
		{ message, httpCode: failure.status !== undefined ? String(failure.status) : null } as JsonObject,
		{ message, description, httpCode: failure.status !== undefined ? String(failure.status) : undefined, itemIndex },
	);
}

/**
 * Spaces requests so that at most `limit` start in any `windowMs`. A vendor transport can
 * share one pacer between executions of one process (e.g. all Cloudonix nodes on one domain);
 * several n8n workers each pace themselves, and the 429 retry above covers what they spend of
 * each other's budget.
 *
 * `acquire()` counts a request from when it starts, and from when it finishes once the
 * returned function is called then: the server saw it no later than that, so a server-side
 * sliding window can never see `limit + 1` requests, whatever the latency jitter. Callers that
 * share a pacer may pass their own limit and window: each waits until fewer than its `limit`
 * of the shared requests fall within its `windowMs`.
 */
export class RequestPacer {
	private readonly slots: Array<{ at: number }> = [];
	private longestWindowMs: number;

	constructor(
		private readonly limit: number,
		private readonly windowMs: number,
		private readonly now: () => number = Date.now,
	) {
		this.longestWindowMs = windowMs;
	}

	async acquire(limit = this.limit, windowMs = this.windowMs): Promise<() => void> {
		this.longestWindowMs = Math.max(this.longestWindowMs, windowMs);
		for (;;) {
			const current = this.now();
			// Slots no caller counts any more are dropped, so a shared pacer keeps only recent times.
			for (let i = this.slots.length - 1; i >= 0; i--) {
				if (current - this.slots[i].at >= this.longestWindowMs) this.slots.splice(i, 1);
			}
			const recent = this.slots.filter((slot) => current - slot.at < windowMs);
			if (recent.length < limit) {
				const slot = { at: current };
				this.slots.push(slot);
				return () => {
					slot.at = Math.max(slot.at, this.now());
				};
			}
			const oldest = Math.min(...recent.map((slot) => slot.at));
			await sleep(windowMs - (current - oldest) + 1);
		}
	}
}
