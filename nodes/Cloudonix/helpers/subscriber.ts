/**
 * Pure Cloudonix subscriber logic (no n8n imports): SIP password generation, the normalised
 * extension mapping, and deciding which fields an update would change.
 */
import type { NormalisedExtension } from '../../shared/extension';
import { normalisedExtension } from '../../shared/extension';
import type { RecordShape } from '../../shared/output';
import { cleanRecord, shapeOutput } from '../../shared/output';
import type { PasswordLengthRange } from '../../shared/password';
import { generatePassword } from '../../shared/password';
import type { OutputMode } from '../../shared/properties';
import type { JsonObject } from '../transport';
import { PASSWORD_FIELDS, subscriberPassword } from '../transport';

export type { JsonObject };

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

/** A copy of the subscriber with the SIP password removed (both spellings). */
export function withoutSecrets(raw: JsonObject): JsonObject {
	return cleanRecord(raw, SUBSCRIBER_SHAPE, false);
}

/** Where the node stores a display name, since subscribers have no name field. */
export const PROFILE_NAME_KEY = 'displayName';

function profileOf(raw: JsonObject): JsonObject {
	const profile = raw.profile;
	return profile !== null && typeof profile === 'object' && !Array.isArray(profile) ? (profile as JsonObject) : {};
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** The display name: `profile.displayName`, else `profile.name` (other tools' choice). */
export function subscriberName(raw: JsonObject): string | undefined {
	const profile = profileOf(raw);
	return text(profile[PROFILE_NAME_KEY]) ?? text(profile.name);
}

/** How subscribers become output items: the SIP password is a secret in both spellings. */
export const SUBSCRIBER_SHAPE: RecordShape<JsonObject> = {
	secretFields: PASSWORD_FIELDS,
	normalise: (record, raw) => {
		const profile = profileOf(record);
		const active = typeof record.active === 'boolean' ? record.active : undefined;
		return normalisedExtension({
			number: String(record.msisdn ?? ''),
			name: subscriberName(record),
			firstName: text(profile.firstName),
			lastName: text(profile.lastName),
			email: text(profile.email),
			enabled: active,
			status: active === undefined ? undefined : active ? 'active' : 'inactive',
			id: record.id === undefined || record.id === null ? undefined : String(record.id),
			source: 'cloudonix',
			raw,
		});
	},
};

export function toNormalisedExtension(raw: JsonObject, includeSecrets: boolean): NormalisedExtension {
	return shapeOutput(raw, SUBSCRIBER_SHAPE, 'normalised', includeSecrets) as NormalisedExtension;
}

export function shapeSubscriber(raw: JsonObject, output: OutputMode, includeSecrets: boolean): JsonObject {
	return shapeOutput(raw, SUBSCRIBER_SHAPE, output, includeSecrets);
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

/** True for "starts with" filters on MSISDNs, ignoring a leading "+" on either side. */
export function msisdnHasPrefix(msisdn: unknown, prefix: string): boolean {
	const clean = (value: string) => value.trim().replace(/^\+/, '');
	return clean(String(msisdn ?? '')).startsWith(clean(prefix));
}
