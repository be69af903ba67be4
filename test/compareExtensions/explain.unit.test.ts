/** explainKey: the trace of one key agrees with compareExtensions and says why. */
import type { CompareOptions, LooseRule } from '../../nodes/shared/compare';
import { compareExtensions } from '../../nodes/shared/compare';
import { ExplainKeyError, explainKey, traceKeyPart } from '../../nodes/shared/explain';

const LOCAL = [
	{ number: ' 150 ', name: 'Ada Lovelace ', email: 'ADA@example.com', enabled: true },
	{ number: '151', name: 'Alan Turing', email: 'alan@example.com', enabled: true },
	{ number: '152', name: 'Grace Hopper', email: '', enabled: false },
];
const REMOTE = [
	{ msisdn: '+44150', name: 'Ada Lovelace', email: 'ada@example.com', enabled: 'on' },
	{ msisdn: '+44152', name: 'Grace Hopper', email: null, enabled: 'true' },
	{ msisdn: '+44199', name: 'Orphan', enabled: 'on' },
];
const OPTIONS: Partial<CompareOptions> = {
	keys: [{ local: 'number', remote: 'msisdn', keyMatching: 'digitsOnly', stripPrefixes: ['44'], lastDigits: 0 }],
	fields: [
		{ local: 'name', remote: 'name', trimValues: true },
		{ local: 'email', remote: 'email', ignoreCase: true },
		{ local: 'enabled', remote: 'enabled' },
	],
};

