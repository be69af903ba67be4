/**
 * Explains one key of a comparison: which items of each input hold it, how each key part was
 * normalised, and for each compared field whether it differs and which setting made it count
 * as equal. Pure, like compare.ts, and built on the very functions the comparison uses
 * (normaliseKey, valuesEqual), so the trace cannot disagree with the routing.
 */
import type { CompareOptions, FieldPair, KeyMatching, KeyPart, LooseRule } from './compare';
import { DEFAULT_OPTIONS, differenceLabel, getPath, keyPartsOf, normaliseKey, normalisePrefixes, valuesEqual } from './compare';

/** The editor's names, so the trace reads like the node's panel. */
const KEY_MATCHING_NAMES: Record<KeyMatching, string> = {
	trimCaseInsensitive: 'Trimmed, Case-Insensitive',
	exact: 'Exact',
	digitsOnly: 'Digits Only',
};
const RULE_NAMES: Record<LooseRule, string> = {
	booleanString: 'Boolean and Text/Number',
	emptyMissing: 'Empty and Missing',
	numberString: 'Number and Numeric Text',
};

/** Separates the parts of a composite key given to explain, as the outputs display it. */
export const EXPLAIN_PART_SEPARATOR = '/';

export interface NormalisationStep {
	/** What was applied: a Key Matching name, `Strip Prefixes "<prefix>"` or `Compare Last <n> Characters`. */
	rule: string;
	from: string;
	to: string;
}

export interface KeyPartTrace {
	field: string;
	value: unknown;
	/** Only the steps that changed the value. */
	steps: NormalisationStep[];
	/** Null when the value gives no usable key (missing, empty, an object). */
	normalised: string | null;
}

export interface HoldingItem {
	/** The item's index in its input. */
	index: number;
	parts: KeyPartTrace[];
}

export interface FieldTrace {
	field: string;
	local: unknown;
	remote: unknown;
	equal: boolean;
	/** Why the values count as equal, or that they differ (and which setting would make them equal). */
	reason: string;
}

export interface PairTrace {
	local: number;
	remote: number;
	fields: FieldTrace[];
}

export type ExplainOutcome = 'localOnly' | 'remoteOnly' | 'synced' | 'changed' | 'inNeither';

export interface KeyExplanation {
	/** The key as asked, normalised part by part as the items' keys are. */
	asked: KeyPartTrace[];
	outcome: ExplainOutcome;
	local: HoldingItem[];
	remote: HoldingItem[];
	/** Every local × remote combination holding the key, with its compared fields. */
	pairs: PairTrace[];
	/** The same, one readable line each. */
	trace: string[];
}

export class ExplainKeyError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ExplainKeyError';
	}
}

const OUTCOME_NAMES: Record<ExplainOutcome, string> = {
	localOnly: 'Local Only',
	remoteOnly: 'Remote Only',
	synced: 'Synced',
	changed: 'Changed',
	inNeither: 'in neither input',
};

function shown(value: unknown): string {
	if (value === undefined) return 'missing';
	return JSON.stringify(value) ?? String(value);
}

/**
 * Runs normaliseKey one setting at a time, recording each change. `unicodeKeys` as in the
 * comparison (version 3: Trimmed, Case-Insensitive also applies NFC and drops format characters).
 */
export function traceKeyPart(
	value: unknown,
	field: string,
	part: Pick<KeyPart, 'keyMatching' | 'stripPrefixes' | 'lastDigits'>,
	unicodeKeys = false,
): KeyPartTrace {
	const prefixes = normalisePrefixes(part.stripPrefixes, part.keyMatching, unicodeKeys);
	const normalised = normaliseKey(value, { keyMatching: part.keyMatching, stripPrefixes: prefixes, lastDigits: part.lastDigits, unicodeKeys });
	const steps: NormalisationStep[] = [];
	if (value !== undefined && value !== null && typeof value !== 'object') {
		let current = String(value);
		const matched = normaliseKey(value, { keyMatching: part.keyMatching, stripPrefixes: [], lastDigits: 0, unicodeKeys }) ?? '';
		if (matched !== current) steps.push({ rule: KEY_MATCHING_NAMES[part.keyMatching], from: current, to: matched });
		current = matched;
		const stripped = normaliseKey(value, { keyMatching: part.keyMatching, stripPrefixes: prefixes, lastDigits: 0, unicodeKeys }) ?? '';
		if (stripped !== current) {
			const prefix = current.slice(0, current.length - stripped.length);
			steps.push({ rule: `Strip Prefixes "${prefix}"`, from: current, to: stripped });
		}
		current = stripped;
		if (normalised !== undefined && normalised !== current) {
			steps.push({ rule: `Compare Last ${part.lastDigits} Characters`, from: current, to: normalised });
		}
	}
	return { field, value: value === undefined ? null : value, steps, normalised: normalised ?? null };
}

