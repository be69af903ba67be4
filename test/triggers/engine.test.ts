/**
 * Every change trigger polled through n8n-core's PollContext against its loopback sandbox,
 * with the PBX changed between polls: baseline, create, update (watched and unwatched
 * fields), delete, filters, Fetch Test Event, a failed read, the mass-change guard.
 */
import type { IDataObject } from 'n8n-workflow';

import { PollRunner } from '../../dev/harness/poll';
import { STATE_KEY } from '../../nodes/shared/changeTrigger';
import type { VendorAdapter } from './vendors';
import { useAdapter } from './helpers';
import { ADAPTERS, TRIGGER, triggerRunner } from './vendors';

const SEED = 10;

describe.each(ADAPTERS.map((make) => [make().vendor, make] as const))('%s Trigger', (_vendor, make) => {
	const adapter: VendorAdapter = make();
	useAdapter(adapter, SEED);

	const runner = (parameters: IDataObject = {}) => triggerRunner(adapter, parameters);
	const state = (poller: PollRunner) => poller.nodeStaticData()[STATE_KEY] as IDataObject | undefined;

	it('takes a baseline on the first poll and emits nothing, then nothing while the PBX is unchanged', async () => {
		const poller = runner();
		const first = await poller.poll();
		expect(first.error).toBeUndefined();
		expect(first.items).toBeNull();
		expect(Object.keys((state(poller)!.e as IDataObject) ?? {})).toHaveLength(SEED);
		const second = await poller.poll();
		expect(second).toEqual({ items: null });
	});

	it('emits one item per change: created, updated (watched field) and deleted; unwatched changes are ignored', async () => {
		const poller = runner();
		await poller.poll();
		const [first, second, third] = adapter.numbers();
		const created = adapter.create();
		adapter.changeWatched(first);
		adapter.changeUnwatched(second);
		adapter.remove(third);

		const result = await poller.poll();
		expect(result.error).toBeUndefined();
		const items = result.items!;
		expect(items.map((item) => [item.event, (item.extension as IDataObject).number])).toEqual([
			['created', created],
			['updated', first],
			['deleted', third],
		]);
		const [createdItem, updatedItem, deletedItem] = items;
		expect((createdItem.extension as IDataObject).source).toBe(adapter.source);
		expect(updatedItem.changedFields).toEqual([adapter.watchedField]);
		expect(updatedItem.previous).toBeUndefined();
		expect(deletedItem.extension).toMatchObject({ number: third, source: adapter.source });
		expect(typeof (deletedItem.extension as IDataObject).id).toBe('string');
		// Normalised extensions never carry secrets.
		expect(JSON.stringify(items)).not.toMatch(/Rotated-Password|sip-pw-|Reg\d+pw|sip-secret|9876/);

		// The next poll compares against the new list.
		expect((await poller.poll()).items).toBeNull();
	});

	it('reports a registration-status change once Registration Status is watched; secrets never count', async () => {
		const field = adapter.unwatchedField;
		const poller = runner({ watchFields: field ? [field, adapter.watchedField] : ['email', 'name'] });
		await poller.poll();
		const [number] = adapter.numbers();
		adapter.changeUnwatched(number);
		const result = await poller.poll();
		if (field) expect(result.items).toEqual([expect.objectContaining({ event: 'updated', changedFields: [field] })]);
		// A SIP password or PIN is not part of the normalised extension: never an update.
		else expect(result.items).toBeNull();
	});

	it('emits only the chosen events', async () => {
		const poller = runner({ events: ['deleted'] });
		await poller.poll();
		const [first, second] = adapter.numbers();
		adapter.create();
		adapter.changeWatched(first);
		adapter.remove(second);
		const result = await poller.poll();
		expect(result.items!.map((item) => [item.event, (item.extension as IDataObject).number])).toEqual([['deleted', second]]);
	});

	it('keeps previous values in the state when asked, for updates and deletions', async () => {
		const poller = runner({ options: { keepPrevious: true } });
		await poller.poll();
		const before = (await poller.fetchTestEvent()).json(TRIGGER);
		const [first] = adapter.numbers();
		const original = before.find((item) => (item.extension as IDataObject).number === first)!.extension as IDataObject;
		adapter.changeWatched(first);
		const [updated] = (await poller.poll()).items!;
		expect(updated.previous).toEqual(expect.objectContaining({ [adapter.watchedField]: original[adapter.watchedField] }));
		adapter.remove(first);
		const [deleted] = (await poller.poll()).items!;
		expect(deleted.event).toBe('deleted');
		expect(deleted.previous).toEqual(expect.objectContaining({ [adapter.watchedField]: (updated.extension as IDataObject)[adapter.watchedField] }));
	});

	it("applies the vendor's filter: extensions outside it cause no events", async () => {
		const poller = runner({ filters: adapter.filter });
		await poller.poll();
		adapter.createOutsideFilter();
		expect((await poller.poll()).items).toBeNull();
		const inside = adapter.create();
		const result = await poller.poll();
		expect(result.items!.map((item) => [item.event, (item.extension as IDataObject).number])).toEqual([['created', inside]]);
	});

	it('emits every extension as created on the first poll when asked', async () => {
		const poller = runner({ options: { emitExisting: true } });
		const result = await poller.poll();
		expect(result.items).toHaveLength(SEED);
		expect(new Set(result.items!.map((item) => item.event))).toEqual(new Set(['created']));
	});

	it('Fetch Test Event returns a few current extensions as sample events and leaves the state alone', async () => {
		const poller = runner();
		await poller.poll();
		const saved = JSON.stringify(poller.staticData);
		const run = await poller.fetchTestEvent();
		expect(run.status).toBe('success');
		const items = run.json(TRIGGER);
		expect(items.map((item) => item.event)).toEqual(['created', 'updated', 'deleted']);
		expect(items.every((item) => adapter.numbers().includes(String((item.extension as IDataObject).number)))).toBe(true);
		expect(JSON.stringify(poller.staticData)).toBe(saved);
		// A change made before the test event is still reported by the next poll.
		const created = adapter.create();
		expect((await poller.poll()).items!.map((item) => (item.extension as IDataObject).number)).toEqual([created]);
	});

	it('a failed list read emits nothing, fails with a clear error and keeps the state for the next poll', async () => {
		const poller = runner();
		await poller.poll();
		const saved = JSON.stringify(poller.staticData);
		const [first] = adapter.numbers();
		adapter.remove(first);
		adapter.server.injectFault({ path: adapter.listPath, status: 403, body: { message: 'Forbidden' }, times: 5 });
		const failed = await poller.poll();
		expect(failed.items).toBeNull();
		expect(failed.error?.message).toMatch(new RegExp(`Could not read the ${adapter.vendor} extension list`));
		expect(failed.error?.description).toMatch(/Nothing was emitted and the remembered list is unchanged/);
		expect(JSON.stringify(poller.staticData)).toBe(saved);

		adapter.server.clearFaults();
		const next = await poller.poll();
		expect(next.items!.map((item) => [item.event, (item.extension as IDataObject).number])).toEqual([['deleted', first]]);
	});

	it('a stalled server fails the poll after 3 attempts of Request Options → Timeout, emits nothing and keeps the state', async () => {
		const poller = runner({ requestOptions: { timeout: 250 } });
		await poller.poll();
		const saved = JSON.stringify(poller.staticData);
		const [first] = adapter.numbers();
		adapter.remove(first);
		adapter.server.injectFault({ path: adapter.listPath, stall: true, times: 100 });
		const failed = await poller.poll();
		expect(failed.items).toBeNull();
		expect(failed.error?.message).toBe(
			`Could not read the ${adapter.vendor} extension list: ${adapter.vendor} request failed: the server did not answer within 250 ms (3 attempts)`,
		);
		expect(failed.error?.description).toMatch(/^Nothing was emitted and the remembered list is unchanged/);
		expect(adapter.server.requests.filter((request) => request.status === 'stalled')).toHaveLength(3);
		expect(JSON.stringify(poller.staticData)).toBe(saved);

		adapter.server.clearFaults();
		const next = await poller.poll();
		expect(next.items!.map((item) => [item.event, (item.extension as IDataObject).number])).toEqual([['deleted', first]]);
	});

	it('a Timeout that is not a whole number of at least 1 fails the poll before any request and keeps the state', async () => {
		const poller = runner();
		await poller.poll();
		const saved = JSON.stringify(poller.staticData);
		adapter.server.clearLog();
		const bad = new PollRunner(
			{ ...poller.workflowJson, nodes: poller.workflowJson.nodes.map((node) => ({ ...node, parameters: { ...node.parameters, requestOptions: { timeout: '={{ "soon" }}' } } })) },
			poller.store,
		);
		bad.staticData = poller.staticData;
		const failed = await bad.poll();
		expect(failed.items).toBeNull();
		expect(failed.error?.message).toBe('Request Options → Timeout must be a whole number of at least 1, got "soon"');
		expect(adapter.server.requests).toHaveLength(0);
		expect(JSON.stringify(bad.staticData)).toBe(saved);
	});

	it('the mass-change guard stops a poll with many deletions, keeps the state, and Allow This Run lets it through', async () => {
		const poller = runner();
		await poller.poll();
		const saved = JSON.stringify(poller.staticData);
		const gone = adapter.numbers().slice(0, 3);
		for (const number of gone) adapter.remove(number);
		const stopped = await poller.poll();
		expect(stopped.items).toBeNull();
		expect(stopped.error?.message).toMatch(/^Safety stop: Deleted would be 3 of 10 items in the Previous List input \(30 %\), above the limit of 10 % .*Nothing was emitted\.$/);
		expect(JSON.stringify(poller.staticData)).toBe(saved);

		const allowed = triggerRunner(adapter, { safety: { allowThisRun: true } });
		allowed.staticData = poller.staticData;
		const result = await allowed.poll();
		expect(result.items!.map((item) => item.event)).toEqual(['deleted', 'deleted', 'deleted']);
	});

	it('an empty list after a non-empty one is a safety stop, not a mass deletion', async () => {
		const poller = runner();
		await poller.poll();
		for (const number of adapter.numbers()) adapter.remove(number);
		const result = await poller.poll();
		expect(result.items).toBeNull();
		expect(result.error?.message).toMatch(/the Current List input is empty while the Previous List input has 10 items/);
	});
});

