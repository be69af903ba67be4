import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import type {
	CompareOptions,
	Difference,
	DuplicateHandling,
	FieldPair,
	KeyMatching,
	KeyPart,
	LooseRule,
	MissingKeyHandling,
	Side,
} from '../shared/compare';
import { CompareInputError, differenceLabel, getPath, joinExtensions, keyPartsOf } from '../shared/compare';
import { compareExtensionsProperties } from './properties';
import type { MassChangeVerdict } from '../shared/massChange';
import { MassChangeSettingError, checkMassChange, readSafetySettings, verdictJson } from '../shared/massChange';
import { asNodeError } from '../shared/errors';
import type { KeyExplanation } from '../shared/explain';
import { ExplainKeyError, explainKey } from '../shared/explain';

type MatchOutput = 'both' | 'local' | 'remote';
type SummaryMode = 'none' | 'output' | 'only';

/**
 * Evaluated by n8n to draw the outputs: "Changed" only exists once fields are compared,
 * "Summary" once it is asked for (version 2). It runs inside n8n's expression sandbox, so
 * it must be self-contained. Version 1 never has compareFields or summary: they are shown
 * for version 2 only.
 */
const configuredOutputs = (parameters: INodeParameters) => {
	const hasPairs = (value: unknown) => {
		const values = (value as { values?: unknown[] } | undefined)?.values;
		return Array.isArray(values) && values.length > 0;
	};
	const names = ['Local Only', 'Remote Only', 'Synced'];
	if (hasPairs(parameters.fieldsToCompare) || hasPairs(parameters.compareFields)) names.push('Changed');
	if (parameters.summary === 'output' || parameters.summary === 'only') names.push('Summary');
	return names.map((displayName) => ({ type: 'main', displayName }));
};

/** Everything execute needs, read from either version's parameters. */
interface Settings {
	version: number;
	compare: Partial<CompareOptions>;
	parts: KeyPart[];
	matchOutput: MatchOutput;
	includeRaw: boolean;
	summary: SummaryMode;
	/** Options › Explain Key (version 2 and later); empty when off. */
	explainKey: string;
	/** Whether Changed, Local Only and Remote Only items carry `compared` (version 3, or Include Compared Values). */
	compared: boolean;
}

function fieldPairs(raw: IDataObject[]): FieldPair[] {
	return raw
		.map((pair) => ({
			local: String(pair.local ?? '').trim(),
			remote: String(pair.remote ?? '').trim(),
			ignoreCase: pair.ignoreCase,
			trimValues: pair.trimValues,
		}))
		.filter((pair) => pair.local !== '' || pair.remote !== '')
		.map((pair): FieldPair => {
			const result: FieldPair = { local: pair.local || pair.remote, remote: pair.remote || pair.local };
			if (pair.ignoreCase !== undefined) result.ignoreCase = pair.ignoreCase === true;
			if (pair.trimValues !== undefined) result.trimValues = pair.trimValues === true;
			return result;
		});
}

function prefixList(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((p) => p.trim())
		.filter((p) => p !== '');
}

const DEFAULT_LOOSE_RULES: LooseRule[] = ['numberString', 'booleanString', 'emptyMissing'];

function readVersion1(ctx: IExecuteFunctions): Settings {
	const rawOptions = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const compare: Partial<CompareOptions> = {
		localKey: (ctx.getNodeParameter('localKeyField', 0) as string).trim(),
		remoteKey: (ctx.getNodeParameter('remoteKeyField', 0) as string).trim(),
		fields: fieldPairs(ctx.getNodeParameter('fieldsToCompare.values', 0, []) as IDataObject[]),
		keyMatching: (rawOptions.keyMatching as KeyMatching | undefined) ?? 'trimCaseInsensitive',
		stripPrefixes: prefixList(rawOptions.stripPrefixes),
		lastDigits: Number(rawOptions.lastDigits ?? 0),
		looseRules: (rawOptions.looseRules as LooseRule[] | undefined) ?? DEFAULT_LOOSE_RULES,
		ignoreCase: rawOptions.ignoreCase === true,
		trimValues: rawOptions.trimValues === true,
		duplicates: (rawOptions.duplicates as DuplicateHandling | undefined) ?? 'error',
		missingKeys: (rawOptions.missingKeys as MissingKeyHandling | undefined) ?? 'error',
	};
	for (const [parameter, value] of [
		['Local Key Field', compare.localKey],
		['Remote Key Field', compare.remoteKey],
	]) {
		if (!value) {
			throw new NodeOperationError(ctx.getNode(), `The parameter "${parameter}" is empty`, {
				description: 'Enter the name of the field that holds the extension number, e.g. "number".',
			});
		}
	}
	return {
		version: 1,
		compare,
		parts: keyPartsOf(compare as CompareOptions),
		matchOutput: (rawOptions.matchOutput as MatchOutput | undefined) ?? 'both',
		includeRaw: true,
		summary: 'none',
		explainKey: '',
		compared: false,
	};
}

