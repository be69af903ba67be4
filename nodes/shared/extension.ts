import type { IDataObject } from 'n8n-workflow';

/**
 * The package's vendor-neutral extension shape. Every vendor node can emit it so that
 * Compare Extensions can join records from different PBXs on `number` without Set nodes.
 * Fields a vendor does not have are left out rather than set to null.
 */
export interface NormalisedExtension extends IDataObject {
	/** The dialable extension number (3CX Number, Cloudonix MSISDN, sipXcom userName, OpenVox extnumber). */
	number: string;
	name?: string;
	firstName?: string;
	lastName?: string;
	email?: string;
	mobile?: string;
	enabled?: boolean;
	status?: string;
	aliases?: string[];
	/** The vendor's own identifier of the record, as a string. */
	id?: string;
	/** Which vendor the record came from: `3cx`, `cloudonix`, `sipxcom`, `openvox`. */
	source: string;
	/** The record as the vendor returned it (secrets removed unless the user asked for them). */
	raw: IDataObject;
}

/** Builds a NormalisedExtension, dropping fields that are undefined. */
export function normalisedExtension(fields: NormalisedExtension): NormalisedExtension {
	const out: IDataObject = {};
	// for…in with the own-property check: Object.keys' keys in its order, read without a lookup by name.
	for (const key in fields) {
		if (!Object.prototype.hasOwnProperty.call(fields, key)) continue;
		const value = fields[key];
		if (value !== undefined) out[key] = value;
	}
	return out as NormalisedExtension;
}

/** Joins first and last name the way PBX directories display them. */
export function displayName(firstName?: unknown, lastName?: unknown): string | undefined {
	const first = typeof firstName === 'string' ? firstName.trim() : '';
	const last = typeof lastName === 'string' ? lastName.trim() : '';
	return first && last ? `${first} ${last}` : first || last || undefined;
}
