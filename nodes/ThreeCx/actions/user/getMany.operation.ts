import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readOptionalNumber } from '../../../shared/numbers';
import { readIncludeSecrets, readLimit, readOutputMode, returnAllProperties } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { readDepartmentId } from '../../helpers/department';
import { shapeRecord } from '../../helpers/record';
import { listRecords } from '../../transport';
import { odataQuery } from '../../transport/odata';
import { includeSecretsOption, ODATA_OPTIONS, outputField } from './descriptions';

const properties: INodeProperties[] = [
	...returnAllProperties(),
	outputField(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			ODATA_OPTIONS.count,
			{
				displayName: 'Department Name or ID',
				name: 'groupId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getGroups' },
				default: '',
				description:
					'Only users who are members of this department (adds Groups/any(g:g/GroupId eq …) to $filter). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			ODATA_OPTIONS.expand,
			ODATA_OPTIONS.filter,
			includeSecretsOption(),
			ODATA_OPTIONS.orderby,
			ODATA_OPTIONS.search,
			ODATA_OPTIONS.select,
			ODATA_OPTIONS.skip,
		],
	},
];

const displayOptions = { show: { resource: ['user'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * GET /Users page by page ($top ≤ 100, $skip, ordered by the user's $orderby plus Id), so
 * Return All neither loses nor repeats a user. Limit becomes $top, split into pages.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const limit = readLimit(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const output = readOutputMode(this, itemIndex);
	const skip = readOptionalNumber(this, 'options.skip', itemIndex, { displayName: 'Skip', min: 0 });
	const includeSecrets = readIncludeSecrets(this, itemIndex);
	const result = await listRecords(
		this,
		{
			query: odataQuery(options),
			departmentId: readDepartmentId(this, 'options.groupId', itemIndex),
			orderBy: typeof options.orderby === 'string' ? options.orderby : undefined,
			skip,
			limit: Number.isFinite(limit) ? limit : undefined,
			shape: (user) => shapeRecord(user, output, includeSecrets),
		},
		itemIndex,
	);
	const count = options.count === true ? result.total : undefined;
	return count === undefined ? result.records : result.records.map((user) => ({ ...user, '@odata.count': count }));
}