/** Versions 2 and 3 share their parameters; version 3 matches Trimmed, Case-Insensitive keys as people see them. */
function readVersion2(ctx: IExecuteFunctions): Settings {
	const version = ctx.getNode().typeVersion;
	const rawOptions = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const rawParts = ctx.getNodeParameter('keyFields.values', 0, []) as IDataObject[];
	const parts: KeyPart[] = [];
	rawParts.forEach((raw, index) => {
		const local = String(raw.local ?? '').trim();
		const remote = String(raw.remote ?? '').trim();
		if (local === '' && remote === '') return;
		const lastDigits = raw.lastDigits === undefined || raw.lastDigits === '' ? 0 : Number(raw.lastDigits);
		if (!Number.isInteger(lastDigits) || lastDigits < 0) {
			throw new NodeOperationError(
				ctx.getNode(),
				`Key Fields → part ${index + 1} → Compare Last N Characters must be a whole number of 0 or more, got ${JSON.stringify(raw.lastDigits)}`,
			);
		}
		parts.push({
			local: local || remote,
			remote: remote || local,
			keyMatching: (raw.keyMatching as KeyMatching | undefined) ?? 'trimCaseInsensitive',
			stripPrefixes: prefixList(raw.stripPrefixes),
			lastDigits,
		});
	});
	if (parts.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'The parameter "Key Fields" has no key part', {
			description: 'Add a key part with the field that holds the extension number on each side, e.g. "number".',
		});
	}
	const summary = ctx.getNodeParameter('summary', 0, 'none') as SummaryMode;
	return {
		version,
		compare: {
			keys: parts,
			unicodeKeys: version >= 3,
			fields: fieldPairs(ctx.getNodeParameter('compareFields.values', 0, []) as IDataObject[]),
			looseRules: (rawOptions.looseRules as LooseRule[] | undefined) ?? DEFAULT_LOOSE_RULES,
			duplicates: (rawOptions.duplicates as DuplicateHandling | undefined) ?? 'error',
			missingKeys: (rawOptions.missingKeys as MissingKeyHandling | undefined) ?? 'error',
			objectKeys: 'error',
		},
		parts,
		matchOutput: (rawOptions.matchOutput as MatchOutput | undefined) ?? 'both',
		includeRaw: rawOptions.includeRaw === true,
		summary,
		explainKey: String(rawOptions.explainKey ?? '').trim(),
		compared: version >= 3 || rawOptions.includeCompared === true,
	};
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * The index of an item that a failed upstream node emitted under Continue On Fail (n8n's
 * error field, or a JSON `error` on an item with no key value), or -1.
 */
function failedUpstreamItem(items: INodeExecutionData[], fields: string[]): number {
	for (let i = 0; i < items.length; i++) {
		const item = items[i];
		if (item.error !== undefined) return i;
		if (hasOwn.call(item.json, 'error') && fields.every((field) => getPath(item.json, field) === undefined)) return i;
	}
	return -1;
}

