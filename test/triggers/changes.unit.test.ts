/** The pure change detection (nodes/shared/changes.ts) without the engine. */
import type { ChangeSettings } from '../../nodes/shared/changes';
import { buildState, canonicalValue, diffChanges, DuplicateNumberError, extensionDigest, fieldDigest, pbxFingerprint } from '../../nodes/shared/changes';
import type { NormalisedExtension } from '../../nodes/shared/extension';

const SETTINGS: ChangeSettings = { fields: ['email', 'enabled', 'name'], filters: '{}', keepPrevious: false, source: '3cx' };

/** Extensions shaped like a 3CX PBX's: numbers from 10000, ids 1…, three watched fields. */
function pbx(count: number): NormalisedExtension[] {
	return Array.from({ length: count }, (_, i) => ({
		number: String(10000 + i),
		name: `First${i} Last${i}`,
		email: `first${i}.last${i}@example.com`,
		enabled: i % 10 !== 9,
		status: i % 2 ? 'registered' : 'unregistered',
		id: String(i + 1),
		source: '3cx',
		raw: { Id: i + 1, Number: String(10000 + i) },
	}));
}

const summary = (result: ReturnType<typeof diffChanges>) => ({
	created: result.created.map((item) => item.extension.number),
	updated: result.updated.map((item) => [item.extension.number, item.changedFields]),
	deleted: result.deleted.map((item) => item.extension.number),
});

describe('change digests', () => {
	it('treat missing, null, empty text and empty lists alike, and keep types apart', () => {
		expect(new Set([undefined, null, '', []].map(fieldDigest)).size).toBe(1);
		expect(fieldDigest('1')).not.toBe(fieldDigest(1));
		expect(fieldDigest(true)).not.toBe(fieldDigest('true'));
		expect(canonicalValue({ b: 1, a: [2] })).toBe(canonicalValue({ a: [2], b: 1 }));
	});

	it('are four characters per field', () => {
		expect(extensionDigest(pbx(1)[0], SETTINGS.fields)).toMatch(/^[A-Za-z0-9_-]{12}$/);
	});

	it('change when the value changes (10,000 e-mail changes, none missed)', () => {
		// 24 bits: a change goes unnoticed with probability 1 in 16.7 million.
		const missed = pbx(10_000).filter((extension) => fieldDigest(extension.email) === fieldDigest(`x${String(extension.email)}`));
		expect(missed).toEqual([]);
	});
});

describe('diffChanges', () => {
	it('without a state is a baseline: no events', () => {
		const result = diffChanges(pbx(5), undefined, SETTINGS);
		expect(result.baseline).toBe(true);
		expect(summary(result)).toEqual({ created: [], updated: [], deleted: [] });
		expect(Object.keys(result.state.e)).toHaveLength(5);
	});

	it('finds created, updated (watched fields only, named) and deleted extensions', () => {
		const before = pbx(5);
		const state = buildState(before, SETTINGS);
		const after = pbx(6).filter((extension) => extension.number !== '10002');
		after[0] = { ...after[0], name: 'Renamed', status: 'registered' };
		after[1] = { ...after[1], status: 'registered', email: '' };
		const result = diffChanges(after, state, SETTINGS);
		expect(summary(result)).toEqual({
			created: ['10005'],
			updated: [
				['10000', ['name']],
				['10001', ['email']],
			],
			deleted: ['10002'],
		});
		expect(result.deleted[0].extension).toEqual({ number: '10002', id: '3', source: '3cx' });
	});

	it('keeps previous values only when asked', () => {
		const settings = { ...SETTINGS, keepPrevious: true };
		const state = buildState(pbx(2), settings);
		const after = [{ ...pbx(2)[0], email: 'new@example.com' }];
		const result = diffChanges(after, state, settings);
		expect(result.updated[0].previous).toEqual({ email: 'first0.last0@example.com', enabled: true, name: 'First0 Last0' });
		expect(result.deleted[0].previous).toEqual({ email: 'first1.last1@example.com', enabled: true, name: 'First1 Last1' });
		expect(result.deleted[0].extension).toMatchObject({ number: '10001', name: 'First1 Last1' });
	});

	it('takes a new baseline when the filters change', () => {
		const state = buildState(pbx(5), SETTINGS);
		const result = diffChanges(pbx(2), state, { ...SETTINGS, filters: '{"groupId":2}' });
		expect(result.baseline).toBe(true);
		expect(result.deleted).toEqual([]);
	});

	it('compares only fields watched before and now when Watched Fields changes', () => {
		const state = buildState(pbx(2), { ...SETTINGS, fields: ['email', 'name'] });
		const after = pbx(2).map((extension) => ({ ...extension, status: 'changed', name: `${extension.name}!` }));
		const result = diffChanges(after, state, { ...SETTINGS, fields: ['name', 'status'] });
		expect(summary(result).updated).toEqual([
			['10000', ['name']],
			['10001', ['name']],
		]);
		// From now on the new fields are compared.
		const next = diffChanges(after.map((extension) => ({ ...extension, status: 'again' })), result.state, { ...SETTINGS, fields: ['name', 'status'] });
		expect(summary(next).updated.map(([, fields]) => fields)).toEqual([['status'], ['status']]);
	});

	it('refuses a list with one number twice', () => {
		const state = buildState(pbx(2), SETTINGS);
		const [first] = pbx(1);
		expect(() => diffChanges([first, { ...first, id: '99' }], state, SETTINGS)).toThrow(new DuplicateNumberError('10000'));
		expect(() => diffChanges([first, { ...first, id: '99' }], state, SETTINGS)).toThrow('Extension number "10000" is listed twice');
	});

	it('stores an id only when it differs from the number', () => {
		const openVox = [{ number: '1000', id: '1000', name: 'A', source: 'openvox', raw: {} }];
		expect(buildState(openVox, { ...SETTINGS, fields: ['name'] }).e).toEqual({ '1000': fieldDigest('A') });
	});
});

