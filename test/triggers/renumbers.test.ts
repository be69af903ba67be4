/**
 * Issue 21, point 3: events carry the right record. A renumbered extension (Cloudonix MSISDN
 * 1002 → 1092, sipXcom user name 200 → 290; the vendor's id stays) is one Extension Updated event
 * whose `changedFields` include `number`, never a deletion that names the live record's id. A
 * trigger whose credential now points at another PBX takes a new baseline and logs it.
 */
import type { IDataObject } from 'n8n-workflow';

import { STATE_KEY } from '../../nodes/shared/changeTrigger';
import { events, logged, useAdapter } from './helpers';
import { ADAPTERS, triggerRunner } from './vendors';
import type { VendorAdapter } from './vendors';

const SEED = 10;
const [, cloudonixAdapter, sipXcomAdapter] = ADAPTERS;

describe.each([
	{ make: cloudonixAdapter, from: '1002', to: '1092', freed: '1009' },
	{ make: sipXcomAdapter, from: '200', to: '290', freed: '209' },
])('$make.name: a renumbered extension', ({ make, from, to, freed }) => {
	const adapter: VendorAdapter = make();
	useAdapter(adapter, SEED);

	it('is one updated event (number changed), with the same id and the old number in previous', async () => {
		const poller = triggerRunner(adapter);
		await poller.poll();
		const id = adapter.idOf(from);
		adapter.renumber!(from, to);
		const result = await poller.poll();
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			expect.objectContaining({ event: 'updated', changedFields: ['number'], previous: { number: from }, extension: expect.objectContaining({ number: to, id }) }),
		]);
		// No event names the live record as deleted.
		expect(events(result.items)).not.toContainEqual(['deleted', from]);
		expect(await poller.poll()).toEqual({ items: null });
	});

	it('with a watched field changed too, lists both; Keep Previous Values adds the old values', async () => {
		const poller = triggerRunner(adapter, { options: { keepPrevious: true } });
		await poller.poll();
		// With Keep Previous Values the state holds [digests, values] per number.
		const entries = (poller.nodeStaticData()[STATE_KEY] as IDataObject).e as Record<string, [string, IDataObject]>;
		const original = entries[from][1];
		expect(original[adapter.watchedField]).toBeDefined();
		adapter.changeWatched(from);
		adapter.renumber!(from, to);
		const [updated, ...rest] = (await poller.poll()).items!;
		expect(rest).toEqual([]);
		expect(updated).toMatchObject({ event: 'updated', changedFields: ['number', adapter.watchedField], extension: { number: to } });
		expect((updated.previous as IDataObject).number).toBe(from);
		expect((updated.previous as IDataObject)[adapter.watchedField]).toEqual(original[adapter.watchedField]);
	});

	it('renumbered onto the number of an extension deleted in the same interval: one updated event, no deletion of a live id', async () => {
		const poller = triggerRunner(adapter);
		await poller.poll();
		const id = adapter.idOf(from);
		adapter.remove(freed);
		adapter.renumber!(from, freed);
		const result = await poller.poll();
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			expect.objectContaining({ event: 'updated', previous: { number: from }, extension: expect.objectContaining({ number: freed, id }) }),
		]);
		expect((result.items![0].changedFields as string[])[0]).toBe('number');
	});

	it('is no deletion: with only Created and Deleted chosen, a renumber emits nothing', async () => {
		const poller = triggerRunner(adapter, { events: ['created', 'deleted'] });
		await poller.poll();
		adapter.renumber!(from, to);
		expect(await poller.poll()).toEqual({ items: null });
	});
});

describe('sipXcom: a user renamed while the list is paged', () => {
	const adapter = sipXcomAdapter();
	useAdapter(adapter, 300);

	it('moves out of the page still to be read: the short list is read again and the user reported as renumbered', async () => {
		const poller = triggerRunner(adapter);
		await poller.poll();
		const id = adapter.idOf('460');
		// Between page 1 and page 2, user 460 becomes 2001, which sorts into page 1 (already read).
		const hook = adapter.server.hook({ path: adapter.listPath, when: (req) => req.query.page === '2', before: () => adapter.renumber!('460', '2001') });
		const result = await poller.poll();
		expect(hook.ran).toBe(1);
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			expect.objectContaining({ event: 'updated', changedFields: ['number'], previous: { number: '460' }, extension: expect.objectContaining({ number: '2001', id }) }),
		]);
	});

	it('moves out of view while another user is created (the count still adds up): found by its id and reported as renumbered', async () => {
		const poller = triggerRunner(adapter);
		await poller.poll();
		const id = adapter.idOf('460');
		let created = '';
		const hook = adapter.server.hook({
			path: adapter.listPath,
			when: (req) => req.query.page === '2',
			before: () => {
				adapter.renumber!('460', '2001');
				created = adapter.create();
			},
		});
		const result = await poller.poll();
		expect(hook.ran).toBe(1);
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([
			expect.objectContaining({ event: 'created', extension: expect.objectContaining({ number: created }) }),
			expect.objectContaining({ event: 'updated', changedFields: ['number'], previous: { number: '460' }, extension: expect.objectContaining({ number: '2001', id }) }),
		]);
		// Found by a direct read of its id, not by reading the list again.
		expect(adapter.server.requests.filter((request) => request.path === `/sipxconfig/rest/user/${id}`)).toHaveLength(1);
	});
});

describe.each(ADAPTERS.map((make) => [make().vendor, make] as const))('%s Trigger pointed at another PBX', (_vendor, make) => {
	const adapter: VendorAdapter = make();
	const other: VendorAdapter = make();
	useAdapter(adapter, SEED);
	useAdapter(other, SEED);
	beforeEach(() => {
		// The other PBX has the same numbering, but every extension differs in a watched field.
		for (const number of other.numbers()) other.changeWatched(number);
	});

	it('takes a new baseline, emits nothing and says so in the log; then reports changes on the new PBX', async () => {
		const poller = triggerRunner(adapter);
		await poller.poll();
		const moved = triggerRunner(other);
		moved.staticData = poller.staticData;
		const { result, lines } = await logged(() => moved.poll());
		expect(result).toEqual({ items: null });
		expect(lines.filter((line) => /another PBX/.test(line))).toEqual([
			expect.stringMatching(/^warn: .*Trigger "Change Trigger": the credential now points at another PBX .*new baseline of 10 extensions.*nothing was emitted/),
		]);
		const [first] = other.numbers();
		other.remove(first);
		expect(events((await moved.poll()).items)).toEqual([['deleted', first]]);
	});

	it('the same PBX under another credential with the same URL keeps comparing', async () => {
		const poller = triggerRunner(adapter);
		await poller.poll();
		const copy = triggerRunner(adapter);
		copy.staticData = poller.staticData;
		const [first] = adapter.numbers();
		adapter.changeWatched(first);
		expect(events((await copy.poll()).items)).toEqual([['updated', first]]);
	});

	it('a state saved before the PBX was remembered adopts the current PBX and keeps comparing', async () => {
		const poller = triggerRunner(adapter);
		await poller.poll();
		const state = poller.nodeStaticData()[STATE_KEY] as IDataObject;
		delete state.p;
		const [first] = adapter.numbers();
		adapter.changeWatched(first);
		expect(events((await poller.poll()).items)).toEqual([['updated', first]]);
		expect(typeof (poller.nodeStaticData()[STATE_KEY] as IDataObject).p).toBe('string');
	});
});
