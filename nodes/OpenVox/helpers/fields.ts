import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * The extension settings of `extension/add` and `extension/update`, as UI fields with the
 * values the OpenVox "Add an Extension" page allows. Parameter names are the API's, so a
 * user can look them up in the OpenVox docs. Switches are booleans in the UI and `on`/`off`
 * on the wire.
 */

/** Thrown by the pure validators; the operation turns it into a NodeOperationError for the item. */
export class FieldError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
	}
}

const FORWARD_DESTINATIONS: INodePropertyOptions[] = [
	{ name: 'Voicemail', value: 'Voicemail' },
	{ name: 'Extension', value: 'Extension' },
	{ name: 'Mobile Number', value: 'Mobile Number' },
	{ name: 'Custom Number', value: 'Custom Number' },
];

/** Display names, for error messages that name the field the user filled in. */
export const FIELD_LABELS: Record<string, string> = {
	number: 'Extension Number',
	extid: 'Extension',
	extnumber: 'New Extension Number',
	username: 'Name',
	callerid: 'Caller ID',
	registerpassword: 'Register Password',
	maxregistrations: 'Max Registrations',
	loginpassword: 'User Password',
	email: 'Email',
	mobile: 'Mobile Number',
	hasvoicemail: 'Voicemail',
	vmsecret: 'Voicemail PIN',
	enablevmtoemail: 'Send Voicemail to Email',
	noanswerforward: 'Forward When No Answer',
	ntransferto: 'No Answer Destination',
	ntransferext: 'No Answer Extension',
	ntransferprefix: 'No Answer Prefix',
	ntransfernum: 'No Answer Number',
	busyforward: 'Forward When Busy',
	btransferto: 'Busy Destination',
	btransferext: 'Busy Extension',
	btransferprefix: 'Busy Prefix',
	btransfernum: 'Busy Number',
	enablemobile: 'Mobility Extension',
	ringsimultaneous: 'Ring Simultaneously',
	mobileprefix: 'Mobility Prefix',
	allowbeingmonitored: 'Allow Being Monitored',
	monitormode: 'Monitor Mode',
	ringtimeout: 'Ring Timeout',
	maxduration: 'Max Call Duration',
	dnd: 'Do Not Disturb',
};

/** Settings sent as `on`/`off`. */
export const SWITCH_FIELDS = new Set([
	'hasvoicemail',
	'enablevmtoemail',
	'noanswerforward',
	'busyforward',
	'enablemobile',
	'ringsimultaneous',
	'allowbeingmonitored',
	'dnd',
]);

/**
 * OpenVox's documents disagree on these values. The "Add an Extension" field list names monitor
 * modes Disabled, Extensive, Listen, Whisper, Barge-in and durations up to 6000; the same page's
 * request example sends monitormode "Disable", and the "Query Extension Settings" answer shows
 * monitormode "disable" and maxduration "10800". The PBX takes its own example and its own answer
 * back, so the node accepts the union: monitor modes without regard to case (the documents
 * disagree on it), sent as the field list spells them ("disable" → "Disabled"); durations exactly,
 * with 10800 sent as read. The sandbox accepts the same union.
 */
export const MONITOR_MODES = ['Disabled', 'Extensive', 'Listen', 'Whisper', 'Barge-in'];
const MONITOR_MODE_SPELLINGS: Record<string, string> = {
	...Object.fromEntries(MONITOR_MODES.map((mode) => [mode.toLowerCase(), mode])),
	disable: 'Disabled',
};
export const RING_TIMEOUTS = ['15', '30', '60', '120', '300'];
export const MAX_DURATIONS = ['Follow System', 'Unlimited', '60', '300', '600', '900', '1800', '3600', '6000', '10800'];
const FORWARD_VALUES = FORWARD_DESTINATIONS.map((o) => o.value as string);