function errorExcerpt(item: INodeExecutionData): string {
	const error = item.error ?? item.json.error;
	const text =
		typeof error === 'string'
			? error
			: error !== null && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string'
				? (error as { message: string }).message
				: JSON.stringify(error);
	return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

/** Drops a record's `raw` vendor copy, keeping the key order of everything else. */
function withoutRaw(json: IDataObject): IDataObject {
	if (!hasOwn.call(json, 'raw')) return json;
	const { raw: _raw, ...rest } = json;
	return rest;
}

export class CompareExtensions implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Compare Extensions',
		name: 'compareExtensions',
		icon: { light: 'file:compareExtensions.svg', dark: 'file:compareExtensions.dark.svg' },
		group: ['transform'],
		version: [1, 2, 3],
		defaultVersion: 3,
		usableAsTool: true,
		subtitle:
			'={{"by " + ($parameter["keyFields"] ? (($parameter["keyFields"].values || []).map(part => part.local).join(" + ")) : $parameter["localKeyField"] + " / " + $parameter["remoteKeyField"])}}',
		description:
			'Match extensions from two systems by number and route them to Local Only, Remote Only, Synced and Changed',
		defaults: {
			name: 'Compare Extensions',
		},
		inputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		inputNames: ['Local', 'Remote'],
		requiredInputs: 1,
		outputs: `={{(${configuredOutputs})($parameter)}}`,
		properties: compareExtensionsProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const localItems = this.getInputData(0) ?? [];
		const remoteItems = this.getInputData(1) ?? [];
		const settings = this.getNode().typeVersion >= 2 ? readVersion2(this) : readVersion1(this);
		const safety = settings.version >= 2 ? readSafety(this) : undefined;
		const hasChanged = (settings.compare.fields ?? []).length > 0;
		const outputCount = 3 + (hasChanged ? 1 : 0) + (settings.summary === 'none' ? 0 : 1);
		// A stopped run's error item goes where a report would look: Summary if there is one.
		const errorOutput = settings.summary === 'none' ? 0 : outputCount - 1;

		const fail = (message: string, description: string | undefined, json: IDataObject, pairedItem: INodeExecutionData['pairedItem'], itemIndex?: number) => {
			if (this.continueOnFail()) {
				const outputs: INodeExecutionData[][] = Array.from({ length: outputCount }, () => []);
				outputs[errorOutput].push({ json: { error: message, ...json }, pairedItem });
				return outputs;
			}
			throw new NodeOperationError(this.getNode(), message, { description, itemIndex });
		};

		for (const [side, items] of [
			['local', localItems],
			['remote', remoteItems],
		] as Array<[Side, INodeExecutionData[]]>) {
			const fields = settings.parts.map((part) => (side === 'local' ? part.local : part.remote));
			const index = failedUpstreamItem(items, fields);
			if (index === -1) continue;
			const inputName = side === 'local' ? 'Local' : 'Remote';
			const input = side === 'local' ? 0 : 1;
			return fail(
				`The ${inputName} input holds an error from a failed upstream node, not extensions (item index ${index}: "${errorExcerpt(items[index])}")`,
				`The node feeding the ${inputName} input failed and went on because its On Error setting continues. Compare Extensions stops instead of taking the failure for missing extensions, whatever Items Without a Key is set to. Fix that node, or set its On Error to "Stop Workflow".`,
				{ input: side, itemIndexes: [index] },
				[{ item: index, input }],
				side === 'local' ? index : undefined,
			);
		}

		// Items are routed as the join finds them, so no list of pairs is held next to the outputs.
		let routed: Routed;
		try {
			routed = routeItems(settings, localItems, remoteItems, hasChanged);
		} catch (error) {
			if (!(error instanceof CompareInputError)) throw asNodeError(this.getNode(), error);
			const input = error.side === 'local' ? 0 : 1;
			return fail(
				error.message,
				error.description,
				{ input: error.side, itemIndexes: error.indexes },
				error.indexes.map((item) => ({ item, input })),
				error.side === 'local' ? error.indexes[0] : undefined,
			);
		}

		const { outputs } = routed;
		const { localOnly, remoteOnly, synced, changed, leftOutLocal, leftOutRemote } = routed.counts;
		const counts: IDataObject = { localOnly, remoteOnly, synced, changed, localTotal: localItems.length, remoteTotal: remoteItems.length, leftOutLocal, leftOutRemote };
		let verdict: MassChangeVerdict | undefined;
		if (safety) {
			verdict = checkMassChange(
				{
					localTotal: localItems.length,
					remoteTotal: remoteItems.length,
					localOnly,
					remoteOnly,
					changed,
				},
				safety,
			);
			if (verdict.status === 'stopped') {
				return fail(verdict.message!, verdict.description, { safety: verdictJson(verdict), ...counts }, undefined);
			}
		}

		let explanation: KeyExplanation | undefined;
		if (settings.explainKey) {
			try {
				explanation = explainKey(
					settings.explainKey,
					localItems.map((item) => item.json),
					remoteItems.map((item) => item.json),
					settings.compare,
				);
			} catch (error) {
				if (!(error instanceof ExplainKeyError)) throw asNodeError(this.getNode(), error);
				throw new NodeOperationError(this.getNode(), error.message, {
					description: 'Set Options › Explain Key to one extension number, or to its key parts separated by "/", or leave it empty.',
				});
			}
			if (explanation.outcome === 'inNeither' && settings.summary === 'none') {
				return fail(
					`Explain Key "${settings.explainKey}" is in neither input`,
					explanation.trace.join('\n'),
					{ explanation: explanation as unknown as IDataObject },
					undefined,
				);
			}
			addExplanation(outputs, explanation);
		}
		if (settings.summary !== 'none') {
			if (settings.summary === 'only') for (const output of outputs) output.length = 0;
			// The summary stands for every item of both inputs.
			const pairedItem = [
				...localItems.map((_, item) => ({ item, input: 0 })),
				...remoteItems.map((_, item) => ({ item, input: 1 })),
			];
			const json: IDataObject = { ...counts, safety: verdictJson(verdict!) };
			if (explanation) json.explanation = explanation as unknown as IDataObject;
			outputs.push([{ json, pairedItem }]);
		}
		return outputs;
	}
}

