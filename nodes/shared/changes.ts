/**
 * Pure change detection for the change triggers: a compact digest per extension kept
 * between polls, and the diff of the current list against it, computed by Compare
 * Extensions' own join (compare.ts) on the digests. No n8n runtime imports, so unit tests
 * and the benchmark call it directly.
 *
 * State size: each extension is stored as `"<number>": "<digest><id>"`, where the digest is
 * 4 characters per watched field (24 bits of a 53-bit hash, base64url) and the vendor's id
 * is appended only when it differs from the number. With the default three watched fields
 * that is about 25–30 bytes of JSON per extension. Previous values are kept only when asked
 * for (Keep Previous Values), which costs their size in addition.
 */
import type { IDataObject } from 'n8n-workflow';

import type { CompareOptions } from './compare';
import { compareExtensions } from './compare';
import type { NormalisedExtension } from './extension';

export type ChangeEvent = 'created' | 'updated' | 'deleted';

export const CHANGE_EVENTS: ChangeEvent[] = ['created', 'updated', 'deleted'];

/** Characters of the digest per watched field. */
export const DIGEST_CHARS = 4;

export const STATE_VERSION = 1;

/** What a trigger keeps in its workflow static data between polls. */
export interface ChangeState {
	/** Format version. */
	v: number;
	/** The watched fields the digests were made of, comma-separated, in digest order. */
	f: string;
	/** The filters the list was read with (a changed filter takes a new baseline). */
	q: string;
	/** number → digest (+ id when it differs from the number), or [that, previous values]. */
	e: Record<string, string | [string, IDataObject]>;
}

export interface ChangeSettings {
	/** Fields whose change counts as an update, in a stable order. */
	fields: string[];
	/** Filters as one string; a different value than the state's takes a new baseline. */
	filters: string;
	/** Keep the watched fields' values in the state, so updates and deletions carry them. */
	keepPrevious: boolean;
	/** The vendor's `source` value, for the extension of a deletion. */
	source: string;
}

export interface ChangeItem extends IDataObject {
	event: ChangeEvent;
	/** The extension now (created, updated) or as last seen (deleted: number, id, source and any kept values). */
	extension: IDataObject;
	/** Watched fields whose value changed (updated only). */
	changedFields?: string[];
	/** The watched fields' values before the change (updated, deleted; only with Keep Previous Values). */
	previous?: IDataObject;
}

