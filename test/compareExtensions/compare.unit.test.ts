import type { LooseRule } from '../../nodes/shared/compare';
import {
	CompareInputError,
	KEY_SEPARATOR,
	compareExtensions,
	differenceLabel,
	getPath,
	keyParts,
	normaliseKey,
	valuesEqual,
} from '../../nodes/shared/compare';
import { KeyIndex } from '../../nodes/shared/keyIndex';

const loose = { looseRules: ['numberString', 'booleanString', 'emptyMissing'] as LooseRule[], ignoreCase: false, trimValues: false };
const strict = { looseRules: [] as LooseRule[], ignoreCase: false, trimValues: false };

describe('getPath', () => {
	it('reads plain keys, dot paths and array indexes', () => {
		const item = { number: '1', 'sip.user': 'x', raw: { Number: '2', list: [{ a: 3 }] } };
		expect(getPath(item, 'number')).toBe('1');
		expect(getPath(item, 'sip.user')).toBe('x');
		expect(getPath(item, 'raw.Number')).toBe('2');
		expect(getPath(item, 'raw.list[0].a')).toBe(3);
		expect(getPath(item, 'raw.list.0.a')).toBe(3);
		expect(getPath(item, 'raw.missing.deep')).toBeUndefined();
		expect(getPath(null, 'a')).toBeUndefined();
	});
});

describe('normaliseKey', () => {
	const key = (value: unknown, keyMatching: 'exact' | 'trimCaseInsensitive' | 'digitsOnly', stripPrefixes: string[] = [], lastDigits = 0) =>
		normaliseKey(value, { keyMatching, stripPrefixes, lastDigits });

	it('trims and lower-cases by default mode', () => {
		expect(key(' 5550101 ', 'trimCaseInsensitive')).toBe('5550101');
		expect(key('Ext-A', 'trimCaseInsensitive')).toBe('ext-a');
		expect(key(101, 'trimCaseInsensitive')).toBe('101');
	});

	it('keeps keys as they are in exact mode', () => {
		expect(key(' 101', 'exact')).toBe(' 101');
	});

	it('keeps only digits and strips a prefix so +1 (555) 0101, 5550101 and " 5550101 " match', () => {
		const a = key('+1 (555) 0101', 'digitsOnly', ['1']);
		const b = key('5550101', 'digitsOnly', ['1']);
		const c = key(' 5550101 ', 'digitsOnly', ['1']);
		expect(a).toBe('5550101');
		expect(b).toBe('5550101');
		expect(c).toBe('5550101');
	});

	it('never strips a prefix down to nothing and strips only once', () => {
		expect(key('1', 'digitsOnly', ['1'])).toBe('1');
		expect(key('1101', 'digitsOnly', ['1'])).toBe('101');
	});

	it('compares the last N characters when asked', () => {
		expect(key('+44 20 7946 0101', 'digitsOnly', [], 4)).toBe('0101');
	});

	it('treats missing, empty, whitespace and object values as no key', () => {
		expect(key(undefined, 'trimCaseInsensitive')).toBeUndefined();
		expect(key(null, 'trimCaseInsensitive')).toBeUndefined();
		expect(key('  ', 'trimCaseInsensitive')).toBeUndefined();
		expect(key('abc', 'digitsOnly')).toBeUndefined();
		expect(key({ a: 1 }, 'exact')).toBeUndefined();
	});
});

describe('valuesEqual', () => {
	it('treats numbers and numeric text as equal only with the rule on', () => {
		expect(valuesEqual(101, '101', loose)).toBe(true);
		expect(valuesEqual(101, ' 101 ', loose)).toBe(true);
		expect(valuesEqual(101, '102', loose)).toBe(false);
		expect(valuesEqual(101, '', loose)).toBe(false);
		expect(valuesEqual(101, '101', strict)).toBe(false);
	});

	it('treats booleans and on/off/true/1 as equal only with the rule on', () => {
		expect(valuesEqual(true, 'on', loose)).toBe(true);
		expect(valuesEqual(true, 'TRUE', loose)).toBe(true);
		expect(valuesEqual(false, 'off', loose)).toBe(true);
		expect(valuesEqual(true, 1, loose)).toBe(true);
		expect(valuesEqual(false, '0', loose)).toBe(true);
		expect(valuesEqual('on', 'yes', loose)).toBe(true);
		expect(valuesEqual(true, 'off', loose)).toBe(false);
		expect(valuesEqual(true, 'on', strict)).toBe(false);
		// "1" and "0" are numbers too: between two strings they are not read as booleans.
		expect(valuesEqual('1', 'on', loose)).toBe(false);
	});

	it('treats empty and missing as equal only with the rule on', () => {
		expect(valuesEqual(undefined, '', loose)).toBe(true);
		expect(valuesEqual(null, [], loose)).toBe(true);
		expect(valuesEqual(undefined, '', strict)).toBe(false);
		expect(valuesEqual(undefined, 'x', loose)).toBe(false);
	});

	it('compares objects by content regardless of key order', () => {
		expect(valuesEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, strict)).toBe(true);
		expect(valuesEqual({ a: 1 }, { a: 2 }, strict)).toBe(false);
	});

	it('ignores case and surrounding spaces when asked', () => {
		expect(valuesEqual('Ann@Example.com', 'ann@example.com', { ...strict, ignoreCase: true })).toBe(true);
		expect(valuesEqual(' Ann ', 'Ann', { ...strict, trimValues: true })).toBe(true);
		expect(valuesEqual(' Ann ', 'Ann', strict)).toBe(false);
	});
});

