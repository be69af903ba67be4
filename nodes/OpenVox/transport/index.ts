import type { ICredentialDataDecryptedObject, IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { AnswerShape } from '../../shared/answer';
import { answerHint, excerpt } from '../../shared/answer';
import { asNodeError } from '../../shared/errors';
import type { RequestContext } from '../../shared/requestContext';
import { vendorRequest } from '../../shared/transport';
import type { DeleteOutcome, RecordList, VendorApi, VendorCall } from '../../shared/vendorApi';
import { checkXmlFields } from '../../shared/xmlText';
import type { OpenVoxAnswer } from './api';
import { EXTENSION_INFOS, EXTENSION_LIST, OPENVOX_ENVELOPE, openVoxApi, parseAnswer } from './api';
import { CREDENTIAL_TYPE, OPENVOX_API_PREFIX, openVoxBaseUrl } from './credential';
import { LOGIN_FAILED_PREFIX, LOGIN_HINT, TOKEN_ERRNOS, errnoMessage } from './errno';
import { fieldLabel } from './fields';
import { buildOpenVoxXml } from './xml';

/**
 * The OpenVox node's transport facade (the same three functions as every vendor's): `request`,
 * `deleteRecord` and `listRecords`. OpenVox's quirks stay here: every call is a POST with the
 * token in the query, failures come on HTTP 200 with an errno, and a token that expired or was
 * replaced is renewed once.
 */

/** What `listRecords` filters the extension list by; OpenVox has no server-side filters or paging. */
export interface ListFilters {
	/** Only extensions in one of these states (Registered, Idle, …). */
	status?: string[];
	/** Only extensions of this type, e.g. pjsip (case-insensitive). */
	type?: string;
	/** At most this many (after filtering); all when not given. */
	limit?: number;
}

type OpenVoxFormat = 'json' | 'xml';

/** The read endpoints: idempotent, and their answer must carry the list they name. */
const READS: Record<string, AnswerShape | undefined> = {
	'extension/query': EXTENSION_INFOS,
	'extensionlist/query': EXTENSION_LIST,
};

/**
 * Every extension with its number, status, type and name (`extensionlist/query`, one answer for
 * the whole PBX), filtered here. Node Get Many, the trigger and the dropdowns read through this.
 */
export async function listRecords(ctx: RequestContext, filters: ListFilters, itemIndex?: number): Promise<RecordList> {
	const answer = await request(ctx, { path: 'extensionlist/query' }, itemIndex);
	const list = Array.isArray(answer.extlist) ? (answer.extlist as IDataObject[]) : [];
	const type = filters.type?.trim().toLowerCase();
	const records = list.filter(
		(record) =>
			(!filters.status?.length || filters.status.includes(String(record.status))) &&
			(!type || String(record.type ?? '').toLowerCase() === type),
	);
	return { records: filters.limit === undefined ? records : records.slice(0, filters.limit) };
}

/**
 * `extension/delete` (`body.number`: "2002" or "2002,1001"). It is a POST the PBX does not
 * document as repeatable, so it is sent once and a lost answer stays an error: `confirmedBy`
 * is never set for OpenVox.
 */
export async function deleteRecord(ctx: RequestContext, call: VendorCall, itemIndex?: number): Promise<DeleteOutcome> {
	return { response: await request(ctx, { ...call, idempotent: false }, itemIndex) };
}

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
			// Every call is a POST; the queries only read, so a dry run sends them.
			read: endpoint in READS,
			plannedBody: body,
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
 * successful call. Only calls marked idempotent are repeated after a lost answer; the two
 * queries are (and must answer with their list, see READS).
 *
 * OpenVox answers HTTP 200 even when the token is gone (errno 20004 "no such token", 20006
 * "token timed out"), so n8n's own retry-after-401 never fires. On those errno values this
 * sends the request once more with the stored token blanked: n8n's credentials helper then
 * runs the credential's preAuthentication (one login) and persists the new token for later
 * items and executions. If another execution already replaced the token, it is just reused.
 */
export async function request(ctx: RequestContext, call: VendorCall, itemIndex?: number): Promise<OpenVoxAnswer> {
	const { path: endpoint, body } = call;
	const read = READS[endpoint];
	const options: OpenVoxRequestOptions = { idempotent: call.idempotent ?? read !== undefined };
	const expect = call.expect ?? read;
	const rejected = rejectedLogins.get(ctx);
	if (rejected !== undefined) {
		// Each item would otherwise log in again (the stored token is still empty), and with
		// Continue On Fail five items would lock the client IP out.
		throw new NodeApiError(ctx.getNode(), { message: rejected } as JsonObject, {
			message: rejected,
			description: `${LOGIN_HINT} The login was tried once for this run and not again for the following items.`,
			itemIndex,
		});
	}
	try {
		const answer = await tokenRequest(ctx, endpoint, body, itemIndex, options);
		if (expect && !expect.matches(answer)) throw unexpectedSuccess(ctx, endpoint, expect, answer, itemIndex);
		return answer;
	} catch (error) {
		const message = (error as Error).message;
		if (typeof message === 'string' && message.startsWith(LOGIN_FAILED_PREFIX)) rejectedLogins.set(ctx, message);
		throw asNodeError(ctx.getNode(), error);
	}
}

/**
 * Login failures seen by one node run (keyed by its execution context, so nothing outlives
 * the run): later items of the same run fail at once instead of logging in again.
 */
const rejectedLogins = new WeakMap<RequestContext, string>();

async function tokenRequest(
	ctx: RequestContext,
	endpoint: string,
	body: IDataObject | undefined,
	itemIndex: number | undefined,
	options: OpenVoxRequestOptions,
): Promise<OpenVoxAnswer> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	let answer = await send(ctx, openVoxApi, credentials, endpoint, body, itemIndex, options);
	if (tokenRejected(answer)) {
		const current = await ctx.getCredentials(CREDENTIAL_TYPE);
		const replaced = typeof current.token === 'string' && current.token !== '' && current.token !== credentials.token;
		let api = openVoxApi;
		if (!replaced) {
			const reference = ctx.getNode().credentials?.[CREDENTIAL_TYPE];
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
		answer = await send(ctx, api, current, endpoint, body, itemIndex, options);
		if (tokenRejected(answer)) {
			const message = `OpenVox ${endpoint} failed: the PBX rejected a freshly issued token (${errnoMessage(answer.errno)})`;
			throw new NodeApiError(ctx.getNode(), { message } as JsonObject, {
				message,
				description: 'Check that the PBX clock is right and that no other client logs out this API user',
				itemIndex,
			});
		}
	}
	if (answer.status !== 'Success') {
		const message = `OpenVox ${endpoint} failed: ${errnoMessage(answer.errno)}`;
		throw new NodeApiError(ctx.getNode(), { message, errno: answer.errno ?? null } as JsonObject, {
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

