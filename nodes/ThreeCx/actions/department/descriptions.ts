import type { INodeProperties } from 'n8n-workflow';

/**
 * Properties that several operations of the department resource share; each operation file
 * scopes them with updateDisplayOptions.
 */

/** A department (3CX group) picked from the list or given as its ID by expression. */
export function departmentIdField(description = 'The department (3CX group)'): INodeProperties {
	return {
		displayName: 'Department Name or ID',
		name: 'departmentId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getGroups' },
		required: true,
		default: '',
		description: `${description}. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
	};
}

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
