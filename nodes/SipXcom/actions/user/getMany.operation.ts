import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readLimit, readOutputMode, returnAllProperties } from '../../../shared/properties';
import { idList } from '../../helpers/parameters';
import { shapeRecord } from '../../helpers/record';
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
		options: [
			{
				displayName: 'Branch Name or ID',
				name: 'branch',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getBranches' },
				default: '',
				description:
					'Only users of this branch (sipXconfig <code>branch</code> parameter). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'User IDs',
				name: 'ids',
				type: 'string',
				default: '',
				placeholder: 'e.g. 5, 6, 12',
				description: 'Only the users with these internal IDs, comma-separated',
			},
		],
	},
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add Sort Option',
		default: {},
		options: [
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				default: 'username',
				options: [
					{ name: 'User Name', value: 'username' },
					{ name: 'Last Name', value: 'lastname' },
					{ name: 'First Name', value: 'firstname' },
				],
				description: 'Field to sort by (sipXconfig <code>sortby</code>)',
			},
			{
				displayName: 'Direction',
				name: 'sortDirection',
				type: 'options',
				default: 'forward',
				options: [
					{ name: 'Forward', value: 'forward' },
					{ name: 'Reverse', value: 'reverse' },
				],
				description: 'Sort direction (sipXconfig <code>sortdir</code>)',
			},
		],
	},
	outputProperty(),
];

const displayOptions = { show: { resource: ['user'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = readLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { branch?: string | number; ids?: string };
	const sort = this.getNodeParameter('sort', itemIndex, {}) as { sortBy?: string; sortDirection?: string };
	const branchId =
		filters.branch !== undefined && filters.branch !== '' ? idList(this, filters.branch, 'Branch Name or ID', itemIndex)[0] : undefined;
	const ids = filters.ids ? idList(this, filters.ids, 'User IDs', itemIndex) : undefined;
	const { records } = await listRecords(
		this,
		{ branchId, ids, sortBy: sort.sortBy, sortDirection: sort.sortDirection, limit: Number.isFinite(limit) ? limit : undefined },
		itemIndex,
	);
	const output = readOutputMode(this, itemIndex);
	return records.map((user) => shapeRecord(user, output, false));
}
