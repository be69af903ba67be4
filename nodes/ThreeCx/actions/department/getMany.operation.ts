import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readLimit, returnAllProperties } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { shapeDepartment } from '../../helpers/department';
import { listRecords } from '../../transport';
import { odataQuery } from '../../transport/odata';
import { ODATA_OPTIONS } from '../user/descriptions';

const properties: INodeProperties[] = [
	...returnAllProperties(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			ODATA_OPTIONS.count,
			{ ...ODATA_OPTIONS.filter, placeholder: "e.g. startswith(Name,'Sales')" },
			{ ...ODATA_OPTIONS.orderby, placeholder: 'e.g. Name' },
			{ ...ODATA_OPTIONS.search, placeholder: 'e.g. sales' },
			{ ...ODATA_OPTIONS.select, placeholder: 'e.g. Name,Number' },
		],
	},
];

const displayOptions = { show: { resource: ['department'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /Groups paged ($top ≤ 100, $skip) on the user's order plus Id, like Get Many users. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const limit = readLimit(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs = odataQuery({ ...options, expand: undefined });
	const result = await listRecords(
		this,
		{ collection: '/Groups', query: qs, orderBy: typeof options.orderby === 'string' ? options.orderby : undefined, limit: Number.isFinite(limit) ? limit : undefined },
		itemIndex,
	);
	const count = options.count === true ? result.total : undefined;
	return result.records.map((group) => {
		const shaped = shapeDepartment(group);
		return count === undefined ? shaped : { ...shaped, '@odata.count': count };
	});
}
