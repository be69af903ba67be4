import type { IDataObject } from 'n8n-workflow';

import type { AnswerShape } from '../../shared/answer';
import type { ReauthenticationPolicy } from '../../shared/retry';
import type { VendorApi, VendorCall } from '../../shared/vendorApi';
import { CREDENTIAL_TYPE, isTokenFailure } from './credential';

/*
 * What the shared request loop needs to know about 3CX's Configuration API (XAPI): its error
 * bodies, its status hints and its one-token-per-client re-authentication.
 */

/** An XAPI call; `answer: 'bytes'` keeps the answer as bytes with its headers (CSV exports). */
export interface ThreeCxCall extends VendorCall {
	answer?: 'json' | 'bytes';
}

/** A JSON answer as a value (text parsed; an empty answer is undefined, other text stays text). */
export function parseBody(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body === 'string') {
		try {
			return JSON.parse(body);
		} catch {
			return body.trim() === '' ? undefined : body;
		}
	}
	return body;
}

const collapse = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

/**
 * Reads the OData error body `{"error":{"code","message","details":[{message,target}]}}`
 * (swagger `Pbx.ODataErrors.ODataError`) and the token endpoint's
 * `{"error":"unauthorized","error_description":"…"}`. Details win because they carry the
 * field: "EmailAddress: WARNINGS.XAPI.ALREADY_IN_USE".
 */
export function extractThreeCxError(raw: unknown): string | undefined {
	const body = parseBody(raw);
	if (!body || typeof body !== 'object') return typeof body === 'string' && body.length < 300 ? body : undefined;
	const error = (body as IDataObject).error;
	if (typeof error === 'string') {
		const description = (body as IDataObject).error_description;
		return typeof description === 'string' && description ? description : error;
	}
	if (!error || typeof error !== 'object') {
		const message = (body as IDataObject).message;
		return typeof message === 'string' ? message : undefined;
	}
	const main = error as IDataObject;
	const details = Array.isArray(main.details) ? (main.details as IDataObject[]) : [];
	const lines = details
		.filter((d) => d && typeof d.message === 'string' && d.message !== '')
		.map((d) => (d.target ? `${String(d.target)}: ${String(d.message)}` : String(d.message)));
	if (lines.length) return lines.join('; ');
	if (typeof main.message === 'string' && main.message.trim() !== '') return collapse(main.message);
	return typeof main.code === 'string' && main.code ? main.code : undefined;
}

/**
 * Parallel executions (or n8n workers) sharing a Client ID revoke each other's tokens, since
 * 3CX keeps only the newest; a 401 from the API (not from /connect/token, which is a wrong
 * Client ID or secret) is tried again with the newest token, up to 4 more times over ≤ 3.75 s.
 */
export const REAUTHENTICATION: ReauthenticationPolicy = {
	attempts: 4,
	baseDelayMs: 250,
	tokenField: 'accessToken',
	isRevokedToken: (failure) => !/\/connect\/token(\?|$)/.test(failure.url ?? ''),
};

/** Token requests one XAPI request can cause at most (a first login included). */
export const MAX_TOKEN_REQUESTS_PER_REQUEST = REAUTHENTICATION.attempts + 1;

/**
 * The secret path segment of a provisioning link (`https://pbx:5001/provisioning/<secret>/…`,
 * the path a phone loads its SIP credentials from), as written, URL-encoded or JSON-escaped
 * (once or more).
 * An answer may carry links the node never read (an unexpected answer, a PBX error quoting
 * another user's phone), so errors mask them by their shape.
 */
const PROVISIONING_SECRET = /((?:\\*\/|%2f)provisioning(?:\\*\/|%2f))[^/\\\s"'<>&?#%]+/gi;

/** A text with the secret path of every provisioning link in it replaced by `***`. */
export const redactProvisioningLinks = (text: string): string => text.replace(PROVISIONING_SECRET, '$1***');

export const threeCxApi: VendorApi = {
	displayName: '3CX',
	credentialType: CREDENTIAL_TYPE,
	secretFields: ['clientSecret', 'accessToken'],
	reauthenticate: REAUTHENTICATION,
	redact: redactProvisioningLinks,
	// XAPI answers a rejected token with 401 and no body.
	extractErrorMessage: (body, status) =>
		extractThreeCxError(body) ?? (status === 401 ? 'Unauthorized: the PBX rejected the access token' : undefined),
	// The credential's token request throws a plain Error that already says what to check.
	describeLocalFailure: (failure) => (isTokenFailure(failure.message) ? { message: failure.message } : undefined),
	describeStatus: (status) => {
		switch (status) {
			case 400:
				return 'The PBX rejected the request. For OData options check the syntax of $filter, $orderby, $select and $expand (property names are case-sensitive, strings use single quotes).';
			case 401:
				return 'The PBX rejected the access token even after a new one was requested. Check the Client ID and Client Secret, that "XAPI Access Enabled" is ticked for the API client, and that no other application uses the same Client ID (3CX allows one active token per client).';
			case 403:
				return 'The API client is not allowed to do this. Give it the System Admin (or System Owner) role in Admin Console → Integrations → API.';
			case 404:
				return 'The PBX has no such user (check the ID or extension number) or the PBX URL is wrong.';
			default:
				return undefined;
		}
	},
};

export interface RawResponse {
	body: Buffer;
	headers: IDataObject;
	statusCode: number;
}

function bytesText(body: unknown): string {
	if (Buffer.isBuffer(body)) return body.toString('utf8');
	if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
	return typeof body === 'string' ? body : JSON.stringify(body ?? '');
}

/** Export Extensions answers CSV (live PBXs) or JSON (the swagger); a web page is neither. */
export const EXPORT_ANSWER: AnswerShape = {
	expected: 'CSV or JSON',
	format: 'json',
	matches: (body) => !/^\s*</.test(bytesText(body).replace(/^\ufeff/, '')),
};
