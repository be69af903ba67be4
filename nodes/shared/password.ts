/**
 * Strong random passwords for the vendor nodes' "Generate a Strong Password" choices.
 *
 * The alphabet is letters and digits without look-alikes (0/O, 1/l/I), so a password survives
 * phone provisioning templates, URLs, shell-ish vendor fields and being read aloud; it contains
 * none of the characters PBXs commonly forbid in SIP passwords (OpenVox: ;&"'\<>`| and space).
 * Every password has at least one upper-case letter, one lower-case letter and one digit, which
 * satisfies common SIP password policies. 57 symbols: 20 characters ≈ 116 bits of entropy.
 *
 * The allowed length range is the caller's (each PBX has its own maximum), e.g. Cloudonix
 * 12–64, OpenVox 12–31.
 */
import { randomInt } from 'crypto';

export const PASSWORD_UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
export const PASSWORD_LOWER = 'abcdefghijkmnopqrstuvwxyz';
export const PASSWORD_DIGITS = '23456789';
export const PASSWORD_ALPHABET = PASSWORD_UPPER + PASSWORD_LOWER + PASSWORD_DIGITS;

/** The lengths a vendor accepts for generated passwords, and the length used by default. */
export interface PasswordLengthRange {
	min: number;
	max: number;
	default: number;
}

/** The three guaranteed character classes need at least three characters. */
const SHORTEST = 3;

/** True when `length` is a whole number inside `range`. */
export function isPasswordLengthInRange(length: number, range: Pick<PasswordLengthRange, 'min' | 'max'>): boolean {
	return Number.isInteger(length) && length >= range.min && length <= range.max;
}

/**
 * A random password of `length` characters (the range's default when left out), drawn with
 * crypto.randomInt (uniform, no modulo bias) and shuffled with Fisher–Yates so the guaranteed
 * classes are not always at the start. Throws RangeError for a length outside the range.
 */
export function generatePassword(range: PasswordLengthRange, length: number = range.default): string {
	if (!Number.isInteger(range.min) || range.min < SHORTEST || range.max < range.min) {
		throw new RangeError(`Invalid password length range ${range.min}–${range.max}`);
	}
	if (!isPasswordLengthInRange(length, range)) {
		throw new RangeError(`Password length must be a whole number from ${range.min} to ${range.max}`);
	}
	const pick = (set: string) => set[randomInt(set.length)];
	const chars = [pick(PASSWORD_UPPER), pick(PASSWORD_LOWER), pick(PASSWORD_DIGITS)];
	while (chars.length < length) chars.push(pick(PASSWORD_ALPHABET));
	for (let i = chars.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[chars[i], chars[j]] = [chars[j], chars[i]];
	}
	return chars.join('');
}
