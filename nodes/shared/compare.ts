/**
 * Pure comparison of two extension lists by key: a hash join in O(n + m).
 * No n8n imports, so unit tests and the benchmark can call it directly.
 */
import { HASH_START, KeyIndex, hashEnd, hashText } from './keyIndex';

export type KeyMatching = 'trimCaseInsensitive' | 'exact' | 'digitsOnly';
export type LooseRule = 'numberString' | 'booleanString' | 'emptyMissing';
export type DuplicateHandling = 'error' | 'matchAll';
export type MissingKeyHandling = 'error' | 'unmatched' | 'skip';
export type Side = 'local' | 'remote';
/** What a key value that is an object or array means: missing (version 1) or an error (version 2). */
export type ObjectKeyHandling = 'asMissing' | 'error';

export interface FieldPair {
	local: string;
	remote: string;
	/** Overrides CompareOptions.ignoreCase for this pair. */
	ignoreCase?: boolean;
	/** Overrides CompareOptions.trimValues for this pair. */
	trimValues?: boolean;
}

/** One part of a composite key, normalised on its own. */
export interface KeyPart {
	local: string;
	remote: string;
	keyMatching: KeyMatching;
	stripPrefixes: string[];
	lastDigits: number;
}

export interface CompareOptions {
	localKey: string;
	remoteKey: string;
	keyMatching: KeyMatching;
	/** Prefixes removed from the normalised key, longest first (e.g. a country code). */
	stripPrefixes: string[];
	/** Keep only the last N characters of the normalised key; 0 keeps all. */
	lastDigits: number;
	fields: FieldPair[];
	looseRules: LooseRule[];
	ignoreCase: boolean;
	trimValues: boolean;
	duplicates: DuplicateHandling;
	missingKeys: MissingKeyHandling;
	/**
	 * Parts that together form the key (site + number, tenant + MSISDN). When given, they
	 * replace localKey, remoteKey, keyMatching, stripPrefixes and lastDigits.
	 */
	keys?: KeyPart[];
	objectKeys?: ObjectKeyHandling;
	/**
	 * Trimmed, Case-Insensitive also matches text as people see it (version 3): Unicode NFC,
	 * invisible format characters (\p{Cf}, e.g. a zero-width space) removed.
	 */
	unicodeKeys?: boolean;
}

export interface Difference {
	field: string;
	local: unknown;
	remote: unknown;
}

export interface MatchedPair {
	/** The normalised key; a composite key's parts are joined by KEY_SEPARATOR (see keyParts). */
	key: string;
	local: number;
	remote: number;
	differences: Difference[];
}

export interface CompareResult {
	localOnly: number[];
	remoteOnly: number[];
	synced: MatchedPair[];
	changed: MatchedPair[];
	/** Items left out because their key was missing and the user chose to skip them. */
	skipped: { side: Side; index: number }[];
}

export class CompareInputError extends Error {
	constructor(
		message: string,
		readonly side: Side,
		readonly indexes: number[],
		readonly description?: string,
	) {
		super(message);
		this.name = 'CompareInputError';
	}
}

export const DEFAULT_OPTIONS: CompareOptions = {
	localKey: 'number',
	remoteKey: 'number',
	keyMatching: 'trimCaseInsensitive',
	stripPrefixes: [],
	lastDigits: 0,
	fields: [],
	looseRules: ['numberString', 'booleanString', 'emptyMissing'],
	ignoreCase: false,
	trimValues: false,
	duplicates: 'error',
	missingKeys: 'error',
	objectKeys: 'asMissing',
};

/** Joins the parts of a composite key: a control character that PBX keys do not hold. */
export const KEY_SEPARATOR = '\u001f';
/**
 * Precedes a KEY_SEPARATOR or KEY_ESCAPE inside a part, so that no two different part lists
 * join as one ("A␟B" + "1" and "A" + "B␟1" stay apart). Parts without either character, which
 * is every real key, join exactly as plain text.
 */
const KEY_ESCAPE = '\u001e';
const KEY_SPECIAL = /[\u001e\u001f]/g;

/** A part as it goes into a composite key. */
function keyPartText(part: string): string {
	return part.indexOf(KEY_SEPARATOR) === -1 && part.indexOf(KEY_ESCAPE) === -1 ? part : part.replace(KEY_SPECIAL, `${KEY_ESCAPE}$&`);
}

