import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readLimit, returnAllProperties } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { listRecords } from '../../transport';
import { withoutODataAnnotations } from '../../transport/odata';

const properties: INodeProperties[] = [
	...returnAllProperties(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Filter',
				name: 'filter',
				type: 'string',
				default: '',
				placeholder: "e.g. Vendor eq 'Yealink'",
				description: 'OData $filter on Pbx.DeviceInfo (MAC, Model, Vendor, UserAgent, NetworkAddress, Assigned, …)',
			},
			{
				displayName: 'Only Unassigned',
				name: 'onlyUnassigned',
				type: 'boolean',
				default: false,
				description: 'Whether to return only devices no user has yet (adds Assigned eq false to $filter)',
			},
		],
	},
];

const displayOptions = { show: { resource: ['phone'], operation: ['getDevices'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /DeviceInfos: phones the PBX discovered on the network, paged under the $top cap, ordered by Id. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const limit = readLimit(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const filters: string[] = [];
	if (typeof options.filter === 'string' && options.filter.trim() !== '') filters.push(`(${options.filter.trim()})`);
	if (options.onlyUnassigned === true) filters.push('Assigned eq false');
	const qs: IDataObject = filters.length ? { $filter: filters.join(' and ') } : {};
	const { records } = await listRecords(
		this,
		{ collection: '/DeviceInfos', query: qs, orderBy: 'Id', limit: Number.isFinite(limit) ? limit : undefined },
		itemIndex,
	);
	return records.map(withoutODataAnnotations);
}
