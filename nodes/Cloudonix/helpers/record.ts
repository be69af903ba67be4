import { normalisedExtension } from '../../shared/extension';
import type { RecordShape } from '../../shared/output';
import { recordOutput } from '../../shared/output';
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

/** shapeRecord(record, output, includeSecrets) and normaliseRecord(record, includeSecrets = false). */
export const { shapeRecord, normaliseRecord } = recordOutput(RECORD_SHAPE);
