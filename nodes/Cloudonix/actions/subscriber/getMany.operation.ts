import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readOptionalNumber } from '../../../shared/numbers';
import { readLimit, returnAllProperties } from '../../../shared/properties';
import type { OperationContext } from '../../helpers/parameters';
import { outputOptions, shape } from '../../helpers/parameters';
import type { JsonObject } from '../../helpers/subscriber';
import { msisdnHasPrefix } from '../../helpers/subscriber';
import { outputProperty } from './descriptions';

const properties: INodeProperties[] = [
	...returnAllProperties(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Applied by the node after Cloudonix returns the whole domain (the API has no query filters)',
		options: [
			{
				displayName: 'Active Only',
				name: 'activeOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to return only active subscribers',
			},
			{
				displayName: 'MSISDN Prefix',
				name: 'msisdnPrefix',
				type: 'string',
				default: '',
				placeholder: 'e.g. 10',
				description: 'Return only subscribers whose MSISDN starts with this (a leading + is ignored)',
			},
			{
				displayName: 'Max MSISDN Length',
				name: 'maxMsisdnLength',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'Return only subscribers whose MSISDN has at most this many characters, e.g. 5 to leave out phone numbers and keep extensions. 0 means no limit.',
			},
		],
	},
	outputProperty(),
];

const displayOptions = { show: { resource: ['subscriber'], operation: ['getAll'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** The Filters collection (Active Only, MSISDN Prefix, Max MSISDN Length) as a test on one subscriber. */
export function subscriberFilter(filters: IDataObject): (sub: JsonObject) => boolean {
	const prefix = String(filters.msisdnPrefix ?? '').trim();
	const maxLength = Number(filters.maxMsisdnLength ?? 0);
	return (sub) =>
		!(filters.activeOnly === true && sub.active !== true) &&
		!(prefix && !msisdnHasPrefix(sub.msisdn, prefix)) &&
		!(maxLength > 0 && String(sub.msisdn ?? '').length > maxLength);
}

/** Cloudonix returns the whole domain in one array, so filters and the limit apply locally. */
export async function execute(this: IExecuteFunctions, itemIndex: number, { client }: OperationContext) {
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const maxMsisdnLength = readOptionalNumber(this, 'filters.maxMsisdnLength', itemIndex, { displayName: 'Max MSISDN Length', min: 0 });
	const matches = subscriberFilter({ ...filters, maxMsisdnLength });
	const options = outputOptions(this, itemIndex);
	const subscribers = await client.list(itemIndex);
	const out: IDataObject[] = [];
	for (const sub of subscribers) {
		if (out.length >= limit) break;
		if (matches(sub)) out.push(shape(sub, options));
	}
	return out;
}
