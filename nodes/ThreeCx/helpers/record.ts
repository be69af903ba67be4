import { displayName, normalisedExtension } from '../../shared/extension';
import type { RecordShape } from '../../shared/output';
import { recordOutput } from '../../shared/output';
import { isODataAnnotation } from '../transport/odata';
import { PHONE_SECRET_FIELDS } from './phone';
import { USER_SECRET_FIELDS } from './user';

/** A user's secrets and, since an expanded Phones list carries them, its phones' secrets. */
export const SECRET_FIELDS = [...USER_SECRET_FIELDS, ...PHONE_SECRET_FIELDS];

const text = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** How 3CX users become output items; OData annotations such as @odata.context are dropped. */
export const RECORD_SHAPE: RecordShape = {
	secretFields: SECRET_FIELDS,
	nested: true,
	isAnnotation: isODataAnnotation,
	normalise: (user, raw) => {
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
			raw,
		});
	},
};

/** shapeRecord(record, output, includeSecrets) and normaliseRecord(record, includeSecrets = false). */
export const { shapeRecord, normaliseRecord } = recordOutput(RECORD_SHAPE);
