import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { NormalisedExtension } from '../../../shared/extension';
import { normalisedExtension } from '../../../shared/extension';
import type { OutputMode } from '../../../shared/properties';
import { includeSecretsProperty, outputProperty, showFor } from '../../../shared/properties';
import { withoutFields } from '../../../shared/redact';
import { SECRET_RECORD_FIELDS } from './fields';

/** Removes passwords and PINs from a record unless the user switched Include Secrets on. */
export function withoutSecrets(record: IDataObject, includeSecrets: boolean): IDataObject {
	return includeSecrets ? { ...record } : withoutFields(record, SECRET_RECORD_FIELDS);
}

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
export function toNormalised(record: IDataObject, includeSecrets: boolean): NormalisedExtension {
	const number = text(record.extnumber) ?? text(record.number) ?? '';
	return normalisedExtension({
		number,
		name: text(record.username),
		email: text(record.email),
		mobile: text(record.mobile) ?? text(record.moblie),
		status: text(record.status),
		id: number,
		source: 'openvox',
		raw: withoutSecrets(record, includeSecrets),
	});
}

export function formatRecord(record: IDataObject, output: OutputMode, includeSecrets: boolean): IDataObject {
	return output === 'raw' ? withoutSecrets(record, includeSecrets) : toNormalised(record, includeSecrets);
}

/** The Output selector and Include Secrets switch of operations that return extensions. */
export function outputProperties(operations: string[], secrets: boolean): INodeProperties[] {
	const properties: INodeProperties[] = [
		outputProperty({
			resource: 'extension',
			operations,
			normalised:
				'Number, name, email, mobile, status, ID and source like the other PBX nodes of this package, with the OpenVox record in raw',
			raw: 'The record as the PBX returned it',
		}),
	];
	if (secrets) {
		properties.push(
			includeSecretsProperty({
				displayOptions: showFor('extension', operations),
				description:
					'Whether to keep the register password, user password and voicemail PIN in the output (they are removed by default)',
			}),
		);
	}
	return properties;
}
