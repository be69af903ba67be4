import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { departmentIdParameter, shapeDepartment } from '../../helpers/department';
import { request } from '../../transport';
import { odataQuery } from '../../transport/odata';
import { ODATA_OPTIONS } from '../user/descriptions';
import { departmentIdField } from './descriptions';

const properties: INodeProperties[] = [
	departmentIdField(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ ...ODATA_OPTIONS.expand, placeholder: 'e.g. Members', description: 'OData $expand: comma-separated related entities to include, e.g. Members' },
			{ ...ODATA_OPTIONS.select, placeholder: 'e.g. Name,Number' },
		],
	},
];

const displayOptions = { show: { resource: ['department'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /Groups({Id}) (Pbx.Group). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const id = departmentIdParameter(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs = odataQuery({ select: options.select, expand: options.expand });
	return shapeDepartment(await request(this, { path: `/Groups(${id})`, qs }, itemIndex));
}