describe('compareExtensions', () => {
	it('splits into local only, remote only, synced and changed, in input order', () => {
		const local = [{ number: '103' }, { number: '100', name: 'A' }, { number: '101', name: 'B' }];
		const remote = [{ number: '101', name: 'B' }, { number: '100', name: 'a' }, { number: '104' }];
		const result = compareExtensions(local, remote, { fields: [{ local: 'name', remote: 'name' }] });
		expect(result.localOnly).toEqual([0]);
		expect(result.remoteOnly).toEqual([2]);
		expect(result.synced).toEqual([{ key: '101', local: 2, remote: 0, differences: [] }]);
		expect(result.changed).toEqual([
			{ key: '100', local: 1, remote: 1, differences: [{ field: 'name', local: 'A', remote: 'a' }] },
		]);
	});

	it('names both fields of a pair in a difference when they differ', () => {
		const result = compareExtensions([{ number: 1, name: 'A' }], [{ msisdn: '1', profile: { name: 'B' } }], {
			remoteKey: 'msisdn',
			fields: [{ local: 'name', remote: 'profile.name' }],
		});
		expect(result.changed[0].differences).toEqual([{ field: 'name → profile.name', local: 'A', remote: 'B' }]);
	});

	it('fails on a duplicate key, naming the key, the input and the item indexes', () => {
		expect(() => compareExtensions([{ number: '1' }, { number: ' 1' }], [])).toThrow(
			new CompareInputError('Duplicate key "1" in the Local input (key field "number", item indexes 0, 1)', 'local', [0, 1]),
		);
		expect(() => compareExtensions([], [{ number: 'x' }, { number: 'X' }])).toThrow(/Remote input .*item indexes 0, 1/);
	});

	it('pairs every combination of duplicates when asked', () => {
		const result = compareExtensions([{ number: '1', n: 'a' }, { number: '1', n: 'b' }], [{ number: '1', n: 'a' }], {
			duplicates: 'matchAll',
			fields: [{ local: 'n', remote: 'n' }],
		});
		expect(result.synced.map((p) => [p.local, p.remote])).toEqual([[0, 0]]);
		expect(result.changed.map((p) => [p.local, p.remote])).toEqual([[1, 0]]);
	});

	it('fails on items without a key by default, listing their indexes', () => {
		expect(() => compareExtensions([{ number: '1' }, { name: 'x' }, { number: '' }], [])).toThrow(
			'2 item(s) in the Local input have no value in key field "number" (item indexes 1, 2)',
		);
	});

	it('routes items without a key as unmatched, or leaves them out, when asked', () => {
		const local = [{ number: '1' }, { name: 'x' }];
		const remote = [{ number: null }, { number: '1' }];
		const unmatched = compareExtensions(local, remote, { missingKeys: 'unmatched' });
		expect(unmatched.localOnly).toEqual([1]);
		expect(unmatched.remoteOnly).toEqual([0]);
		const skipped = compareExtensions(local, remote, { missingKeys: 'skip' });
		expect(skipped.localOnly).toEqual([]);
		expect(skipped.remoteOnly).toEqual([]);
		expect(skipped.skipped).toEqual([
			{ side: 'local', index: 1 },
			{ side: 'remote', index: 0 },
		]);
	});

	it('handles empty inputs on either or both sides', () => {
		expect(compareExtensions([], [])).toEqual({ localOnly: [], remoteOnly: [], synced: [], changed: [], skipped: [] });
		expect(compareExtensions([{ number: '1' }], []).localOnly).toEqual([0]);
		expect(compareExtensions([], [{ number: '1' }]).remoteOnly).toEqual([0]);
	});

	it('matches phone-style keys across formats with digits only and a stripped country code', () => {
		const result = compareExtensions([{ number: '+1 (555) 0101' }], [{ number: ' 5550101 ' }], {
			keyMatching: 'digitsOnly',
			stripPrefixes: ['+1'],
		});
		expect(result.synced).toHaveLength(1);
	});

	it('does not touch its inputs', () => {
		const local = [{ number: ' 1 ', nested: { a: 1 } }];
		const remote = [{ number: '1', nested: { a: 2 } }];
		const snapshot = JSON.stringify([local, remote]);
		compareExtensions(local, remote, { fields: [{ local: 'nested', remote: 'nested' }] });
		expect(JSON.stringify([local, remote])).toBe(snapshot);
	});
});

