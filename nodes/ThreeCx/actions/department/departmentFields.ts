import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The common Pbx.Group fields offered as form fields; the rest goes in the JSON field. */
export function commonDepartmentFields(): INodeProperties[] {
	return [
		{
			displayName: 'Language',
			name: 'Language',
			type: 'string',
			default: '',
			placeholder: 'e.g. EN',
			description: 'Language of the department\'s prompts',
		},
		{
			displayName: 'Other Properties (JSON)',
			name: 'additionalJson',
			type: 'json',
			default: '{}',
			description:
				'Any other Pbx.Group properties as a JSON object, e.g. {"GloballyVisible": true}. Fields set above win over the same keys here.',
		},
		{
			displayName: 'Time Zone ID',
			name: 'TimeZoneId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 51',
			description: 'ID of the department\'s time zone (Defs/TimeZones)',
		},
	];
}

/** Builds a Pbx.Group body from the form fields and the JSON field. */
export function departmentBody(ctx: IExecuteFunctions, fields: IDataObject, itemIndex: number, parameter: string): IDataObject {
	let extra: IDataObject = {};
	const json = fields.additionalJson;
	if (json !== undefined && json !== '' && json !== '{}') {
		let parsed: unknown = json;
		if (typeof json === 'string') {
			try {
				parsed = JSON.parse(json);
			} catch (error) {
				throw new NodeOperationError(ctx.getNode(), `"Other Properties (JSON)" in "${parameter}" of item ${itemIndex} is not valid JSON: ${(error as Error).message}`, { itemIndex });
			}
		}
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
			throw new NodeOperationError(ctx.getNode(), `"Other Properties (JSON)" in "${parameter}" of item ${itemIndex} must be a JSON object`, { itemIndex });
		}
		extra = parsed as IDataObject;
	}
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
