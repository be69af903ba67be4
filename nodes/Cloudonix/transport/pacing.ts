import { RequestPacer } from '../../shared/pacer';
import type { RequestContext } from '../../shared/requestContext';
import { CREDENTIAL_TYPE } from './credential';

/*
 * Cloudonix allows 10 requests per 3 s per domain (the OpenAPI spec; the docs site says per
 * 10 s) and answers 429 beyond, with no Retry-After documented. Requests are paced per process,
 * credential and domain; 429s (another worker's share) are retried with backoff by the kernel.
 */

export const DEFAULT_REQUESTS_PER_WINDOW = 10;
export const DEFAULT_WINDOW_MS = 3000;

/** A node's pace: at most `requestsPerWindow` requests start in any `windowMs`. */
export interface RateLimit {
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

/** The rate each node run asked for (its Options), keyed by the run's context so nothing outlives the run. */
const runRates = new WeakMap<RequestContext, RateLimit>();

/** Sets the rate of a node run, read from its options once before its items; runs without one (triggers, dropdowns) use the defaults. */
export function paceRun(ctx: RequestContext, rate: RateLimit): void {
	runRates.set(ctx, rate);
}

/**
 * Waits for a request's turn in the process-wide pacer of the node's credential, API URL and
 * domain, at the run's rate; the returned function is called when the attempt has finished
 * (counted from completion, see RequestPacer.acquire: no 429 from latency jitter).
 */
export async function acquireTurn(ctx: RequestContext, baseUrl: string, domain: string): Promise<() => void> {
	const credential = ctx.getNode().credentials?.[CREDENTIAL_TYPE];
	const key = JSON.stringify([credential?.id ?? credential?.name ?? '', baseUrl, domain]);
	let pacer = pacers.get(key);
	if (!pacer) {
		pacer = new RequestPacer(DEFAULT_REQUESTS_PER_WINDOW, DEFAULT_WINDOW_MS);
		pacers.set(key, pacer);
	}
	const rate = runRates.get(ctx) ?? { requestsPerWindow: DEFAULT_REQUESTS_PER_WINDOW, windowMs: DEFAULT_WINDOW_MS };
	return await pacer.acquire(rate.requestsPerWindow, rate.windowMs);
}