/** The normalised parts of a matched pair's key. */
export function keyParts(key: string): string[] {
	if (key.indexOf(KEY_ESCAPE) === -1) return key.split(KEY_SEPARATOR);
	const parts: string[] = [];
	let part = '';
	for (let i = 0; i < key.length; i++) {
		const char = key[i];
		if (char === KEY_ESCAPE) part += key[++i];
		else if (char === KEY_SEPARATOR) {
			parts.push(part);
			part = '';
		} else part += char;
	}
	parts.push(part);
	return parts;
}

/** The `field` label of a Difference for a pair: the field name, or "local → remote". */
export function differenceLabel(pair: FieldPair): string {
	return pair.local === pair.remote ? pair.local : `${pair.local} → ${pair.remote}`;
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Reads a value by path. A key that exists as written wins (so `"sip.user"` can be a plain
 * key); otherwise dots and `[n]` walk into objects and arrays.
 */
export function getPath(source: unknown, path: string): unknown {
	if (source === null || typeof source !== 'object') return undefined;
	const record = source as Record<string, unknown>;
	// Own properties only, so "constructor", "__proto__" or "toString" are plain field names.
	if (hasOwn.call(record, path)) return record[path];
	let current: unknown = source;
	for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
		if (part === '') continue;
		if (current === null || typeof current !== 'object' || !hasOwn.call(current, part)) return undefined;
		current = (current as Record<string, unknown>)[part];
	}
	return current;
}

/** Anything outside printable ASCII: only such keys can hold format characters or need NFC. */
const BEYOND_ASCII = /[^\x20-\x7e]/;
/** Invisible format characters: zero-width space and joiners, soft hyphen, direction marks, BOM. */
const FORMAT_CHARACTERS = /\p{Cf}+/gu;

export type KeyNormalisation = Pick<CompareOptions, 'keyMatching' | 'stripPrefixes' | 'lastDigits' | 'unicodeKeys'>;

/** Returns the match key for a raw key value, or undefined when the item has no usable key. */
export function normaliseKey(value: unknown, options: KeyNormalisation): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'object') return undefined;
	let key = String(value);
	switch (options.keyMatching) {
		case 'exact':
			break;
		case 'digitsOnly':
			key = key.replace(/\D+/g, '');
			break;
		default:
			if (options.unicodeKeys && BEYOND_ASCII.test(key)) {
				key = key.replace(FORMAT_CHARACTERS, '').trim().toLowerCase().normalize('NFC');
			} else key = key.trim().toLowerCase();
	}
	for (const prefix of options.stripPrefixes) {
		if (prefix !== '' && key.startsWith(prefix) && key.length > prefix.length) {
			key = key.slice(prefix.length);
			break;
		}
	}
	if (options.lastDigits > 0 && key.length > options.lastDigits) key = key.slice(-options.lastDigits);
	return key === '' ? undefined : key;
}

/** Normalises the user's prefix list the same way keys are normalised, longest first. */
export function normalisePrefixes(prefixes: string[], keyMatching: KeyMatching, unicodeKeys = false): string[] {
	return prefixes
		.map((p) => normaliseKey(p, { keyMatching, stripPrefixes: [], lastDigits: 0, unicodeKeys }) ?? '')
		.filter((p) => p !== '')
		.sort((a, b) => b.length - a.length);
}

const TRUE_WORDS = new Set(['true', 'on', 'yes', 'enabled', 'enable', '1']);
const FALSE_WORDS = new Set(['false', 'off', 'no', 'disabled', 'disable', '0']);

function asBoolean(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	if (value === 1 || value === 0) return value === 1;
	if (typeof value === 'string') {
		const word = value.trim().toLowerCase();
		if (TRUE_WORDS.has(word)) return true;
		if (FALSE_WORDS.has(word)) return false;
	}
	return undefined;
}

function isEmpty(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(Array.isArray(value) && value.length === 0)
	);
}

function isBooleanLike(value: unknown): boolean {
	return typeof value === 'boolean' || (typeof value === 'string' && asBoolean(value) !== undefined && !/^[01]$/.test(value.trim()));
}

function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.keys(value as object)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'undefined';
}