describe('renumbers (pairing by the vendor id)', () => {
	const ext = (number: string, id: string, name = `Name ${id}`): NormalisedExtension => ({ number, id, name, source: 'cloudonix', raw: {} });
	const settings = { ...SETTINGS, fields: ['name'], source: 'cloudonix' };

	it('a number gone whose id is on a new number is one update, number first', () => {
		const state = buildState([ext('1002', '3'), ext('1003', '4')], settings);
		const result = diffChanges([ext('1092', '3', 'Renamed'), ext('1003', '4')], state, settings);
		expect(result.created).toEqual([]);
		expect(result.deleted).toEqual([]);
		expect(result.updated).toEqual([{ event: 'updated', extension: ext('1092', '3', 'Renamed'), changedFields: ['number', 'name'], previous: { number: '1002' } }]);
	});

	it('a renumber onto a number freed in the same interval: the live record is renumbered, the freed number gets no deletion', () => {
		const state = buildState([ext('1002', 'A'), ext('1092', 'B')], settings);
		const result = diffChanges([ext('1092', 'A')], state, settings);
		expect(summary(result)).toEqual({ created: [], updated: [['1092', ['number']]], deleted: [] });
		expect(result.updated[0].previous).toEqual({ number: '1002' });
	});

	it('a chain (A 1002 → 1092, B 1092 → 1500) is two renumbers', () => {
		const state = buildState([ext('1002', 'A'), ext('1092', 'B')], settings);
		const result = diffChanges([ext('1092', 'A'), ext('1500', 'B')], state, settings);
		expect(summary(result)).toEqual({ created: [], updated: [['1092', ['number']], ['1500', ['number']]], deleted: [] });
		expect(result.updated.map((item) => item.previous)).toEqual([{ number: '1002' }, { number: '1092' }]);
	});

	it('two records swapping numbers are updates of each number, as before', () => {
		const state = buildState([ext('1002', 'A', 'Anna'), ext('1092', 'B', 'Ben')], settings);
		const result = diffChanges([ext('1002', 'B', 'Ben'), ext('1092', 'A', 'Anna')], state, settings);
		expect(summary(result)).toEqual({ created: [], updated: [['1002', ['name']], ['1092', ['name']]], deleted: [] });
	});

	it('a number deleted and created again with a new id is compared by number, as before', () => {
		const state = buildState([ext('105', '7', 'Old')], settings);
		expect(summary(diffChanges([ext('105', '93', 'New')], state, settings))).toEqual({ created: [], updated: [['105', ['name']]], deleted: [] });
	});

	it('OpenVox (id = number): a new number is a new extension', () => {
		const openVox = { ...settings, source: 'openvox' };
		const state = buildState([{ number: '1000', id: '1000', name: 'A', source: 'openvox', raw: {} }], openVox);
		const result = diffChanges([{ number: '1001', id: '1001', name: 'A', source: 'openvox', raw: {} }], state, openVox);
		expect(summary(result)).toEqual({ created: ['1001'], updated: [], deleted: ['1000'] });
	});

	it('with Keep Previous Values, previous holds the old number and the old values', () => {
		const keep = { ...settings, keepPrevious: true };
		const state = buildState([ext('1002', '3', 'Old')], keep);
		const [updated] = diffChanges([ext('1092', '3', 'New')], state, keep).updated;
		expect(updated.previous).toEqual({ number: '1002', name: 'Old' });
	});
});