describe('composite keys and per-pair rules (version 2)', () => {
	const part = (local: string, remote = local, keyMatching: 'exact' | 'trimCaseInsensitive' | 'digitsOnly' = 'trimCaseInsensitive') => ({
		local,
		remote,
		keyMatching,
		stripPrefixes: [],
		lastDigits: 0,
	});

	it('joins parts with KEY_SEPARATOR and splits them back with keyParts', () => {
		const result = compareExtensions([{ site: 'A', n: '1' }], [{ site: 'a', n: ' 1' }], { keys: [part('site'), part('n')] });
		expect(result.synced).toHaveLength(1);
		expect(result.synced[0].key).toBe(`a${KEY_SEPARATOR}1`);
		expect(keyParts(result.synced[0].key)).toEqual(['a', '1']);
	});

	it('keeps a single part the same as the version 1 key', () => {
		const v1 = compareExtensions([{ number: ' 5 ' }], [{ number: '5' }]);
		const v2 = compareExtensions([{ number: ' 5 ' }], [{ number: '5' }], { keys: [part('number')] });
		expect(v2).toEqual(v1);
	});

	it('does not let "a" + "b|c" collide with "a|b" + "c"', () => {
		const result = compareExtensions([{ x: 'a', y: 'b|c' }], [{ x: 'a|b', y: 'c' }], { keys: [part('x'), part('y')] });
		expect(result.localOnly).toEqual([0]);
		expect(result.remoteOnly).toEqual([0]);
	});

	it('lets each pair override ignoreCase and trimValues', () => {
		const result = compareExtensions([{ number: '1', a: 'X ', b: 'X ' }], [{ number: '1', a: 'x', b: 'x' }], {
			fields: [
				{ local: 'a', remote: 'a', ignoreCase: true, trimValues: true },
				{ local: 'b', remote: 'b' },
			],
		});
		expect(result.changed[0].differences.map((d) => d.field)).toEqual(['b']);
	});

	it('stops on an object key with objectKeys "error", whatever missingKeys says', () => {
		expect(() => compareExtensions([{ number: {} }], [], { objectKeys: 'error', missingKeys: 'skip' })).toThrow(
			'The Local input\'s key field "number" holds an object in 1 item(s) (item indexes 0)',
		);
		expect(compareExtensions([{ number: {} }], [], { missingKeys: 'skip' }).skipped).toEqual([{ side: 'local', index: 0 }]);
	});

	it('labels differences the way version 1 does', () => {
		expect(differenceLabel({ local: 'name', remote: 'name' })).toBe('name');
		expect(differenceLabel({ local: 'name', remote: 'profile.name' })).toBe('name → profile.name');
	});
});

describe('getPath with object-member names', () => {
	it('reads only own properties', () => {
		const item = JSON.parse('{"a": {"__proto__": "p"}, "constructor": "c"}') as object;
		expect(getPath(item, 'constructor')).toBe('c');
		expect(getPath(item, 'a.__proto__')).toBe('p');
		expect(getPath({}, 'constructor')).toBeUndefined();
		expect(getPath({}, 'toString')).toBeUndefined();
		expect(getPath({ a: {} }, 'a.hasOwnProperty')).toBeUndefined();
		expect(getPath({ list: [1] }, 'list.length')).toBe(1);
	});
});

describe('composite key encoding (issue 21 point 8)', () => {
	const partsOf = (local: Array<Record<string, string>>) =>
		compareExtensions(local, local, {
			keys: [
				{ local: 'a', remote: 'a', keyMatching: 'exact', stripPrefixes: [], lastDigits: 0 },
				{ local: 'b', remote: 'b', keyMatching: 'exact', stripPrefixes: [], lastDigits: 0 },
			],
		}).synced.map((pair) => keyParts(pair.key));

	it('splits back every part list, separator and escape characters included', () => {
		const items = [
			{ a: 'x\u001f', b: '\u001fy' },
			{ a: 'x', b: '\u001f\u001fy' },
			{ a: '\u001e', b: '\u001e\u001f' },
			{ a: '\u001e\u001f', b: '\u001e' },
			{ a: 'plain', b: 'text' },
		];
		expect(partsOf(items)).toEqual(items.map((item) => [item.a, item.b]));
	});
});

describe('KeyIndex', () => {
	it('finds every key it holds and no other, keeping the first value of a key', () => {
		const keys = ['', '__proto__', 'constructor', 'a', 'A', 'ä', 'a\u0308', 'hq\u001f100', ...Array.from({ length: 5000 }, (_, i) => String(1_000_000 + i * 7))];
		const index = new KeyIndex(keys.length);
		keys.forEach((key, i) => expect(index.addIfAbsent(key, i)).toBeUndefined());
		keys.forEach((key, i) => {
			expect(index.get(key)).toBe(i);
			expect(index.addIfAbsent(key, 99)).toBe(i);
		});
		for (const other of ['b', 'hq\u001f101', '1000001', ' ', '__PROTO__']) expect(index.get(other)).toBeUndefined();
	});

	it('works with room for no key at all', () => {
		const index = new KeyIndex(0);
		expect(index.get('x')).toBeUndefined();
	});
});
