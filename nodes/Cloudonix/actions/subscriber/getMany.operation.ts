import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readOptionalNumber } from '../../../shared/numbers';
import { readLimit, returnAllProperties } from '../../../shared/properties';
import { outputOptions, shape } from '../../helpers/parameters';
import { listRecords } from '../../transport';
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

/** Cloudonix returns the whole domain in one array, so filters and the limit apply locally (see transport/filters.ts). */
export async function execute(this: IExecuteFunctions, itemIndex: number) {
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { activeOnly?: boolean; msisdnPrefix?: string };
	const maxMsisdnLength = readOptionalNumber(this, 'filters.maxMsisdnLength', itemIndex, { displayName: 'Max MSISDN Length', min: 0 });
	const options = outputOptions(this, itemIndex);
	const { records } = await listRecords(
		this,
		{ ...filters, maxMsisdnLength, limit: Number.isFinite(limit) ? limit : undefined },
		itemIndex,
	);
	return records.map((sub) => shape(sub, options));
}