/** Compares two field values under the user's loose rules. */
export function valuesEqual(
	a: unknown,
	b: unknown,
	options: Pick<CompareOptions, 'looseRules' | 'ignoreCase' | 'trimValues'>,
): boolean {
	const rules = options.looseRules;
	if (rules.includes('emptyMissing') && isEmpty(a) && isEmpty(b)) return true;
	if (typeof a === 'string' && typeof b === 'string') {
		let x = a;
		let y = b;
		if (options.trimValues) {
			x = x.trim();
			y = y.trim();
		}
		if (options.ignoreCase) {
			x = x.toLowerCase();
			y = y.toLowerCase();
		}
		if (x === y) return true;
		if (rules.includes('booleanString') && isBooleanLike(a) && isBooleanLike(b)) {
			return asBoolean(a) === asBoolean(b);
		}
		return false;
	}
	if (a === b) return true;
	if (rules.includes('booleanString') && (typeof a === 'boolean' || typeof b === 'boolean')) {
		const x = asBoolean(a);
		const y = asBoolean(b);
		if (x !== undefined && y !== undefined) return x === y;
	}
	if (rules.includes('numberString') && (typeof a === 'number' || typeof b === 'number')) {
		const other = typeof a === 'number' ? b : a;
		const number = typeof a === 'number' ? a : (b as number);
		if (typeof other === 'string' && other.trim() !== '' && Number(other.trim()) === number) return true;
	}
	if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
		return canonical(a) === canonical(b);
	}
	return false;
}

/** A key part for one side, with its prefixes normalised once. */
interface SidePart {
	field: string;
	keyMatching: KeyMatching;
	stripPrefixes: string[];
	lastDigits: number;
	unicodeKeys: boolean;
}

function sideName(side: Side): string {
	return side === 'local' ? 'Local' : 'Remote';
}

function shownIndexes(indexes: number[]): string {
	return indexes.slice(0, 10).join(', ') + (indexes.length > 10 ? ', …' : '');
}

function isObjectValue(value: unknown): boolean {
	return value !== null && typeof value === 'object';
}

function fieldList(parts: SidePart[]): string {
	return parts.map((part) => `"${part.field}"`).join(' + ');
}

/** Which items lack (or hold an object in) each part; only computed on the error path. */
function offendersByPart(items: readonly unknown[], indexes: number[], parts: SidePart[], objects: boolean) {
	return parts
		.map((part) => ({
			field: part.field,
			indexes: indexes.filter((i) => {
				const value = getPath(items[i], part.field);
				return objects ? isObjectValue(value) : !isObjectValue(value) && normaliseKey(value, part) === undefined;
			}),
		}))
		.filter((entry) => entry.indexes.length > 0);
}

function objectKeyError(items: readonly unknown[], indexes: number[], parts: SidePart[], side: Side): CompareInputError {
	const phrases = offendersByPart(items, indexes, parts, true).map(({ field, indexes: found }) => {
		const values = found.map((i) => getPath(items[i], field));
		const kind = values.every(Array.isArray) ? 'an array' : values.some(Array.isArray) ? 'an object or array' : 'an object';
		return `key field "${field}" holds ${kind} in ${found.length} item(s) (item indexes ${shownIndexes(found)})`;
	});
	const field = parts[0].field;
	return new CompareInputError(
		`The ${sideName(side)} input's ${phrases.join('; ')}`,
		side,
		indexes,
		`A key must be text or a number. Point the key field at a value inside it with a dot path, e.g. "${field}.number" or "${field}[0]".`,
	);
}

function missingKeyError(items: readonly unknown[], missing: number[], parts: SidePart[], side: Side): CompareInputError {
	const description =
		'Fix the key field name, filter those items out, or set Options → Items Without a Key to route them as unmatched.';
	if (parts.length === 1) {
		return new CompareInputError(
			`${missing.length} item(s) in the ${sideName(side)} input have no value in key field "${parts[0].field}" (item indexes ${shownIndexes(missing)})`,
			side,
			missing,
			description,
		);
	}
	const phrases = offendersByPart(items, missing, parts, false).map(
		({ field, indexes }) => `no value in "${field}" (item indexes ${shownIndexes(indexes)})`,
	);
	return new CompareInputError(
		`${missing.length} item(s) in the ${sideName(side)} input have no complete key (key fields ${fieldList(parts)}): ${phrases.join(', ')}`,
		side,
		missing,
		description,
	);
}

