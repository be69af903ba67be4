/**
 * Mass-change guard shared by Compare Extensions (version 2) and the change triggers.
 *
 * A sync fed by a source that answered nothing (an empty list, a failed node, a wrong
 * filter) turns every record of the other side into "Only" items, and the next nodes
 * deactivate or delete them all. Directory-sync products stop such runs (Microsoft Entra
 * Connect stops an export with more than 500 deletions unless an admin allows it); this
 * guard does the same from counts alone, so it is pure and cheap.
 *
 * Defaults, and why:
 * - Stop when one input is empty while the other has items: an empty source is far more
 *   often a failed read than a real "everything was removed".
 * - Remote Only at most 10 % of the Remote input: Remote Only is what a sync deactivates or
 *   deletes. PBXs hold from a handful to a few thousand extensions, so a fixed count like
 *   Entra's 500 would never stop a 300-extension PBX from losing everything to a wrong
 *   filter; nightly churn is a few percent, so 10 % leaves room for a busy night.
 * - Local Only at most 25 % of the Local input: Local Only is what a sync creates; that
 *   loses nothing, but a burst means the Remote read was truncated or filtered, and creating
 *   against it collides. Onboarding waves are larger than departures, hence the wider limit.
 * - Changed: no limit: updates overwrite fields that the next run can write back, while
 *   deactivation loses SIP registrations and voicemail. Callers can set one.
 */
import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** How a limit is given: a share of the input it is counted against, a count, or none. */
export type LimitUnit = 'percent' | 'count' | 'none';

export interface ChangeLimit {
	unit: LimitUnit;
	/** Percentage (0–100 and above) or count; ignored when unit is "none". */
	value: number;
}

export interface MassChangeSettings {
	/** Stop when one input has no items while the other has some. */
	stopWhenInputEmpty: boolean;
	/** Limit for Remote Only, counted against the Remote input. */
	maxRemoteOnly: ChangeLimit;
	/** Limit for Local Only, counted against the Local input. */
	maxLocalOnly: ChangeLimit;
	/** Limit for Changed, counted against the Remote input (changes are applied there). */
	maxChanged: ChangeLimit;
	/** Let this one run through even if a rule would stop it (set by an operator, often by expression). */
	allowThisRun: boolean;
}

export interface MassChangeCounts {
	localTotal: number;
	remoteTotal: number;
	localOnly: number;
	remoteOnly: number;
	/** Omitted (or 0) when nothing is compared field by field. */
	changed?: number;
}

/** Words for messages, so each node can name its own inputs and outputs. */
export interface MassChangeLabels {
	local: string;
	remote: string;
	localOnly: string;
	remoteOnly: string;
	changed: string;
	/** Where the user finds the override, e.g. "Safety → Allow This Run". */
	allowSwitch: string;
}

export type GuardRule = 'emptyInput' | 'maxRemoteOnly' | 'maxLocalOnly' | 'maxChanged';

export interface GuardTrip {
	rule: GuardRule;
	/** The count that tripped the rule (items of the other input for emptyInput). */
	count: number;
	/** The input the count is measured against. */
	total: number;
	/** The limit as configured (absent for emptyInput). */
	limit?: ChangeLimit;
	/** The largest count the limit allows, in items (absent for emptyInput). */
	allowedItems?: number;
	/** One sentence naming the counts and the limit. */
	reason: string;
}

export type GuardStatus = 'passed' | 'stopped' | 'allowed';

export interface MassChangeVerdict {
	/** passed: no rule tripped; stopped: a rule tripped; allowed: a rule tripped but this run was allowed. */
	status: GuardStatus;
	trips: GuardTrip[];
	/** Error message for a stopped run; names the counts, the limits and the override. */
	message?: string;
	/** Error description for a stopped run: how to allow this one run. */
	description?: string;
}

export const DEFAULT_MASS_CHANGE_SETTINGS: MassChangeSettings = {
	stopWhenInputEmpty: true,
	maxRemoteOnly: { unit: 'percent', value: 10 },
	maxLocalOnly: { unit: 'percent', value: 25 },
	maxChanged: { unit: 'none', value: 0 },
	allowThisRun: false,
};