function keyOf(parts: KeyPartTrace[]): string[] | undefined {
	const values = parts.map((part) => part.normalised);
	return values.every((value): value is string => value !== null) ? values : undefined;
}

type ValueSettings = Pick<CompareOptions, 'looseRules' | 'ignoreCase' | 'trimValues'>;

/** Settings to try, smallest first, each a subset of what the pair has switched on. */
function equalityReasons(settings: ValueSettings): Array<{ settings: ValueSettings; reason: string }> {
	const base = { looseRules: [] as LooseRule[], ignoreCase: false, trimValues: false };
	const candidates: Array<{ settings: ValueSettings; reason: string }> = [{ settings: base, reason: 'identical' }];
	if (settings.trimValues) candidates.push({ settings: { ...base, trimValues: true }, reason: 'equal after Trim Values' });
	if (settings.ignoreCase) candidates.push({ settings: { ...base, ignoreCase: true }, reason: 'equal with Ignore Case' });
	if (settings.trimValues && settings.ignoreCase) {
		candidates.push({ settings: { ...base, trimValues: true, ignoreCase: true }, reason: 'equal after Trim Values with Ignore Case' });
	}
	const textSettings = { ignoreCase: settings.ignoreCase, trimValues: settings.trimValues };
	for (const rule of settings.looseRules) {
		candidates.push({ settings: { ...textSettings, looseRules: [rule] }, reason: `equal by the Treat as Equal rule "${RULE_NAMES[rule]}"` });
	}
	candidates.push({ settings, reason: `equal by the Treat as Equal rules ${settings.looseRules.map((rule) => `"${RULE_NAMES[rule]}"`).join(', ')}` });
	return candidates;
}

/** For values that differ: the settings that are off and would make them equal. */
function wouldBeEqualWith(local: unknown, remote: unknown, settings: ValueSettings): string[] {
	const hints: string[] = [];
	if (!settings.trimValues && valuesEqual(local, remote, { ...settings, trimValues: true })) hints.push('Trim Values on');
	if (!settings.ignoreCase && valuesEqual(local, remote, { ...settings, ignoreCase: true })) hints.push('Ignore Case on');
	if (!settings.trimValues && !settings.ignoreCase && !hints.length && valuesEqual(local, remote, { ...settings, trimValues: true, ignoreCase: true })) {
		hints.push('Trim Values and Ignore Case on');
	}
	for (const rule of Object.keys(RULE_NAMES) as LooseRule[]) {
		if (!settings.looseRules.includes(rule) && valuesEqual(local, remote, { ...settings, looseRules: [...settings.looseRules, rule] })) {
			hints.push(`the Treat as Equal rule "${RULE_NAMES[rule]}"`);
		}
	}
	return hints;
}

export function traceField(pair: FieldPair, localItem: unknown, remoteItem: unknown, options: Pick<CompareOptions, 'looseRules' | 'ignoreCase' | 'trimValues'>): FieldTrace {
	const settings: ValueSettings = {
		looseRules: options.looseRules,
		ignoreCase: pair.ignoreCase ?? options.ignoreCase,
		trimValues: pair.trimValues ?? options.trimValues,
	};
	const local = getPath(localItem, pair.local);
	const remote = getPath(remoteItem, pair.remote);
	const equal = valuesEqual(local, remote, settings);
	let reason: string;
	if (equal) {
		reason = equalityReasons(settings).find((candidate) => valuesEqual(local, remote, candidate.settings))!.reason;
	} else {
		const hints = wouldBeEqualWith(local, remote, settings);
		reason = hints.length ? `differs (would be equal with ${hints.join(' or ')})` : 'differs';
	}
	return { field: differenceLabel(pair), local: local === undefined ? null : local, remote: remote === undefined ? null : remote, equal, reason };
}