describe('numbers of any text', () => {
	const names = ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__', 'prototype'];
	const ext = (number: string, name = `Name ${number}`): NormalisedExtension => ({ number, id: `id-${number}`, name, source: 'sipxcom', raw: {} });
	const settings = { ...SETTINGS, fields: ['name'] };

	it('are stored as own keys, survive JSON, and are compared like any other', () => {
		const state = JSON.parse(JSON.stringify(buildState(names.map((n) => ext(n)), settings))) as unknown;
		expect(Object.keys((state as { e: object }).e).sort()).toEqual([...names].sort());
		expect(summary(diffChanges(names.map((n) => ext(n)), state, settings))).toEqual({ created: [], updated: [], deleted: [] });
		const after = names.filter((n) => n !== 'constructor').map((n) => (n === '__proto__' ? ext(n, 'Renamed') : ext(n)));
		after.push(ext('__lookupGetter__'));
		expect(summary(diffChanges(after, state, settings))).toEqual({ created: ['__lookupGetter__'], updated: [['__proto__', ['name']]], deleted: ['constructor'] });
	});

	it('a number that is not remembered is created, even when Object.prototype has a member of that name', () => {
		const state = buildState([ext('100')], settings);
		expect(summary(diffChanges([ext('100'), ext('constructor'), ext('toString')], state, settings)).created).toEqual(['constructor', 'toString']);
	});
});

describe('a state that cannot be compared against', () => {
	const state = () => JSON.parse(JSON.stringify(buildState(pbx(3), SETTINGS))) as Record<string, unknown> & { e: Record<string, unknown> };

	it.each([
		['no state', undefined, 'first'],
		['null', null, 'unreadable'],
		['text', 'x', 'unreadable'],
		['another format version', { ...state(), v: 2 }, 'unreadable'],
		['entries as a list', { ...state(), e: [] }, 'unreadable'],
		['an entry that is a number', { ...state(), e: { ...state().e, '10000': 5 } }, 'unreadable'],
		['an entry whose digest is too short', { ...state(), e: { ...state().e, '10000': 'AAA' } }, 'unreadable'],
		['an entry with three parts', { ...state(), e: { ...state().e, '10000': ['AAAABBBBCCCC', {}, 1] } }, 'unreadable'],
		['other filters', { ...state(), q: '{"groupId":2}' }, 'filters'],
		['another PBX', { ...state(), p: 'another' }, 'pbx'],
	])('%s: a baseline (%s), no events', (_name, stored, kind) => {
		const result = diffChanges(pbx(3), stored, { ...SETTINGS, pbx: 'this' });
		expect(result.baseline).toBe(true);
		expect(result.reason?.kind).toBe(kind);
		expect(summary(result)).toEqual({ created: [], updated: [], deleted: [] });
		expect(result.state.p).toBe('this');
	});

	it('a state without a PBX fingerprint (saved before it existed) is compared, and stored with one', () => {
		const result = diffChanges(pbx(3), state(), { ...SETTINGS, pbx: 'this' });
		expect(result.baseline).toBe(false);
		expect(result.state.p).toBe('this');
	});

	it('the PBX fingerprint: scheme and host case and trailing slashes do not matter; the domain does', () => {
		expect(pbxFingerprint(['HTTPS://PBX.Example.com/'])).toBe(pbxFingerprint(['https://pbx.example.com']));
		expect(pbxFingerprint(['https://pbx.example.com'])).not.toBe(pbxFingerprint(['https://pbx2.example.com']));
		expect(pbxFingerprint(['https://api.cloudonix.io', 'a.example'])).not.toBe(pbxFingerprint(['https://api.cloudonix.io', 'b.example']));
		expect(pbxFingerprint(['https://pbx.example.com'])).toMatch(/^[A-Za-z0-9_-]{9}$/);
	});
});

describe('state size', () => {
	it('10,000 extensions with the default fields stay under 400 KB (about 40 bytes each)', () => {
		const state = buildState(pbx(10_000), SETTINGS);
		const bytes = Buffer.byteLength(JSON.stringify(state));
		expect(bytes).toBeLessThanOrEqual(400_000);
		expect(bytes / 10_000).toBeLessThan(30);
	});
});
