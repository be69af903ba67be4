import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { otherPropertiesJson } from './json';
import { withoutODataAnnotations } from './user';

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
