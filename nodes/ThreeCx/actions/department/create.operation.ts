import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { departmentBody, shapeDepartment } from '../../helpers/department';
import { request } from '../../transport';
import { commonDepartmentFields } from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Sales',
		description: 'Name of the department; 3CX requires it to be unique',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: commonDepartmentFields(),
	},
];

const displayOptions = { show: { resource: ['department'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/** POST /Groups with a Pbx.Group body (201 with the created group); the PBX assigns the Number. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const name = String(this.getNodeParameter('name', itemIndex) ?? '').trim();
	if (name === '') throw new NodeOperationError(this.getNode(), `"Name" is empty in item ${itemIndex}`, { itemIndex });
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = { ...departmentBody(this, fields, itemIndex, 'Additional Fields'), Name: name };
	return shapeDepartment(await request(this, { method: 'POST', path: '/Groups', body }, itemIndex));
}
