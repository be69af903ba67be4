import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readLimit, readOutputMode, returnAllProperties } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import type { RequestContext } from '../../../shared/requestContext';
import { formatRecord } from '../../helpers/output';
import { EXTENSION_LIST, openVoxRequest } from '../../transport';
import { outputProperties } from './descriptions';

export const EXTENSION_STATUSES = ['Registered', 'Unavailable', 'Idle', 'Ringing', 'Busy', 'Hold', 'Malfunction', 'Fxsnoport'];

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
	const list = await listExtensions(this, itemIndex);
	return list
		.filter(extensionFilter(filters))
		.slice(0, limit)
		.map((record) => formatRecord(record, output, false));
}

/** `extensionlist/query`: every extension in one answer. */
export async function listExtensions(ctx: RequestContext, itemIndex?: number): Promise<IDataObject[]> {
	const answer = await openVoxRequest.call(ctx, { path: 'extensionlist/query', idempotent: true, expect: EXTENSION_LIST }, itemIndex);
	return Array.isArray(answer.extlist) ? (answer.extlist as IDataObject[]) : [];
}

/** The Filters collection (Status, Type) as a test on one list record. */
export function extensionFilter(filters: { status?: string[]; type?: string }): (record: IDataObject) => boolean {
	const type = filters.type?.trim().toLowerCase();
	return (record) =>
		(!filters.status?.length || filters.status.includes(String(record.status))) &&
		(!type || String(record.type ?? '').toLowerCase() === type);
}
