import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { AnswerShape } from '../../shared/answer';
import { xmlWithRoot } from '../../shared/answer';
import { asNodeError } from '../../shared/errors';
import type { HttpFailure } from '../../shared/httpFailure';
import type { RequestContext } from '../../shared/requestContext';
import type { NotFoundAnswer, VendorApi, VendorCall } from '../../shared/vendorApi';
import { CREDENTIAL_TYPE } from './credential';
import type { Json, RestResult } from './xml';
import { describeXmlError, parseRestResult, XmlFormatError } from './xml';

/*
 * What the shared request loop needs to know about sipXconfig's three admin APIs, how their
 * calls are described and how their answers read:
 * - Restlet REST `/sipxconfig/rest/…` speaks XML (XStream); results come as `<response><code>`.
 * - CXF REST `/sipxconfig/api/…` speaks JSON.
 * - Axis SOAP `/sipxconfig/services/…` (document/literal, SOAPAction "").
 * All three use HTTP Basic as an admin (ROLE_ADMIN), set by the credential's `authenticate`.
 */

/**
 * A call of the Restlet REST API: path below `/sipxconfig/rest`, e.g. `/user/5`, and an XML
 * document built with fast-xml-parser instead of a JSON body. `api: 'rest'` returns the XML
 * text; `api: 'restWrite'` returns the `<response>` result, a code that is not SUCCESS_* being
 * an error even on HTTP 2xx. Writes are not idempotent: sipXconfig answers their application
 * failures (ERROR_UPDATE_FAILED, ERROR_REFERENCE_EXISTS …) with HTTP 500, so they are not retried.
 */
export interface RestCall extends Omit<VendorCall, 'body'> {
	api: 'rest' | 'restWrite';
	xml?: string;
	/** What the XML says, as a dry run's plan shows it (e.g. the user write's fields); `{ xml }` when not given. */
	planned?: IDataObject;
}

/** A call of the CXF REST API (path below `/sipxconfig/api`, e.g. `/phones`), JSON both ways. */
export interface JsonCall extends VendorCall {
	api: 'json';
}

export type SoapService = 'UserService' | 'PhoneService';

/** A call of an Axis SOAP operation: the service, the operation and the request element's content. */
export interface SoapCall {
	api: 'soap';
	service: SoapService;
	operation: string;
	content: Json;
	idempotent: boolean;
}

/** What the sipXcom facade's `request` takes: a call of one of the three APIs. */
export type SipXcomCall = RestCall | JsonCall | SoapCall;

const AUTH_HINT =
	'sipXconfig refused the credential: the password is wrong, or the account lacks admin rights. The REST and SOAP admin APIs need an administrator account such as superadmin (ROLE_ADMIN); a normal user account is refused.';

function extractErrorMessage(body: unknown, status?: number): string | undefined {
	if (status === 401) return 'wrong username or password, or the account lacks admin rights';
	if (status === 403) return 'the account lacks admin rights';
	let textBody: string | undefined;
	if (typeof body === 'string') textBody = body;
	else if (Buffer.isBuffer(body)) textBody = body.toString('utf8');
	if (textBody !== undefined) {
		if (textBody.trim() === '') return extractErrorMessage(undefined, status);
		if (/^\s*(<!doctype html|<html)/i.test(textBody)) return htmlText(textBody);
		if (textBody.trim().startsWith('<')) return describeXmlError(textBody);
		try {
			return extractErrorMessage(JSON.parse(textBody), status);
		} catch {
			return undefined;
		}
	}
	if (body && typeof body === 'object') {
		const obj = body as IDataObject;
		const message = obj.message ?? obj.error ?? obj.errorMessage;
		if (typeof message === 'string' && message) return message;
	}
	// CXF answers an unknown phone or user with an empty 404.
	if (status === 404 && (body === undefined || body === null || body === '')) return 'not found';
	return undefined;
}

/** The visible text of a servlet container's HTML error page, shortened. */
function htmlText(html: string): string | undefined {
	const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
	const text = body
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return text ? text.slice(0, 200) : undefined;
}

function describeStatus(status: number): string | undefined {
	if (status === 401 || status === 403) return AUTH_HINT;
	if (status === 404)
		return 'Not found: the record does not exist, or the Server URL does not point at a sipXcom server (the app lives under /sipxconfig).';
	if (status === 405) return 'sipXconfig does not support this method on this resource.';
	return undefined;
}

