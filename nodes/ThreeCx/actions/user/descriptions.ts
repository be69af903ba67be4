import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { includeSecretsProperty, outputProperty } from '../../../shared/properties';
import { SECRET_FIELDS } from '../../helpers/record';

/**
 * Properties that several operations of the user resource share. Like every property of an
 * operation file they carry no resource or operation: each operation file scopes its
 * properties with one updateDisplayOptions call.
 */

export function outputField(): INodeProperties {
	return outputProperty({
		normalised: 'Number, name, first and last name, email, enabled, ID and the raw user, ready for Compare Extensions',
		raw: 'The 3CX user (Pbx.User) as the PBX returned it',
		description: 'Shape of each output item',
	});
}

/** Include Secrets of the operations that output users (phones are in them with $expand=Phones). */
export function includeSecretsOption(): INodeProperties {
	return includeSecretsProperty({
		keeps: "the SIP, web client and desk phone passwords, the voicemail PIN and the phones' provisioning links and settings secret",
		fields: SECRET_FIELDS,
	});
}

/** The OData system query options 3CX accepts on the Users collection (swagger ListUser). */
export const ODATA_OPTIONS: Record<string, INodeProperties> = {
	top: {
		displayName: 'Top',
		name: 'top',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 100,
		description: 'OData $top: show only the first n items. The PBX answers HTTP 400 above 100.',
	},
	skip: {
		displayName: 'Skip',
		name: 'skip',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'OData $skip: skip the first n items',
	},
	search: {
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: 'e.g. smith',
		description:
			'OData $search: search items by search phrases. A phrase with spaces that is not quoted is quoted automatically.',
	},
	filter: {
		displayName: 'Filter',
		name: 'filter',
		type: 'string',
		default: '',
		placeholder: "e.g. Enabled eq true and startswith(Number,'1')",
		description:
			'OData $filter: filter items by property values (property names are case-sensitive, strings in single quotes)',
	},
	count: {
		displayName: 'Count',
		name: 'count',
		type: 'boolean',
		default: true,
		description: 'Whether to ask the PBX for the total count of matching items (OData $count)',
	},
	select: {
		displayName: 'Select',
		name: 'select',
		type: 'string',
		default: '',
		placeholder: 'e.g. Number,FirstName,LastName,EmailAddress',
		description: 'OData $select: comma-separated properties to return',
	},
	orderby: {
		displayName: 'Order By',
		name: 'orderby',
		type: 'string',
		default: '',
		placeholder: 'e.g. LastName asc, FirstName',
		description: 'OData $orderby: order items by property values (comma-separated, each optionally followed by asc or desc)',
	},
	expand: {
		displayName: 'Expand',
		name: 'expand',
		type: 'string',
		default: '',
		placeholder: 'e.g. Groups',
		description: 'OData $expand: comma-separated related entities to include, e.g. Groups',
	},
};

export const userIdField = (): INodeProperties => ({
	displayName: 'User ID',
	name: 'userId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 42',
	description: 'The 3CX user ID (not the extension number)',
});

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

/** Where bulk actions (Reprovision All Phones, Batch Delete) take their user IDs from. */
export function idSourceFields(verb: string): INodeProperties[] {
	return [
		{
			displayName: 'User IDs From',
			name: 'idSource',
			type: 'options',
			default: 'list',
			options: [
				{
					name: 'List or JSON Array',
					value: 'list',
					description: 'IDs typed in or from an expression: a JSON array such as [123, 456] or a list such as 123, 456',
				},
				{
					name: 'Input Items',
					value: 'inputItems',
					description: 'One user ID per input item, read from a field (e.g. the ID output by Get Many)',
				},
			],
			description: `Where the IDs of the users to ${verb} come from`,
		},
		{
			displayName: 'User IDs',
			name: 'ids',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. [123, 456] or 123, 456',
			displayOptions: { show: { idSource: ['list'] } },
			description:
				'The 3CX user IDs (not extension numbers) as a JSON array or a comma-separated list. Numeric strings are accepted.',
		},
		{
			displayName: 'ID Field',
			name: 'idField',
			type: 'string',
			default: 'id',
			required: true,
			placeholder: 'e.g. userId',
			requiresDataPath: 'single',
			displayOptions: { show: { idSource: ['inputItems'] } },
			description:
				'Field of each input item that holds the user ID. The default suits this node\'s normalised output; raw records fall back to their own ID field when this field is missing. Dot paths are allowed.',
		},
		{
			displayName: 'One Request per Item',
			name: 'perItem',
			type: 'boolean',
			default: false,
			description:
				'Whether to send one request per input item instead of one request with the IDs of all items (the default, which the PBX handles as one job)',
		},
	];
}

