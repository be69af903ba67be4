import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { PasswordLengthRange } from '../../shared/password';
import { generatePassword, isPasswordLengthInRange } from '../../shared/password';
import { validateRegisterPassword } from './fields';

/**
 * Generated register passwords: the shared generator (letters and digits without look-alikes, so
 * never one of ;&"'\<>`| or a space) within OpenVox's limit of 31 characters. 12 is the same
 * floor as the Cloudonix node's.
 */
export const REGISTER_PASSWORD_LENGTH: PasswordLengthRange = { min: 12, max: 31, default: 20 };

export type PasswordMode = 'generate' | 'set';

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

/** A generated register password of the length the user chose; throws before any request on a bad length. */
export function generatedRegisterPassword(ctx: IExecuteFunctions, length: unknown, itemIndex: number): string {
	const value = length === undefined || length === null || length === '' ? REGISTER_PASSWORD_LENGTH.default : Number(length);
	if (!isPasswordLengthInRange(value, REGISTER_PASSWORD_LENGTH)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The parameter "Generated Password Length" must be a whole number from ${REGISTER_PASSWORD_LENGTH.min} to ${REGISTER_PASSWORD_LENGTH.max} in item ${itemIndex}`,
			{ itemIndex },
		);
	}
	const password = generatePassword(REGISTER_PASSWORD_LENGTH, value);
	validateRegisterPassword(password); // the alphabet cannot break the PBX's rules; a cheap guard if it ever changes
	return password;
}
