import type { ICredentialDataDecryptedObject, IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { AnswerShape } from '../../shared/answer';
import { answerHint, excerpt, jsonWithList } from '../../shared/answer';
import type { RequestContext, VendorApi, VendorCall } from '../../shared/transport';
import { vendorRequest } from '../../shared/transport';
import { checkXmlFields } from '../../shared/xmlText';
import { fieldLabel } from '../helpers/fields';
import { CREDENTIAL_TYPE, OPENVOX_API_PREFIX, openVoxBaseUrl } from './credential';
import { LOGIN_FAILED_PREFIX, LOGIN_HINT, TOKEN_ERRNOS, errnoMessage } from './errno';
import { buildOpenVoxXml, parseOpenVoxXml } from './xml';
import { asNodeError } from '../../shared/errors';

export type OpenVoxFormat = 'json' | 'xml';

/** An OpenVox answer: `status` "Success" or "Failed", `errno` on failure, plus the payload. */
export interface OpenVoxAnswer extends IDataObject {
	status?: string;
	errno?: string;
}

function isFailedBody(body: unknown): body is OpenVoxAnswer {
	return body !== null && typeof body === 'object' && (body as OpenVoxAnswer).status === 'Failed';
}

export const openVoxApi: VendorApi = {
	displayName: 'OpenVox',
	credentialType: CREDENTIAL_TYPE,
	// The token travels in the query string (?token=), so it is redacted like the password.
	secretFields: ['password', 'token'],
	extractErrorMessage: (body) => {
		const parsed = typeof body === 'string' ? safeParse(body) : body;
		return isFailedBody(parsed) ? errnoMessage(parsed.errno) : undefined;
	},
	describeStatus: (status) =>
		status === 404
			? 'The PBX API was not found at this URL; check the PBX API URL (HTTP API port 9011 by default) and that the API is enabled on the PBX'
			: undefined,
	// preAuthentication throws a plain Error for a rejected login (see the credential); show it
	// as it is and never retry it, since 5 failed logins lock the client IP out for 10 minutes.
	describeLocalFailure: (failure) =>
		failure.message.startsWith(LOGIN_FAILED_PREFIX) ? { message: failure.message, hint: LOGIN_HINT } : undefined,
};

function safeParse(text: string): unknown {
	try {
		return parseAnswer(text);
	} catch {
		return undefined;
	}
}

/**
 * Reads an answer in either variant. Firmware sends JSON with varying Content-Type headers,
 * so the body is read as text and parsed here rather than by the HTTP client.
 */
export function parseAnswer(raw: unknown): OpenVoxAnswer {
	if (raw !== null && typeof raw === 'object' && !Buffer.isBuffer(raw)) return raw as OpenVoxAnswer;
	const text = (Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw ?? '')).trim();
	if (text === '') throw new Error('the PBX sent an empty answer');
	if (text.startsWith('<')) return parseOpenVoxXml(text);
	let answer: OpenVoxAnswer | undefined;
	try {
		answer = JSON.parse(text) as OpenVoxAnswer;
	} catch {
		answer = undefined;
	}
	if (answer === undefined) throw new Error('the PBX answered with something that is neither JSON nor XML');
	return answer;
}

/**
 * Every OpenVox answer is its envelope, JSON or `<xml>`, with a `status` (HTTP 200 also for
 * failures). Anything else on HTTP 200 (a proxy's or maintenance page) is an unexpected answer.
 */
const OPENVOX_ENVELOPE: AnswerShape = {
	expected: 'an OpenVox answer (JSON or <xml> with "status")',
	format: 'json',
	matches: (body) => {
		try {
			return typeof parseAnswer(body).status === 'string';
		} catch {
			return false;
		}
	},
};

/** The list of Get Many and the dropdowns: `extlist`. */
export const EXTENSION_LIST = jsonWithList('extlist');

/** The records of `extension/query`: `extinfos`. */
export const EXTENSION_INFOS = jsonWithList('extinfos');

interface OpenVoxRequestOptions {
	/** Whether sending the request twice cannot change the outcome (queries, plain updates). */
	idempotent?: boolean;
}

async function send(
	ctx: RequestContext,
	api: VendorApi,
	credentials: ICredentialDataDecryptedObject,
	endpoint: string,
	body: IDataObject | undefined,
	itemIndex: number | undefined,
	options: OpenVoxRequestOptions,
): Promise<OpenVoxAnswer> {
	const format: OpenVoxFormat = credentials.apiFormat === 'xml' ? 'xml' : 'json';
	// XML 1.0 cannot carry control characters; the PBX would get a malformed document.
	if (format === 'xml' && body !== undefined) {
		checkXmlFields(ctx.getNode(), body, itemIndex ?? 0, (path) => fieldLabel(path[0] ?? ''));
	}
	const raw = await vendorRequest.call(
		ctx,
		api,
		{
			// Every OpenVox call is a POST; the token is added as ?token= by the credential.
			method: 'POST',
			url: `${openVoxBaseUrl(credentials.url)}${OPENVOX_API_PREFIX}/${endpoint}`,
			qs: { type: format },
			headers: { 'Content-Type': `application/${format}; charset=utf-8` },
			body: body === undefined ? undefined : format === 'xml' ? buildOpenVoxXml(body) : JSON.stringify(body),
			json: false,
			encoding: 'text',
			skipSslCertificateValidation: credentials.ignoreSSLIssues === true,
			idempotent: options.idempotent ?? false,
			expect: OPENVOX_ENVELOPE,
		},
		itemIndex,
	);
	try {
		return parseAnswer(raw);
	} catch (error) {
		const message = `OpenVox ${endpoint} failed: ${(error as Error).message}`;
		throw new NodeApiError(ctx.getNode(), { message } as JsonObject, { message, itemIndex });
	}
}

