import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/requestContext';
import { vendorDelete, vendorRequest } from '../../shared/transport';
import type { DeleteOutcome, RecordList } from '../../shared/vendorApi';
import { checkXmlFields } from '../../shared/xmlText';
import type { JsonCall, RestCall, SipXcomCall, SoapCall } from './api';
import {
	CXF_NOT_FOUND,
	REST_OBJECT_NOT_FOUND,
	SOAP_ENVELOPE,
	USER_DOCUMENT,
	answerError,
	asText,
	checkRestResult,
	parseOrFail,
	restResultOf,
	sipXcomApi,
	soapSecrets,
} from './api';
import { appUrl, CREDENTIAL_TYPE } from './credential';
import type { Json, RestResult, RestUser } from './xml';
import { buildSoapEnvelope, describeXmlError, parseSoapResponse, parseUserList } from './xml';

/**
 * The sipXcom node's transport facade (the same three functions as every vendor's): `request`,
 * `deleteRecord` and `listRecords`. One `request` reaches all three of sipXconfig's admin APIs
 * (Restlet REST in XML, CXF REST in JSON, Axis SOAP); api.ts says how each is called and read.
 */

/** What `listRecords` reads: the users (`/rest/user`), as sipXconfig filters and sorts them. */
export interface ListFilters {
	/** Only users of this branch (sipXconfig `branch`). */
	branchId?: number;
	/** Only the users with these internal IDs (sipXconfig `ids`). */
	ids?: number[];
	/** `sortby`: username (default), lastname or firstname. */
	sortBy?: string;
	/** `sortdir`: forward (default) or reverse. */
	sortDirection?: string;
	/** At most this many users; all when not given. */
	limit?: number;
}

/** Users per request when paging (`pagesize`). sipXconfig documents no cap; 250 keeps each XML answer small. */
const PAGE_SIZE = 250;

async function baseUrl(ctx: RequestContext): Promise<string> {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	return appUrl(credentials.serverUrl);
}

/** The request options of a Restlet REST call: XML in its default format, both ways. */
async function restOptions(ctx: RequestContext, call: Omit<RestCall, 'api'>) {
	return {
		url: `${await baseUrl(ctx)}/rest${call.path}`,
		qs: call.qs,
		headers: {
			Accept: 'text/xml',
			...(call.xml !== undefined ? { 'Content-Type': 'text/xml; charset=utf-8' } : {}),
		},
		body: call.xml,
		plannedBody: call.xml === undefined ? undefined : { xml: call.xml },
		encoding: 'text' as const,
		json: false,
		idempotent: call.idempotent,
		secrets: call.secrets,
		expect: call.expect,
	};
}

/** The request options of a CXF REST call (path below `/sipxconfig/api`, e.g. `/phones`), JSON both ways. */
async function jsonOptions(ctx: RequestContext, call: Omit<JsonCall, 'api'>) {
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

/** Calls the Restlet REST API in its default XML format and returns the XML text. */
async function restXml(ctx: RequestContext, call: Omit<RestCall, 'api'>, itemIndex?: number): Promise<string> {
	const body = await vendorRequest.call(ctx, sipXcomApi, { method: call.method ?? 'GET', ...(await restOptions(ctx, call)) }, itemIndex);
	return asText(body);
}

/** Calls the CXF REST API with JSON and returns the parsed answer. */
async function apiJson(ctx: RequestContext, call: JsonCall, itemIndex?: number): Promise<unknown> {
	const response = await vendorRequest.call(ctx, sipXcomApi, { method: call.method ?? 'GET', ...(await jsonOptions(ctx, call)) }, itemIndex);
	if (typeof response === 'string') {
		if (response.trim() === '') return undefined;
		try {
			return JSON.parse(response);
		} catch {
			return response;
		}
	}
	return response;
}

/**
 * Calls an Axis SOAP operation and returns the response wrapper's content (`{}` for the
 * empty responses of addUser/manageUser). Faults come back as HTTP 500 and become errors
 * with the faultstring; a fault inside a 200 is handled the same way.
 */
async function soapCall(ctx: RequestContext, call: SoapCall, itemIndex?: number): Promise<Json> {
	// XML 1.0 cannot carry control characters: refuse them naming the field, before sending.
	checkXmlFields(ctx.getNode(), call.content, itemIndex ?? 0, (path) => path.join(' › '));
	const url = `${await baseUrl(ctx)}/services/${call.service}`;
	const text = asText(
		await vendorRequest.call(
			ctx,
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
				// Every SOAP call is a POST; FindUser only reads, so a dry run sends it.
				read: /^(Find|Get)/.test(call.operation),
				plannedBody: { [call.operation]: call.content as IDataObject },
			},
			itemIndex,
		),
	);
	if (text.trim() === '') return {};
	const parsed = await parseOrFail(ctx, text, parseSoapResponse, 'SOAP response', itemIndex);
	if (parsed.fault) {
		throw answerError(ctx, describeXmlError(text) ?? 'SOAP fault', 'sipXconfig answered with a SOAP fault.', itemIndex);
	}
	return parsed.body ?? {};
}

