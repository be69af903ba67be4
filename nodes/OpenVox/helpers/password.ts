import type { IExecuteFunctions } from 'n8n-workflow';
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
