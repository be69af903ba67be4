/**
 * Pure change detection for the change triggers: a compact digest per extension kept
 * between polls, and the diff of the current list against it: one pass over the list against
 * the stored map (keyed by number), reusing each extension's digests for the new state, then a
 * pairing by the vendor's id so that a renumbered extension is one update. No n8n runtime
 * imports, so unit tests and the benchmark call it directly.
 *
 * State size: each extension is stored as `"<number>": "<digest><id>"`, where the digest is
 * 4 characters per watched field (24 bits of a 53-bit hash, base64url) and the vendor's id
 * is appended only when it differs from the number. With the default three watched fields
 * that is about 25–30 bytes of JSON per extension. Previous values are kept only when asked
 * for (Keep Previous Values), which costs their size in addition.
 */
import type { IDataObject } from 'n8n-workflow';

import type { NormalisedExtension } from './extension';

export type ChangeEvent = 'created' | 'updated' | 'deleted';

export const CHANGE_EVENTS: ChangeEvent[] = ['created', 'updated', 'deleted'];

/** Characters of the digest per watched field. */
export const DIGEST_CHARS = 4;

/**
 * Format version. Version 1 is read as written since the triggers were released; `p` was added
 * to it later as an optional field (a state without it is compared, then stored with it).
 */
export const STATE_VERSION = 1;

/** What a trigger keeps in its workflow static data between polls. */
export interface ChangeState {
	/** Format version. */
	v: number;
	/** The watched fields the digests were made of, comma-separated, in digest order. */
	f: string;
	/** The filters the list was read with (a changed filter takes a new baseline). */
	q: string;
	/** Fingerprint of the PBX the list was read from (another PBX takes a new baseline). */
	p?: string;
	/**
	 * number → digest (+ id when it differs from the number), or [that, previous values]. Built
	 * without a prototype, so a number such as `__proto__` is a key like any other.
	 */
	e: Record<string, StateEntry>;
}

export type StateEntry = string | [string, IDataObject];

export interface ChangeSettings {
	/** Fields whose change counts as an update, in a stable order. */
	fields: string[];
	/** Filters as one string; a different value than the state's takes a new baseline. */
	filters: string;
	/** Keep the watched fields' values in the state, so updates and deletions carry them. */
	keepPrevious: boolean;
	/** The vendor's `source` value, for the extension of a deletion. */
	source: string;
	/** Fingerprint of the PBX (`pbxFingerprint`); undefined: unknown, never a reason for a new baseline. */
	pbx?: string;
}

export interface ChangeItem extends IDataObject {
	event: ChangeEvent;
	/** The extension now (created, updated) or as last seen (deleted: number, id, source and any kept values). */
	extension: IDataObject;
	/** Watched fields whose value changed, after `number` when the extension was renumbered (updated only). */
	changedFields?: string[];
	/**
	 * Before the change: the old `number` of a renumbered extension, and with Keep Previous
	 * Values the watched fields' values (updated, deleted).
	 */
	previous?: IDataObject;
}

/**
 * One event item. Every item the triggers emit is made here (the diff's events, the existing
 * extensions of a first poll, Fetch Test Event's samples), so a field added to events is added once.
 */
export function changeItem(event: ChangeEvent, extension: IDataObject, changedFields?: string[], previous?: IDataObject): ChangeItem {
	const item: ChangeItem = { event, extension };
	if (changedFields) item.changedFields = changedFields;
	if (previous) item.previous = previous;
	return item;
}

/** Why a poll compared nothing and took a new baseline. */
export type BaselineReason =
	| { kind: 'first' }
	| { kind: 'filters' }
	| { kind: 'pbx' }
	/** `detail` says what could not be read, e.g. "format version 2". */
	| { kind: 'unreadable'; detail: string };

