import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { NormalisedExtension } from '../../shared/extension';
import { displayName, normalisedExtension } from '../../shared/extension';
import type { RecordShape } from '../../shared/output';
import { shapeOutput } from '../../shared/output';
import { readOutputMode } from '../../shared/properties';
import { withoutFieldsDeep } from '../../shared/redact';

/** Fields that hold secrets in sipXconfig records (REST pin/sipPassword, SOAP pintoken, phone line password). */
const SECRET_KEYS = ['pin', 'sipPassword', 'pintoken', 'voicemailPin', 'password'];

/** The secrets of a SOAP user record (sipxconfig.wsdl, type User). */
export const SOAP_USER_SECRETS = ['sipPassword', 'pintoken'];

/** Removes secret fields, recursively (phone lines carry SIP passwords). */
export function stripSecrets<T>(value: T): T {
	return withoutFieldsDeep(value, SECRET_KEYS);
}

function str(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A sipXcom user (REST or SOAP record) as the package's normalised extension. */
export function toNormalised(user: IDataObject, raw: IDataObject): NormalisedExtension {
	const aliases = Array.isArray(user.aliases) ? (user.aliases as unknown[]).map(String) : [];
	return normalisedExtension({
		number: String(user.userName ?? ''),
		name: displayName(user.firstName, user.lastName),
		firstName: str(user.firstName),
		lastName: str(user.lastName),
		email: str(user.emailAddress),
		aliases,
		id: user.id !== undefined && user.id !== null ? String(user.id) : undefined,
		source: 'sipxcom',
		raw,
	});
}

/** How sipXcom users (REST or SOAP records) become output items. */
export const USER_SHAPE: RecordShape = { secretFields: SECRET_KEYS, nested: true, normalise: toNormalised };

/** Applies the Output parameter (and secret stripping) to a user record. */
export function shapeUser(ctx: IExecuteFunctions, itemIndex: number, record: object, includeSecrets = false): IDataObject {
	return shapeOutput(record as IDataObject, USER_SHAPE, readOutputMode(ctx, itemIndex), includeSecrets);
}