export interface ChangeResult {
	/** True when there was no usable state: nothing was compared, `state` is the baseline. */
	baseline: boolean;
	created: ChangeItem[];
	updated: ChangeItem[];
	deleted: ChangeItem[];
	/** Counts for the mass-change guard (current = "local", stored = "remote"). */
	currentTotal: number;
	storedTotal: number;
	/** The state to store once the poll has succeeded. */
	state: ChangeState;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** cyrb53 (a public-domain 53-bit string hash); no crypto module in node code. */
function hash53(text: string): number {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ c, 2654435761);
		h2 = Math.imul(h2 ^ c, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * The text a value is hashed from. Missing, null, empty text and empty lists are the same
 * (a vendor that leaves an empty e-mail out is not a change); objects by sorted keys.
 */
export function canonicalValue(value: unknown): string {
	if (value === undefined || value === null || value === '') return '';
	if (Array.isArray(value)) return value.length === 0 ? '' : `[${value.map(canonicalValue).join(',')}]`;
	if (typeof value === 'object') {
		const record = value as Record<string, unknown>;
		return `{${Object.keys(record)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonicalValue(record[key])}`)
			.join(',')}}`;
	}
	return `${typeof value}:${String(value)}`;
}

/** 4 base64url characters (24 bits) of the value's hash. */
export function fieldDigest(value: unknown): string {
	let h = hash53(canonicalValue(value)) % 16777216;
	let out = '';
	for (let i = 0; i < DIGEST_CHARS; i++) {
		out += BASE64URL[h & 63];
		h = Math.floor(h / 64);
	}
	return out;
}

export function extensionDigest(extension: IDataObject, fields: string[]): string {
	let out = '';
	for (const field of fields) out += fieldDigest(extension[field]);
	return out;
}

function entryText(entry: string | [string, IDataObject]): string {
	return typeof entry === 'string' ? entry : entry[0];
}

/** True when `value` is a state this version can compare against. */
export function isChangeState(value: unknown): value is ChangeState {
	const state = value as ChangeState | undefined;
	return (
		state !== undefined &&
		state !== null &&
		state.v === STATE_VERSION &&
		typeof state.f === 'string' &&
		typeof state.q === 'string' &&
		state.e !== null &&
		typeof state.e === 'object'
	);
}

/** Builds the state for a list (the baseline, or the state after a successful poll). */
export function buildState(extensions: readonly NormalisedExtension[], settings: ChangeSettings): ChangeState {
	const e: ChangeState['e'] = {};
	for (const extension of extensions) {
		if (!extension.number) continue;
		const id = extension.id !== undefined && extension.id !== extension.number ? extension.id : '';
		const text = extensionDigest(extension, settings.fields) + id;
		if (settings.keepPrevious) {
			const values: IDataObject = {};
			for (const field of settings.fields) if (extension[field] !== undefined) values[field] = extension[field];
			e[extension.number] = [text, values];
		} else {
			e[extension.number] = text;
		}
	}
	return { v: STATE_VERSION, f: settings.fields.join(','), q: settings.filters, e };
}

const JOIN: Partial<CompareOptions> = {
	localKey: 'number',
	remoteKey: 'number',
	keyMatching: 'exact',
	looseRules: [],
	// Two extensions with one number make the picture ambiguous; the poll fails instead.
	duplicates: 'error',
	missingKeys: 'skip',
};

/**
 * Compares the current list with the stored state. Without a usable state (first poll, or
 * different filters) the result is a baseline with no events. Fields watched now but not
 * when the state was stored are not compared this once (their old digests are unknown).
 * Throws CompareInputError for duplicate numbers in the current list.
 */
export function diffChanges(
	extensions: readonly NormalisedExtension[],
	stored: unknown,
	settings: ChangeSettings,
): ChangeResult {
	const state = buildState(extensions, settings);
	const result: ChangeResult = {
		baseline: true,
		created: [],
		updated: [],
		deleted: [],
		currentTotal: extensions.length,
		storedTotal: 0,
		state,
	};
	if (!isChangeState(stored) || stored.q !== settings.filters) return result;
	result.baseline = false;

	const storedFields = stored.f === '' ? [] : stored.f.split(',');
	const compared = settings.fields.filter((field) => storedFields.includes(field));
	// One digest item per extension on each side; Compare Extensions joins them by number.
	const currentItems = extensions.map((extension) => {
		const item: IDataObject = { number: extension.number };
		for (const field of compared) item[field] = fieldDigest(extension[field]);
		return item;
	});
	const storedNumbers = Object.keys(stored.e);
	const storedItems = storedNumbers.map((number) => {
		const text = entryText(stored.e[number]);
		const item: IDataObject = { number };
		for (const field of compared) {
			const at = storedFields.indexOf(field) * DIGEST_CHARS;
			item[field] = text.slice(at, at + DIGEST_CHARS);
		}
		return item;
	});
	result.storedTotal = storedItems.length;

	const joined = compareExtensions(currentItems, storedItems, {
		...JOIN,
		fields: compared.map((field) => ({ local: field, remote: field })),
	});
	const previousOf = (number: string): IDataObject | undefined => {
		const entry = stored.e[number];
		return settings.keepPrevious && Array.isArray(entry) ? { ...entry[1] } : undefined;
	};
	for (const index of joined.localOnly) {
		result.created.push({ event: 'created', extension: extensions[index] });
	}
	for (const pair of joined.changed) {
		const item: ChangeItem = {
			event: 'updated',
			extension: extensions[pair.local],
			changedFields: pair.differences.map((difference) => difference.field),
		};
		const previous = previousOf(pair.key);
		if (previous) item.previous = previous;
		result.updated.push(item);
	}
	for (const index of joined.remoteOnly) {
		const number = storedNumbers[index];
		const text = entryText(stored.e[number]);
		const id = text.slice(storedFields.length * DIGEST_CHARS);
		const previous = previousOf(number);
		// An id equal to the number is not stored (OpenVox's id is the number).
		const extension: IDataObject = { number, id: id === '' ? number : id, source: settings.source, ...(previous ?? {}) };
		const item: ChangeItem = { event: 'deleted', extension };
		if (previous) item.previous = previous;
		result.deleted.push(item);
	}
	return result;
}