/**
 * One call of one of sipXconfig's APIs (see SipXcomCall): a REST read's XML text, a REST write's
 * checked result, a CXF call's JSON, or a SOAP operation's response content.
 */
export async function request(ctx: RequestContext, call: RestCall & { api: 'rest' }, itemIndex?: number): Promise<string>;
export async function request(ctx: RequestContext, call: RestCall & { api: 'restWrite' }, itemIndex?: number): Promise<RestResult>;
export async function request(ctx: RequestContext, call: JsonCall, itemIndex?: number): Promise<unknown>;
export async function request(ctx: RequestContext, call: SoapCall, itemIndex?: number): Promise<Json>;
export async function request(ctx: RequestContext, call: SipXcomCall, itemIndex?: number): Promise<unknown> {
	switch (call.api) {
		case 'rest':
			return await restXml(ctx, call, itemIndex);
		case 'restWrite':
			return checkRestResult(ctx, await restXml(ctx, { idempotent: false, ...call }, itemIndex), itemIndex);
		case 'json':
			return await apiJson(ctx, call, itemIndex);
		case 'soap':
			return await soapCall(ctx, call, itemIndex);
	}
}

/**
 * DELETE of a record; a lost answer is followed by the same DELETE, and sipXconfig's "not found"
 * then means the lost attempt deleted it (`confirmedBy`). REST (`api: 'rest'`, e.g. `/user/5`):
 * sipXconfig takes IDs from a database sequence and never hands one out again, so sending the
 * DELETE again cannot remove another record; the not-found is HTTP 400 ERROR_OBJECT_NOT_FOUND, a
 * refusal (HTTP 500 with ERROR_DELETE_FAILED or ERROR_REFERENCE_EXISTS) is its answer and is not
 * repeated, and `response` is the checked `<response>` result. CXF (`api: 'json'`, e.g.
 * `/phones/0004f2ae4838`): the not-found is an empty 404.
 */
export async function deleteRecord(
	ctx: RequestContext,
	call: Pick<RestCall | JsonCall, 'api' | 'path'>,
	itemIndex?: number,
): Promise<DeleteOutcome> {
	if (call.api === 'json') {
		return await vendorDelete.call(ctx, sipXcomApi, await jsonOptions(ctx, { path: call.path }), itemIndex, CXF_NOT_FOUND);
	}
	const options = await restOptions(ctx, { path: call.path, idempotent: true });
	const { response, confirmedBy } = await vendorDelete.call(
		ctx,
		sipXcomApi,
		{ ...options, finalAnswer: (failure) => restResultOf(failure) !== undefined },
		itemIndex,
		REST_OBJECT_NOT_FOUND,
	);
	if (confirmedBy) return { response: undefined, confirmedBy };
	return { response: checkRestResult(ctx, asText(response), itemIndex) };
}

/**
 * The users (GET /rest/user) page by page (`page`, `pagesize`) until `limit` users, an empty page
 * or the last page; `total` is the first page's `totalResults`. Always sorted (sipXconfig sorts
 * only when both sortby and sortdir are sent), so pages stay stable while paging. Get Many, the
 * trigger and the dropdowns read through this.
 */
export async function listRecords(ctx: RequestContext, filters: ListFilters, itemIndex?: number): Promise<RecordList> {
	const limit = filters.limit ?? Infinity;
	const qs: IDataObject = { sortby: filters.sortBy || 'username', sortdir: filters.sortDirection || 'forward' };
	if (filters.branchId !== undefined) qs.branch = filters.branchId;
	if (filters.ids !== undefined) qs.ids = filters.ids.join(',');
	const pageSize = Math.max(1, Math.min(limit, PAGE_SIZE));
	const users: RestUser[] = [];
	const seen = new Set<number | undefined>();
	let total = 0;
	for (let page = 1; ; page++) {
		const text = await restXml(ctx, { method: 'GET', path: '/user', qs: { ...qs, page, pagesize: pageSize }, expect: USER_DOCUMENT }, itemIndex);
		const result = await parseOrFail(ctx, text, parseUserList, 'user list', itemIndex);
		if (page === 1) total = result.metadata.totalResults;
		for (const user of result.users) {
			// A user created while paging shifts later pages; do not emit anyone twice.
			if (user.id !== undefined && seen.has(user.id)) continue;
			seen.add(user.id);
			users.push(user);
		}
		if (users.length >= limit) break;
		if (result.users.length === 0 || page >= result.metadata.totalPages) break;
	}
	return { records: users.slice(0, limit).map((user) => user as IDataObject), total };
}
