import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { withoutODataAnnotations } from '../../helpers/user';

export const showDepartment = (operations: string[]): IDisplayOptions => ({ show: { resource: ['department'], operation: operations } });

/** A department (3CX group) picked from the list or given as its ID by expression. */
export function departmentIdField(displayOptions: IDisplayOptions, description = 'The department (3CX group)'): INodeProperties {
	return {
		displayName: 'Department Name or ID',
		name: 'departmentId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getGroups' },
		required: true,
		default: '',
		displayOptions,
		description: `${description}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

/** The department ID as the int32 Groups({Id}) needs, checked before any request. */
export function departmentIdParameter(ctx: IExecuteFunctions, itemIndex: number, name = 'departmentId'): number {
	const raw = ctx.getNodeParameter(name, itemIndex) as unknown;
	const text = typeof raw === 'number' ? String(raw) : String(raw ?? '').trim();
	if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 2147483647) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"Department Name or ID" must be a 3CX department (group) ID, a positive whole number, in item ${itemIndex}; got ${JSON.stringify(raw ?? '')}`,
			{ itemIndex, description: 'Pick the department from the list, or use the Id of a department from "Department → Get Many".' },
		);
	}
	return Number(text);
}

/** A Pbx.Group as the node outputs it: without OData annotations. */
export function shapeDepartment(group: IDataObject): IDataObject {
	return withoutODataAnnotations(group);
}