function tokenRejected(answer: OpenVoxAnswer): boolean {
	return answer.status === 'Failed' && TOKEN_ERRNOS.has(String(answer.errno));
}

/**
 * Calls one OpenVox endpoint (`call.path`, e.g. `extension/query`; always a POST whose body is
 * `call.body`, sent as JSON or XML as the credential says) and returns the answer of a
 * successful call. Only calls marked idempotent are repeated after a lost answer.
 *
 * OpenVox answers HTTP 200 even when the token is gone (errno 20004 "no such token", 20006
 * "token timed out"), so n8n's own retry-after-401 never fires. On those errno values this
 * sends the request once more with the stored token blanked: n8n's credentials helper then
 * runs the credential's preAuthentication (one login) and persists the new token for later
 * items and executions. If another execution already replaced the token, it is just reused.
 */
export async function openVoxRequest(this: RequestContext, call: VendorCall, itemIndex?: number): Promise<OpenVoxAnswer> {
	const { path: endpoint, body } = call;
	const options: OpenVoxRequestOptions = { idempotent: call.idempotent };
	const rejected = rejectedLogins.get(this);
	if (rejected !== undefined) {
		// Each item would otherwise log in again (the stored token is still empty), and with
		// Continue On Fail five items would lock the client IP out.
		throw new NodeApiError(this.getNode(), { message: rejected } as JsonObject, {
			message: rejected,
			description: `${LOGIN_HINT} The login was tried once for this run and not again for the following items.`,
			itemIndex,
		});
	}
	try {
		const answer = await tokenRequest.call(this, endpoint, body, itemIndex, options);
		if (call.expect && !call.expect.matches(answer)) throw unexpectedSuccess(this, endpoint, call.expect, answer, itemIndex);
		return answer;
	} catch (error) {
		const message = (error as Error).message;
		if (typeof message === 'string' && message.startsWith(LOGIN_FAILED_PREFIX)) rejectedLogins.set(this, message);
		throw asNodeError(this.getNode(), error);
	}
}

/**
 * Login failures seen by one node run (keyed by its execution context, so nothing outlives
 * the run): later items of the same run fail at once instead of logging in again.
 */
const rejectedLogins = new WeakMap<RequestContext, string>();

async function tokenRequest(
	this: RequestContext,
	endpoint: string,
	body: IDataObject | undefined,
	itemIndex: number | undefined,
	options: OpenVoxRequestOptions,
): Promise<OpenVoxAnswer> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	let answer = await send(this, openVoxApi, credentials, endpoint, body, itemIndex, options);
	if (tokenRejected(answer)) {
		const current = await this.getCredentials(CREDENTIAL_TYPE);
		const replaced = typeof current.token === 'string' && current.token !== '' && current.token !== credentials.token;
		let api = openVoxApi;
		if (!replaced) {
			const reference = this.getNode().credentials?.[CREDENTIAL_TYPE];
			api = {
				...openVoxApi,
				additionalCredentialOptions: {
					credentialsDecrypted: {
						id: reference?.id ?? '',
						name: reference?.name ?? '',
						type: CREDENTIAL_TYPE,
						data: { ...current, token: '' },
					},
				},
			};
		}
		answer = await send(this, api, current, endpoint, body, itemIndex, options);
		if (tokenRejected(answer)) {
			const message = `OpenVox ${endpoint} failed: the PBX rejected a freshly issued token (${errnoMessage(answer.errno)})`;
			throw new NodeApiError(this.getNode(), { message } as JsonObject, {
				message,
				description: 'Check that the PBX clock is right and that no other client logs out this API user',
				itemIndex,
			});
		}
	}
	if (answer.status !== 'Success') {
		const message = `OpenVox ${endpoint} failed: ${errnoMessage(answer.errno)}`;
		throw new NodeApiError(this.getNode(), { message, errno: answer.errno ?? null } as JsonObject, {
			message,
			description: answer.status === 'Failed' ? errnoHint(String(answer.errno)) : 'The PBX answer had no "status" field',
			itemIndex,
		});
	}
	return answer;
}

/** "Success" without the list a read needs: never read as "no extensions". */
function unexpectedSuccess(
	ctx: RequestContext,
	endpoint: string,
	expect: AnswerShape,
	answer: OpenVoxAnswer,
	itemIndex: number | undefined,
): NodeApiError {
	const message = `Unexpected answer from OpenVox for ${endpoint}: expected ${expect.expected}, got ${JSON.stringify(excerpt(answer))}`;
	return new NodeApiError(ctx.getNode(), { message } as JsonObject, {
		message,
		description: answerHint('OpenVox', 'application/json', answer),
		itemIndex,
	});
}

function errnoHint(errno: string): string | undefined {
	if (errno === '10006') return 'Check the extension number; Get Many lists the extensions that exist';
	if (errno === '10017') {
		return 'The PBX refused the settings: the number may already exist or be outside the extension range, or a value is not allowed';
	}
	if (errno === '10004') return 'A parameter the PBX requires is empty';
	if (errno === '10025') return 'The PBX applies configuration changes one at a time; slow the workflow down (e.g. a Wait node)';
	return undefined;
}

