import type { IDataObject } from 'n8n-workflow';

import type { NormalisedExtension } from '../../shared/extension';
import { normalisedExtension } from '../../shared/extension';
import type { RecordShape } from '../../shared/output';
import { shapeOutput } from '../../shared/output';
import type { OutputMode } from '../../shared/properties';
import { nonBlankText, PASSWORD_FIELDS, profileOf, subscriberName } from './subscriber';

/** The SIP password, in both spellings. */
export const SECRET_FIELDS = PASSWORD_FIELDS;

/** How subscribers become output items: the SIP password is a secret in both spellings. */
export const RECORD_SHAPE: RecordShape = {
	secretFields: SECRET_FIELDS,
	normalise: (record, raw) => {
		const profile = profileOf(record);
		const active = typeof record.active === 'boolean' ? record.active : undefined;
		return normalisedExtension({
			number: String(record.msisdn ?? ''),
			name: subscriberName(record),
			firstName: nonBlankText(profile.firstName),
			lastName: nonBlankText(profile.lastName),
			email: nonBlankText(profile.email),
			enabled: active,
			status: active === undefined ? undefined : active ? 'active' : 'inactive',
			id: record.id === undefined || record.id === null ? undefined : String(record.id),
			source: 'cloudonix',
			raw,
		});
	},
};

/** A subscriber as an output item: the Output parameter applied, the SIP password removed unless asked for. */
export function shapeRecord(subscriber: IDataObject, output: OutputMode, includeSecrets: boolean): IDataObject {
	return shapeOutput(subscriber, RECORD_SHAPE, output, includeSecrets);
}

/** A subscriber as the package's normalised extension (see nodes/shared/extension.ts). */
export function normaliseRecord(subscriber: IDataObject, includeSecrets = false): NormalisedExtension {
	return shapeOutput(subscriber, RECORD_SHAPE, 'normalised', includeSecrets) as NormalisedExtension;
}
