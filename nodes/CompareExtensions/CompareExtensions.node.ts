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
	DuplicateHandling,
	FieldPair,
	KeyMatching,
	LooseRule,
	MatchedPair,
	MissingKeyHandling,
} from './compare';
import { CompareInputError, compareExtensions } from './compare';

type MatchOutput = 'both' | 'local' | 'remote';

/**
 * Evaluated by n8n to draw the outputs: "Changed" only exists once fields are compared.
 * It runs inside n8n's expression sandbox, so it must be self-contained.
 */
const configuredOutputs = (parameters: INodeParameters) => {
	const fieldsToCompare = parameters.fieldsToCompare as { values?: unknown[] } | undefined;
	const names = ['Local Only', 'Remote Only', 'Synced'];
	if (fieldsToCompare && Array.isArray(fieldsToCompare.values) && fieldsToCompare.values.length > 0) {
		names.push('Changed');
	}
	return names.map((displayName) => ({ type: 'main', displayName }));
};

export class CompareExtensions implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Compare Extensions',
		name: 'compareExtensions',
		icon: { light: 'file:compareExtensions.svg', dark: 'file:compareExtensions.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{"by " + $parameter["localKeyField"] + " / " + $parameter["remoteKeyField"]}}',
		description:
			'Match extensions from two systems by number and route them to Local Only, Remote Only, Synced and Changed',
		defaults: {
			name: 'Compare Extensions',
		},
		inputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		inputNames: ['Local', 'Remote'],
		requiredInputs: 1,
		outputs: `={{(${configuredOutputs})($parameter)}}`,
		properties: [
			{
				displayName:
					'Connect the system you provision from (e.g. 3CX) to <b>Local</b> and the system you keep in step (e.g. Cloudonix) to <b>Remote</b>. Items are matched by key; add fields to compare to get a <b>Changed</b> output.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Local Key Field',
				name: 'localKeyField',
				type: 'string',
				default: 'number',
				required: true,
				placeholder: 'e.g. number',
				requiresDataPath: 'single',
				description:
					'Field of the Local items that identifies an extension. Dot paths such as <code>raw.Number</code> are allowed.',
			},
			{
				displayName: 'Remote Key Field',
				name: 'remoteKeyField',
				type: 'string',
				default: 'number',
				required: true,
				placeholder: 'e.g. number',
				requiresDataPath: 'single',
				description:
					'Field of the Remote items that identifies an extension. Dot paths such as <code>raw.msisdn</code> are allowed.',
			},
			{
				displayName: 'Fields to Compare',
				name: 'fieldsToCompare',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true, sortable: true },
				placeholder: 'Add Field Pair',
				default: {},
				description:
					'Pairs of fields that must be equal for a match to count as Synced. Matches that differ go to the Changed output.',
				options: [
					{
						displayName: 'Field Pair',
						name: 'values',
						values: [
							{
								displayName: 'Local Field',
								name: 'local',
								type: 'string',
								default: '',
								placeholder: 'e.g. name',
								requiresDataPath: 'single',
								description: 'Field of the Local item',
							},
							{
								displayName: 'Remote Field',
								name: 'remote',
								type: 'string',
								default: '',
								placeholder: 'e.g. name',
								requiresDataPath: 'single',
								description: 'Field of the Remote item; leave empty to use the same name as the local field',
							},
						],
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Compare Last N Characters of Key',
						name: 'lastDigits',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description:
							'Match on the last N characters of the normalised key only, e.g. 4 to match 4-digit extensions against full DIDs. 0 uses the whole key.',
					},
					{
						displayName: 'Duplicate Keys',
						name: 'duplicates',
						type: 'options',
						default: 'error',
						description: 'What to do when a key appears more than once within one input',
						options: [
							{
								name: 'Stop With an Error',
								value: 'error',
								description: 'Fail and name the key and the item indexes',
							},
							{
								name: 'Match Every Combination',
								value: 'matchAll',
								description: 'Pair each duplicate with every item of the same key on the other side',
							},
						],
					},
					{
						displayName: 'Ignore Case in Values',
						name: 'ignoreCase',
						type: 'boolean',
						default: false,
						description: 'Whether compared text values match regardless of upper and lower case (useful for emails)',
					},
					{
						displayName: 'Items Without a Key',
						name: 'missingKeys',
						type: 'options',
						default: 'error',
						description: 'What to do with items whose key field is missing or empty',
						options: [
							{
								name: 'Stop With an Error',
								value: 'error',
								description: 'Fail and name the input and the item indexes',
							},
							{
								name: 'Route as Unmatched',
								value: 'unmatched',
								description: 'Send them to Local Only or Remote Only',
							},
							{
								name: 'Leave Out',
								value: 'skip',
								description: 'Drop them from every output',
							},
						],
					},
					{
						displayName: 'Key Matching',
						name: 'keyMatching',
						type: 'options',
						default: 'trimCaseInsensitive',
						description: 'How keys are normalised before they are matched',
						options: [
							{
								name: 'Digits Only',
								value: 'digitsOnly',
								description: 'Keep only 0-9, so "+1 (555) 0101" and "15550101" match',
							},
							{
								name: 'Exact',
								value: 'exact',
								description: 'Keys must be identical, including spaces and case',
							},
							{
								name: 'Trimmed, Case-Insensitive',
								value: 'trimCaseInsensitive',
								description: 'Ignore surrounding spaces and letter case',
							},
						],
					},
					{
						displayName: 'Output for Matches',
						name: 'matchOutput',
						type: 'options',
						default: 'both',
						description: 'What the Synced and Changed outputs emit for each match',
						options: [
							{
								name: 'Both Items',
								value: 'both',
								description: 'An item with key, local, remote (and differences for Changed)',
							},
							{
								name: 'Local Item',
								value: 'local',
								description: 'The local item; Changed adds a _differences list',
							},
							{
								name: 'Remote Item',
								value: 'remote',
								description: 'The remote item; Changed adds a _differences list',
							},
						],
					},
					{
						displayName: 'Strip Key Prefixes',
						name: 'stripPrefixes',
						type: 'string',
						default: '',
						placeholder: 'e.g. 1, 44',
						description:
							'Comma-separated prefixes removed from keys after normalisation, such as a country code or site prefix. The longest matching prefix is removed once.',
					},
					{
						displayName: 'Treat as Equal',
						name: 'looseRules',
						type: 'multiOptions',
						default: ['booleanString', 'emptyMissing', 'numberString'],
						description: 'Loose rules for compared fields, since vendors store the same value differently',
						options: [
							{
								name: 'Boolean and Text/Number',
								value: 'booleanString',
								description: 'True equals "on", "yes", "true", "enabled" and 1; false their opposites',
							},
							{
								name: 'Empty and Missing',
								value: 'emptyMissing',
								description: 'Missing, null, empty text and empty lists are equal',
							},
							{
								name: 'Number and Numeric Text',
								value: 'numberString',
								description: '101 equals "101"',
							},
						],
					},
					{
						displayName: 'Trim Values',
						name: 'trimValues',
						type: 'boolean',
						default: false,
						description: 'Whether surrounding spaces in compared text values are ignored',
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const localItems = this.getInputData(0) ?? [];
		const remoteItems = this.getInputData(1) ?? [];

		const fieldPairs = (this.getNodeParameter('fieldsToCompare.values', 0, []) as IDataObject[])
			.map((pair) => ({ local: String(pair.local ?? '').trim(), remote: String(pair.remote ?? '').trim() }))
			.filter((pair) => pair.local !== '' || pair.remote !== '')
			.map((pair): FieldPair => ({ local: pair.local || pair.remote, remote: pair.remote || pair.local }));
		const rawOptions = this.getNodeParameter('options', 0, {}) as IDataObject;
		const matchOutput = (rawOptions.matchOutput as MatchOutput | undefined) ?? 'both';
		const options: Partial<CompareOptions> = {
			localKey: (this.getNodeParameter('localKeyField', 0) as string).trim(),
			remoteKey: (this.getNodeParameter('remoteKeyField', 0) as string).trim(),
			fields: fieldPairs,
			keyMatching: (rawOptions.keyMatching as KeyMatching | undefined) ?? 'trimCaseInsensitive',
			stripPrefixes: String(rawOptions.stripPrefixes ?? '')
				.split(',')
				.map((p) => p.trim())
				.filter((p) => p !== ''),
			lastDigits: Number(rawOptions.lastDigits ?? 0),
			looseRules: (rawOptions.looseRules as LooseRule[] | undefined) ?? [
				'numberString',
				'booleanString',
				'emptyMissing',
			],
			ignoreCase: rawOptions.ignoreCase === true,
			trimValues: rawOptions.trimValues === true,
			duplicates: (rawOptions.duplicates as DuplicateHandling | undefined) ?? 'error',
			missingKeys: (rawOptions.missingKeys as MissingKeyHandling | undefined) ?? 'error',
		};
		const outputCount = fieldPairs.length > 0 ? 4 : 3;

		for (const [parameter, value] of [
			['Local Key Field', options.localKey],
			['Remote Key Field', options.remoteKey],
		]) {
			if (!value) {
				throw new NodeOperationError(this.getNode(), `The parameter "${parameter}" is empty`, {
					description: 'Enter the name of the field that holds the extension number, e.g. "number".',
				});
			}
		}

		let result;
		try {
			result = compareExtensions(
				localItems.map((item) => item.json),
				remoteItems.map((item) => item.json),
				options,
			);
		} catch (error) {
			if (!(error instanceof CompareInputError)) throw error;
			const input = error.side === 'local' ? 0 : 1;
			if (this.continueOnFail()) {
				const outputs: INodeExecutionData[][] = Array.from({ length: outputCount }, () => []);
				outputs[0].push({
					json: { error: error.message, input: error.side, itemIndexes: error.indexes },
					pairedItem: error.indexes.map((item) => ({ item, input })),
				});
				return outputs;
			}
			throw new NodeOperationError(this.getNode(), error.message, {
				description: error.description,
				itemIndex: error.side === 'local' ? error.indexes[0] : undefined,
			});
		}

		const matchItem = (pair: MatchedPair, changed: boolean): INodeExecutionData => {
			const local = localItems[pair.local];
			const remote = remoteItems[pair.remote];
			const pairedItem = [
				{ item: pair.local, input: 0 },
				{ item: pair.remote, input: 1 },
			];
			if (matchOutput === 'both') {
				const json: IDataObject = { key: pair.key, local: local.json, remote: remote.json };
				if (changed) json.differences = pair.differences as unknown as IDataObject[];
				return { json, pairedItem };
			}
			const source = matchOutput === 'local' ? local : remote;
			const json = changed
				? { ...source.json, _differences: pair.differences as unknown as IDataObject[] }
				: source.json;
			return source.binary ? { json, binary: source.binary, pairedItem } : { json, pairedItem };
		};
		const passThrough = (item: INodeExecutionData, index: number, input: number): INodeExecutionData =>
			item.binary
				? { json: item.json, binary: item.binary, pairedItem: { item: index, input } }
				: { json: item.json, pairedItem: { item: index, input } };

		const outputs: INodeExecutionData[][] = [
			result.localOnly.map((index) => passThrough(localItems[index], index, 0)),
			result.remoteOnly.map((index) => passThrough(remoteItems[index], index, 1)),
			result.synced.map((pair) => matchItem(pair, false)),
		];
		if (outputCount === 4) outputs.push(result.changed.map((pair) => matchItem(pair, true)));
		return outputs;
	}
}
