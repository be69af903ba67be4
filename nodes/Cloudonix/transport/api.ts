import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import type { AnswerShape } from '../../shared/answer';
import { jsonArray, jsonObject, parseJsonAnswer } from '../../shared/answer';
import type { VendorApi } from '../../shared/vendorApi';
import { CREDENTIAL_TYPE } from './credential';

/**
 * What the shared request loop needs to know about Cloudonix, and how its answers read. Vendor
 * facts (Cloudonix's OpenAPI spec, as bundled in the open-source OPBX project, and OPBX's own
 * Cloudonix client):
 * - Bearer key; paths `/customers/self/domains/{domain}/subscribers[/{id|msisdn}]`.
 *   An older `/api/domains/{uuid}/subscribers` layout does not exist and is not used.
 * - List returns the whole domain as one JSON array (no paging); 404 on a list means "none".
 * - Errors: `{status:false, message}` in some APIs; OPBX falls back to `error`.
 * - Rate limit: 10 requests per 3 s per domain (the OpenAPI spec; the docs site says per 10 s),
 *   429 beyond, no Retry-After documented (see pacing.ts).
 * - `{subscriber-id}` takes an id or an MSISDN and the server's precedence is UNCONFIRMED, so an
 *   MSISDN lookup checks the answer's msisdn and falls back to the list on a mismatch.
 */
/** A call of the subscribers API; the transport builds the path from the credential's domain. */
export interface CloudonixCall {
	/** GET unless given. */
	method?: IHttpRequestMethods;
	/** A subscriber's id or MSISDN (Cloudonix takes either in the path); the domain's subscribers when not given. */
	subscriber?: string;
	body?: IDataObject;
	/** Values kept out of errors besides the credential's (e.g. a SIP password in the body). */
	secrets?: string[];
	/** What the answer must look like (see SUBSCRIBER, SUBSCRIBER_LOOKUP). */
	expect?: AnswerShape;
}

function messageOf(body: unknown): string | undefined {
	if (typeof body === 'string') {
		try {
			return messageOf(JSON.parse(body));
		} catch {
			return body.trim() && body.length <= 300 && !body.trim().startsWith('<') ? body.trim() : undefined;
		}
	}
	if (!body || typeof body !== 'object') return undefined;
	const record = body as IDataObject;
	for (const key of ['message', 'error', 'detail', 'reason']) {
		const value = record[key];
		if (typeof value === 'string' && value.trim()) return value.trim();
		if (value && typeof value === 'object' && typeof (value as IDataObject).message === 'string') {
			return String((value as IDataObject).message);
		}
	}
	return undefined;
}

export const cloudonixApi: VendorApi = {
	displayName: 'Cloudonix',
	credentialType: CREDENTIAL_TYPE,
	secretFields: ['apiKey'],
	// A 401 is the answer: n8n must not run the credential's preAuthentication (the Test's
	// connection check) and send the request again.
	additionalCredentialOptions: { preAuthenticationRetryStatusCode: [] },
	extractErrorMessage: (body) => messageOf(body),
	describeStatus: (status) => {
		switch (status) {
			case 400:
				return 'Cloudonix rejected the request as malformed (e.g. a boolean sent as text). Check the values sent.';
			case 401:
				return 'The API key was rejected or is not authorized for this domain. Check "API Key" and "Domain" in the Cloudonix API credential.';
			case 403:
				return 'The API key is valid but its scope does not allow this (a subscriber or application key, or a domain key on a customer resource). Use a domain or customer key for this domain.';
			case 404:
				return 'Not found: check the subscriber ID or MSISDN, and the Domain in the credential.';
			case 429:
				return 'Cloudonix rate limit (about 10 requests per 3 seconds per domain). Lower "Requests per Window" or raise "Window (Milliseconds)" in the node options, or avoid running several workflows against the domain at once.';
			default:
				return status >= 500 ? 'Cloudonix reported a server error; try again later.' : undefined;
		}
	},
	// 429 without Retry-After: back off from 1 s, doubling, since the window is 3 s.
	retry: { maxRetries: 6, baseDelayMs: 1000, maxDelayMs: 30_000 },
};

/**
 * The subscribers list: a JSON array, or the documented JSON 404 "No subscribers found" for an
 * empty domain (SPEC25). A proxy's or maintenance page, even on HTTP 404, is an error: read as
 * "no subscribers" it would make a sync deactivate the whole domain.
 */
export const SUBSCRIBER_LIST = jsonArray({
	emptyOn404: {
		matches: (body) => /no subscribers/i.test(String((parseJsonAnswer(body) as IDataObject | undefined)?.message ?? '')),
		value: [],
	},
});

/** One subscriber: a JSON object. */
export const SUBSCRIBER = jsonObject();

/** A lookup by MSISDN: the subscriber, or null on Cloudonix's JSON 404 (never on a foreign 404 page). */
export const SUBSCRIBER_LOOKUP: AnswerShape = {
	...SUBSCRIBER,
	emptyOn404: { matches: (body) => typeof parseJsonAnswer(body) === 'object' && parseJsonAnswer(body) !== null, value: null },
};
