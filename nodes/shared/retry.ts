import type { IDataObject } from 'n8n-workflow';

import type { HttpFailure } from './httpFailure';
import { isNetworkFailure } from './httpFailure';

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

const IDEMPOTENT_METHODS: string[] = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'];
const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/** Whether a method is idempotent by HTTP's definition (GET, HEAD, OPTIONS, PUT, DELETE). */
export function isIdempotentMethod(method: string): boolean {
	return IDEMPOTENT_METHODS.includes(method.toUpperCase());
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
