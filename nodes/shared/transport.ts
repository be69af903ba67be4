import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { AnswerShape } from './answer';
import { parseJsonAnswer } from './answer';
import { gateWrite, isRehearsing } from './dryRun';
import { credentialSecrets, unexpectedAnswer, vendorError } from './errors';
import type { HttpFailure } from './httpFailure';
import { describeFailure, isTimeout } from './httpFailure';
import type { RequestContext } from './requestContext';
import type { RetryPolicy } from './retry';
import { DEFAULT_RETRY, isIdempotentMethod, retryDelay } from './retry';
import { MAX_TIMEOUT_ATTEMPTS, readRequestTimeout } from './timeout';
import type { DeleteOutcome, NotFoundAnswer, VendorApi } from './vendorApi';

/*
 * The request loop every vendor transport is built on: authentication through the node's
 * credential, retries (retry.ts), timeouts (timeout.ts), the answer's shape (answer.ts) and
 * errors without secrets (errors.ts). The vendor's facts come in a VendorApi (vendorApi.ts).
 */

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
	/** A request that only reads although its method is not GET (e.g. a query sent as POST): a dry run sends it. */
	read?: boolean;
	/** How a dry run's plan shows the body when the wire form is text (XML, a JSON string): the call's own fields. */
	plannedBody?: IDataObject;
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

/**
 * The credential data each node run (keyed by its execution context, so nothing outlives the
 * run) last sent a request with, per credential type. See sameRunCredentials.
 */
const credentialsOfRuns = new WeakMap<RequestContext, Map<string, ICredentialDataDecryptedObject>>();

/** Whether two reads of a credential hold the same data (field by field; any object value counts as changed). */
function sameCredentialData(a: ICredentialDataDecryptedObject, b: ICredentialDataDecryptedObject): boolean {
	const keys = Object.keys(a);
	if (keys.length !== Object.keys(b).length) return false;
	return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && a[key] === b[key] && (a[key] === null || typeof a[key] !== 'object'));
}

/**
 * The credential data for the next request of a node run: the object its previous request used
 * while the stored data (token included) is unchanged, else the data just read. n8n reads a
 * credential afresh (a new object) for every request; handing the same object back lets the
 * credential's `authenticate` check the token fingerprint once per run instead of once per
 * request (tokenFingerprint.ts, fingerprintMatches). Every request still reads the credential,
 * so a token another execution stored is used from the next request on.
 */
function sameRunCredentials(ctx: RequestContext, type: string, read: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
	const byType = credentialsOfRuns.get(ctx) ?? new Map<string, ICredentialDataDecryptedObject>();
	credentialsOfRuns.set(ctx, byType);
	const previous = byType.get(type);
	if (previous && sameCredentialData(previous, read)) return previous;
	byType.set(type, read);
	return read;
}

/** What `returnFullResponse` makes n8n's HTTP helper answer. */
interface FullResponse {
	body?: unknown;
	headers?: IDataObject;
	statusCode?: number;
}

async function send(
	ctx: RequestContext,
	api: VendorApi,
	options: VendorRequestOptions,
	itemIndex: number | undefined,
	deleteNotFound: NotFoundAnswer | undefined,
): Promise<DeleteOutcome> {
	const policy: RetryPolicy = { ...DEFAULT_RETRY, ...api.retry };
	const { idempotent: idempotentOption, beforeAttempt, secrets = [], expect, finalAnswer, read, plannedBody, ...requestOptions } = options;
	const method = (requestOptions.method ?? 'GET').toUpperCase() as IHttpRequestMethods;
	// The write gate of Options › Dry Run (dryRun.ts): a rehearsed item's write stops here, unsent.
	if (isRehearsing(ctx)) {
		gateWrite(
			ctx,
			{
				method,
				url: requestOptions.url,
				qs: requestOptions.qs,
				body: plannedBody ?? requestOptions.body,
				secrets: [...(await credentialSecrets(ctx, api)), ...secrets],
				redact: api.redact,
			},
			read,
		);
	}
	const idempotent = idempotentOption ?? isIdempotentMethod(method);
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
			const credentials = sameRunCredentials(ctx, api.credentialType, await ctx.getCredentials(api.credentialType));
			tokenBefore = credentials[reauthenticate.tokenField];
			const reference = ctx.getNode().credentials?.[api.credentialType];
			credentialOptions = {
				...credentialOptions,
				// No status makes n8n refresh on its own (see ReauthenticationPolicy)…
				preAuthenticationRetryStatusCode: [],
				// …an empty token field makes it request a new token and store it. Otherwise the data
				// just read, so that n8n does not read the credential a second time for this request.
				credentialsDecrypted: {
					id: reference?.id ?? '',
					name: reference?.name ?? '',
					type: api.credentialType,
					data: refreshToken ? { ...credentials, [reauthenticate.tokenField]: '' } : credentials,
				},
			};
		}
		const release = beforeAttempt ? await beforeAttempt() : undefined;
		let full: FullResponse | undefined;
		let failure: HttpFailure | undefined;
		try {
			// A fresh copy per attempt: the authenticate step writes headers and query into it.
			const attemptOptions: IHttpRequestOptions = {
				...requestOptions,
				headers: { ...requestOptions.headers },
				qs: requestOptions.qs ? { ...requestOptions.qs } : undefined,
				// The status, headers and body of every answer, failures included: n8n 1.x wraps an
				// HTTP error so that a text body (sipXconfig's result codes) and the headers
				// (Retry-After) are lost. A 401 still throws, so n8n's own retry after
				// preAuthentication applies where the vendor uses it (n8n 1.x ignores the
				// exception and answers every status, which the 401 handling below covers).
				returnFullResponse: true,
				ignoreHttpStatusErrors: { ignore: true, except: [401] },
			};
			full = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				api.credentialType,
				attemptOptions,
				credentialOptions,
			)) as FullResponse;
			if (full.statusCode !== undefined && (full.statusCode < 200 || full.statusCode > 299)) {
				failure = {
					status: full.statusCode,
					headers: full.headers ?? {},
					body: full.body,
					message: `Request failed with status code ${full.statusCode}`,
					url: requestOptions.url,
				};
			}
		} catch (error) {
			failure = describeFailure(error);
		}
		release?.();
		if (failure) {
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
			if (expect?.absent?.matches(failure)) return { response: expect.absent.value };
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
		const answer = full as FullResponse;
		if (expect === undefined) return { response: fullResponse ? answer : answer.body };
		if (!expect.matches(answer.body)) {
			const unexpected: HttpFailure = { status: answer.statusCode, headers: answer.headers ?? {}, body: answer.body, message: '' };
			throw await unexpectedAnswer(ctx, api, method, requestOptions.url, expect, unexpected, itemIndex, secrets);
		}
		return { response: fullResponse ? answer : answer.body };
	}
}
