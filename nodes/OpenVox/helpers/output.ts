import type { IDataObject } from 'n8n-workflow';

import type { NormalisedExtension } from '../../shared/extension';
import { normalisedExtension } from '../../shared/extension';
import type { RecordShape } from '../../shared/output';
import { cleanRecord, shapeOutput } from '../../shared/output';
import type { OutputMode } from '../../shared/properties';
import { SECRET_RECORD_FIELDS } from './fields';


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
export const EXTENSION_SHAPE: RecordShape = {
	secretFields: SECRET_RECORD_FIELDS,
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

/** Removes passwords and PINs from a record unless the user switched Include Secrets on. */
export function withoutSecrets(record: IDataObject, includeSecrets: boolean): IDataObject {
	return cleanRecord(record, EXTENSION_SHAPE, includeSecrets);
}

export function toNormalised(record: IDataObject, includeSecrets: boolean): NormalisedExtension {
	return shapeOutput(record, EXTENSION_SHAPE, 'normalised', includeSecrets) as NormalisedExtension;
}

export function formatRecord(record: IDataObject, output: OutputMode, includeSecrets: boolean): IDataObject {
	return shapeOutput(record, EXTENSION_SHAPE, output, includeSecrets);
}

