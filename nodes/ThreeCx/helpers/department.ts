import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { departmentId, withoutODataAnnotations } from '../transport/odata';
import { otherPropertiesJson } from './json';

/** The department ID as the int32 Groups({Id}) needs, checked before any request. */
export function departmentIdParameter(ctx: IExecuteFunctions, itemIndex: number, name = 'departmentId'): number {
	return departmentId(ctx.getNode(), ctx.getNodeParameter(name, itemIndex) as unknown, itemIndex, true);
}

/** An optional Department parameter at `name` (e.g. a filter): its group ID, or undefined when none is chosen. */
export function readDepartmentId(ctx: IExecuteFunctions, name: string, itemIndex: number): number | undefined {
	return departmentId(ctx.getNode(), ctx.getNodeParameter(name, itemIndex, '') as unknown, itemIndex);
}

/** Builds a Pbx.Group body from the form fields and the JSON field. */
export function departmentBody(ctx: IExecuteFunctions, fields: IDataObject, itemIndex: number, parameter: string): IDataObject {
	const extra = otherPropertiesJson(ctx, fields, itemIndex, parameter);
	if ('Members' in extra) {
		throw new NodeOperationError(ctx.getNode(), `"Members" cannot be set here (item ${itemIndex})`, {
			itemIndex,
			description: 'Use User → Add to Department and Remove From Department: they change one user without touching the other members.',
		});
	}
	const body: IDataObject = { ...extra };
	for (const [key, value] of Object.entries(fields)) {
		if (key === 'additionalJson') continue;
		if (typeof value === 'string' && value.trim() === '') continue;
		body[key] = value;
	}
	return body;
}

/** A Pbx.Group as the node outputs it: without OData annotations. */
export function shapeDepartment(group: IDataObject): IDataObject {
	return withoutODataAnnotations(group);
}
