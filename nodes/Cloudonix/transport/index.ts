import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/requestContext';
import { vendorDelete, vendorRequest } from '../../shared/transport';
import type { DeleteOutcome, RecordList } from '../../shared/vendorApi';
import type { CloudonixCall } from './api';
import { cloudonixApi, SUBSCRIBER_LIST } from './api';
import { cloudonixBaseUrl, cloudonixDomain, CREDENTIAL_TYPE } from './credential';
import { subscriberFilter } from './filters';
import { acquireTurn } from './pacing';

/**
 * The Cloudonix node's transport facade (the same three functions as every vendor's): `request`,
 * `deleteRecord` and `listRecords`. Every request (retries included) is paced per domain
 * (pacing.ts); paths name the credential's domain, so callers name only a subscriber.
 */

/** What `listRecords` keeps of the domain's subscribers (Cloudonix has no query filters; see filters.ts). */
export interface ListFilters {
	/** Only active subscribers. */
	activeOnly?: boolean;
	/** Only subscribers whose MSISDN starts with this (a leading + is ignored). */
	msisdnPrefix?: string;
	/** Only subscribers whose MSISDN has at most this many characters; 0 or none: no limit. */
	maxMsisdnLength?: number;
	/** At most this many (after filtering); all when not given. */
	limit?: number;
}

/** The URL and pacing of one call: the subscribers of the credential's domain, or one of them. */
async function target(ctx: RequestContext, subscriber: string | undefined) {
	const credentials = await ctx.getCredentials(CREDENTIAL_TYPE);
	const baseUrl = cloudonixBaseUrl(credentials.baseUrl);
	const domain = cloudonixDomain(ctx, credentials);
	const list = `${baseUrl}/customers/self/domains/${encodeURIComponent(domain)}/subscribers`;
	return {
		url: subscriber === undefined ? list : `${list}/${encodeURIComponent(subscriber)}`,
		headers: { Accept: 'application/json' },
		json: true,
		beforeAttempt: async () => await acquireTurn(ctx, baseUrl, domain),
	};
}

/** One Cloudonix call (the domain's subscribers, or one by id or MSISDN) with a JSON answer. */
export async function request<T>(ctx: RequestContext, call: CloudonixCall, itemIndex?: number): Promise<T> {
	return (await vendorRequest.call(
		ctx,
		cloudonixApi,
		{
			...(await target(ctx, call.subscriber)),
			method: call.method ?? 'GET',
			body: call.body,
			secrets: call.secrets,
			expect: call.expect,
		},
		itemIndex,
	)) as T;
}

/** `DELETE …/subscribers/{id}`; a lost answer whose retry gets 404 is reported as deleted (confirmedBy). */
export async function deleteRecord(ctx: RequestContext, call: { subscriber: string }, itemIndex?: number): Promise<DeleteOutcome> {
	return await vendorDelete.call(ctx, cloudonixApi, await target(ctx, call.subscriber), itemIndex);
}

/**
 * The whole domain in one GET (the documented 404 "No subscribers found" means none), filtered
 * here. Get Many, the trigger and the subscriber directory of a run read through this.
 */
export async function listRecords(ctx: RequestContext, filters: ListFilters, itemIndex?: number): Promise<RecordList> {
	const list = await request<IDataObject[]>(ctx, { expect: SUBSCRIBER_LIST }, itemIndex);
	const records = list.filter(subscriberFilter(filters));
	return { records: filters.limit === undefined ? records : records.slice(0, filters.limit) };
}
