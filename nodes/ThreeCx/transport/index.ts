import type { IDataObject } from 'n8n-workflow';

import type { AnswerShape } from '../../shared/answer';
import { jsonObject, jsonWithList } from '../../shared/answer';
import type { RequestContext } from '../../shared/requestContext';
import type { ReauthenticationPolicy } from '../../shared/retry';
import type { DeleteOutcome, VendorApi, VendorCall } from '../../shared/vendorApi';
import { vendorDelete, vendorRequest } from '../../shared/transport';
import { CREDENTIAL_TYPE, isTokenFailure, threeCxBaseUrl, XAPI_PATH } from './credential';

/** 3CX answers `$top` above 100 with HTTP 400 ("The limit of '100' for Top query has been exceeded"). */
export const MAX_PAGE_SIZE = 100;

function parseBody(body: unknown): unknown {
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

export const threeCxApi: VendorApi = {
	displayName: '3CX',
	credentialType: CREDENTIAL_TYPE,
	secretFields: ['clientSecret', 'accessToken'],
	reauthenticate: REAUTHENTICATION,
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

async function baseUrl(ctx: RequestContext): Promise<string> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	return `${threeCxBaseUrl(credentials.url)}${XAPI_PATH}`;
}

/** One XAPI call (path below /xapi/v1, e.g. `/Users(12)`) with a JSON answer (or none, for 204). */
export async function threeCxRequest(this: RequestContext, call: VendorCall, itemIndex?: number): Promise<IDataObject> {
	const response = await vendorRequest.call(
		this,
		threeCxApi,
		{
			method: call.method ?? 'GET',
			url: `${await baseUrl(this)}${call.path}`,
			qs: call.qs,
			body: call.body,
			json: true,
			idempotent: call.idempotent,
			secrets: call.secrets,
			// Every read of an entity is a JSON object unless the caller says more (collections).
			expect: call.expect ?? ((call.method ?? 'GET') === 'GET' ? ENTITY : undefined),
		},
		itemIndex,
	);
	const parsed = parseBody(response);
	return parsed && typeof parsed === 'object' ? (parsed as IDataObject) : {};
}

/** DELETE of one XAPI entity; a lost answer whose retry gets 404 is reported as deleted (confirmedBy). */
export async function threeCxDelete(this: RequestContext, path: string, itemIndex?: number): Promise<DeleteOutcome> {
	return await vendorDelete.call(this, threeCxApi, { url: `${await baseUrl(this)}${path}`, json: true }, itemIndex);
}

/** An entity answer (a user, a department, a function's result): a JSON object. */
const ENTITY = jsonObject();

/** An OData collection answer: JSON with a `value` array (a web page on HTTP 200 is an error, not "none"). */
export const COLLECTION = jsonWithList('value');

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
const EXPORT_ANSWER: AnswerShape = {
	expected: 'CSV or JSON',
	format: 'json',
	matches: (body) => !/^\s*</.test(bytesText(body).replace(/^\ufeff/, '')),
};

/** One XAPI call whose answer is kept as bytes with its headers (CSV exports). */
export async function threeCxRawRequest(this: RequestContext, call: VendorCall, itemIndex?: number): Promise<RawResponse> {
	const response = (await vendorRequest.call(
		this,
		threeCxApi,
		{
			method: call.method ?? 'GET',
			url: `${await baseUrl(this)}${call.path}`,
			qs: call.qs,
			headers: { Accept: 'text/csv, application/json;q=0.9, */*;q=0.5' },
			encoding: 'arraybuffer',
			returnFullResponse: true,
			expect: EXPORT_ANSWER,
		},
		itemIndex,
	)) as { body: unknown; headers: IDataObject; statusCode: number };
	const body = Buffer.isBuffer(response.body)
		? response.body
		: response.body instanceof ArrayBuffer
			? Buffer.from(response.body)
			: Buffer.from(typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? ''));
	return { body, headers: response.headers ?? {}, statusCode: response.statusCode };
}

/** An OData string literal: single quotes, with quotes inside doubled (`O'Brien` → `'O''Brien'`). */
export function odataString(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

/** Path of one user by key: `/Users(12)` or by alternate key `/Users(Number='100')`. */
export function userPath(key: { id: number } | { number: string }): string {
	if ('id' in key) return `/Users(${key.id})`;
	return `/Users(Number=${encodeURIComponent(odataString(key.number))})`;
}

/** Splits a comma list of OData terms (`Number desc, Id`) into trimmed parts. */
function terms(list: string): string[] {
	return list
		.split(',')
		.map((t) => t.trim())
		.filter((t) => t !== '');
}

/**
 * Makes an `$orderby` stable for `$skip` paging: without a unique last key, rows with equal
 * sort values may come back in a different order on the next page, so a user could be skipped
 * or repeated. `Id` is the entity key, so appending it makes the order total.
 */
export function stableOrderBy(orderBy: string | undefined): string {
	const list = terms(orderBy ?? '');
	if (!list.some((t) => /^Id(\s+(asc|desc))?$/i.test(t))) list.push('Id');
	return list.join(',');
}

export interface PageOptions {
	/** Query options other than $top/$skip/$orderby. */
	qs: IDataObject;
	/** `$orderby` (made stable with Id); null for collections whose spec offers no $orderby. */
	orderBy?: string | null;
	/** Start offset ($skip) the user asked for. */
	skip?: number;
	/** Stop after this many records; undefined = all. */
	limit?: number;
	pageSize?: number;
}

export interface PagedResult {
	records: IDataObject[];
	/** `@odata.count` of the first page (always asked for). */
	count?: number;
	requests: number;
}

/**
 * Fetches a collection page by page with `$top` ≤ 100 and `$skip`, on a stable order, until a
 * short page, the limit, or `@odata.count` says the end is reached. 3CX does not send
 * `@odata.nextLink`, so the client has to page by offset. The shared transport retries each
 * GET after 429/5xx/dropped connections, so a fault mid-way re-reads the same page; records are
 * also de-duplicated by `Id` as a last line of defence.
 */
export async function getAllPages(
	this: RequestContext,
	path: string,
	options: PageOptions,
	itemIndex?: number,
): Promise<PagedResult> {
	const pageSize = Math.min(options.pageSize ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
	const records: IDataObject[] = [];
	const seen = new Set<unknown>();
	let skip = options.skip ?? 0;
	let count: number | undefined;
	let requests = 0;
	for (;;) {
		const remaining = options.limit === undefined ? pageSize : Math.min(pageSize, options.limit - records.length);
		if (remaining <= 0) break;
		// The first page always asks for @odata.count so the loop knows where the end is and
		// needs no extra empty request when the last page is exactly full.
		const qs: IDataObject = { ...options.qs, $top: remaining, $skip: skip };
		if (options.orderBy !== null) qs.$orderby = stableOrderBy(options.orderBy);
		if (requests === 0) qs.$count = true;
		const page: IDataObject = await threeCxRequest.call(this, { path, qs, expect: COLLECTION }, itemIndex);
		requests++;
		const value = Array.isArray(page?.value) ? (page.value as IDataObject[]) : [];
		if (typeof page?.['@odata.count'] === 'number') count = page['@odata.count'] as number;
		for (const record of value) {
			const key = record.Id;
			if (key !== undefined && key !== null) {
				if (seen.has(key)) continue;
				seen.add(key);
			}
			records.push(record);
		}
		skip += value.length;
		if (value.length < remaining) break;
		if (count !== undefined && skip >= count) break;
	}
	return { records, count, requests };
}