describe('explainKey', () => {
	it('names the items holding the key, each normalisation step, and why each field counts as equal', () => {
		const explanation = explainKey('150', LOCAL, REMOTE, OPTIONS);
		expect(explanation.outcome).toBe('synced');
		expect(explanation.local).toEqual([
			{ index: 0, parts: [{ field: 'number', value: ' 150 ', steps: [{ rule: 'Digits Only', from: ' 150 ', to: '150' }], normalised: '150' }] },
		]);
		expect(explanation.remote).toEqual([
			{
				index: 0,
				parts: [
					{
						field: 'msisdn',
						value: '+44150',
						steps: [
							{ rule: 'Digits Only', from: '+44150', to: '44150' },
							{ rule: 'Strip Prefixes "44"', from: '44150', to: '150' },
						],
						normalised: '150',
					},
				],
			},
		]);
		expect(explanation.pairs).toEqual([
			{
				local: 0,
				remote: 0,
				fields: [
					{ field: 'name', local: 'Ada Lovelace ', remote: 'Ada Lovelace', equal: true, reason: 'equal after Trim Values' },
					{ field: 'email', local: 'ADA@example.com', remote: 'ada@example.com', equal: true, reason: 'equal with Ignore Case' },
					{ field: 'enabled', local: true, remote: 'on', equal: true, reason: 'equal by the Treat as Equal rule "Boolean and Text/Number"' },
				],
			},
		]);
		expect(explanation.trace).toEqual([
			'Key number "150" (unchanged)',
			'Local: item 0 holds it: number " 150 " → "150" (Digits Only → "150")',
			'Remote: item 0 holds it: msisdn "+44150" → "150" (Digits Only → "44150", Strip Prefixes "44" → "150")',
			'name: "Ada Lovelace " vs "Ada Lovelace": equal after Trim Values',
			'email: "ADA@example.com" vs "ada@example.com": equal with Ignore Case',
			'enabled: true vs "on": equal by the Treat as Equal rule "Boolean and Text/Number"',
			'Outcome: Synced',
		]);
	});

	it('says which fields differ and which switched-off setting would make them equal', () => {
		const explanation = explainKey('152', LOCAL, REMOTE, { ...OPTIONS, looseRules: ['booleanString'] as LooseRule[] });
		expect(explanation.outcome).toBe('changed');
		expect(explanation.pairs[0].fields).toEqual([
			{ field: 'name', local: 'Grace Hopper', remote: 'Grace Hopper', equal: true, reason: 'identical' },
			{ field: 'email', local: '', remote: null, equal: false, reason: 'differs (would be equal with the Treat as Equal rule "Empty and Missing")' },
			{ field: 'enabled', local: false, remote: 'true', equal: false, reason: 'differs' },
		]);
		expect(explanation.trace.at(-1)).toBe('Outcome: Changed (differs in email, enabled)');

		const caseOnly = explainKey('150', LOCAL, REMOTE, { ...OPTIONS, fields: [{ local: 'email', remote: 'email' }] });
		expect(caseOnly.pairs[0].fields[0].reason).toBe('differs (would be equal with Ignore Case on)');
	});

	it('agrees with compareExtensions on every key of both inputs', () => {
		const result = compareExtensions(LOCAL, REMOTE, OPTIONS);
		const expected = new Map<string, string>();
		for (const index of result.localOnly) expected.set(LOCAL[index].number, 'localOnly');
		for (const index of result.remoteOnly) expected.set(REMOTE[index].msisdn, 'remoteOnly');
		for (const pair of result.synced) expected.set(LOCAL[pair.local].number, 'synced');
		for (const pair of result.changed) expected.set(LOCAL[pair.local].number, 'changed');
		expect(expected.size).toBe(4);
		for (const [key, outcome] of expected) expect([key, explainKey(key, LOCAL, REMOTE, OPTIONS).outcome]).toEqual([key, outcome]);
	});

	it('reports Local Only, Remote Only and a key neither input holds', () => {
		expect(explainKey('151', LOCAL, REMOTE, OPTIONS)).toMatchObject({ outcome: 'localOnly', remote: [], pairs: [] });
		expect(explainKey('151', LOCAL, REMOTE, OPTIONS).trace).toContain('Remote: no item holds this key');
		expect(explainKey('+44 199', LOCAL, REMOTE, OPTIONS)).toMatchObject({ outcome: 'remoteOnly', local: [], remote: [{ index: 2 }] });
		const neither = explainKey('777', LOCAL, REMOTE, OPTIONS);
		expect(neither.outcome).toBe('inNeither');
		expect(neither.trace).toEqual(['Key number "777" (unchanged)', 'Local: no item holds this key', 'Remote: no item holds this key', 'Outcome: in neither input']);
	});

	it('explains a composite key part by part, and every combination of duplicates', () => {
		const options: Partial<CompareOptions> = {
			keys: [
				{ local: 'site', remote: 'tenant', keyMatching: 'trimCaseInsensitive', stripPrefixes: [], lastDigits: 0 },
				{ local: 'number', remote: 'number', keyMatching: 'exact', stripPrefixes: [], lastDigits: 3 },
			],
			fields: [{ local: 'name', remote: 'name' }],
			duplicates: 'matchAll',
		};
		const local = [{ site: 'Paris', number: '33100', name: 'A' }, { site: 'London', number: '100', name: 'B' }];
		const remote = [{ tenant: 'paris ', number: '100', name: 'A' }, { tenant: 'PARIS', number: '100', name: 'X' }];
		const explanation = explainKey('PARIS / 100', local, remote, options);
		expect(explanation.asked.map((part) => part.normalised)).toEqual(['paris', '100']);
		expect(explanation.local.map((item) => item.index)).toEqual([0]);
		expect(explanation.local[0].parts[1].steps).toEqual([{ rule: 'Compare Last 3 Characters', from: '33100', to: '100' }]);
		expect(explanation.remote.map((item) => item.index)).toEqual([0, 1]);
		expect(explanation.pairs.map((pair) => [pair.remote, pair.fields[0].equal])).toEqual([
			[0, true],
			[1, false],
		]);
		expect(explanation.outcome).toBe('changed');
		expect(explanation.trace).toContain('Local item 0 × Remote item 1: name: "A" vs "X": differs');

		expect(() => explainKey('100', local, remote, options)).toThrow(ExplainKeyError);
		expect(() => explainKey('100', local, remote, options)).toThrow('Explain Key "100" has 1 part(s), but the key has 2 (site + number); separate the parts with "/"');
	});

	it('normalises keys as version 3 does when the comparison does (NFC, invisible characters removed)', () => {
		const local = [{ number: 'Caf\u0065\u0301-1' }];
		const remote = [{ number: '\u200bCAF\u00c9-1' }];
		// Without: only the item spelt exactly like the asked key (decomposed é) holds it.
		expect(explainKey('caf\u0065\u0301-1', local, remote).outcome).toBe('localOnly');
		const v3 = explainKey('café-1', local, remote, { unicodeKeys: true });
		expect(v3.outcome).toBe('synced');
		expect(v3.remote[0].parts[0].steps).toEqual([{ rule: 'Trimmed, Case-Insensitive', from: '\u200bCAF\u00c9-1', to: 'caf\u00e9-1' }]);
		expect(compareExtensions(local, remote, { unicodeKeys: true }).synced).toHaveLength(1);
	});

	it('refuses a key that normalises to nothing', () => {
		expect(() => explainKey(' - ', LOCAL, REMOTE, OPTIONS)).toThrow('Explain Key " - " gives no usable key: number empty after normalisation');
	});

	it('records only the steps that change the value, and none for an object', () => {
		expect(traceKeyPart('100', 'number', { keyMatching: 'exact', stripPrefixes: ['44'], lastDigits: 0 }).steps).toEqual([]);
		expect(traceKeyPart({ n: 1 }, 'number', { keyMatching: 'exact', stripPrefixes: [], lastDigits: 0 })).toEqual({
			field: 'number',
			value: { n: 1 },
			steps: [],
			normalised: null,
		});
	});
});
