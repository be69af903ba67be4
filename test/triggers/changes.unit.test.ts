/** The pure change detection (nodes/shared/changes.ts) without the engine. */
import type { ChangeSettings } from '../../nodes/shared/changes';
import { buildState, canonicalValue, diffChanges, extensionDigest, fieldDigest } from '../../nodes/shared/changes';
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

	it('refuses a list with one number twice (the compare join reports it)', () => {
		const state = buildState(pbx(2), SETTINGS);
		const [first] = pbx(1);
		expect(() => diffChanges([first, { ...first, id: '99' }], state, SETTINGS)).toThrow(/Duplicate key "10000"/);
	});

	it('stores an id only when it differs from the number', () => {
		const openVox = [{ number: '1000', id: '1000', name: 'A', source: 'openvox', raw: {} }];
		expect(buildState(openVox, { ...SETTINGS, fields: ['name'] }).e).toEqual({ '1000': fieldDigest('A') });
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