function readSafety(ctx: IExecuteFunctions) {
	try {
		return readSafetySettings(ctx.getNodeParameter('safety', 0, {}));
	} catch (error) {
		if (!(error instanceof MassChangeSettingError)) throw asNodeError(ctx.getNode(), error);
		throw new NodeOperationError(ctx.getNode(), error.message, {
			description: 'Set a valid value under Safety, or remove the setting to use its default.',
		});
	}
}

/** Adds `explanation` to every routed item whose items all hold the explained key. */
function addExplanation(outputs: INodeExecutionData[][], explanation: KeyExplanation): void {
	const holders = [new Set(explanation.local.map((item) => item.index)), new Set(explanation.remote.map((item) => item.index))];
	const json = explanation as unknown as IDataObject;
	for (const output of outputs) {
		output.forEach((item, index) => {
			const paired = Array.isArray(item.pairedItem) ? item.pairedItem : [item.pairedItem];
			const holds = paired.every((entry) => typeof entry === 'object' && holders[entry.input ?? 0].has(entry.item));
			if (holds) output[index] = { ...item, json: { ...item.json, explanation: json } };
		});
	}
}

/** The paths whose values `compared` holds for one side: its key parts, then its compared fields, each once. */
function comparedPaths(settings: Settings, side: Side): string[] {
	const paths = [...settings.parts, ...(settings.compare.fields ?? [])].map((pair) => pair[side]);
	return [...new Set(paths)];
}

/** The values at `paths` as read from one item, a missing one as null; a path named "__proto__" is a plain key. */
function valuesAt(json: IDataObject, paths: string[]): IDataObject {
	const values: IDataObject = {};
	for (let p = 0; p < paths.length; p++) {
		const path = paths[p];
		const value = (getPath(json, path) ?? null) as IDataObject[string];
		if (path === '__proto__') Object.defineProperty(values, path, { value, enumerable: true, writable: true, configurable: true });
		else values[path] = value;
	}
	return values;
}

/**
 * A shallow copy of `json` with `compared` set last (in place if the item has its own). Copied
 * key by key: a spread followed by one more key takes about twice the memory per item in V8.
 */
function withCompared(json: IDataObject, compared: IDataObject): IDataObject {
	const copy: IDataObject = {};
	const keys = Object.keys(json);
	for (let k = 0; k < keys.length; k++) {
		const key = keys[k];
		if (key === '__proto__') Object.defineProperty(copy, key, { value: json[key], enumerable: true, writable: true, configurable: true });
		else copy[key] = json[key];
	}
	copy.compared = compared;
	return copy;
}

/** What the Summary (and a stopped run's error item) counts. */
interface RoutedCounts {
	localOnly: number;
	remoteOnly: number;
	synced: number;
	changed: number;
	leftOutLocal: number;
	leftOutRemote: number;
}

interface Routed {
	outputs: INodeExecutionData[][];
	counts: RoutedCounts;
}

