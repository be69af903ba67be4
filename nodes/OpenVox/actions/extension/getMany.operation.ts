import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readLimit, readOutputMode, returnAllProperties } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { shapeRecord } from '../../helpers/record';
import { listRecords } from '../../transport';
import { outputProperties } from './descriptions';

const EXTENSION_STATUSES = ['Registered', 'Unavailable', 'Idle', 'Ringing', 'Busy', 'Hold', 'Malfunction', 'Fxsnoport'];

const properties: INodeProperties[] = [
	...returnAllProperties(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		// The PBX returns the whole list in one answer (no paging); filters apply to that list.
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: EXTENSION_STATUSES.map((value) => ({ name: value, value })),
				default: [],
				description: 'Only extensions in one of these states',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'string',
				default: '',
				placeholder: 'pjsip',
				description: 'Only extensions of this type, e.g. pjsip, sip, iax or fxs (case-insensitive)',
			},
		],
	},
	...outputProperties(false),
];

const displayOptions = { show: { resource: ['extension'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** `extensionlist/query`: number, status, type and name of every extension, in one answer. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { status?: string[]; type?: string };
	const output = readOutputMode(this, itemIndex);
	const { records } = await listRecords(this, { ...filters, limit: Number.isFinite(limit) ? limit : undefined }, itemIndex);
	return records.map((record) => shapeRecord(record, output, false));
}