export const sipXcomApi: VendorApi = {
	displayName: 'sipXcom',
	credentialType: CREDENTIAL_TYPE,
	secretFields: ['password'],
	extractErrorMessage,
	describeStatus,
	// sipXconfig has no documented rate limit; 5xx are usually application failures
	// (ERROR_UPDATE_FAILED …) rather than overload, so keep retries short.
	retry: { maxRetries: 3 },
	// A 401 is the answer: n8n must not run the credential's preAuthentication (the Test's
	// connection check) and send the request again.
	additionalCredentialOptions: { preAuthenticationRetryStatusCode: [] },
};

export function asText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body === undefined || body === null) return '';
	return JSON.stringify(body);
}

/** An error for an answer sipXconfig answered with HTTP 2xx but that is a failure or not sipXconfig at all. */
export function answerError(ctx: RequestContext, message: string, description: string, itemIndex?: number): NodeApiError {
	return new NodeApiError(
		ctx.getNode(),
		{ message },
		{ message: `sipXcom request failed: ${message}`, description, itemIndex },
	);
}

export function unexpectedBody(ctx: RequestContext, what: string, body: string, itemIndex?: number): NodeApiError {
	return answerError(
		ctx,
		`the server did not send a sipXconfig ${what}`,
		`Check the Server URL in the credential (the app lives under /sipxconfig). Start of the answer: ${body.slice(0, 200)}`,
		itemIndex,
	);
}

/** A REST write's `<response>` result; a code that is not SUCCESS_* is an error even on HTTP 2xx. */
export function checkRestResult(ctx: RequestContext, text: string, itemIndex?: number): RestResult {
	const result = parseRestResult(text);
	if (!result) {
		// Some sipXconfig builds answer DELETE with an empty 200/204.
		if (text.trim() === '') return { code: 'SUCCESS' };
		throw unexpectedBody(ctx, 'REST result', text, itemIndex);
	}
	if (!result.code.startsWith('SUCCESS')) {
		throw answerError(ctx, describeXmlError(text) ?? result.code, 'sipXconfig reported a failure.', itemIndex);
	}
	return result;
}

/** A failure that carries sipXconfig's own `<response><code>`: the application's answer, not a lost one. */
export function restResultOf(failure: HttpFailure): RestResult | undefined {
	return failure.body === undefined ? undefined : parseRestResult(asText(failure.body));
}

/** UsersResource answers a DELETE of an ID it does not have with HTTP 400 ERROR_OBJECT_NOT_FOUND. */
export const REST_OBJECT_NOT_FOUND: NotFoundAnswer = {
	matches: (failure) => failure.status === 400 && restResultOf(failure)?.code === 'ERROR_OBJECT_NOT_FOUND',
	confirmedBy: 'ERROR_OBJECT_NOT_FOUND on retry',
};

/** PhoneApi answers a phone it does not have with an empty 404; a web page's 404 is something else. */
export const CXF_NOT_FOUND: NotFoundAnswer = {
	matches: (failure) => failure.status === 404 && asText(failure.body).trim() === '',
	confirmedBy: '404 on retry',
};

/** Every SOAP answer is an envelope (faults too); a web page on HTTP 200 is not. */
/** A user and the user list are both `<user>` documents (sipXconfig's XStream output). */
export const USER_DOCUMENT = xmlWithRoot('user');

/** One user by internal id (`/rest/user/5`), or '' when sipXconfig answers that it has none (ERROR_OBJECT_NOT_FOUND). */
export const USER_OR_NONE: AnswerShape = { ...USER_DOCUMENT, absent: { matches: REST_OBJECT_NOT_FOUND.matches, value: '' } };

export const SOAP_ENVELOPE = xmlWithRoot('Envelope');

/** Values of password and PIN elements in a SOAP request, kept out of errors if a server echoes them. */
export function soapSecrets(content: Json): string[] {
	const found: string[] = [];
	const walk = (value: unknown, key: string) => {
		if (typeof value === 'string' && /password|pin/i.test(key)) found.push(value);
		else if (Array.isArray(value)) value.forEach((entry) => walk(entry, key));
		else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
	};
	walk(content, '');
	return found;
}

/** Parses an XML answer with `parse`, turning a malformed body into a clear error. */
export async function parseOrFail<T>(
	ctx: RequestContext,
	text: string,
	parse: (xml: string) => T,
	what: string,
	itemIndex?: number,
): Promise<T> {
	try {
		return parse(text);
	} catch (error) {
		if (error instanceof XmlFormatError) throw unexpectedBody(ctx, what, text, itemIndex);
		throw asNodeError(ctx.getNode(), error);
	}
}