export const DEFAULT_MASS_CHANGE_LABELS: MassChangeLabels = {
	local: 'Local',
	remote: 'Remote',
	localOnly: 'Local Only',
	remoteOnly: 'Remote Only',
	changed: 'Changed',
	allowSwitch: 'Safety → Allow This Run',
};

function items(count: number): string {
	return `${count} item${count === 1 ? '' : 's'}`;
}

function percentOf(count: number, total: number): string {
	if (total === 0) return '';
	const share = (count * 100) / total;
	return ` (${Number(share.toFixed(1))} %)`;
}

function describeLimit(limit: ChangeLimit, allowedItems: number, input: string): string {
	return limit.unit === 'percent'
		? `${limit.value} % of the ${input} input (${items(allowedItems)})`
		: `${items(allowedItems)}`;
}

/**
 * The most items `percent` % of `total` allows, exactly. The percentage is taken as the
 * decimal the user wrote (the shortest form that reads back as the same number, so 2.3 is
 * 23/10) and multiplied in integers: in floating point 2.3 × 3000 is 6899.999…, which stopped
 * a run of 69 out of 3000 and offered 68 in the message.
 */
export function allowedByPercent(percent: number, total: number): number {
	const match = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(percent));
	if (!match) return Math.floor((percent * total) / 100);
	const fraction = match[2] ?? '';
	const exponent = Number(match[3] ?? 0) - fraction.length;
	let numerator = BigInt(match[1] + fraction) * BigInt(total);
	let denominator = BigInt(100);
	if (exponent >= 0) numerator *= BigInt(10) ** BigInt(exponent);
	else denominator *= BigInt(10) ** BigInt(-exponent);
	return Number(numerator / denominator);
}

function checkLimit(
	rule: GuardRule,
	count: number,
	total: number,
	limit: ChangeLimit,
	output: string,
	input: string,
): GuardTrip | undefined {
	if (limit.unit === 'none') return undefined;
	const allowedItems = limit.unit === 'percent' ? allowedByPercent(limit.value, total) : limit.value;
	if (count <= allowedItems) return undefined;
	return {
		rule,
		count,
		total,
		limit: { ...limit },
		allowedItems,
		reason: `${output} would be ${count} of ${items(total)} in the ${input} input${percentOf(count, total)}, above the limit of ${describeLimit(limit, allowedItems, input)}`,
	};
}

/**
 * Decides whether a run may go on. Never throws: the caller turns a "stopped" verdict into
 * its own error (with verdict.message and verdict.description) and reports the verdict in
 * summaries either way.
 */
export function checkMassChange(
	counts: MassChangeCounts,
	settings: MassChangeSettings = DEFAULT_MASS_CHANGE_SETTINGS,
	labels: Partial<MassChangeLabels> = {},
): MassChangeVerdict {
	const words: MassChangeLabels = { ...DEFAULT_MASS_CHANGE_LABELS, ...labels };
	const trips: GuardTrip[] = [];

	if (settings.stopWhenInputEmpty) {
		const emptyInput = (empty: string, other: string, otherCount: number): GuardTrip => ({
			rule: 'emptyInput',
			count: otherCount,
			total: 0,
			reason: `the ${empty} input is empty while the ${other} input has ${items(otherCount)}`,
		});
		if (counts.localTotal === 0 && counts.remoteTotal > 0) trips.push(emptyInput(words.local, words.remote, counts.remoteTotal));
		if (counts.remoteTotal === 0 && counts.localTotal > 0) trips.push(emptyInput(words.remote, words.local, counts.localTotal));
	}
	for (const trip of [
		checkLimit('maxRemoteOnly', counts.remoteOnly, counts.remoteTotal, settings.maxRemoteOnly, words.remoteOnly, words.remote),
		checkLimit('maxLocalOnly', counts.localOnly, counts.localTotal, settings.maxLocalOnly, words.localOnly, words.local),
		checkLimit('maxChanged', counts.changed ?? 0, counts.remoteTotal, settings.maxChanged, words.changed, words.remote),
	]) {
		if (trip) trips.push(trip);
	}

	if (trips.length === 0) return { status: 'passed', trips };
	if (settings.allowThisRun) return { status: 'allowed', trips };
	const reasons = trips.map((trip) => trip.reason).join('; ');
	return {
		status: 'stopped',
		trips,
		message: `Safety stop: ${reasons}. Nothing was passed on.`,
		description:
			`This often means a source answered nothing or a filter is wrong; check the nodes before this one. ` +
			`If the change is intended, allow this one run by turning on ${words.allowSwitch} ` +
			`(it can be set by an expression, e.g. from an approval step), or change the limits under Safety.`,
	};
}

