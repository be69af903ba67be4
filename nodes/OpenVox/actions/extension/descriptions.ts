import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { movedIncludeSecretsProperties, outputProperty } from '../../../shared/properties';
import { FORWARD_DESTINATIONS, MAX_DURATIONS, MONITOR_MODES, RING_TIMEOUTS } from '../../helpers/fields';
import { REGISTER_PASSWORD_LENGTH } from '../../helpers/password';
import { SECRET_FIELDS } from '../../helpers/record';
import { FIELD_LABELS } from '../../transport/fields';

/** Node version 3 moved Include Secrets into Options; versions 1 and 2 keep it at the top level. */
export const SECRETS_IN_OPTIONS_FROM = 3;

/**
 * The Output selector of operations that return extensions and, with `secrets`, their
 * Include Secrets switch (read it with readIncludeSecrets(ctx, itemIndex, SECRETS_IN_OPTIONS_FROM)).
 */
export function outputProperties(secrets: boolean): INodeProperties[] {
	const properties: INodeProperties[] = [
		outputProperty({
			normalised:
				'Number, name, email, mobile, status, ID and source like the other PBX nodes of this package, with the OpenVox record in raw',
			raw: 'The record as the PBX returned it',
		}),
	];
	if (secrets) {
		properties.push(
			...movedIncludeSecretsProperties(
				{ keeps: 'the register, login and user passwords and the voicemail PIN', fields: SECRET_FIELDS },
				SECRETS_IN_OPTIONS_FROM,
			),
		);
	}
	return properties;
}

const PASSWORD_MODE_OPTIONS = [
	{
		name: 'Generate a Strong Password',
		value: 'generate',
		description: 'A random password from a cryptographic generator (see "Generated Password Length")',
	},
	{ name: 'Set a Password', value: 'set', description: 'Use the password you enter or map' },
];

/**
 * "Register Password Mode" of Create, declared twice on purpose (n8n's pattern for a default that
 * changes between node versions). n8n fills a parameter that a saved workflow lacks with the
 * CURRENT default and drops parameters that are then hidden, so a default of "generate" for
 * everyone would make a Create node saved before this option existed (typeVersion 1, with
 * `registerpassword` and no mode) silently create extensions with a random password instead of
 * the one the user set. Version 1 therefore defaults to "set"; version 2 (what the editor adds
 * now) defaults to "generate".
 */
export function passwordModeProperties(): INodeProperties[] {
	const base = {
		displayName: 'Register Password Mode',
		name: 'passwordMode',
		type: 'options' as const,
		options: PASSWORD_MODE_OPTIONS,
		description: 'How the SIP registration password of the new extension is chosen',
	};
	return [
		{
			...base,
			default: 'set',
			displayOptions: { show: { '@version': [1] } },
		},
		{
			...base,
			default: 'generate',
			displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } },
		},
	];
}

const DEFAULT_LENGTH = REGISTER_PASSWORD_LENGTH.default;

export function passwordLengthProperty(displayOptions?: INodeProperties['displayOptions']): INodeProperties {
	return {
		displayName: 'Generated Password Length',
		name: 'passwordLength',
		type: 'number',
		typeOptions: { minValue: REGISTER_PASSWORD_LENGTH.min, maxValue: REGISTER_PASSWORD_LENGTH.max },
		default: DEFAULT_LENGTH,
		...(displayOptions ? { displayOptions } : {}),
		description: `Length of the generated register password (${REGISTER_PASSWORD_LENGTH.min}–${REGISTER_PASSWORD_LENGTH.max}). It uses letters and digits without look-alikes and always contains an upper-case letter, a lower-case letter and a digit. Turn on "Include Secrets" to see it in the output.`,
	};
}

const FORWARD_DESTINATION_OPTIONS: INodePropertyOptions[] = FORWARD_DESTINATIONS.map((value) => ({ name: value, value }));

function switchField(name: string, description: string): INodeProperties {
	return { displayName: FIELD_LABELS[name], name, type: 'boolean', default: false, description };
}

/**
 * The Settings collection of Create and Update: the API's parameter names, so a user can look
 * them up in the OpenVox docs (their rules are in helpers/fields.ts).
 */
