import type { IDataObject } from 'n8n-workflow';

/*
 * The Cloudonix API has no query filters: a list is the whole domain, and the node's Filters
 * (Get Many's and the trigger's) apply to it here.
 */

/** True for "starts with" filters on MSISDNs, ignoring a leading "+" on either side. */
export function msisdnHasPrefix(msisdn: unknown, prefix: string): boolean {
	const clean = (value: string) => value.trim().replace(/^\+/, '');
	return clean(String(msisdn ?? '')).startsWith(clean(prefix));
}

/** Active Only, MSISDN Prefix and Max MSISDN Length (0: no limit) as a test on one subscriber. */
export function subscriberFilter(filters: { activeOnly?: boolean; msisdnPrefix?: unknown; maxMsisdnLength?: unknown }): (sub: IDataObject) => boolean {
	const prefix = String(filters.msisdnPrefix ?? '').trim();
	const maxLength = Number(filters.maxMsisdnLength ?? 0);
	return (sub) =>
		!(filters.activeOnly === true && sub.active !== true) &&
		!(prefix && !msisdnHasPrefix(sub.msisdn, prefix)) &&
		!(maxLength > 0 && String(sub.msisdn ?? '').length > maxLength);
}
