import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { AnswerShape } from './answer';
import { answerHint, excerpt } from './answer';
import type { HttpFailure } from './httpFailure';
import { redactSecrets } from './redact';
import type { RequestContext } from './requestContext';
import type { VendorApi } from './vendorApi';
// SSRF hook (3 of 3): see connectionProblem.
import { ssrfProblem } from './ssrf';

/**
 * A caught error to pass on from node code: a NodeApiError or NodeOperationError goes on as it
 * is (callers still read its HTTP status), anything else is wrapped in a NodeOperationError so
 * that n8n never shows a raw error.
 */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error));
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

/** "20 s", "300 ms": how a timeout reads in a message. */
export function formatDuration(ms: number): string {
	return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`;
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

/** The values of the credential's secret fields, kept out of errors and dry-run plans. */
export async function credentialSecrets(ctx: RequestContext, api: VendorApi): Promise<string[]> {
	try {
		const credentials = await ctx.getCredentials(api.credentialType);
		return api.secretFields.map((field) => credentials[field]).filter((v): v is string => typeof v === 'string');
	} catch {
		return [];
	}
}

/** Text for an error: the known secrets masked in every encoding, then what the vendor masks by pattern. */
function cleanText(api: VendorApi, text: string, secrets: string[]): string {
	const masked = redactSecrets(text, secrets);
	return api.redact ? api.redact(masked) : masked;
}

/** Builds the NodeApiError a user sees: the vendor's message, a hint, no secrets. */
export async function vendorError(
	ctx: RequestContext,
	api: VendorApi,
	failure: HttpFailure,
	itemIndex?: number,
	extraSecrets: string[] = [],
): Promise<NodeApiError> {
	const secrets = [...(await credentialSecrets(ctx, api)), ...extraSecrets];
	const local = failure.status === undefined ? api.describeLocalFailure?.(failure) : undefined;
	if (local) {
		const message = cleanText(api, local.message, secrets);
		const description = local.hint ? cleanText(api, local.hint, secrets) : undefined;
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
	const message = cleanText(api, `${api.displayName} request failed${statusPart}: ${reason}`, secrets);
	const hint =
		failure.status !== undefined
			? api.describeStatus?.(failure.status)
			: `Network error${failure.code ? ` ${failure.code}` : ''}: ${failure.message}`;
	const description = hint ? cleanText(api, hint, secrets) : undefined;
	const body = bodyText(failure.body);
	const errorResponse: JsonObject = {
		message,
		httpCode: failure.status !== undefined ? String(failure.status) : null,
		body: body === undefined ? null : cleanText(api, body, secrets),
	};
	return new NodeApiError(ctx.getNode(), errorResponse, {
		message,
		description,
		httpCode: failure.status !== undefined ? String(failure.status) : undefined,
		itemIndex,
	});
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
export async function unexpectedAnswer(
	ctx: RequestContext,
	api: VendorApi,
	method: string,
	url: string,
	expect: AnswerShape,
	failure: HttpFailure,
	itemIndex: number | undefined,
	extraSecrets: string[],
): Promise<NodeApiError> {
	const secrets = [...(await credentialSecrets(ctx, api)), ...extraSecrets];
	const contentType = contentTypeOf(failure.headers);
	let path = url;
	try {
		path = new URL(url).pathname;
	} catch {
		// A relative URL is shown as it is.
	}
	const status = failure.status !== undefined && failure.status !== 200 ? ` on HTTP ${failure.status}` : '';
	// Masked before it is cut short, so no secret is cut into a part the masks do not recognise.
	const start = excerpt(cleanText(api, excerpt(failure.body, 400), secrets));
	const got = `${contentType || 'no content type'}${start ? ` (${JSON.stringify(start)})` : ' (empty)'}`;
	const message = cleanText(api, `Unexpected answer from ${api.displayName} for ${method} ${path}: expected ${expect.expected}, got ${got}${status}`, secrets);
	const description = answerHint(api.displayName, contentType, failure.body);
	return new NodeApiError(
		ctx.getNode(),
		{ message, httpCode: failure.status !== undefined ? String(failure.status) : null } as JsonObject,
		{ message, description, httpCode: failure.status !== undefined ? String(failure.status) : undefined, itemIndex },
	);
}
