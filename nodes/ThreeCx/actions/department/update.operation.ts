import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { departmentBody, departmentIdParameter, shapeDepartment } from '../../helpers/department';
import { beforeEntityWrite } from '../../helpers/unchanged';
import { request } from '../../transport';
import { commonDepartmentFields, departmentIdField } from './descriptions';

const NAME_FIELD: INodeProperties = {
	displayName: 'Name',
	name: 'Name',
	type: 'string',
	default: '',
	description: 'New name of the department; 3CX requires it to be unique',
};

const properties: INodeProperties[] = [
	departmentIdField(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [...commonDepartmentFields(), NAME_FIELD].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

const displayOptions = { show: { resource: ['department'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties, 'department'));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/** PATCH /Groups({Id}) with the changed properties (204), then GET /Groups({Id}) for the output. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const id = departmentIdParameter(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = departmentBody(this, fields, itemIndex, 'Update Fields');
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), `Nothing to update in item ${itemIndex}: add at least one field under "Update Fields"`, { itemIndex });
	}
	await beforeEntityWrite(this, itemIndex, { path: `/Groups(${id})`, label: 'department' });
	await request(this, { method: 'PATCH', path: `/Groups(${id})`, body }, itemIndex);
	return shapeDepartment(await request(this, { path: `/Groups(${id})` }, itemIndex));
}
