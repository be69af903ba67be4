/**
 * Pure comparison of two extension lists by key: a hash join in O(n + m).
 * No n8n imports, so unit tests and the benchmark can call it directly.
 */

export type KeyMatching = 'trimCaseInsensitive' | 'exact' | 'digitsOnly';
export type LooseRule = 'numberString' | 'booleanString' | 'emptyMissing';
export type DuplicateHandling = 'error' | 'matchAll';
export type MissingKeyHandling = 'error' | 'unmatched' | 'skip';
export type Side = 'local' | 'remote';

export interface FieldPair {
	local: string;
	remote: string;
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
}

export interface Difference {
	field: string;
	local: unknown;
	remote: unknown;
}

export interface MatchedPair {
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
};

/**
 * Reads a value by path. A key that exists as written wins (so `"sip.user"` can be a plain
 * key); otherwise dots and `[n]` walk into objects and arrays.
 */
export function getPath(source: unknown, path: string): unknown {
	if (source === null || typeof source !== 'object') return undefined;
	const record = source as Record<string, unknown>;
	if (path in record) return record[path];
	let current: unknown = source;
	for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.')) {
		if (part === '') continue;
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[part];
	}
	return current;
}

/** Returns the match key for a raw key value, or undefined when the item has no usable key. */
export function normaliseKey(value: unknown, options: Pick<CompareOptions, 'keyMatching' | 'stripPrefixes' | 'lastDigits'>): string | undefined {
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
			key = key.trim().toLowerCase();
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
export function normalisePrefixes(prefixes: string[], keyMatching: KeyMatching): string[] {
	return prefixes
		.map((p) => normaliseKey(p, { keyMatching, stripPrefixes: [], lastDigits: 0 }) ?? '')
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

interface KeyedSide {
	/** normalised key per item index; undefined when the item has no usable key */
	keys: Array<string | undefined>;
	/** key → index of the first item with that key */
	first: Map<string, number>;
	/** key → indexes of further items with the same key (duplicates are rare, so kept apart) */
	more: Map<string, number[]>;
	missing: number[];
}

function sideName(side: Side): string {
	return side === 'local' ? 'Local' : 'Remote';
}

function indexSide(items: readonly unknown[], field: string, side: Side, options: CompareOptions): KeyedSide {
	const keys = new Array<string | undefined>(items.length);
	const first = new Map<string, number>();
	const more = new Map<string, number[]>();
	const missing: number[] = [];
	for (let i = 0; i < items.length; i++) {
		const key = normaliseKey(getPath(items[i], field), options);
		keys[i] = key;
		if (key === undefined) {
			missing.push(i);
		} else if (!first.has(key)) {
			first.set(key, i);
		} else {
			const list = more.get(key);
			if (list) list.push(i);
			else more.set(key, [i]);
		}
	}
	if (missing.length && options.missingKeys === 'error') {
		const shown = missing.slice(0, 10).join(', ') + (missing.length > 10 ? ', …' : '');
		throw new CompareInputError(
			`${missing.length} item(s) in the ${sideName(side)} input have no value in key field "${field}" (item indexes ${shown})`,
			side,
			missing,
			'Fix the key field name, filter those items out, or set Options → Items Without a Key to route them as unmatched.',
		);
	}
	if (more.size && options.duplicates === 'error') {
		const [key, others] = more.entries().next().value as [string, number[]];
		const indexes = [first.get(key)!, ...others];
		throw new CompareInputError(
			`Duplicate key "${key}" in the ${sideName(side)} input (key field "${field}", item indexes ${indexes.join(', ')})`,
			side,
			indexes,
			'Each key must appear once per input. Remove the duplicates, or set Options → Duplicate Keys to "Match Every Combination".',
		);
	}
	return { keys, first, more, missing };
}

/** Shared by every pair without differences, so a million synced pairs allocate no arrays. */
const NO_DIFFERENCES: Difference[] = [];

function differencesOf(localItem: unknown, remoteItem: unknown, options: CompareOptions): Difference[] {
	const differences: Difference[] = [];
	for (const pair of options.fields) {
		const local = getPath(localItem, pair.local);
		const remote = getPath(remoteItem, pair.remote);
		if (!valuesEqual(local, remote, options)) {
			differences.push({
				field: pair.local === pair.remote ? pair.local : `${pair.local} → ${pair.remote}`,
				local: local === undefined ? null : local,
				remote: remote === undefined ? null : remote,
			});
		}
	}
	return differences;
}

/**
 * Joins local and remote items by normalised key. Item arrays hold the items' JSON; the
 * result holds indexes only, so callers decide what to emit and nothing is copied here.
 */
export function compareExtensions(
	localItems: readonly unknown[],
	remoteItems: readonly unknown[],
	partial: Partial<CompareOptions> = {},
): CompareResult {
	const options: CompareOptions = { ...DEFAULT_OPTIONS, ...partial };
	options.stripPrefixes = normalisePrefixes(options.stripPrefixes, options.keyMatching);
	const local = indexSide(localItems, options.localKey, 'local', options);
	const remote = indexSide(remoteItems, options.remoteKey, 'remote', options);

	const result: CompareResult = { localOnly: [], remoteOnly: [], synced: [], changed: [], skipped: [] };
	const remoteMatched = new Uint8Array(remoteItems.length);
	const pair = (key: string, l: number, r: number) => {
		remoteMatched[r] = 1;
		const differences = options.fields.length ? differencesOf(localItems[l], remoteItems[r], options) : NO_DIFFERENCES;
		if (differences.length) result.changed.push({ key, local: l, remote: r, differences });
		else result.synced.push({ key, local: l, remote: r, differences: NO_DIFFERENCES });
	};

	for (let l = 0; l < localItems.length; l++) {
		const key = local.keys[l];
		if (key === undefined) {
			if (options.missingKeys === 'unmatched') result.localOnly.push(l);
			else result.skipped.push({ side: 'local', index: l });
			continue;
		}
		const r = remote.first.get(key);
		if (r === undefined) {
			result.localOnly.push(l);
			continue;
		}
		pair(key, l, r);
		if (remote.more.size) for (const other of remote.more.get(key) ?? []) pair(key, l, other);
	}

	for (let r = 0; r < remoteItems.length; r++) {
		if (remoteMatched[r]) continue;
		if (remote.keys[r] !== undefined) result.remoteOnly.push(r);
		else if (options.missingKeys === 'unmatched') result.remoteOnly.push(r);
		else result.skipped.push({ side: 'remote', index: r });
	}
	return result;
}