function duplicateKeyError(key: string, indexes: number[], parts: SidePart[], side: Side): CompareInputError {
	const description =
		'Each key must appear once per input. Remove the duplicates, or set Options → Duplicate Keys to "Match Every Combination".';
	if (parts.length === 1) {
		return new CompareInputError(
			`Duplicate key "${key}" in the ${sideName(side)} input (key field "${parts[0].field}", item indexes ${indexes.join(', ')})`,
			side,
			indexes,
			description,
		);
	}
	const values = keyParts(key)
		.map((value, i) => `${parts[i].field} "${value}"`)
		.join(', ');
	return new CompareInputError(
		`Duplicate key ${values} in the ${sideName(side)} input (key fields ${fieldList(parts)}, item indexes ${indexes.join(', ')})`,
		side,
		indexes,
		description,
	);
}

/** keyOf's answer for an item whose key part holds an object or array (never a usable key). */
const OBJECT_KEY = null;

/**
 * The normalised key of one item: its parts normalised on their own and joined by
 * KEY_SEPARATOR. undefined when a part is missing or empty, OBJECT_KEY when a part holds an
 * object or array.
 */
function keyOf(item: unknown, parts: SidePart[]): string | undefined | typeof OBJECT_KEY {
	let key: string | undefined;
	for (let p = 0; p < parts.length; p++) {
		const value = getPath(item, parts[p].field);
		const part = normaliseKey(value, parts[p]);
		if (part === undefined) return isObjectValue(value) ? OBJECT_KEY : undefined;
		if (parts.length === 1) return part;
		key = p === 0 ? keyPartText(part) : key + KEY_SEPARATOR + keyPartText(part);
	}
	return key;
}

/**
 * Only on the error path: the key whose second item comes first in the input, with every item
 * that holds it, as the error names them.
 */
function firstDuplicate(items: readonly unknown[], parts: SidePart[]): { key: string; indexes: number[] } {
	const first = new Map<string, number>();
	let duplicate: string | undefined;
	for (let i = 0; i < items.length && duplicate === undefined; i++) {
		const key = keyOf(items[i], parts);
		if (typeof key !== 'string') continue;
		if (first.has(key)) duplicate = key;
		else first.set(key, i);
	}
	const indexes: number[] = [];
	for (let i = 0; i < items.length; i++) if (keyOf(items[i], parts) === duplicate) indexes.push(i);
	return { key: duplicate!, indexes };
}

/**
 * Reads the keys of one input's items part by part, for the join: a key is hashed and compared
 * part by part, so a composite key is built as one string only where a result needs it.
 */
class KeyReader {
	/** The normalised parts of the item read last. */
	readonly values: string[];
	/** The hash of the item read last. */
	hash = 0;

	constructor(
		private readonly items: readonly unknown[],
		private readonly parts: SidePart[],
	) {
		this.values = new Array<string>(parts.length);
	}

	/**
	 * Reads item i's key into values and hash: true when it is complete, undefined when a part is
	 * missing or empty, OBJECT_KEY when a part holds an object or array.
	 */
	read(i: number): true | undefined | typeof OBJECT_KEY {
		const item = this.items[i];
		let hash = HASH_START;
		for (let p = 0; p < this.parts.length; p++) {
			const value = getPath(item, this.parts[p].field);
			const part = normaliseKey(value, this.parts[p]);
			if (part === undefined) return isObjectValue(value) ? OBJECT_KEY : undefined;
			this.values[p] = part;
			// Code unit 0x1f between parts; equal keys hash alike, the parts are compared one by one.
			hash = hashText(p === 0 ? hash : Math.imul(hash ^ 0x1f, 0x01000193), part);
		}
		this.hash = hashEnd(hash);
		return true;
	}

	/** Whether item i of this input has the key whose parts are `values`. */
	holds(i: number, values: string[]): boolean {
		const item = this.items[i];
		for (let p = 0; p < this.parts.length; p++) {
			if (normaliseKey(getPath(item, this.parts[p].field), this.parts[p]) !== values[p]) return false;
		}
		return true;
	}
}

/** What one side's pass found wrong; the errors are thrown after both passes, Local first. */
interface SideProblems {
	objects: number[];
	missing: number[];
	duplicate: boolean;
}

/** Throws the first error a side's problems call for: an object key, a missing key, a duplicate. */
function throwProblems(items: readonly unknown[], parts: SidePart[], side: Side, problems: SideProblems, options: CompareOptions): void {
	if (problems.objects.length && (options.objectKeys === 'error' || options.missingKeys === 'error')) {
		throw objectKeyError(items, problems.objects, parts, side);
	}
	if (problems.missing.length && options.missingKeys === 'error') throw missingKeyError(items, problems.missing, parts, side);
	if (problems.duplicate && options.duplicates === 'error') {
		const { key, indexes } = firstDuplicate(items, parts);
		throw duplicateKeyError(key, indexes, parts, side);
	}
}