/** Joins the inputs and routes each item to its output as the join finds it. */
function routeItems(settings: Settings, localItems: INodeExecutionData[], remoteItems: INodeExecutionData[], hasChanged: boolean): Routed {
	const v2 = settings.version >= 2;
	const composite = settings.parts.length > 1;
	const strip = settings.includeRaw ? (json: IDataObject) => json : withoutRaw;
	const localNames = new Map((settings.compare.fields ?? []).map((pair) => [differenceLabel(pair), pair.local]));
	const changedFields = (differences: Difference[]) => differences.map((difference) => localNames.get(difference.field) ?? difference.field);
	// Version 1 has single keys only; from version 2 a composite key reads "hq / 101".
	const shownKey = (keyParts: readonly string[]) => (composite ? keyParts.join(' / ') : keyParts[0]);
	const localPaths = comparedPaths(settings, 'local');
	const remotePaths = comparedPaths(settings, 'remote');
	const comparedPair = (local: INodeExecutionData, remote: INodeExecutionData): IDataObject => ({
		local: valuesAt(local.json, localPaths),
		remote: valuesAt(remote.json, remotePaths),
	});

	const matchItem = (l: number, r: number, key: string, differences: Difference[]): INodeExecutionData => {
		const changed = differences.length > 0;
		const local = localItems[l];
		const remote = remoteItems[r];
		const pairedItem = [
			{ item: l, input: 0 },
			{ item: r, input: 1 },
		];
		const differenceItems = differences as unknown as IDataObject[];
		if (settings.matchOutput === 'both') {
			if (!v2) {
				const json: IDataObject = { key, local: local.json, remote: remote.json };
				if (changed) json.differences = differenceItems;
				return { json, pairedItem };
			}
			const json: IDataObject = changed
				? { key, differences: differenceItems, changedFields: changedFields(differences), local: strip(local.json), remote: strip(remote.json) }
				: { key, local: strip(local.json), remote: strip(remote.json) };
			if (changed && settings.compared) json.compared = comparedPair(local, remote);
			return { json, pairedItem };
		}
		const source = settings.matchOutput === 'local' ? local : remote;
		let json: IDataObject;
		if (!v2) json = changed ? { ...source.json, _differences: differenceItems } : source.json;
		else if (!changed) json = strip(source.json);
		else {
			json = { _differences: differenceItems, _changedFields: changedFields(differences), ...strip(source.json) };
			if (settings.compared) json.compared = comparedPair(local, remote);
		}
		return source.binary ? { json, binary: source.binary, pairedItem } : { json, pairedItem };
	};
	// Unmatched items pass through as they came in; with `compared`, as a copy that adds it last.
	const passThrough = (item: INodeExecutionData, index: number, input: number): INodeExecutionData => {
		let json = item.json;
		if (settings.compared) {
			json = withCompared(json, input === 0 ? { local: valuesAt(json, localPaths) } : { remote: valuesAt(json, remotePaths) });
		}
		return item.binary ? { json, binary: item.binary, pairedItem: { item: index, input } } : { json, pairedItem: { item: index, input } };
	};

	const localOnly: INodeExecutionData[] = [];
	const remoteOnly: INodeExecutionData[] = [];
	const synced: INodeExecutionData[] = [];
	const changed: INodeExecutionData[] = [];
	let leftOutLocal = 0;
	let leftOutRemote = 0;
	joinExtensions(
		localItems.map((item) => item.json),
		remoteItems.map((item) => item.json),
		settings.compare,
		{
			localOnly: (l) => localOnly.push(passThrough(localItems[l], l, 0)),
			remoteOnly: (r) => remoteOnly.push(passThrough(remoteItems[r], r, 1)),
			skipped: (side) => (side === 'local' ? leftOutLocal++ : leftOutRemote++),
			matched: (l, r, keyParts, differences) => {
				const item = matchItem(l, r, shownKey(keyParts), differences);
				if (differences.length) changed.push(item);
				else synced.push(item);
			},
		},
	);
	const outputs = [localOnly, remoteOnly, synced];
	if (hasChanged) outputs.push(changed);
	return {
		outputs,
		counts: { localOnly: localOnly.length, remoteOnly: remoteOnly.length, synced: synced.length, changed: changed.length, leftOutLocal, leftOutRemote },
	};
}