export function settingsOptions(kind: 'create' | 'update'): INodeProperties[] {
	const options: INodeProperties[] = [
		switchField('allowbeingmonitored', 'Whether other extensions may monitor calls of this extension'),
		{
			displayName: 'Busy Destination',
			name: 'btransferto',
			type: 'options',
			options: FORWARD_DESTINATION_OPTIONS,
			default: 'Voicemail',
			description: 'Where calls go when the extension is busy (needs Forward When Busy)',
		},
		{
			displayName: 'Busy Extension',
			name: 'btransferext',
			type: 'string',
			default: '',
			description: 'Extension that receives busy calls when Busy Destination is Extension',
		},
		{
			displayName: 'Busy Number',
			name: 'btransfernum',
			type: 'string',
			default: '',
			description: 'External number for busy calls (digits, up to 15) when the destination is Custom Number or Mobile Number',
		},
		{
			displayName: 'Busy Prefix',
			name: 'btransferprefix',
			type: 'string',
			default: '',
			description: 'Outbound prefix (digits, up to 7) for a busy-forward to Custom Number or Mobile Number',
		},
		{
			displayName: 'Caller ID',
			name: 'callerid',
			type: 'string',
			default: '',
			description: 'Caller ID number presented for calls from this extension',
		},
		switchField('dnd', 'Whether Do Not Disturb is on'),
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'Email address of the user (voicemail to email, notifications)',
		},
		switchField('busyforward', 'Whether calls are forwarded when the extension is busy'),
		switchField('noanswerforward', 'Whether unanswered calls are forwarded'),
		{
			displayName: 'Max Call Duration',
			name: 'maxduration',
			type: 'options',
			options: MAX_DURATIONS.map((value) => ({
				name: /^\d+$/.test(value) ? `${value} Seconds` : value,
				value,
			})),
			default: 'Follow System',
			description: 'Longest call allowed for this extension',
		},
		{
			displayName: 'Max Registrations',
			name: 'maxregistrations',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 99 },
			default: 1,
			description: 'How many devices may register this extension at the same time',
		},
		switchField('enablemobile', 'Whether the Mobility Extension feature is on'),
		{
			displayName: 'Mobile Number',
			name: 'mobile',
			type: 'string',
			default: '',
			description: "The user's mobile number (digits, up to 15); the query answer spells this field \"moblie\"",
		},
		{
			displayName: 'Mobility Prefix',
			name: 'mobileprefix',
			type: 'string',
			default: '',
			description: 'Prefix (digits) for outgoing calls from the Mobility Extension',
		},
		{
			displayName: 'Monitor Mode',
			name: 'monitormode',
			type: 'options',
			options: MONITOR_MODES.map((value) => ({ name: value, value })),
			default: 'Disabled',
			description: 'How this extension may monitor others',
		},
		{
			displayName: 'Name',
			name: 'username',
			type: 'string',
			default: '',
			description: 'Display name of the user',
		},
		{
			displayName: 'No Answer Destination',
			name: 'ntransferto',
			type: 'options',
			options: FORWARD_DESTINATION_OPTIONS,
			default: 'Voicemail',
			description: 'Where unanswered calls go (needs Forward When No Answer)',
		},
		{
			displayName: 'No Answer Extension',
			name: 'ntransferext',
			type: 'string',
			default: '',
			description: 'Extension that receives unanswered calls when No Answer Destination is Extension',
		},
		{
			displayName: 'No Answer Number',
			name: 'ntransfernum',
			type: 'string',
			default: '',
			description: 'External number (digits, up to 15) for unanswered calls to Custom Number or Mobile Number',
		},
		{
			displayName: 'No Answer Prefix',
			name: 'ntransferprefix',
			type: 'string',
			default: '',
			description: 'Outbound prefix (digits, up to 7) for a no-answer forward to Custom Number or Mobile Number',
		},
		{
			displayName: 'Ring Timeout',
			name: 'ringtimeout',
			type: 'options',
			options: RING_TIMEOUTS.map((value) => ({ name: `${value} Seconds`, value })),
			default: '30',
			description: 'How long the extension rings before no-answer handling',
		},
		switchField('ringsimultaneous', 'Whether the mobility number rings together with the extension'),
		switchField('enablevmtoemail', 'Whether voicemail messages are emailed to the user'),
		{
			displayName: 'User Password',
			name: 'loginpassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: "Password for the user's own web portal login",
		},
		switchField('hasvoicemail', 'Whether the extension has a voicemail box'),
		{
			displayName: 'Voicemail PIN',
			name: 'vmsecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Digits-only PIN of the voicemail box',
		},
	];
	if (kind === 'update') {
		options.push(
			{
				displayName: 'New Extension Number',
				name: 'extnumber',
				type: 'string',
				default: '',
				description: 'Renumber the extension to this number',
			},
			{
				displayName: 'Register Password',
				name: 'registerpassword',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'New SIP registration password: at most 31 characters, no spaces and none of ;&"\'\\&lt;&gt;`|',
			},
		);
	}
	return options.sort((a, b) => a.displayName.localeCompare(b.displayName));
}