/** The guard of bulk actions that can sign out or disable many users at once. */
export function maxUsersField(verb: string): INodeProperties {
	return {
		displayName: 'Maximum Users',
		name: 'maxUsers',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 100,
		description: `Stop without any change when the run would ${verb} more users than this, counting the users of all input items together, also with One Request per Item (a guard against a wrong filter upstream). Raise it deliberately for a large batch.`,
	};
}

/** Shown from node version 2 on (version 1 keeps its own parameters). */
export const FROM_V2: IDisplayOptions = { show: { '@version': [{ _cnd: { gte: 2 } }] } };

/** Shown from node version 4 on. */
export const FROM_V4: IDisplayOptions = { show: { '@version': [{ _cnd: { gte: 4 } }] } };

/** Shown in node version 1 only. */
export const V1_ONLY: IDisplayOptions = { show: { '@version': [1] } };

/**
 * The user picker: from a searchable list (name or number), by extension number, or by ID.
 * A telecom admin thinks in extension numbers, so that mode comes right after the list.
 */
export function userLocatorField(displayOptions?: IDisplayOptions): INodeProperties {
	const field: INodeProperties = {
		displayName: 'User',
		name: 'user',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The 3CX user (extension): pick one from the list, or give its extension number or its ID',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchUsers', searchable: true },
			},
			{
				displayName: 'By Extension Number',
				name: 'number',
				type: 'string',
				placeholder: 'e.g. 100',
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 42',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*[0-9]+\\s*$', errorMessage: 'A 3CX user ID is a positive whole number (not the extension number)' },
					},
				],
			},
		],
	};
	if (displayOptions) field.displayOptions = displayOptions;
	return field;
}

/** Pbx.RegenerateOptions flags the node offers (SendWelcomeEmail is its own switch). */
export const REGENERATE_CREDENTIALS = [
	{ name: 'Configuration (Provisioning) Link', value: 'ConfigurationLink', description: 'New secret path for the phone provisioning link; phones need the new link' },
	{ name: 'Desk Phone Password', value: 'DeskphonePassword', description: 'The web password of the desk phone' },
	{ name: 'RPS Key', value: 'RpsKey', description: 'The key of the phone vendor redirection (RPS) entry' },
	{ name: 'SIP Authentication', value: 'SipAuth', description: 'SIP authentication ID and password: registered phones and apps are signed out' },
	{ name: 'Voicemail PIN', value: 'VoicemailPIN' },
	{ name: 'Web Client Password', value: 'WebclientPassword', description: 'The password of the 3CX web client and apps' },
];

export function regenerateFields(): INodeProperties[] {
	return [
		{
			displayName: 'Regenerate',
			name: 'regenerate',
			type: 'multiOptions',
			options: REGENERATE_CREDENTIALS,
			default: ['SipAuth'],
			description: 'Which credentials the PBX replaces with new random ones. The new values are not returned.',
		},
		{
			displayName: 'Send Welcome Email',
			name: 'sendWelcomeEmail',
			type: 'boolean',
			default: false,
			description: 'Whether the PBX e-mails the user the welcome message (with the new credentials) afterwards',
		},
	];
}