/** Shared by every pair without differences, so a million synced pairs allocate no arrays. */
const NO_DIFFERENCES: Difference[] = [];

type ValueOptions = Pick<CompareOptions, 'looseRules' | 'ignoreCase' | 'trimValues'>;

function differencesOf(localItem: unknown, remoteItem: unknown, fields: FieldPair[], valueOptions: ValueOptions[]): Difference[] {
	// Allocated at the first difference only: most pairs are synced.
	let differences = NO_DIFFERENCES;
	for (let f = 0; f < fields.length; f++) {
		const pair = fields[f];
		const local = getPath(localItem, pair.local);
		const remote = getPath(remoteItem, pair.remote);
		if (!valuesEqual(local, remote, valueOptions[f])) {
			if (differences === NO_DIFFERENCES) differences = [];
			differences.push({
				field: differenceLabel(pair),
				local: local === undefined ? null : local,
				remote: remote === undefined ? null : remote,
			});
		}
	}
	return differences;
}

/** The key parts of the options: `keys` when given, otherwise the single key of version 1. */
export function keyPartsOf(options: CompareOptions): KeyPart[] {
	if (options.keys && options.keys.length) return options.keys;
	return [
		{
			local: options.localKey,
			remote: options.remoteKey,
			keyMatching: options.keyMatching,
			stripPrefixes: options.stripPrefixes,
			lastDigits: options.lastDigits,
		},
	];
}

function sideParts(parts: KeyPart[], side: Side, unicodeKeys: boolean): SidePart[] {
	return parts.map((part) => ({
		field: side === 'local' ? part.local : part.remote,
		keyMatching: part.keyMatching,
		stripPrefixes: normalisePrefixes(part.stripPrefixes, part.keyMatching, unicodeKeys),
		lastDigits: part.lastDigits,
		unicodeKeys,
	}));
}

/** Per remote item, in compareExtensions. */
const UNMATCHED = 0;
const MATCHED = 1;
const KEYLESS = 2;

/**
 * What the join finds, in order: during the Local pass each Local item as Local Only, matched
 * (once per Remote item of its key) or skipped; after it, each unmatched Remote item. A caller
 * that emits as it goes holds no list of pairs (see compareExtensions for one that collects).
 */
export interface JoinSink {
	localOnly(local: number): void;
	/** `keyParts` are the key's normalised parts, valid only during the call. */
	matched(local: number, remote: number, keyParts: readonly string[], differences: Difference[]): void;
	remoteOnly(remote: number): void;
	skipped(side: Side, index: number): void;
}

/** A composite key's parts as MatchedPair.key: joined by KEY_SEPARATOR (see keyParts). */
function joinedKey(parts: readonly string[]): string {
	if (parts.length === 1) return parts[0];
	let key = keyPartText(parts[0]);
	for (let p = 1; p < parts.length; p++) key += KEY_SEPARATOR + keyPartText(parts[p]);
	return key;
}

/**
 * Joins local and remote items by normalised key in one pass over each side: the Remote items
 * go into one KeyIndex, then each Local item is looked up as it is read. A Local key is kept
 * only where a duplicate must be found and no Remote item shows it (a Local Only key, with
 * Duplicate Keys set to stop). Keys are hashed and compared part by part (so two different part
 * lists never match) and never joined into one string here. Item arrays hold the items' JSON;
 * the sink gets indexes, so callers decide what to emit and nothing is copied here. Input errors
 * are thrown after the Local pass, before any Remote Only item: a sink that emitted drops it all.
 */
