import type { IDataObject } from 'n8n-workflow';

import type { AnswerShape } from '../../shared/answer';
import { jsonWithList } from '../../shared/answer';
import type { VendorApi } from '../../shared/vendorApi';
import { CREDENTIAL_TYPE } from './credential';
import { LOGIN_FAILED_PREFIX, LOGIN_HINT, errnoMessage } from './errno';
import { parseOpenVoxXml } from './xml';

/*
 * What the shared request loop needs to know about OpenVox, and how its answers read: every
 * answer is an envelope with a `status`, JSON or `<xml>`, on HTTP 200 even for failures.
 */

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
export const OPENVOX_ENVELOPE: AnswerShape = {
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