/** A verdict as plain JSON for output items and summaries. */
export function verdictJson(verdict: MassChangeVerdict): IDataObject {
	return {
		status: verdict.status,
		reasons: verdict.trips.map((trip) => trip.reason),
	};
}

/** A Safety value a user got wrong; `parameter` is its display name inside Safety. */
export class MassChangeSettingError extends Error {
	constructor(
		message: string,
		readonly parameter: string,
	) {
		super(message);
		this.name = 'MassChangeSettingError';
	}
}

function readSwitch(value: unknown, parameter: string, fallback: boolean): boolean {
	if (value === undefined || value === null || value === '') return fallback;
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string') {
		const word = value.trim().toLowerCase();
		if (word === 'true') return true;
		if (word === 'false') return false;
	}
	throw new MassChangeSettingError(
		`Safety → ${parameter} must be true or false, got ${JSON.stringify(value)}`,
		parameter,
	);
}

function readLimit(unit: unknown, value: unknown, parameter: string, fallback: ChangeLimit): ChangeLimit {
	const chosenUnit = unit === undefined || unit === '' ? fallback.unit : unit;
	if (chosenUnit !== 'percent' && chosenUnit !== 'count' && chosenUnit !== 'none') {
		throw new MassChangeSettingError(
			`Safety → ${parameter} Limit must be "percent", "count" or "none", got ${JSON.stringify(unit)}`,
			`${parameter} Limit`,
		);
	}
	if (chosenUnit === 'none') return { unit: 'none', value: 0 };
	const missing = value === undefined || value === null || value === '';
	if (missing && chosenUnit !== fallback.unit) {
		throw new MassChangeSettingError(
			`Safety → ${parameter} Limit is "${chosenUnit === 'count' ? 'Number of Items' : 'Percentage'}" but Max ${parameter} is not set`,
			`Max ${parameter}`,
		);
	}
	const raw = missing ? fallback.value : value;
	const number = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof number !== 'number' || !Number.isFinite(number) || number < 0 || (chosenUnit === 'count' && !Number.isInteger(number))) {
		throw new MassChangeSettingError(
			`Safety → Max ${parameter} must be ${chosenUnit === 'count' ? 'a whole number of items' : 'a percentage'} of 0 or more, got ${JSON.stringify(value)}`,
			`Max ${parameter}`,
		);
	}
	return { unit: chosenUnit, value: number };
}

/**
 * Reads the Safety collection (see safetyProperty) into settings; options the user has not
 * added take their defaults, so the guard is on until it is switched off rule by rule.
 */
export function readSafetySettings(value: unknown): MassChangeSettings {
	const safety = (value !== null && typeof value === 'object' ? value : {}) as IDataObject;
	const defaults = DEFAULT_MASS_CHANGE_SETTINGS;
	return {
		stopWhenInputEmpty: readSwitch(safety.stopWhenInputEmpty, 'Stop When One Input Is Empty', defaults.stopWhenInputEmpty),
		maxRemoteOnly: readLimit(safety.remoteOnlyLimit, safety.maxRemoteOnly, 'Remote Only', defaults.maxRemoteOnly),
		maxLocalOnly: readLimit(safety.localOnlyLimit, safety.maxLocalOnly, 'Local Only', defaults.maxLocalOnly),
		maxChanged: readLimit(safety.changedLimit, safety.maxChanged, 'Changed', defaults.maxChanged),
		allowThisRun: readSwitch(safety.allowThisRun, 'Allow This Run', defaults.allowThisRun),
	};
}

