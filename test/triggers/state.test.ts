/**
 * Issue 21, point 4: the remembered list is never a trap. A state the trigger cannot read
 * (written by another version, edited by hand, damaged) is replaced by a new baseline: no
 * events, a clear log line, never a crash and never a safety stop. Extension numbers of any text
 * (`__proto__`, `constructor`) are stored and compared like any other.
 */
import type { IDataObject } from 'n8n-workflow';

import type { PollRunner } from '../../dev/harness/poll';
import { STATE_KEY } from '../../nodes/shared/changeTrigger';
import { events, logged, useAdapter } from './helpers';
import { ADAPTERS, TRIGGER, triggerRunner } from './vendors';
import type { VendorAdapter } from './vendors';

const SEED = 10;
const [threeCxAdapter, , sipXcomAdapter] = ADAPTERS;

const stateOf = (poller: PollRunner) => poller.nodeStaticData()[STATE_KEY] as IDataObject;

/** Replaces the remembered list with `damage(state)`. */
function damage(poller: PollRunner, change: (state: IDataObject) => unknown): void {
	const state = JSON.parse(JSON.stringify(stateOf(poller))) as IDataObject;
	poller.staticData = { ...poller.staticData, [`node:${TRIGGER}`]: { [STATE_KEY]: change(state) } };
}

describe('3CX Trigger: a state it cannot read', () => {
	const adapter: VendorAdapter = threeCxAdapter();
	useAdapter(adapter, SEED);

	const firstKey = (state: IDataObject) => Object.keys(state.e as IDataObject)[0];
	const cases: Array<[string, (state: IDataObject) => unknown]> = [
		['an entry that is a number', (state) => ({ ...state, e: { ...(state.e as IDataObject), [firstKey(state)]: 42 } })],
		['an entry whose digest is too short', (state) => ({ ...state, e: { ...(state.e as IDataObject), [firstKey(state)]: 'AB' } })],
		['an entry with characters a digest never has', (state) => ({ ...state, e: { ...(state.e as IDataObject), [firstKey(state)]: '!!!!????####' } })],
		['an entry with previous values that are not an object', (state) => ({ ...state, e: { ...(state.e as IDataObject), [firstKey(state)]: ['AAAABBBBCCCC', 'x'] } })],
		['a list of entries that is an array', (state) => ({ ...state, e: [] })],
		['the list of entries missing', (state) => ({ ...state, e: undefined })],
		['watched fields that are not text', (state) => ({ ...state, f: ['email'] })],
		['a state of another format version', (state) => ({ ...state, v: 2 })],
		['a state without a version', (state) => ({ ...state, v: undefined })],
		['a PBX fingerprint that is not text', (state) => ({ ...state, p: 7 })],
		['text instead of a state', () => 'garbage'],
		['an array instead of a state', () => [1, 2, 3]],
		['null', () => null],
	];

	it.each(cases)('%s: a new baseline, no events, a log line, no crash, no safety stop', async (_name, change) => {
		// Emit Existing would turn a missed baseline into a flood of "created": it must not here.
		const poller = triggerRunner(adapter, { options: { emitExisting: true } });
		await poller.poll();
		damage(poller, change);
		const { result, lines } = await logged(() => poller.poll());
		expect(result).toEqual({ items: null });
		expect(lines.filter((line) => /could not be read/.test(line))).toEqual([
			expect.stringMatching(/^warn: 3CX Trigger "Change Trigger": the remembered extension list could not be read \(.+\); took a new baseline of 10 extensions, nothing was emitted$/),
		]);
		expect(Object.keys(stateOf(poller).e as IDataObject)).toHaveLength(SEED);
		// From the new baseline on, changes are reported as usual.
		const [first] = adapter.numbers();
		adapter.changeWatched(first);
		expect(events((await poller.poll()).items)).toEqual([['updated', first]]);
	});

	it('an empty list of entries is a real state (an empty PBX): the safety stop still applies', async () => {
		const poller = triggerRunner(adapter);
		await poller.poll();
		damage(poller, (state) => ({ ...state, e: {} }));
		const result = await poller.poll();
		expect(result.error?.message).toMatch(/the Previous List input is empty while the Current List input has 10 items/);
	});

	it('the first poll without any state still emits the existing extensions when asked', async () => {
		const poller = triggerRunner(adapter, { options: { emitExisting: true } });
		expect((await poller.poll()).items).toHaveLength(SEED);
	});
});

describe('sipXcom Trigger: user names of any text', () => {
	const adapter: VendorAdapter = sipXcomAdapter();
	const names = ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__'];
	useAdapter(adapter, 8);
	beforeEach(() => {
		for (const name of names) adapter.renumber!(adapter.create(), name);
	});

	it('are remembered, compared, created and deleted like any other', async () => {
		const poller = triggerRunner(adapter);
		expect(await poller.poll()).toEqual({ items: null });
		expect(Object.keys(stateOf(poller).e as IDataObject).sort()).toEqual([...adapter.numbers()].sort());
		expect(await poller.poll()).toEqual({ items: null });

		adapter.changeWatched('__proto__');
		adapter.remove('constructor');
		const created = adapter.create();
		adapter.renumber!(created, 'prototype');
		const result = await poller.poll();
		expect(result.error).toBeUndefined();
		expect(events(result.items)).toEqual([
			['created', 'prototype'],
			['updated', '__proto__'],
			['deleted', 'constructor'],
		]);
		expect(await poller.poll()).toEqual({ items: null });
	});
});

describe('Cloudonix Trigger: a number listed twice', () => {
	const [, cloudonixAdapter] = ADAPTERS;
	const adapter: VendorAdapter = cloudonixAdapter();
	useAdapter(adapter, SEED);

	it('fails the poll naming the number, emits nothing and keeps the state', async () => {
		const poller = triggerRunner(adapter);
		await poller.poll();
		const saved = JSON.stringify(poller.staticData);
		adapter.renumber!('1003', '1002');
		const failed = await poller.poll();
		expect(failed.items).toBeNull();
		expect(failed.error?.message).toBe('Cloudonix listed extension number "1002" twice');
		expect(failed.error?.description).toMatch(/Nothing was emitted and the remembered list is unchanged/);
		expect(JSON.stringify(poller.staticData)).toBe(saved);
	});
});