function partLine(part: KeyPartTrace): string {
	const steps = part.steps.map((step) => `${step.rule} → ${shown(step.to)}`).join(', ');
	const value = `${part.field} ${shown(part.value === null ? undefined : part.value)}`;
	if (part.normalised === null) return `${value}: no usable key`;
	return steps ? `${value} → ${shown(part.normalised)} (${steps})` : `${value} (unchanged)`;
}

function holdingLines(side: 'Local' | 'Remote', items: HoldingItem[]): string[] {
	if (!items.length) return [`${side}: no item holds this key`];
	return items.map((item) => `${side}: item ${item.index} holds it: ${item.parts.map(partLine).join('; ')}`);
}

/**
 * Explains how `key` is matched between the two inputs under `partial` (the comparison's own
 * options). A composite key's parts are separated by "/", in key part order.
 */
export function explainKey(
	key: string,
	localItems: readonly unknown[],
	remoteItems: readonly unknown[],
	partial: Partial<CompareOptions> = {},
): KeyExplanation {
	const options: CompareOptions = { ...DEFAULT_OPTIONS, ...partial };
	const parts = keyPartsOf(options);
	const askedValues = parts.length === 1 ? [key] : key.split(EXPLAIN_PART_SEPARATOR).map((part) => part.trim());
	if (askedValues.length !== parts.length) {
		throw new ExplainKeyError(
			`Explain Key "${key}" has ${askedValues.length} part(s), but the key has ${parts.length} (${parts.map((part) => part.local).join(' + ')}); separate the parts with "${EXPLAIN_PART_SEPARATOR}"`,
		);
	}
	const unicodeKeys = options.unicodeKeys === true;
	const asked = parts.map((part, p) => traceKeyPart(askedValues[p], part.local, part, unicodeKeys));
	const wanted = keyOf(asked);
	if (!wanted) throw new ExplainKeyError(`Explain Key "${key}" gives no usable key: ${asked.filter((part) => part.normalised === null).map((part) => part.field).join(', ')} empty after normalisation`);

	const holders = (items: readonly unknown[], side: 'local' | 'remote'): HoldingItem[] => {
		const found: HoldingItem[] = [];
		items.forEach((item, index) => {
			const traced = parts.map((part) => {
				const field = side === 'local' ? part.local : part.remote;
				return traceKeyPart(getPath(item, field), field, part, unicodeKeys);
			});
			const itemKey = keyOf(traced);
			if (itemKey && itemKey.every((value, p) => value === wanted[p])) found.push({ index, parts: traced });
		});
		return found;
	};
	const local = holders(localItems, 'local');
	const remote = holders(remoteItems, 'remote');

	const pairs: PairTrace[] = [];
	for (const l of local) {
		for (const r of remote) {
			pairs.push({ local: l.index, remote: r.index, fields: options.fields.map((pair) => traceField(pair, localItems[l.index], remoteItems[r.index], options)) });
		}
	}
	let outcome: ExplainOutcome;
	if (local.length && remote.length) outcome = pairs.some((pair) => pair.fields.some((field) => !field.equal)) ? 'changed' : 'synced';
	else if (local.length) outcome = 'localOnly';
	else if (remote.length) outcome = 'remoteOnly';
	else outcome = 'inNeither';

	const trace = [`Key ${asked.map(partLine).join('; ')}`, ...holdingLines('Local', local), ...holdingLines('Remote', remote)];
	for (const pair of pairs) {
		const prefix = pairs.length > 1 ? `Local item ${pair.local} × Remote item ${pair.remote}: ` : '';
		if (!pair.fields.length) trace.push(`${prefix}no fields compared`);
		for (const field of pair.fields) trace.push(`${prefix}${field.field}: ${shown(field.local)} vs ${shown(field.remote)}: ${field.reason}`);
	}
	const differing = new Set(pairs.flatMap((pair) => pair.fields.filter((field) => !field.equal).map((field) => field.field)));
	trace.push(`Outcome: ${OUTCOME_NAMES[outcome]}${differing.size ? ` (differs in ${[...differing].join(', ')})` : ''}`);
	return { asked, outcome, local, remote, pairs, trace };
}
