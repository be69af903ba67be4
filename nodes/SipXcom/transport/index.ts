/**
 * The sipXcom transport: one place that knows sipXconfig's three admin APIs and their quirks.
 * - Restlet REST `/sipxconfig/rest/…` speaks XML (XStream); results come as `<response><code>`.
 * - CXF REST `/sipxconfig/api/…` speaks JSON.
 * - Axis SOAP `/sipxconfig/services/…` (document/literal, SOAPAction "").
 * All three use HTTP Basic as an admin (ROLE_ADMIN), set by the credential's `authenticate`.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { xmlWithRoot } from '../../shared/answer';
import { checkXmlFields } from '../../shared/xmlText';
import type { HttpFailure, NotFoundAnswer, RequestContext, VendorApi, VendorCall } from '../../shared/transport';
import { vendorDelete, vendorRequest } from '../../shared/transport';
import { appUrl, CREDENTIAL_TYPE } from './credential';
import type { Json, RestResult } from './xml';
import { buildSoapEnvelope, describeXmlError, parseRestResult, parseSoapResponse, XmlFormatError } from './xml';
import { asNodeError } from '../../shared/errors';

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

async function baseUrl(ctx: RequestContext): Promise<string> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	return appUrl(credentials.serverUrl);
}

function asText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body === undefined || body === null) return '';
	return JSON.stringify(body);
}

/** An error for an answer sipXconfig answered with HTTP 2xx but that is a failure or not sipXconfig at all. */
function answerError(ctx: RequestContext, message: string, description: string, itemIndex?: number): NodeApiError {
	return new NodeApiError(
		ctx.getNode(),
		{ message },
		{ message: `sipXcom request failed: ${message}`, description, itemIndex },
	);
}

function unexpectedBody(ctx: RequestContext, what: string, body: string, itemIndex?: number): NodeApiError {
	return answerError(
		ctx,
		`the server did not send a sipXconfig ${what}`,
		`Check the Server URL in the credential (the app lives under /sipxconfig). Start of the answer: ${body.slice(0, 200)}`,
		itemIndex,
	);
}

/**
 * A call of the Restlet REST API: path below `/sipxconfig/rest`, e.g. `/user/5`, and an XML
 * document built with fast-xml-parser instead of a JSON body. Writes are not idempotent:
 * sipXconfig answers their application failures (ERROR_UPDATE_FAILED, ERROR_REFERENCE_EXISTS …)
 * with HTTP 500, so they are not retried.
 */
export interface RestCall extends Omit<VendorCall, 'body'> {
	xml?: string;
}

/** The request options of a Restlet REST call: XML in its default format, both ways. */
async function restOptions(ctx: RequestContext, call: RestCall) {
	return {
		url: `${await baseUrl(ctx)}/rest${call.path}`,
		qs: call.qs,
		headers: {
			Accept: 'text/xml',
			...(call.xml !== undefined ? { 'Content-Type': 'text/xml; charset=utf-8' } : {}),
		},
		body: call.xml,
		encoding: 'text' as const,
		json: false,
		idempotent: call.idempotent,
		secrets: call.secrets,
		expect: call.expect,
	};
}

/** Calls the Restlet REST API in its default XML format and returns the XML text. */
export async function restXml(this: RequestContext, call: RestCall, itemIndex?: number): Promise<string> {
	const body = await vendorRequest.call(this, sipXcomApi, { method: call.method ?? 'GET', ...(await restOptions(this, call)) }, itemIndex);
	return asText(body);
}