export interface ChangeResult {
	/** True when there was no usable state: nothing was compared, `state` is the baseline. */
	baseline: boolean;
	/** Why, when `baseline` is true. */
	reason?: BaselineReason;
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

/**
 * What identifies a PBX, as a short digest (53 bits): the parts (e.g. the base URL, and the
 * Cloudonix domain) with the URL's scheme and host in lower case. Not a secret, and holds none.
 */
export function pbxFingerprint(parts: readonly string[]): string {
	const canonical = parts.map((part) => {
		const text = part.trim();
		try {
			const url = new URL(text);
			return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
		} catch {
			return text;
		}
	});
	let h = hash53(JSON.stringify(canonical));
	let out = '';
	for (let i = 0; i < 9; i++) {
		out += BASE64URL[h % 64];
		h = Math.floor(h / 64);
	}
	return out;
}

function isPlainObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const DIGEST_TEXT = /^[A-Za-z0-9_-]*$/;

/** A stored entry as [digest + id, kept values], or undefined when it is not one this version wrote. */
export function storedEntry(entry: unknown, digestLength: number): [string, IDataObject | undefined] | undefined {
	let text: unknown = entry;
	let values: IDataObject | undefined;
	if (Array.isArray(entry)) {
		if (entry.length !== 2 || !isPlainObject(entry[1])) return undefined;
		[text, values] = entry as [unknown, IDataObject];
	}
	if (typeof text !== 'string' || text.length < digestLength || !DIGEST_TEXT.test(text.slice(0, digestLength))) return undefined;
	return [text, values];
}

/** What is wrong with a stored state's frame (entries are checked as they are read), or undefined. */
function stateProblem(value: unknown): string | undefined {
	if (!isPlainObject(value)) return Array.isArray(value) ? 'a list instead of a state' : `${value === null ? 'null' : typeof value} instead of a state`;
	if (value.v !== STATE_VERSION) return value.v === undefined ? 'no format version' : `format version ${JSON.stringify(value.v)}`;
	if (typeof value.f !== 'string') return 'the watched fields are not text';
	if (typeof value.q !== 'string') return 'the filters are not text';
	if (value.p !== undefined && typeof value.p !== 'string') return 'the PBX fingerprint is not text';
	if (!isPlainObject(value.e)) return 'the extensions are not a map of numbers';
	return undefined;
}

/** The largest array index: a key V8 can only hold in a dictionary. */
const LARGEST_INDEX = '4294967294';

/**
 * An empty map for the state's entries, without a prototype (so `__proto__` is a key like any
 * other), kept by V8 as a dictionary from the start. Extension numbers are mostly integer-like
 * keys, which V8 stores as array elements while they are dense; when a list's numbers run
 * contiguously and then jump (100…999, then 5000…), it switches that store between array and
 * dictionary on every insert after the jump, about 0.3 ms each at 100,000 extensions. A key at
 * the largest index, added and removed, makes the store a dictionary for good.
 */
function entryMap(): ChangeState['e'] {
	const e = Object.create(null) as ChangeState['e'];
	e[LARGEST_INDEX] = '';
	delete e[LARGEST_INDEX];
	return e;
}

/** Builds the state for a list (the baseline, or the state after a successful poll). */
export function buildState(extensions: readonly NormalisedExtension[], settings: ChangeSettings): ChangeState {
	const e = entryMap();
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
	return withFrame(e, settings);
}

/** A state: the entries with the settings they were made with. */
function withFrame(e: ChangeState['e'], settings: ChangeSettings): ChangeState {
	const pbx = settings.pbx === undefined ? {} : { p: settings.pbx };
	return { v: STATE_VERSION, f: settings.fields.join(','), q: settings.filters, ...pbx, e };
}

/** Why the stored state cannot be compared against, or undefined when it can (its entries are checked as they are read). */
export function baselineReason(stored: unknown, settings: ChangeSettings): BaselineReason | undefined {
	if (stored === undefined) return { kind: 'first' };
	const problem = stateProblem(stored);
	if (problem) return { kind: 'unreadable', detail: problem };
	const state = stored as ChangeState;
	if (state.q !== settings.filters) return { kind: 'filters' };
	// A state stored before the PBX was remembered is compared (and then stored with it).
	if (settings.pbx !== undefined && state.p !== undefined && state.p !== settings.pbx) return { kind: 'pbx' };
	return undefined;
}

/** Thrown when the current list holds one number twice: events need one extension per number. */
export class DuplicateNumberError extends Error {
	constructor(readonly number: string) {
		super(`Extension number ${JSON.stringify(number)} is listed twice`);
	}
}

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** A remembered extension the current list has under the same number, where something differs. */
interface MatchedPair {
	/** Index in the current list. */
	local: number;
	number: string;
	text: string;
	values: IDataObject | undefined;
	/** Compared fields whose digests differ. */
	differences: string[];
	/** Whether the remembered id differs from the current one. */
	idDiffers: boolean;
}

/**
 * Compares the current list with the stored state in one pass over the list, against the stored
 * map (keyed by number), with each extension's digests computed once for both the comparison and
 * the new state. Without a usable state (first poll, other filters, another PBX, or a state this
 * version cannot read) the result is a baseline with no events. Fields watched now but not when
 * the state was stored are not compared this once (their old digests are unknown). An extension
 * whose number is gone but whose vendor id is in the current list was renumbered: one update with
 * `number` in `changedFields` and the old number in `previous`, never a deletion. Throws
 * DuplicateNumberError for a number the current list holds twice.
 */
export function diffChanges(
	extensions: readonly NormalisedExtension[],
	stored: unknown,
	settings: ChangeSettings,
): ChangeResult {
	const reason = baselineReason(stored, settings);
	if (reason) return baseline(extensions, settings, reason);
	const previousState = stored as ChangeState;
	const storedE = previousState.e;
	const { fields, keepPrevious } = settings;

	const storedFields = previousState.f === '' ? [] : previousState.f.split(',');
	const digestLength = storedFields.length * DIGEST_CHARS;
	// Where each compared field's digest sits, now and in the stored text. With the same watched
	// fields an unchanged extension's text equals the stored one, which is the common case.
	const sameFields = previousState.f === fields.join(',');
	const compared = fields.filter((field) => storedFields.includes(field));
	const currentAt = compared.map((field) => fields.indexOf(field) * DIGEST_CHARS);
	const storedAt = compared.map((field) => storedFields.indexOf(field) * DIGEST_CHARS);

	const e = entryMap();
	const created: number[] = [];
	const pairs: MatchedPair[] = [];
	let duplicate: string | undefined;
	for (let index = 0; index < extensions.length; index++) {
		const extension = extensions[index];
		const number = extension.number;
		if (!number) continue;
		const id = extension.id !== undefined && extension.id !== number ? extension.id : '';
		const text = extensionDigest(extension, fields) + id;
		if (e[number] !== undefined) duplicate ??= number;
		if (keepPrevious) {
			const values: IDataObject = {};
			for (const field of fields) if (extension[field] !== undefined) values[field] = extension[field];
			e[number] = [text, values];
		} else {
			e[number] = text;
		}
		const entry = storedE[number];
		// An entry is text or a list: anything else (nothing, or a member of Object.prototype such as
		// `constructor` on a state parsed from JSON) is only an entry if it is the state's own.
		if (entry === undefined || (typeof entry !== 'string' && !hasOwn(storedE, number))) {
			created.push(index);
			continue;
		}
		if (sameFields && (entry === text || (Array.isArray(entry) && entry[0] === text && entry.length === 2 && isPlainObject(entry[1])))) continue;
		const parts = storedEntry(entry, digestLength);
		if (!parts) return baseline(extensions, settings, UNREADABLE_ENTRY);
		const [storedText, values] = parts;
		const differences: string[] = [];
		for (let f = 0; f < compared.length; f++) {
			if (text.slice(currentAt[f], currentAt[f] + DIGEST_CHARS) !== storedText.slice(storedAt[f], storedAt[f] + DIGEST_CHARS)) differences.push(compared[f]);
		}
		const idDiffers = (storedText.slice(digestLength) || number) !== (extension.id ?? number);
		if (differences.length || idDiffers) pairs.push({ local: index, number, text: storedText, values, differences, idDiffers });
	}

	// Remembered numbers the list does not have: deletions, unless renumbered (below).
	const storedNumbers = Object.keys(storedE);
	const missing: Array<[string, string, IDataObject | undefined]> = [];
	for (const number of storedNumbers) {
		if (number !== '' && e[number] !== undefined) continue;
		const parts = storedEntry(storedE[number], digestLength);
		if (!parts) return baseline(extensions, settings, UNREADABLE_ENTRY);
		// An empty number was never written by a trigger; like an extension without one, it is not compared.
		if (number !== '') missing.push([number, ...parts]);
	}
	if (duplicate !== undefined) throw new DuplicateNumberError(duplicate);

	const result: ChangeResult = {
		baseline: false,
		created: [],
		updated: [],
		deleted: [],
		currentTotal: extensions.length,
		storedTotal: storedNumbers.length,
		state: withFrame(e, settings),
	};
	const previousOf = (values: IDataObject | undefined): IDataObject | undefined => (keepPrevious && values ? { ...values } : undefined);
	const storedIdOf = (number: string, text: string) => text.slice(digestLength) || number;
	const currentId = (index: number) => extensions[index].id ?? extensions[index].number;

	// Renumbers: a remembered number that is gone, whose id is now on a created extension, or on
	// an extension whose number was matched to a remembered one with another id. That remembered
	// one then looks for its own id in turn; if it finds none it is no deletion, since its number
	// lives on.
	const createdById = new Map<string, number>();
	for (const index of created) if (!createdById.has(currentId(index))) createdById.set(currentId(index), index);
	const matchedById = new Map<string, number>();
	pairs.forEach((pair, at) => {
		const id = currentId(pair.local);
		if (pair.idDiffers && !matchedById.has(id)) matchedById.set(id, at);
	});
	const renumbered = new Map<number, [string, string, IDataObject | undefined]>(); // current index → remembered entry
	const dissolved = new Set<number>();
	const gone: Array<[string, string, IDataObject | undefined]> = [];
	const candidates: Array<[[string, string, IDataObject | undefined], boolean]> = missing.map((entry) => [entry, false]);
	for (let next = 0; next < candidates.length; next++) {
		const [entry, numberLives] = candidates[next];
		const id = storedIdOf(entry[0], entry[1]);
		const index = createdById.get(id);
		if (index !== undefined) {
			createdById.delete(id);
			renumbered.set(index, entry);
			continue;
		}
		const at = matchedById.get(id);
		if (at !== undefined) {
			matchedById.delete(id);
			dissolved.add(at);
			const pair = pairs[at];
			renumbered.set(pair.local, entry);
			candidates.push([[pair.number, pair.text, pair.values], true]);
			continue;
		}
		if (!numberLives) gone.push(entry);
	}

	for (const index of created) if (!renumbered.has(index)) result.created.push(changeItem('created', extensions[index]));
	// Updates in list order: matched numbers with changed fields, and renumbers.
	const updates: Array<[number, ChangeItem]> = [];
	pairs.forEach((pair, at) => {
		if (dissolved.has(at) || pair.differences.length === 0) return;
		updates.push([pair.local, changeItem('updated', extensions[pair.local], pair.differences, previousOf(pair.values))]);
	});
	for (const [index, [number, text, values]] of renumbered) {
		const now = extensionDigest(extensions[index], fields);
		const changedFields = ['number'];
		for (let f = 0; f < compared.length; f++) {
			if (now.slice(currentAt[f], currentAt[f] + DIGEST_CHARS) !== text.slice(storedAt[f], storedAt[f] + DIGEST_CHARS)) changedFields.push(compared[f]);
		}
		updates.push([index, changeItem('updated', extensions[index], changedFields, { number, ...previousOf(values) })]);
	}
	if (renumbered.size) updates.sort(([a], [b]) => a - b);
	result.updated = updates.map(([, item]) => item);
	for (const [number, text, values] of gone) {
		const previous = previousOf(values);
		result.deleted.push(changeItem('deleted', { number, id: storedIdOf(number, text), source: settings.source, ...(previous ?? {}) }, undefined, previous));
	}
	return result;
}

const UNREADABLE_ENTRY: BaselineReason = { kind: 'unreadable', detail: "an extension's entry is not a digest" };

/** No comparison: the list's state, and why. */
function baseline(extensions: readonly NormalisedExtension[], settings: ChangeSettings, reason: BaselineReason): ChangeResult {
	return { baseline: true, reason, created: [], updated: [], deleted: [], currentTotal: extensions.length, storedTotal: 0, state: buildState(extensions, settings) };
}
