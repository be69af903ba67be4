import type { IDataObject } from 'n8n-workflow';

import type { NormalisedExtension } from '../../shared/extension';
import { displayName, normalisedExtension } from '../../shared/extension';
import type { OutputMode } from '../../shared/properties';
import { withoutFields } from '../../shared/redact';

/**
 * Pbx.User properties that hold credentials: SIP auth password, web client password, desk
 * phone password and voicemail PIN. They are removed from output unless the user asks.
 */
export const USER_SECRET_FIELDS = ['AuthPassword', 'AccessPassword', 'DeskphonePassword', 'VMPIN'];

/**
 * Pbx.Phone properties that hold the phone's provisioning URL: it embeds the secret path a
 * phone fetches its configuration (with the SIP credentials) from.
 */
export const PHONE_SECRET_FIELDS = ['ProvisioningLinkExt', 'ProvisioningLinkLocal'];

/** A phone without its provisioning links (unless asked to keep them). */
export function stripPhoneSecrets(phone: IDataObject, includeSecrets = false): IDataObject {
	return includeSecrets ? { ...phone } : withoutFields(phone, PHONE_SECRET_FIELDS);
}

/** A record without OData annotations such as @odata.context. */
export function withoutODataAnnotations(record: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(record).filter(([key]) => !key.startsWith('@odata.')));
}

/**
 * Removes secrets (unless asked to keep them), also from expanded Phones, and OData
 * annotations such as @odata.context.
 */
export function stripSecrets<T extends IDataObject>(record: T, includeSecrets = false): T {
	const copy: IDataObject = includeSecrets ? { ...record } : withoutFields(record, USER_SECRET_FIELDS);
	for (const key of Object.keys(copy)) {
		if (key.startsWith('@odata.')) delete copy[key];
	}
	if (!includeSecrets && Array.isArray(copy.Phones)) {
		copy.Phones = (copy.Phones as IDataObject[]).map((phone) =>
			phone && typeof phone === 'object' ? stripPhoneSecrets(phone) : phone,
		);
	}
	return copy as T;
}

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** A 3CX user as the package's vendor-neutral extension (see nodes/shared/extension.ts). */
export function normaliseUser(user: IDataObject, includeSecrets = false): NormalisedExtension {
	const firstName = text(user.FirstName);
	const lastName = text(user.LastName);
	return normalisedExtension({
		number: user.Number === undefined || user.Number === null ? '' : String(user.Number),
		name: displayName(firstName, lastName) ?? text(user.DisplayName),
		firstName,
		lastName,
		email: text(user.EmailAddress),
		mobile: text(user.Mobile),
		enabled: typeof user.Enabled === 'boolean' ? user.Enabled : undefined,
		status: typeof user.IsRegistered === 'boolean' ? (user.IsRegistered ? 'registered' : 'unregistered') : undefined,
		id: user.Id === undefined || user.Id === null ? undefined : String(user.Id),
		source: '3cx',
		raw: stripSecrets(user, includeSecrets),
	});
}

export function shapeUser(user: IDataObject, output: OutputMode, includeSecrets: boolean): IDataObject {
	return output === 'raw' ? stripSecrets(user, includeSecrets) : normaliseUser(user, includeSecrets);
}
