import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { safetyProperty } from '../shared/massChange';

const V1: IDisplayOptions = { show: { '@version': [1] } };
const V2: IDisplayOptions = { show: { '@version': [{ _cnd: { gte: 2 } }] } };
const ONLY_V2: IDisplayOptions = { show: { '@version': [2] } };
const V3: IDisplayOptions = { show: { '@version': [{ _cnd: { gte: 3 } }] } };

/** Key Matching as versions 1 and 2 apply it. */
const keyMatchingOptions: INodePropertyOptions[] = [
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
];

/** Key Matching from version 3: Trimmed, Case-Insensitive also ignores invisible characters and Unicode composition. */
const unicodeKeyMatchingOptions: INodePropertyOptions[] = keyMatchingOptions.map((option) =>
	option.value === 'trimCaseInsensitive'
		? {
				...option,
				description:
					'Ignore surrounding spaces, letter case, invisible characters such as a zero-width space, and how accents are encoded',
			}
		: option,
);

/** Local Field and Remote Field of a compared pair, the same in both versions. */
const comparedFieldPair: INodeProperties[] = [
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
];

const duplicatesOption: INodeProperties = {
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
};

const missingKeysOption: INodeProperties = {
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
};

const looseRulesOption: INodeProperties = {
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
};

/** Version 1's parameters, unchanged so saved workflows keep working. */
const version1: INodeProperties[] = [
	{
		displayName: 'Local Key Field',
		name: 'localKeyField',
		type: 'string',
		default: 'number',
		required: true,
		placeholder: 'e.g. number',
		requiresDataPath: 'single',
		displayOptions: V1,
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
		displayOptions: V1,
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
		displayOptions: V1,
		description:
			'Pairs of fields that must be equal for a match to count as Synced. Matches that differ go to the Changed output.',
		options: [
			{
				displayName: 'Field Pair',
				name: 'values',
				values: [
					...comparedFieldPair,
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
		displayOptions: V1,
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
			duplicatesOption,
			{
				displayName: 'Ignore Case in Values',
				name: 'ignoreCase',
				type: 'boolean',
				default: false,
				description: 'Whether compared text values match regardless of upper and lower case (useful for emails)',
			},
			missingKeysOption,
			{
				displayName: 'Key Matching',
				name: 'keyMatching',
				type: 'options',
				default: 'trimCaseInsensitive',
				description: 'How keys are normalised before they are matched',
				options: keyMatchingOptions,
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
			looseRulesOption,
			{
				displayName: 'Trim Values',
				name: 'trimValues',
				type: 'boolean',
				default: false,
				description: 'Whether surrounding spaces in compared text values are ignored',
			},
		],
	},
];

/** Key Fields of version 2 and, with Unicode-aware Key Matching, of version 3 and later. */
function keyFieldsProperty(displayOptions: IDisplayOptions, matching: INodePropertyOptions[]): INodeProperties {
	return {
		displayName: 'Key Fields',
		name: 'keyFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Key Part',
		default: { values: [{ local: 'number', remote: 'number' }] },
		displayOptions,
		description:
			'Fields that identify an extension. Add several parts for a composite key, e.g. site + extension number when several sites reuse 100–199. Each part is normalised on its own.',
		options: [
			{
				displayName: 'Key Part',
				name: 'values',
				values: [
					{
						displayName: 'Compare Last N Characters',
						name: 'lastDigits',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 0,
						description:
							'Match on the last N characters of this part only, e.g. 4 to match 4-digit extensions against full DIDs. 0 uses the whole part.',
					},
					{
						displayName: 'Key Matching',
						name: 'keyMatching',
						type: 'options',
						default: 'trimCaseInsensitive',
						description: 'How this part is normalised before it is matched',
						options: matching,
					},
					{
						displayName: 'Local Field',
						name: 'local',
						type: 'string',
						default: 'number',
						placeholder: 'e.g. number',
						requiresDataPath: 'single',
						description: 'Field of the Local items. Dot paths such as <code>raw.Number</code> are allowed.',
					},
					{
						displayName: 'Remote Field',
						name: 'remote',
						type: 'string',
						default: 'number',
						placeholder: 'e.g. msisdn',
						requiresDataPath: 'single',
						description: 'Field of the Remote items; leave empty to use the same name as the local field',
					},
					{
						displayName: 'Strip Prefixes',
						name: 'stripPrefixes',
						type: 'string',
						default: '',
						placeholder: 'e.g. 1, 44',
						description:
							'Comma-separated prefixes removed from this part after normalisation, such as a country code. The longest matching prefix is removed once.',
					},
				],
			},
		],
	};
}

/** Include Compared Values: version 2 only, since version 3 always carries `compared`. */
const includeComparedOption: INodeProperties = {
	displayName: 'Include Compared Values',
	name: 'includeCompared',
	type: 'boolean',
	default: false,
	description:
		'Whether Changed, Local Only and Remote Only items carry <code>compared</code>: the key and compared fields as read from each side, e.g. for Only If Unchanged when applying',
};

/** The Options of version 2 (with Include Compared Values) and of version 3 and later. */
function optionsProperty(displayOptions: IDisplayOptions, includeCompared: boolean): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions,
		options: [
			duplicatesOption,
			{
				displayName: 'Explain Key',
				name: 'explainKey',
				type: 'string',
				default: '',
				placeholder: 'e.g. 150',
				description:
					'Explain how one key was matched: the item routed for it gets an <code>explanation</code> with the items holding it, how each key part was normalised, and why each compared field differs or counts as equal. Separate the parts of a composite key with "/". A key in neither input stops the run unless a Summary output carries the explanation.',
			},
			...(includeCompared ? [includeComparedOption] : []),
			{
				displayName: 'Include Raw Records',
				name: 'includeRaw',
				type: 'boolean',
				default: false,
				description:
					'Whether Synced and Changed items keep the <code>raw</code> vendor record of each side. Off keeps matches small and readable; Local Only and Remote Only items always keep theirs.',
			},
			missingKeysOption,
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
						description: 'An item with key, differences and changedFields (Changed), local and remote',
					},
					{
						name: 'Local Item',
						value: 'local',
						description: 'The local item; Changed puts _differences and _changedFields first',
					},
					{
						name: 'Remote Item',
						value: 'remote',
						description: 'The remote item; Changed puts _differences and _changedFields first',
					},
				],
			},
			looseRulesOption,
		],
	};
}

