import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { NormalisedExtension } from '../../shared/extension';
import { displayName, normalisedExtension } from '../../shared/extension';
import { outputProperty as sharedOutputProperty, readOutputMode } from '../../shared/properties';

/** The package-wide Output parameter, shown on the operations given. */
export function outputProperty(resource: string, operations: string[]): INodeProperties {
	return sharedOutputProperty({
		resource,
		operations,
		normalised:
			'The package\'s vendor-neutral shape (number ← userName, name, email, aliases …) that Compare Extensions matches on',
		raw: 'The user as sipXconfig returns it, converted to JSON',
	});
}

/** Fields that hold secrets in sipXconfig records (REST pin/sipPassword, SOAP pintoken, phone line password). */
const SECRET_KEYS = new Set(['pin', 'sipPassword', 'pintoken', 'voicemailPin', 'password']);

/** Removes secret fields, recursively (phone lines carry SIP passwords). */
export function stripSecrets<T>(value: T): T {
	if (Array.isArray(value)) return value.map((v) => stripSecrets(v)) as unknown as T;
	if (value !== null && typeof value === 'object') {
		const out: IDataObject = {};
		for (const [key, v] of Object.entries(value as IDataObject)) {
			if (!SECRET_KEYS.has(key)) out[key] = stripSecrets(v);
		}
		return out as T;
	}
	return value;
}

function str(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A sipXcom user (REST or SOAP record) as the package's normalised extension. */
export function toNormalised(user: IDataObject, raw: IDataObject): NormalisedExtension {
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
}

/** Applies the Output parameter (and secret stripping) to a user record. */
export function shapeUser(ctx: IExecuteFunctions, itemIndex: number, record: object, includeSecrets = false): IDataObject {
	const user = record as IDataObject;
	const raw = includeSecrets ? user : stripSecrets(user);
	const output = readOutputMode(ctx, itemIndex);
	return output === 'raw' ? raw : toNormalised(user, raw);
}

/** Splits "a, b\nc" into trimmed, non-empty, de-duplicated entries. */
export function splitList(value: unknown): string[] {
	const list = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\n,;]/);
	return [...new Set(list.map((v) => v.trim()).filter((v) => v !== ''))];
}

/** Reads a required, non-empty string parameter or throws naming it. */
export function requiredString(ctx: IExecuteFunctions, name: string, display: string, itemIndex: number): string {
	const value = String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value) {
		throw new NodeOperationError(ctx.getNode(), `"${display}" is empty for item ${itemIndex}`, {
			itemIndex,
			description: `Set "${display}" (it may come from an expression) and run again.`,
		});
	}
	return value;
}

/** A sipXconfig internal id: digits only. */
export function numericId(ctx: IExecuteFunctions, value: string, display: string, itemIndex: number): string {
	if (!/^\d+$/.test(value)) {
		throw new NodeOperationError(ctx.getNode(), `"${display}" must be a numeric sipXconfig ID, got "${value}" (item ${itemIndex})`, {
			itemIndex,
			description: 'The ID is the internal number sipXconfig shows in the user\'s URL and in Get Many output (field id), not the user name.',
		});
	}
	return value;
}

/** Parses a list of numeric ids (groups, branch) from a multi-select or text. */
export function idList(ctx: IExecuteFunctions, value: unknown, display: string, itemIndex: number): number[] {
	return splitList(value).map((entry) => Number(numericId(ctx, entry, display, itemIndex)));
}
