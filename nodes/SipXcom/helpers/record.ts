import { displayName, normalisedExtension } from '../../shared/extension';
import type { RecordShape } from '../../shared/output';
import { recordOutput } from '../../shared/output';

/** Fields that hold secrets in sipXconfig records (REST pin/sipPassword, SOAP pintoken, phone line password). */
export const SECRET_FIELDS = ['pin', 'sipPassword', 'pintoken', 'voicemailPin', 'password'];

function str(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** How sipXcom users (REST or SOAP records) become output items; secrets are removed at any depth. */
export const RECORD_SHAPE: RecordShape = {
	secretFields: SECRET_FIELDS,
	nested: true,
	normalise: (user, raw) => {
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
	},
};

/** shapeRecord(record, output, includeSecrets) and normaliseRecord(record, includeSecrets = false). */
export const { shapeRecord, normaliseRecord } = recordOutput(RECORD_SHAPE);