/** A REST write's `<response>` result; a code that is not SUCCESS_* is an error even on HTTP 2xx. */
function checkRestResult(ctx: RequestContext, text: string, itemIndex?: number): RestResult {
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

/**
 * Runs a REST write and returns its `<response>` result. A result whose code is not
 * SUCCESS_* becomes an error with the code and message even if the HTTP status was 2xx.
 */
export async function restWrite(this: RequestContext, call: RestCall, itemIndex?: number): Promise<RestResult> {
	return checkRestResult(this, await restXml.call(this, { idempotent: false, ...call }, itemIndex), itemIndex);
}

/** A failure that carries sipXconfig's own `<response><code>`: the application's answer, not a lost one. */
function restResultOf(failure: HttpFailure): RestResult | undefined {
	return failure.body === undefined ? undefined : parseRestResult(asText(failure.body));
}

/** UsersResource answers a DELETE of an ID it does not have with HTTP 400 ERROR_OBJECT_NOT_FOUND. */
const REST_OBJECT_NOT_FOUND: NotFoundAnswer = {
	matches: (failure) => failure.status === 400 && restResultOf(failure)?.code === 'ERROR_OBJECT_NOT_FOUND',
	confirmedBy: 'ERROR_OBJECT_NOT_FOUND on retry',
};

export interface RestDeleteOutcome {
	/** The `<response>` result; absent when the retry confirmed the deletion. */
	result?: RestResult;
	/** Set when a lost answer's retry found the record gone (see vendorDelete). */
	confirmedBy?: string;
}

/**
 * DELETE of a REST record by its internal ID, e.g. `/user/5`. sipXconfig takes IDs from a
 * database sequence and never hands one out again, so sending the DELETE again after a lost
 * answer cannot remove another record; a refusal (HTTP 500 with ERROR_DELETE_FAILED or
 * ERROR_REFERENCE_EXISTS) is its answer and is not repeated.
 */
export async function restDelete(this: RequestContext, path: string, itemIndex?: number): Promise<RestDeleteOutcome> {
	const options = await restOptions(this, { path, idempotent: true });
	const { response, confirmedBy } = await vendorDelete.call(
		this,
		sipXcomApi,
		{ ...options, finalAnswer: (failure) => restResultOf(failure) !== undefined },
		itemIndex,
		REST_OBJECT_NOT_FOUND,
	);
	if (confirmedBy) return { confirmedBy };
	return { result: checkRestResult(this, asText(response), itemIndex) };
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

/** The request options of a CXF REST call (path below `/sipxconfig/api`, e.g. `/phones`), JSON both ways. */
async function apiOptions(ctx: RequestContext, call: VendorCall) {
	return {
		url: `${await baseUrl(ctx)}/api${call.path}`,
		qs: call.qs,
		headers: { Accept: 'application/json' },
		body: call.body,
		json: true,
		idempotent: call.idempotent,
		secrets: call.secrets,
		expect: call.expect,
	};
}

/** Calls the CXF REST API (path below `/sipxconfig/api`, e.g. `/phones`) with JSON. */
export async function apiJson<T = unknown>(this: RequestContext, call: VendorCall, itemIndex?: number): Promise<T> {
	const response = await vendorRequest.call(this, sipXcomApi, { method: call.method ?? 'GET', ...(await apiOptions(this, call)) }, itemIndex);
	if (typeof response === 'string') {
		if (response.trim() === '') return undefined as T;
		try {
			return JSON.parse(response) as T;
		} catch {
			return response as T;
		}
	}
	return response as T;
}

/** PhoneApi answers a phone it does not have with an empty 404; a web page's 404 is something else. */
const CXF_NOT_FOUND: NotFoundAnswer = {
	matches: (failure) => failure.status === 404 && asText(failure.body).trim() === '',
	confirmedBy: '404 on retry',
};

/**
 * DELETE of a CXF record, e.g. `/phones/0004f2ae4838`; a lost answer is followed by the same
 * DELETE, and sipXconfig's empty 404 then means the lost attempt deleted it (`confirmedBy`).
 */
export async function apiDelete(this: RequestContext, path: string, itemIndex?: number): Promise<{ confirmedBy?: string }> {
	const { confirmedBy } = await vendorDelete.call(this, sipXcomApi, await apiOptions(this, { path }), itemIndex, CXF_NOT_FOUND);
	return confirmedBy ? { confirmedBy } : {};
}

export type SoapService = 'UserService' | 'PhoneService';

/** Every SOAP answer is an envelope (faults too); a web page on HTTP 200 is not. */
const SOAP_ENVELOPE = xmlWithRoot('Envelope');

/** Values of password and PIN elements in a SOAP request, kept out of errors if a server echoes them. */
function soapSecrets(content: Json): string[] {
	const found: string[] = [];
	const walk = (value: unknown, key: string) => {
		if (typeof value === 'string' && /password|pin/i.test(key)) found.push(value);
		else if (Array.isArray(value)) value.forEach((entry) => walk(entry, key));
		else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
	};
	walk(content, '');
	return found;
}

/** A call of an Axis SOAP operation: the service, the operation and the request element's content. */
export interface SoapCall {
	service: SoapService;
	operation: string;
	content: Json;
	idempotent: boolean;
}

/**
 * Calls an Axis SOAP operation and returns the response wrapper's content (`{}` for the
 * empty responses of addUser/manageUser). Faults come back as HTTP 500 and become errors
 * with the faultstring; a fault inside a 200 is handled the same way.
 */
export async function soapCall(this: RequestContext, call: SoapCall, itemIndex?: number): Promise<Json> {
	// XML 1.0 cannot carry control characters: refuse them naming the field, before sending.
	checkXmlFields(this.getNode(), call.content, itemIndex ?? 0, (path) => path.join(' › '));
	const url = `${await baseUrl(this)}/services/${call.service}`;
	const text = asText(
		await vendorRequest.call(
			this,
			sipXcomApi,
			{
				method: 'POST',
				url,
				headers: {
					'Content-Type': 'text/xml; charset=utf-8',
					Accept: 'text/xml',
					// The WSDL's <soapbind:operation/> has no soapAction.
					SOAPAction: '""',
				},
				body: buildSoapEnvelope(call.operation, call.content),
				encoding: 'text',
				json: false,
				idempotent: call.idempotent,
				secrets: soapSecrets(call.content),
				expect: SOAP_ENVELOPE,
			},
			itemIndex,
		),
	);
	if (text.trim() === '') return {};
	const parsed = await parseOrFail(this, text, parseSoapResponse, 'SOAP response', itemIndex);
	if (parsed.fault) {
		throw answerError(this, describeXmlError(text) ?? 'SOAP fault', 'sipXconfig answered with a SOAP fault.', itemIndex);
	}
	return parsed.body ?? {};
}
