import type { INodeProperties } from 'n8n-workflow';

import { dryRunProperty } from '../../../shared/dryRun';
import { onlyIfUnchangedProperty } from '../../../shared/onlyIfUnchanged';
import { includeSecretsProperty, outputProperty as sharedOutputProperty } from '../../../shared/properties';
import { PASSWORD_DEFAULT_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PROFILE_NAME_KEY } from '../../helpers/subscriber';
import { SECRET_FIELDS } from '../../helpers/record';
import { DEFAULT_REQUESTS_PER_WINDOW, DEFAULT_WINDOW_MS } from '../../transport/pacing';

/**
 * Properties that several subscriber operations share. They carry no resource or operation:
 * each operation file scopes its properties with one updateDisplayOptions call. The Options
 * collection is the exception, shown for every operation of the resource (pacing applies to all
 * of them; Include Secrets to those that output a subscriber).
 */

export const outputProperty = (): INodeProperties =>
	sharedOutputProperty({
		normalised:
			'The package\'s vendor-neutral shape: number (MSISDN), name (profile display name), enabled (active), ID, source, raw',
		raw: 'The subscriber object as Cloudonix returns it',
		description: 'Shape of the output items. SIP passwords are removed unless "Include Secrets" is on.',
	});

export const msisdnProperty = (description: string): INodeProperties => ({
	displayName: 'MSISDN',
	name: 'msisdn',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 1001',
	description,
});

/** "Find By" + value, for operations on one existing subscriber. */
export const locatorProperties = (): INodeProperties[] => [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		default: 'msisdn',
		options: [
			{ name: 'MSISDN', value: 'msisdn', description: 'The subscriber\'s number (SIP username), e.g. the extension number' },
			{ name: 'Subscriber ID', value: 'id', description: 'The numeric ID Cloudonix assigned to the subscriber' },
		],
		description: 'How to identify the subscriber',
	},
	{ ...msisdnProperty('The subscriber\'s MSISDN (its SIP username)'), displayOptions: { show: { findBy: ['msisdn'] } } },
	{
		displayName: 'Subscriber ID',
		name: 'subscriberId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1234',
		displayOptions: { show: { findBy: ['id'] } },
		description: 'The numeric subscriber ID (the "ID" field of a subscriber)',
	},
];

export const passwordLengthProperty: INodeProperties = {
	displayName: 'Generated Password Length',
	name: 'passwordLength',
	type: 'number',
	typeOptions: { minValue: PASSWORD_MIN_LENGTH, maxValue: PASSWORD_MAX_LENGTH },
	default: PASSWORD_DEFAULT_LENGTH,
	description: `Length of generated SIP passwords (${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH}). They use letters and digits without look-alikes and always contain an upper-case letter, a lower-case letter and a digit.`,
};

export const displayNameProperty: INodeProperties = {
	displayName: 'Display Name',
	name: 'displayName',
	type: 'string',
	default: '',
	placeholder: 'e.g. Ann Smith',
	description: `Stored in the subscriber's profile as "${PROFILE_NAME_KEY}", since Cloudonix subscribers have no name field`,
};

export const profileProperty: INodeProperties = {
	displayName: 'Profile (JSON)',
	name: 'profile',
	type: 'json',
	default: '{}',
	description:
		'Extra keys for the subscriber\'s free-form profile object, e.g. {"department": "Sales"}. Keys are merged into the existing profile; a null value is sent as null.',
};

export const activeProperty = (description: string): INodeProperties => ({
	displayName: 'Active',
	name: 'active',
	type: 'boolean',
	default: true,
	description,
});

export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: { show: { resource: ['subscriber'] } },
	options: [
		{
			...dryRunProperty(),
			displayOptions: { show: { '/operation': ['activate', 'create', 'deactivate', 'delete', 'update', 'upsert'] } },
		},
		{
			...includeSecretsProperty({ keeps: 'the SIP password', fields: SECRET_FIELDS }),
			// Delete outputs no subscriber, so there is nothing the switch could keep.
			displayOptions: { hide: { '/operation': ['delete'] } },
		},
		{
			...onlyIfUnchangedProperty('subscriber'),
			displayOptions: { show: { '/operation': ['activate', 'deactivate', 'delete', 'update', 'upsert'] } },
		},
		{
			displayName: 'Requests per Window',
			name: 'requestsPerWindow',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_REQUESTS_PER_WINDOW,
			description:
				'At most this many requests start within any "Window (Milliseconds)", shared by all items of the run. Cloudonix allows 10 requests per 3 seconds per domain.',
		},
		{
			displayName: 'Window (Milliseconds)',
			name: 'windowMs',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_WINDOW_MS,
			description: 'Length of the pacing window in milliseconds (Cloudonix: 3000)',
		},
	],
};

/** Shared by Create and Create or Update. */
export const passwordProperties = (setDescription: string): INodeProperties[] => [
	{
		displayName: 'SIP Password',
		name: 'passwordMode',
		type: 'options',
		default: 'generate',
		options: [
			{
				name: 'Generate a Strong Password',
				value: 'generate',
				description: 'A random password from a cryptographic generator (see "Generated Password Length")',
			},
			{ name: 'Set a Password', value: 'set', description: 'Use the password you enter or map' },
		],
		description: 'How the SIP password of a new subscriber is chosen',
	},
	{
		displayName: 'Password',
		name: 'sipPassword',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		displayOptions: { show: { passwordMode: ['set'] } },
		description: setDescription,
	},
];

/** Additional Fields of Create and Create or Update; `activeDescription` says how Active is applied. */
export const additionalFieldsProperty = (activeDescription: string): INodeProperties => ({
	displayName: 'Additional Fields',
	name: 'additionalFields',
	type: 'collection',
	placeholder: 'Add Field',
	default: {},
	options: [activeProperty(activeDescription), displayNameProperty, passwordLengthProperty, profileProperty],
});
