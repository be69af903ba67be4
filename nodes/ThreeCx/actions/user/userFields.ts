import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Role names 3CX uses in `Groups[].Rights.RoleName` (third-party list, partly confirmed). */
export const ROLE_OPTIONS = [
	{ name: 'Department Admin', value: 'group_admins' },
	{ name: 'Department Owner', value: 'group_owners' },
	{ name: 'Manager', value: 'managers' },
	{ name: 'Receptionist', value: 'receptionists' },
	{ name: 'System Admin', value: 'system_admins' },
	{ name: 'System Owner', value: 'system_owners' },
	{ name: 'User', value: 'users' },
];

/** The common Pbx.User fields offered as form fields; everything else goes in the JSON field. */
export function commonUserFields(): INodeProperties[] {
	return [
		{
			displayName: 'Department Name or ID',
			name: 'groupId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getGroups' },
			default: '',
			description:
				'Department (group) the user belongs to; replaces the current memberships. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Email',
			name: 'EmailAddress',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'Email address; 3CX requires it to be unique',
		},
		{
			displayName: 'Enabled',
			name: 'Enabled',
			type: 'boolean',
			default: true,
			description: 'Whether the extension is enabled',
		},
		{
			displayName: 'First Name',
			name: 'FirstName',
			type: 'string',
			default: '',
			description: 'First name of the user',
		},
		{
			displayName: 'Hide in Phonebook',
			name: 'HideInPhonebook',
			type: 'boolean',
			default: false,
			description: 'Whether to hide the user from the company phonebook',
		},
		{
			displayName: 'Language',
			name: 'Language',
			type: 'string',
			default: '',
			placeholder: 'e.g. EN',
			description: 'Language code of the user interface and prompts',
		},
		{
			displayName: 'Last Name',
			name: 'LastName',
			type: 'string',
			default: '',
			description: 'Last name of the user',
		},
		{
			displayName: 'Mobile',
			name: 'Mobile',
			type: 'string',
			default: '',
			placeholder: 'e.g. +4915112345678',
			description: 'Mobile number of the user',
		},
		{
			displayName: 'Other Properties (JSON)',
			name: 'additionalJson',
			type: 'json',
			default: '{}',
			description:
				'Any other Pbx.User properties as a JSON object, e.g. {"VMEnabled": true, "RecordCalls": false}. Fields set above win over the same keys here.',
		},
		{
			displayName: 'Outbound Caller ID',
			name: 'OutboundCallerID',
			type: 'string',
			default: '',
			description: 'Caller ID shown on outbound calls',
		},
		{
			displayName: 'Require 2FA',
			name: 'Require2FA',
			type: 'boolean',
			default: false,
			description: 'Whether the user must use two-factor authentication',
		},
		{
			displayName: 'Role',
			name: 'roleName',
			type: 'options',
			options: ROLE_OPTIONS,
			default: 'users',
			description: 'Role of the user in the department; used together with Department',
		},
		{
			displayName: 'Voicemail Enabled',
			name: 'VMEnabled',
			type: 'boolean',
			default: true,
			description: 'Whether voicemail is enabled',
		},
	];
}

/** Builds a Pbx.User body from the form fields and the JSON field. */
export function userBody(ctx: IExecuteFunctions, fields: IDataObject, itemIndex: number, parameter: string): IDataObject {
	let extra: IDataObject = {};
	const json = fields.additionalJson;
	if (json !== undefined && json !== '' && json !== '{}') {
		let parsed: unknown = json;
		if (typeof json === 'string') {
			try {
				parsed = JSON.parse(json);
			} catch (error) {
				throw new NodeOperationError(ctx.getNode(), `"Other Properties (JSON)" in "${parameter}" is not valid JSON: ${(error as Error).message}`, {
					itemIndex,
				});
			}
		}
		if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
			throw new NodeOperationError(ctx.getNode(), `"Other Properties (JSON)" in "${parameter}" must be a JSON object`, { itemIndex });
		}
		extra = parsed as IDataObject;
	}
	const body: IDataObject = { ...extra };
	for (const [key, value] of Object.entries(fields)) {
		if (key === 'additionalJson' || key === 'groupId' || key === 'roleName') continue;
		body[key] = value;
	}
	if (fields.groupId !== undefined && fields.groupId !== '') {
		const groupId = Number(fields.groupId);
		if (!Number.isInteger(groupId)) {
			throw new NodeOperationError(ctx.getNode(), `"Department Name or ID" must be a group ID, got ${JSON.stringify(fields.groupId)}`, {
				itemIndex,
			});
		}
		body.Groups = [{ GroupId: groupId, Rights: { RoleName: (fields.roleName as string) || 'users' } }];
	}
	return body;
}
