import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { sameValue, valueAt } from './dryRun';

/*
 * Options › Only If Unchanged: the values a record had when it was compared (Compare Extensions'
 * `compared.remote`), checked against the record as it is just before the write. A difference
 * fails the item and nothing is written for it.
 */

/** The fields of the package's normalised extension, looked up there before the vendor's raw record. */
const NORMALISED_FIELDS = new Set(['number', 'name', 'firstName', 'lastName', 'email', 'mobile', 'enabled', 'status', 'aliases', 'id']);

export function onlyIfUnchangedProperty(record: string): INodeProperties {
	return {
		displayName: 'Only If Unchanged',
		name: 'onlyIfUnchanged',
		type: 'json',
		default: '',
		placeholder: 'e.g. {{ $json.compared.remote }}',
		description: `The values the ${record} had when it was reviewed, as a JSON object of field: value, e.g. {"name": "Ann Smith", "enabled": true} or the compared.remote field of a Compare Extensions item. Fields are the normalised extension's (number, name, firstName, lastName, email, mobile, enabled, status, aliases, ID) or the vendor's raw record's (dotted paths allowed). If any differs when the node reads the ${record} just before writing, the item fails and nothing is written for it. Empty: no check.`,
	};
}

/** The expected values of an item, or undefined when the option is empty. */
export function readOnlyIfUnchanged(ctx: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const raw = ctx.getNodeParameter('options.onlyIfUnchanged', itemIndex, '') as unknown;
	if (raw === undefined || raw === null || raw === '') return undefined;
	let value = raw;
	if (typeof raw === 'string') {
		if (raw.trim() === '') return undefined;
		try {
			value = JSON.parse(raw);
		} catch {
			throw new NodeOperationError(ctx.getNode(), `The option "Only If Unchanged" is not valid JSON in item ${itemIndex}`, {
				itemIndex,
				description: 'Give a JSON object of field: value, e.g. {"name": "Ann Smith"} or {{ $json.compared.remote }}.',
			});
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new NodeOperationError(ctx.getNode(), `The option "Only If Unchanged" must be a JSON object in item ${itemIndex}`, {
			itemIndex,
			description: 'Give a JSON object of field: value, e.g. {"name": "Ann Smith"} or {{ $json.compared.remote }}.',
		});
	}
	return Object.keys(value).length ? (value as IDataObject) : undefined;
}

export interface CheckedRecord {
	/** E.g. "Cloudonix subscriber". */
	what: string;
	/** The record's number (or name) in the message. */
	number: string;
	/** The vendor's record as read just now (secrets included: they are masked in the message). */
	raw: IDataObject | undefined;
	/** The same record as the node's normalised extension. */
	normalised?: IDataObject;
	/** Raw fields whose values never appear in the message. */
	secretFields: readonly string[];
}

function shown(value: unknown, secret: boolean): string {
	if (secret && value !== undefined && value !== null) return '***';
	return value === undefined ? 'missing' : JSON.stringify(value);
}

/**
 * Fails the item when a field's current value differs from the expected one (or the record is
 * gone): `<what> <number> changed since it was compared: <field> (was <expected>, now <current>)…`.
 */
export function assertUnchanged(ctx: IExecuteFunctions, itemIndex: number, expected: IDataObject, record: CheckedRecord): void {
	if (!record.raw) {
		throw new NodeOperationError(ctx.getNode(), `${record.what} ${record.number} changed since it was compared: it no longer exists`, {
			itemIndex,
			description: 'Nothing was written for this item. Compare again to see the current state.',
		});
	}
	const differences: string[] = [];
	for (const [field, was] of Object.entries(expected)) {
		const now = NORMALISED_FIELDS.has(field) && record.normalised ? record.normalised[field] : valueAt(record.raw, field);
		if (sameValue(was, now)) continue;
		const secret = record.secretFields.includes(field.split('.').pop() ?? field);
		differences.push(`${field} (was ${shown(was, secret)}, now ${shown(now, secret)})`);
	}
	if (differences.length) {
		throw new NodeOperationError(ctx.getNode(), `${record.what} ${record.number} changed since it was compared: ${differences.join(', ')}`, {
			itemIndex,
			description: 'Nothing was written for this item. Compare again to see the current state, then review and apply.',
		});
	}
}
