import type { IDataObject } from 'n8n-workflow';

// SSRF hook (1 of 3): n8n's SSRF refusal, recognised in ssrf.ts.
import type { SsrfBlock } from './ssrf';
import { ssrfBlockOf } from './ssrf';

/** What one failed attempt was, read from whatever n8n's HTTP client threw. */
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

/** A connection that failed or dropped without an HTTP answer. */
export function isNetworkFailure(failure: HttpFailure): boolean {
	if (failure.status !== undefined) return false;
	if (failure.code && NETWORK_CODES.has(failure.code)) return true;
	return /socket hang up|timeout|ECONNRESET|network/i.test(failure.message);
}

/** An attempt that got no answer within its timeout. */
export function isTimeout(failure: HttpFailure): boolean {
	if (failure.status !== undefined) return false;
	return /ETIMEDOUT|ECONNABORTED|ESOCKETTIMEDOUT|timeout/i.test(`${failure.code ?? ''} ${failure.message}`);
}