export function joinExtensions(
	localItems: readonly unknown[],
	remoteItems: readonly unknown[],
	partial: Partial<CompareOptions>,
	sink: JoinSink,
): void {
	const options: CompareOptions = { ...DEFAULT_OPTIONS, ...partial };
	const parts = keyPartsOf(options);
	const unicodeKeys = options.unicodeKeys === true;
	const localParts = sideParts(parts, 'local', unicodeKeys);
	const remoteParts = sideParts(parts, 'remote', unicodeKeys);
	// Local Only keys seen so far, to find a Local duplicate that no Remote item shows.
	const localOnlyKeys = options.duplicates === 'error' ? new KeyIndex(localItems.length) : undefined;
	const localKeys = new KeyReader(localItems, localParts);
	const remoteKeys = new KeyReader(remoteItems, remoteParts);

	// Remote: an entry per key for its first item; later items of the same key, which are rare, apart.
	const index = new KeyIndex(remoteItems.length);
	const moreRemote = new Map<number, number[]>();
	const remoteState = new Uint8Array(remoteItems.length);
	const remoteProblems: SideProblems = { objects: [], missing: [], duplicate: false };
	const remoteHolds = (r: number) => remoteKeys.holds(r, remoteKeys.values);
	for (let r = 0; r < remoteItems.length; r++) {
		const read = remoteKeys.read(r);
		if (read !== true) {
			remoteState[r] = KEYLESS;
			remoteProblems.missing.push(r);
			if (read === OBJECT_KEY) remoteProblems.objects.push(r);
			continue;
		}
		const first = index.find(remoteKeys.hash, remoteHolds);
		if (first === -1) index.add(remoteKeys.hash, r);
		else {
			remoteProblems.duplicate = true;
			const list = moreRemote.get(first);
			if (list) list.push(r);
			else moreRemote.set(first, [r]);
		}
	}

	const fields = options.fields;
	const valueOptions = fields.map((pair) => ({
		looseRules: options.looseRules,
		ignoreCase: pair.ignoreCase ?? options.ignoreCase,
		trimValues: pair.trimValues ?? options.trimValues,
	}));
	const pair = (l: number, r: number) => {
		remoteState[r] = MATCHED;
		const differences = fields.length ? differencesOf(localItems[l], remoteItems[r], fields, valueOptions) : NO_DIFFERENCES;
		sink.matched(l, r, localKeys.values, differences);
	};
	const localProblems: SideProblems = { objects: [], missing: [], duplicate: false };
	const remoteHoldsLocal = (r: number) => remoteKeys.holds(r, localKeys.values);
	const localHoldsLocal = (l: number) => localKeys.holds(l, localKeys.values);
	for (let l = 0; l < localItems.length; l++) {
		const read = localKeys.read(l);
		if (read !== true) {
			localProblems.missing.push(l);
			if (read === OBJECT_KEY) localProblems.objects.push(l);
			if (options.missingKeys === 'unmatched') sink.localOnly(l);
			else sink.skipped('local', l);
			continue;
		}
		const r = index.find(localKeys.hash, remoteHoldsLocal);
		if (r === -1) {
			if (localOnlyKeys) {
				if (localOnlyKeys.find(localKeys.hash, localHoldsLocal) !== -1) localProblems.duplicate = true;
				else localOnlyKeys.add(localKeys.hash, l);
			}
			sink.localOnly(l);
			continue;
		}
		// The first Remote item of a key is matched only by Local items of that key.
		if (remoteState[r] === MATCHED) localProblems.duplicate = true;
		pair(l, r);
		if (moreRemote.size) for (const other of moreRemote.get(r) ?? []) pair(l, other);
	}
	throwProblems(localItems, localParts, 'local', localProblems, options);
	throwProblems(remoteItems, remoteParts, 'remote', remoteProblems, options);

	for (let r = 0; r < remoteItems.length; r++) {
		const state = remoteState[r];
		if (state === MATCHED) continue;
		if (state === UNMATCHED || options.missingKeys === 'unmatched') sink.remoteOnly(r);
		else sink.skipped('remote', r);
	}
}

/** joinExtensions collected into lists, for callers that want the whole result at once (the unit tests, the benchmark). */
export function compareExtensions(
	localItems: readonly unknown[],
	remoteItems: readonly unknown[],
	partial: Partial<CompareOptions> = {},
): CompareResult {
	const result: CompareResult = { localOnly: [], remoteOnly: [], synced: [], changed: [], skipped: [] };
	joinExtensions(localItems, remoteItems, partial, {
		localOnly: (local) => result.localOnly.push(local),
		remoteOnly: (remote) => result.remoteOnly.push(remote),
		skipped: (side, index) => result.skipped.push({ side, index }),
		matched: (local, remote, keyParts, differences) => {
			if (differences.length) result.changed.push({ key: joinedKey(keyParts), local, remote, differences });
			else result.synced.push({ key: joinedKey(keyParts), local, remote, differences: NO_DIFFERENCES });
		},
	});
	return result;
}
