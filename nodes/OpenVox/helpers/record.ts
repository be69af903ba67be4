import { normalisedExtension } from '../../shared/extension';
import type { RecordShape } from '../../shared/output';
import { recordOutput } from '../../shared/output';

/** Fields that hold passwords or PINs; stripped from output unless the user asks for them. */
export const SECRET_FIELDS = ['registerpassword', 'loginpassword', 'userpassword', 'vmsecret'];

function text(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const s = String(value).trim();
	return s === '' ? undefined : s;
}

/**
 * OpenVox record → the package's normalised extension. OpenVox identifies an extension by
 * its number (`extid` is the number), so `id` equals `number`. The API has no enabled flag,
 * so `enabled` is left out rather than guessed. The settings answer spells mobile "moblie".
 */
export const RECORD_SHAPE: RecordShape = {
	secretFields: SECRET_FIELDS,
	normalise: (record, raw) => {
		const number = text(record.extnumber) ?? text(record.number) ?? '';
		return normalisedExtension({
			number,
			name: text(record.username),
			email: text(record.email),
			mobile: text(record.mobile) ?? text(record.moblie),
			status: text(record.status),
			id: number,
			source: 'openvox',
			raw,
		});
	},
};

/** shapeRecord(record, output, includeSecrets) and normaliseRecord(record, includeSecrets = false). */
export const { shapeRecord, normaliseRecord } = recordOutput(RECORD_SHAPE);