describe('3CX Trigger: a partial list', () => {
	const [make] = ADAPTERS;
	const adapter = make();
	useAdapter(adapter);

	it('a page that keeps coming back short is an error, not deletions', async () => {
		adapter.reset(150);
		const poller = triggerRunner(adapter, { safety: { allowThisRun: true } });
		await poller.poll();
		const saved = JSON.stringify(poller.staticData);
		// The second page ($skip=100) answers with no users while the count still says 150, every time.
		const short = adapter.server.hook({
			path: '/xapi/v1/Users',
			when: (req) => req.query.$skip === '100',
			times: Infinity,
			beforeAnswer: (_req, res) => void (res.body = { '@odata.count': 150, value: [] }),
		});
		const result = await poller.poll();
		expect(result.items).toBeNull();
		expect(result.error?.message).toMatch(/reported 150 users but 100 were read, in each of 3 reads/);
		expect(short.ran).toBe(3);
		expect(JSON.stringify(poller.staticData)).toBe(saved);
	});

	it('a page that comes back short once is read again: no error, no deletions', async () => {
		adapter.reset(150);
		const poller = triggerRunner(adapter, { safety: { allowThisRun: true } });
		await poller.poll();
		adapter.server.injectFault({ path: '/xapi/v1/Users', after: 1, status: 200, body: { '@odata.count': 150, value: [] } });
		expect(await poller.poll()).toEqual({ items: null });
	});
});
