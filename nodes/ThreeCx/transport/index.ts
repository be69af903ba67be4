import type { IDataObject } from 'n8n-workflow';

import { jsonObject } from '../../shared/answer';
import type { RequestContext } from '../../shared/requestContext';
import { readRequestTimeout } from '../../shared/timeout';
import { vendorDelete, vendorRequest } from '../../shared/transport';
import type { DeleteOutcome, RecordList } from '../../shared/vendorApi';
import type { RawResponse, ThreeCxCall } from './api';
import { EXPORT_ANSWER, parseBody, threeCxApi } from './api';
import { CREDENTIAL_TYPE, threeCxBaseUrl, XAPI_PATH } from './credential';
import { COLLECTION, MAX_PAGE_SIZE, stableOrderBy, withDepartment } from './odata';

/**
 * The 3CX node's transport facade (the same three functions as every vendor's): `request`,
 * `deleteRecord` and `listRecords`, over the shared request loop. 3CX's quirks stay here and in
 * odata.ts: the `$top` cap of 100, paging by `$skip` on a stable order, `@odata.count`.
 */

/** What `listRecords` reads: a collection (the users unless said), filtered and ordered as XAPI takes it. */
export interface ListFilters {
	/** The collection below /xapi/v1, e.g. `/Groups` or `/Groups(5)/Members`; `/Users` when not given. */
	collection?: string;
	/** Only users who are members of this department (group ID, see odata.ts departmentId). */
	departmentId?: number;
	/** OData options sent as they are ($filter, $search, $select, $expand, $count). */
	query?: IDataObject;
	/** `$orderby` (made stable with Id); null for collections whose spec offers no $orderby. */
	orderBy?: string | null;
	/** Records to skip first ($skip). */
	skip?: number;
	/** Stop after this many records; all when not given. */
	limit?: number;
	/**
	 * Turns each record into what the caller keeps (Get Many's output item) as its page arrives,
	 * so a long list never holds every raw page and every output item at once.
	 */
	shape?: (record: IDataObject) => IDataObject;
}

async function baseUrl(ctx: RequestContext): Promise<string> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	return `${threeCxBaseUrl(credentials.url)}${XAPI_PATH}`;
}

/** An entity answer (a user, a department, a function's result): a JSON object. */
const ENTITY = jsonObject();

/**
 * One XAPI call (path below /xapi/v1, e.g. `/Users(12)`): a JSON answer (or none, for 204), or
 * with `answer: 'bytes'` the answer's bytes and headers (the CSV of Export Extensions).
 */
export async function request(ctx: RequestContext, call: ThreeCxCall & { answer: 'bytes' }, itemIndex?: number): Promise<RawResponse>;
export async function request(ctx: RequestContext, call: ThreeCxCall, itemIndex?: number): Promise<IDataObject>;
export async function request(ctx: RequestContext, call: ThreeCxCall, itemIndex?: number): Promise<IDataObject | RawResponse> {
	const method = call.method ?? 'GET';
	const url = `${await baseUrl(ctx)}${call.path}`;
	if (call.answer === 'bytes') {
		const response = (await vendorRequest.call(
			ctx,
			threeCxApi,
			{
				method,
				url,
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
	return await jsonRequest(ctx, url, call, itemIndex);
}

/** A JSON call to `url`; `timeout` when the caller has read Request Options › Timeout already (a list's pages). */
async function jsonRequest(
	ctx: RequestContext,
	url: string,
	call: Omit<ThreeCxCall, 'path' | 'answer'>,
	itemIndex?: number,
	timeout?: number,
): Promise<IDataObject> {
	const method = call.method ?? 'GET';
	const response = await vendorRequest.call(
		ctx,
		threeCxApi,
		{
			method,
			url,
			qs: call.qs,
			body: call.body,
			json: true,
			timeout,
			idempotent: call.idempotent,
			secrets: call.secrets,
			// Every read of an entity is a JSON object unless the caller says more (collections).
			expect: call.expect ?? (method === 'GET' ? ENTITY : undefined),
		},
		itemIndex,
	);
	const parsed = parseBody(response);
	return parsed && typeof parsed === 'object' ? (parsed as IDataObject) : {};
}

/** DELETE of one XAPI entity (`call.path`); a lost answer whose retry gets 404 is reported as deleted (confirmedBy). */
export async function deleteRecord(ctx: RequestContext, call: Pick<ThreeCxCall, 'path'>, itemIndex?: number): Promise<DeleteOutcome> {
	return await vendorDelete.call(ctx, threeCxApi, { url: `${await baseUrl(ctx)}${call.path}`, json: true }, itemIndex);
}

/**
 * Reads a collection page by page with `$top` ≤ 100 and `$skip`, on a stable order, until a
 * short page, the limit, or `@odata.count` says the end is reached; `total` is that count. 3CX
 * does not send `@odata.nextLink`, so the client has to page by offset. The shared transport
 * retries each GET after 429/5xx/dropped connections, so a fault mid-way re-reads the same page;
 * records are also de-duplicated by `Id` as a last line of defence. Get Many, the trigger and
 * the dropdowns read through this.
 */
export async function listRecords(ctx: RequestContext, filters: ListFilters, itemIndex?: number): Promise<RecordList> {
	const query: IDataObject = { ...filters.query };
	const filter = withDepartment(query.$filter as string | undefined, filters.departmentId);
	if (filter) query.$filter = filter;
	// Read once for all pages, not once per page: both are the same for every page of the list.
	const url = `${await baseUrl(ctx)}${filters.collection ?? '/Users'}`;
	const timeout = readRequestTimeout(ctx, itemIndex);
	const records: IDataObject[] = [];
	const seen = new Set<unknown>();
	let skip = filters.skip ?? 0;
	let total: number | undefined;
	for (let page = 0; ; page++) {
		const remaining = filters.limit === undefined ? MAX_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, filters.limit - records.length);
		if (remaining <= 0) break;
		// The first page always asks for @odata.count so the loop knows where the end is and
		// needs no extra empty request when the last page is exactly full.
		const qs: IDataObject = { ...query, $top: remaining, $skip: skip };
		if (filters.orderBy !== null) qs.$orderby = stableOrderBy(filters.orderBy);
		if (page === 0) qs.$count = true;
		const answer = await jsonRequest(ctx, url, { qs, expect: COLLECTION }, itemIndex, timeout);
		const value = Array.isArray(answer.value) ? (answer.value as IDataObject[]) : [];
		if (typeof answer['@odata.count'] === 'number') total = answer['@odata.count'] as number;
		for (const record of value) {
			const key = record.Id;
			if (key !== undefined && key !== null) {
				if (seen.has(key)) continue;
				seen.add(key);
			}
			records.push(filters.shape ? filters.shape(record) : record);
		}
		skip += value.length;
		if (value.length < remaining) break;
		if (total !== undefined && skip >= total) break;
	}
	return { records, total };
}
