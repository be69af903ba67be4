import type { IDataObject } from 'n8n-workflow';

import type { NormalisedExtension } from './extension';
import type { OutputMode } from './properties';
import { copyWithout, withoutFields } from './redact';

/** How a vendor's records become output items; each vendor node has one (in its helpers/). */
export interface RecordShape<T extends object = IDataObject> {
	/** Fields that hold passwords, PINs or digests; removed unless the user switched Include Secrets on. */
	secretFields: readonly string[];
	/** Whether secret fields are also removed inside nested objects and arrays (e.g. phone lines). */
	nested?: boolean;
	/** Keys that are protocol noise rather than data (e.g. OData's `@odata.context`); always removed. */
	isAnnotation?: (key: string) => boolean;
	/** The vendor's record as the package's normalised extension; `raw` is the record already cleaned. */
	normalise: (record: T, raw: IDataObject) => NormalisedExtension;
}

/** Each shape's secret fields as a Set (field names, not values), made on first use. */
const secretFieldSets = new WeakMap<RecordShape<never>, ReadonlySet<string>>();

function secretFieldsOf<T extends object>(shape: RecordShape<T>): ReadonlySet<string> {
	let fields = secretFieldSets.get(shape as RecordShape<never>);
	if (!fields) secretFieldSets.set(shape as RecordShape<never>, (fields = new Set(shape.secretFields)));
	return fields;
}

/** A copy of the record without its secrets (unless `includeSecrets`) and without annotations. */
export function cleanRecord<T extends object>(record: T, shape: RecordShape<T>, includeSecrets: boolean): IDataObject {
	// Secrets at any depth and annotations in one pass over the record, no deletes afterwards.
	if (!includeSecrets && shape.nested) return copyWithout(record, secretFieldsOf(shape), shape.isAnnotation) as IDataObject;
	const copy = includeSecrets ? { ...(record as IDataObject) } : withoutFields(record as IDataObject, shape.secretFields);
	if (shape.isAnnotation) for (const key of Object.keys(copy)) if (shape.isAnnotation(key)) delete copy[key];
	return copy;
}

/** The Output parameter applied to one record: the cleaned raw record, or the normalised extension. */
export function shapeOutput<T extends object>(
	record: T,
	shape: RecordShape<T>,
	mode: OutputMode,
	includeSecrets: boolean,
): IDataObject {
	const raw = cleanRecord(record, shape, includeSecrets);
	return mode === 'raw' ? raw : shape.normalise(record, raw);
}

/** A vendor's `shapeRecord` and `normaliseRecord` (its helpers/record.ts), built from its RecordShape. */
export function recordOutput(shape: RecordShape) {
	return {
		/** A record as an output item: the Output parameter applied, secrets removed unless asked for. */
		shapeRecord: (record: IDataObject, output: OutputMode, includeSecrets: boolean): IDataObject =>
			shapeOutput(record, shape, output, includeSecrets),
		/** A record as the package's normalised extension (see extension.ts). */
		normaliseRecord: (record: IDataObject, includeSecrets = false): NormalisedExtension =>
			shapeOutput(record, shape, 'normalised', includeSecrets) as NormalisedExtension,
	};
}
