import type { IAdditionalCredentialOptions, IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import type { AnswerShape } from './answer';
import type { HttpFailure } from './httpFailure';
import type { ReauthenticationPolicy, RetryPolicy } from './retry';

/** Everything a vendor transport tells the shared request function once. */
export interface VendorApi {
	/** Shown in error messages, e.g. "3CX". */
	displayName: string;
	credentialType: string;
	/** Credential fields whose values must never appear in an error (passwords, keys, tokens). */
	secretFields: string[];
	/** Pulls the vendor's own message out of an error body, if it has one. */
	extractErrorMessage?: (body: unknown, status: number | undefined) => string | undefined;
	/** Adds a hint for a status code, e.g. which credential field to check on 401. */
	describeStatus?: (status: number) => string | undefined;
	retry?: Partial<RetryPolicy>;
	additionalCredentialOptions?: IAdditionalCredentialOptions;
	/**
	 * Recognises a failure that carries no HTTP status but is not a connection problem either,
	 * e.g. a login that the credential's `preAuthentication` rejected from an HTTP-200 body
	 * (it must throw without a 401, or n8n would log in a second time). A recognised failure
	 * is never retried and is shown with this message and hint instead of the network wording.
	 */
	describeLocalFailure?: (failure: HttpFailure) => { message: string; hint?: string } | undefined;
	/** Another try with the credential's newest token after a 401 (see `ReauthenticationPolicy`). */
	reauthenticate?: ReauthenticationPolicy;
	/**
	 * Masks secrets the vendor puts into answers that the client cannot know beforehand (3CX
	 * provisioning links) in any text an error shows, after the known secrets are masked.
	 */
	redact?: (text: string) => string;
}

/**
 * What an operation asks its vendor's transport facade for. Every facade has the same shape,
 * `request(ctx, call, itemIndex)`, and builds URL, headers and body encoding itself, so
 * operations never see them.
 */
export interface VendorCall {
	/** GET unless given. */
	method?: IHttpRequestMethods;
	/** Below the vendor's API root, e.g. `/Users(12)` for 3CX or `extension/query` for OpenVox. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** See VendorRequestOptions.idempotent; the vendor's facade may set its own default. */
	idempotent?: boolean;
	/** See VendorRequestOptions.secrets. */
	secrets?: string[];
	/** See VendorRequestOptions.expect: every read says what its answer must look like. */
	expect?: AnswerShape;
}

/** What a DELETE reports: the answer, or that a retry found the record already gone. */
export interface DeleteOutcome {
	response: unknown;
	/**
	 * Set when an attempt's answer was lost and the retry got the vendor's "not found": the lost
	 * attempt deleted it. Says which answer confirmed it, e.g. "404 on retry".
	 */
	confirmedBy?: string;
}

/** How a vendor answers a DELETE of a record it does not have. */
export interface NotFoundAnswer {
	matches: (failure: HttpFailure) => boolean;
	/** What `confirmedBy` says when a retry gets this answer. */
	confirmedBy: string;
}

/** What every vendor's `listRecords` returns: the records, and how many the vendor said it holds when it says. */
export interface RecordList {
	records: IDataObject[];
	/** The vendor's own count of the whole list (3CX `@odata.count`, sipXconfig `totalResults`). */
	total?: number;
}