/** Version 2: composite keys, per-pair value rules, Summary, Safety and readable matches. */
const version2: INodeProperties[] = [
	keyFieldsProperty(ONLY_V2, keyMatchingOptions),
	keyFieldsProperty(V3, unicodeKeyMatchingOptions),
	{
		displayName: 'Fields to Compare',
		name: 'compareFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Field Pair',
		default: {},
		displayOptions: V2,
		description:
			'Pairs of fields that must be equal for a match to count as Synced. Matches that differ go to the Changed output.',
		options: [
			{
				displayName: 'Field Pair',
				name: 'values',
				values: [
					...comparedFieldPair,
					{
						displayName: 'Ignore Case',
						name: 'ignoreCase',
						type: 'boolean',
						default: false,
						description: 'Whether text values of this pair match regardless of upper and lower case (useful for emails)',
					},
					{
						displayName: 'Trim Values',
						name: 'trimValues',
						type: 'boolean',
						default: false,
						description: 'Whether surrounding spaces in text values of this pair are ignored',
					},
				],
			},
		],
	},
	{
		displayName: 'Summary',
		name: 'summary',
		type: 'options',
		default: 'none',
		displayOptions: V2,
		description:
			'One item with the count of each output, the total of each input and the safety verdict, e.g. for a Slack or email report after a nightly run',
		options: [
			{ name: 'No Summary', value: 'none' },
			{
				name: 'On Its Own Output',
				value: 'output',
				description: 'Add a Summary output after the others; the other outputs are unchanged',
			},
			{
				name: 'Summary Only',
				value: 'only',
				description: 'Emit only the Summary item, e.g. for an audit report; the other outputs stay empty',
			},
		],
	},
	safetyProperty({
		displayOptions: V2,
		note: 'A stopped run fails before any item is passed on.',
	}),
	optionsProperty(ONLY_V2, true),
	optionsProperty(V3, false),
];

export const compareExtensionsProperties: INodeProperties[] = [
	{
		displayName:
			'Connect the system you provision from (e.g. 3CX) to <b>Local</b> and the system you keep in step (e.g. Cloudonix) to <b>Remote</b>. Items are matched by key; add fields to compare to get a <b>Changed</b> output.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	...version1,
	...version2,
];
