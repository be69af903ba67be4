/**
 * Pure Cloudonix subscriber logic (no n8n imports): SIP password generation, the profile's
 * display name, and deciding which fields an update would change.
 */
import type { PasswordLengthRange } from '../../shared/password';
import { generatePassword } from '../../shared/password';

export type JsonObject = Record<string, unknown>;

/** Subscriber fields that hold the SIP password: the current and the legacy spelling. */
export const PASSWORD_FIELDS = ['sipPassword', 'sip-password'];

export function subscriberPassword(raw: JsonObject): string | undefined {
	for (const field of PASSWORD_FIELDS) {
		if (typeof raw[field] === 'string') return raw[field] as string;
	}
	return undefined;
}

/**
 * Cloudonix documents no password rule (its API examples use passwords like "s3cret-Pass"); the
 * shared generator (nodes/shared/password.ts: letters and digits without look-alikes, always an
 * upper-case letter, a lower-case letter and a digit) is used with lengths 12–64, default 20.
 */
export const SIP_PASSWORD_LENGTH: PasswordLengthRange = { min: 12, max: 64, default: 20 };
export const PASSWORD_MIN_LENGTH = SIP_PASSWORD_LENGTH.min;
export const PASSWORD_MAX_LENGTH = SIP_PASSWORD_LENGTH.max;
export const PASSWORD_DEFAULT_LENGTH = SIP_PASSWORD_LENGTH.default;

/** A random SIP password from crypto.randomInt (uniform, no modulo bias); RangeError outside 12–64. */
export function generateSipPassword(length = PASSWORD_DEFAULT_LENGTH): string {
	return generatePassword(SIP_PASSWORD_LENGTH, length);
}

/** Where the node stores a display name, since subscribers have no name field. */
export const PROFILE_NAME_KEY = 'displayName';

export function profileOf(raw: JsonObject): JsonObject {
	const profile = raw.profile;
	return profile !== null && typeof profile === 'object' && !Array.isArray(profile) ? (profile as JsonObject) : {};
}

/** A string with something in it, or undefined. */
export const nonBlankText = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** The display name: `profile.displayName`, else `profile.name` (other tools' choice). */
export function subscriberName(raw: JsonObject): string | undefined {
	const profile = profileOf(raw);
	return nonBlankText(profile[PROFILE_NAME_KEY]) ?? nonBlankText(profile.name);
}

/** What the user asked to change; undefined fields are left alone. */
export interface SubscriberChanges {
	sipPassword?: string;
	active?: boolean;
	/** Profile keys to set (merged into the existing profile). */
	profile?: JsonObject;
}

function sameJson(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The PUT body for `changes` against `existing`. Cloudonix does not say whether PUT merges or
 * replaces `profile`, so the body carries the whole merged profile; that is
 * right under either reading. With `onlyDifferences`, fields already equal are left out and an
 * empty body means "nothing to do".
 */
export function updateBody(changes: SubscriberChanges, existing: JsonObject | undefined, onlyDifferences: boolean): JsonObject {
	const body: JsonObject = {};
	if (changes.sipPassword !== undefined) {
		if (!onlyDifferences || !existing || subscriberPassword(existing) !== changes.sipPassword) {
			body.sipPassword = changes.sipPassword;
		}
	}
	if (changes.active !== undefined) {
		if (!onlyDifferences || !existing || existing.active !== changes.active) body.active = changes.active;
	}
	if (changes.profile !== undefined) {
		const current = existing ? profileOf(existing) : {};
		const merged = { ...current, ...changes.profile };
		const differs = Object.keys(changes.profile).some((key) => !sameJson(current[key], changes.profile![key]));
		if (!onlyDifferences || !existing || differs) body.profile = merged;
	}
	return body;
}
