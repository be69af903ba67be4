import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { threeCxRequest } from '../../transport';
import { commaList, ODATA_OPTIONS } from '../user/fields';
import { departmentIdField, departmentIdParameter, shapeDepartment, showDepartment } from './fields';

const OPERATION = ['get'];

export const description: INodeProperties[] = [
	departmentIdField(showDepartment(OPERATION)),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showDepartment(OPERATION),
		options: [
			{ ...ODATA_OPTIONS.expand, placeholder: 'e.g. Members', description: 'OData $expand: comma-separated related entities to include, e.g. Members' },
			{ ...ODATA_OPTIONS.select, placeholder: 'e.g. Id,Name,Number' },
		],
	},
];

/** GET /Groups({Id}) (Pbx.Group). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const id = departmentIdParameter(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const select = commaList(options.select);
	if (select) qs.$select = select;
	const expand = commaList(options.expand);
	if (expand) qs.$expand = expand;
	return shapeDepartment(await threeCxRequest.call(this, { path: `/Groups(${id})`, qs }, itemIndex));
}
