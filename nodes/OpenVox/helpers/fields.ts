import type { IDataObject } from 'n8n-workflow';

import { fieldLabel } from '../transport/fields';

/**
 * The rules of the extension settings of `extension/add` and `extension/update`: the values the
 * OpenVox "Add an Extension" page allows, checked before any request, and the API body they make
 * (switches are booleans in the editor and `on`/`off` on the wire). Their editor fields are in
 * actions/extension/descriptions.ts.
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
/** Where a forwarded call goes (no answer, busy). */
export const FORWARD_DESTINATIONS = ['Voicemail', 'Extension', 'Mobile Number', 'Custom Number'];

export const MONITOR_MODES = ['Disabled', 'Extensive', 'Listen', 'Whisper', 'Barge-in'];
const MONITOR_MODE_SPELLINGS: Record<string, string> = {
	...Object.fromEntries(MONITOR_MODES.map((mode) => [mode.toLowerCase(), mode])),
	disable: 'Disabled',
};
export const RING_TIMEOUTS = ['15', '30', '60', '120', '300'];
export const MAX_DURATIONS = ['Follow System', 'Unlimited', '60', '300', '600', '900', '1800', '3600', '6000', '10800'];

/** Characters the register password may not contain (OpenVox "Add an Extension"): ;&"'\<>`| and space. */
const FORBIDDEN_PASSWORD_CHARACTERS = /[;&"'\\<>`|\s\u0000-\u001f\u007f-\u009f]/;

const label = fieldLabel;

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
				oneOf(value, field, FORWARD_DESTINATIONS);
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