/** Characters the register password may not contain (OpenVox "Add an Extension"): ;&"'\<>`| and space. */
const FORBIDDEN_PASSWORD_CHARACTERS = /[;&"'\\<>`|\s\u0000-\u001f\u007f-\u009f]/;

function label(field: string): string {
	return FIELD_LABELS[field] ?? field;
}

/** A body field as the user sees it, e.g. "Register Password" for `registerpassword`. */
export function fieldLabel(field: string): string {
	return label(field);
}

export function validateRegisterPassword(value: string, field = 'registerpassword'): void {
	if (value === '') throw new FieldError(field, `"${label(field)}" cannot be blank`);
	if (value.length > 31) throw new FieldError(field, `"${label(field)}" is ${value.length} characters long; the PBX allows at most 31`);
	const bad = FORBIDDEN_PASSWORD_CHARACTERS.exec(value);
	if (bad) {
		const code = `U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
		const shown =
			bad[0] === ' '
				? 'a space'
				: /[\s\u0000-\u001f\u007f-\u009f]/.test(bad[0])
					? `a whitespace or control character (${code})`
					: `the character "${bad[0]}"`;
		throw new FieldError(field, `"${label(field)}" contains ${shown}; the PBX does not allow ;&"'\\<>\`|, spaces or control characters`);
	}
}

/** Extension numbers are digits (the API's `number` is an Int). */
export function validateExtensionNumber(value: string, field: string, displayName = label(field)): void {
	if (!/^\d{1,15}$/.test(value)) {
		throw new FieldError(field, `"${displayName}" must be an extension number made of digits, got "${value}"`);
	}
}

/** `"101, 102"` → `['101','102']`, each checked. */
export function parseNumberList(value: string, field: string, displayName = label(field)): string[] {
	const numbers = value
		.split(',')
		.map((n) => n.trim())
		.filter((n) => n !== '');
	if (!numbers.length) throw new FieldError(field, `"${displayName}" is empty`);
	for (const number of numbers) validateExtensionNumber(number, field, displayName);
	return numbers;
}

function digits(value: string, field: string, max: number): void {
	if (!new RegExp(`^\\d{0,${max}}$`).test(value)) {
		throw new FieldError(field, `"${label(field)}" must be digits only, at most ${max}; got "${value}"`);
	}
}

function oneOf(value: string, field: string, allowed: string[]): void {
	if (!allowed.includes(value)) {
		throw new FieldError(field, `"${label(field)}" must be one of ${allowed.join(', ')}; got "${value}"`);
	}
}

function asSwitch(value: unknown, field: string): string {
	if (value === true || value === 'on' || value === 'true') return 'on';
	if (value === false || value === 'off' || value === 'false') return 'off';
	throw new FieldError(field, `"${label(field)}" must be on or off; got "${String(value)}"`);
}

/**
 * Checks the settings the user filled in and turns them into the API body (all values are
 * strings, as in the OpenVox examples). Empty strings are left out rather than sent.
 */
export function settingsToBody(settings: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const [field, rawValue] of Object.entries(settings)) {
		if (rawValue === undefined || rawValue === null) continue;
		if (SWITCH_FIELDS.has(field)) {
			body[field] = asSwitch(rawValue, field);
			continue;
		}
		const value = typeof rawValue === 'number' ? String(rawValue) : String(rawValue).trim();
		if (value === '' && field !== 'callerid') continue;
		switch (field) {
			case 'registerpassword':
				validateRegisterPassword(String(rawValue), field);
				break;
			case 'extnumber':
			case 'ntransferext':
			case 'btransferext':
				validateExtensionNumber(value, field);
				break;
			case 'maxregistrations':
				if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 99) {
					throw new FieldError(field, `"${label(field)}" must be a whole number from 1 to 99; got "${value}"`);
				}
				break;
			case 'vmsecret':
				if (!/^\d{1,16}$/.test(value)) throw new FieldError(field, `"${label(field)}" must be digits only`);
				break;
			// The docs restrict the busy prefix to 7 digits and the busy number to 15; the no-answer
			// fields take the same kind of value, so the same rule is applied to them.
			case 'btransferprefix':
			case 'ntransferprefix':
			case 'mobileprefix':
				digits(value, field, 7);
				break;
			case 'btransfernum':
			case 'ntransfernum':
			case 'mobile':
				digits(value, field, 15);
				break;
			case 'ntransferto':
			case 'btransferto':
				oneOf(value, field, FORWARD_VALUES);
				break;
			case 'monitormode':
				if (!MONITOR_MODE_SPELLINGS[value.toLowerCase()]) oneOf(value, field, MONITOR_MODES);
				body[field] = MONITOR_MODE_SPELLINGS[value.toLowerCase()];
				continue;
			case 'ringtimeout':
				oneOf(value, field, RING_TIMEOUTS);
				break;
			case 'maxduration':
				oneOf(value, field, MAX_DURATIONS);
				break;
			case 'email':
				if (!/^[^\s@]+@[^\s@]+$/.test(value)) throw new FieldError(field, `"${label(field)}" is not an email address: "${value}"`);
				break;
			default:
				break;
		}
		body[field] = field === 'registerpassword' ? String(rawValue) : value;
	}
	checkForwarding(body, 'noanswerforward', 'ntransferto', 'ntransferext', 'ntransfernum');
	checkForwarding(body, 'busyforward', 'btransferto', 'btransferext', 'btransfernum');
	return body;
}

/** "The forward destination Custom Number can't be blank", and an Extension destination needs one. */
function checkForwarding(body: IDataObject, enabled: string, to: string, ext: string, num: string): void {
	if (body[enabled] !== 'on') return;
	if (body[to] === 'Extension' && !body[ext]) {
		throw new FieldError(ext, `"${label(ext)}" is required when "${label(to)}" is Extension`);
	}
	if (body[to] === 'Custom Number' && !body[num]) {
		throw new FieldError(num, `"${label(num)}" is required when "${label(to)}" is Custom Number`);
	}
}

function switchField(name: string, description: string): INodeProperties {
	return { displayName: FIELD_LABELS[name], name, type: 'boolean', default: false, description };
}

/** The settings collection options, shared by Create and Update. */
export function settingsOptions(kind: 'create' | 'update'): INodeProperties[] {
	const options: INodeProperties[] = [
		switchField('allowbeingmonitored', 'Whether other extensions may monitor calls of this extension'),
		{
			displayName: 'Busy Destination',
			name: 'btransferto',
			type: 'options',
			options: FORWARD_DESTINATIONS,
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
			options: FORWARD_DESTINATIONS,
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

/** Fields that hold passwords or PINs; stripped from output unless the user asks for them. */
export const SECRET_RECORD_FIELDS = ['registerpassword', 'loginpassword', 'userpassword', 'vmsecret'];