export interface SafetyPropertyOptions {
	/** What the node calls its two sides; "Local" and "Remote" unless given. */
	local?: string;
	remote?: string;
	/** What the node calls its outputs (or events); defaults as in Compare Extensions. */
	localOnly?: string;
	remoteOnly?: string;
	changed?: string;
	/** What "Nothing was passed on" means for this node, appended to the collection's description. */
	note?: string;
	displayOptions?: IDisplayOptions;
}

function limitUnitOption(
	name: string,
	output: string,
	input: string,
	defaultUnit: LimitUnit,
): INodeProperties {
	return {
		displayName: `${output} Limit`,
		name,
		type: 'options',
		default: defaultUnit,
		description: `How Max ${output} is given`,
		options: [
			{ name: `Percentage of ${input} Input`, value: 'percent', description: `Max ${output} is a percentage of the ${input} items` },
			{ name: 'Number of Items', value: 'count', description: `Max ${output} is a count of items` },
			{ name: 'No Limit', value: 'none', description: `Any number of ${output} items is allowed` },
		],
	};
}

/** `defaultValue` is the guard's own default (DEFAULT_MASS_CHANGE_SETTINGS), kept in one place. */
function limitValueOption(name: string, output: string, defaultValue: number): INodeProperties {
	return {
		displayName: `Max ${output}`,
		name,
		type: 'number',
		typeOptions: { minValue: 0 },
		default: defaultValue,
		description: `The most ${output} items a run may have, as a percentage or a count (see ${output} Limit). A run with more stops before anything is passed on.`,
	};
}

/**
 * The Safety collection, shared so Compare Extensions and the triggers show the same
 * settings. Parameter name "safety"; read it with readSafetySettings.
 */
export function safetyProperty(options: SafetyPropertyOptions = {}): INodeProperties {
	const local = options.local ?? DEFAULT_MASS_CHANGE_LABELS.local;
	const remote = options.remote ?? DEFAULT_MASS_CHANGE_LABELS.remote;
	const localOnly = options.localOnly ?? DEFAULT_MASS_CHANGE_LABELS.localOnly;
	const remoteOnly = options.remoteOnly ?? DEFAULT_MASS_CHANGE_LABELS.remoteOnly;
	const changed = options.changed ?? DEFAULT_MASS_CHANGE_LABELS.changed;
	const defaults = DEFAULT_MASS_CHANGE_SETTINGS;
	const property: INodeProperties = {
		displayName: 'Safety',
		name: 'safety',
		type: 'collection',
		placeholder: 'Add Safety Setting',
		default: {},
		description:
			`Guard against mass changes from a source that answered nothing. On by default: stops when one input is empty while the other has items, when ${remoteOnly} exceeds ${defaults.maxRemoteOnly.value} % of the ${remote} input, or ${localOnly} exceeds ${defaults.maxLocalOnly.value} % of the ${local} input.` +
			(options.note ? ` ${options.note}` : ''),
		options: [
			{
				displayName: 'Allow This Run',
				name: 'allowThisRun',
				type: 'boolean',
				default: false,
				description:
					'Whether to let this run through even if a safety rule would stop it. Set it by an expression (e.g. from an approval step) to approve a large change deliberately, then turn it off again.',
			},
			limitUnitOption('changedLimit', changed, remote, defaults.maxChanged.unit),
			limitUnitOption('localOnlyLimit', localOnly, local, defaults.maxLocalOnly.unit),
			limitValueOption('maxChanged', changed, defaults.maxChanged.value),
			limitValueOption('maxLocalOnly', localOnly, defaults.maxLocalOnly.value),
			limitValueOption('maxRemoteOnly', remoteOnly, defaults.maxRemoteOnly.value),
			limitUnitOption('remoteOnlyLimit', remoteOnly, remote, defaults.maxRemoteOnly.unit),
			{
				displayName: 'Stop When One Input Is Empty',
				name: 'stopWhenInputEmpty',
				type: 'boolean',
				default: true,
				description: `Whether to stop when the ${local} or the ${remote} input has no items while the other has some`,
			},
		],
	};
	if (options.displayOptions) property.displayOptions = options.displayOptions;
	return property;
}
