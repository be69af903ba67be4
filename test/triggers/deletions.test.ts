/**
 * Issue 21, point 2: a deletion is confirmed before it is an event. 3CX pages its user list by
 * `$skip` (100 at most per page) and sipXconfig by page number (250 per page here); a user
 * deleted on an earlier page while the trigger reads a later one shifts a live user out of view.
 * Each test changes the PBX between two pages with a sandbox hook and polls through n8n's
 * PollContext; a live user must never come out as "deleted".
 */
import type { IDataObject } from 'n8n-workflow';

import { events, useAdapter } from './helpers';
import { ADAPTERS, triggerRunner } from './vendors';
import type { VendorAdapter } from './vendors';

const [threeCxAdapter, , sipXcomAdapter] = ADAPTERS;

describe.each([
	// 3CX: 150 users are two pages ($skip=0, $skip=100); the second page is asked with $skip=100.
	{ make: threeCxAdapter, size: 150, secondPage: (query: Record<string, string>) => query.$skip === '100', firstPageNumbers: (all: string[]) => all.slice(0, 100) },
	// sipXcom: 300 users are two pages of 250 (page=1, page=2), sorted by user name.
	{ make: sipXcomAdapter, size: 300, secondPage: (query: Record<string, string>) => query.page === '2', firstPageNumbers: (all: string[]) => all.slice(0, 250) },
])('$make.name: a list that changes while it is paged', ({ make, size, secondPage, firstPageNumbers }) => {
	const adapter: VendorAdapter = make();
	const paged = { path: adapter.listPath, when: (req: { query: Record<string, string> }) => secondPage(req.query) };

	useAdapter(adapter, size);

	it('a user deleted on page 1 and one created while page 2 is read: no live user is reported deleted', async () => {
		const poller = triggerRunner(adapter);
		await poller.poll();
		const firstPage = firstPageNumbers(adapter.numbers());
		const gone = firstPage[5];
		let created = '';
		const hook = adapter.server.hook({
			...paged,
			before: () => {
				adapter.remove(gone);
				created = adapter.create();
			},
		});
		const result = await poller.poll();
		expect(hook.ran).toBe(1);
		expect(result.error).toBeUndefined();
		// Page 1 still showed the deleted user; the created one is on page 2. Nobody else changed.
		expect(events(result.items)).toEqual([['created', created]]);
		// The next poll reads a still list: the deleted user now, confirmed, and nothing else.
		const next = await poller.poll();
		expect(events(next.items)).toEqual([['deleted', gone]]);
		expect(await poller.poll()).toEqual({ items: null });
	});

	it('a user deleted on page 1 while page 2 is read: the poll succeeds and reports only what changed', async () => {
		const poller = triggerRunner(adapter);
		await poller.poll();
		const gone = firstPageNumbers(adapter.numbers())[3];
		const hook = adapter.server.hook({ ...paged, before: () => adapter.remove(gone) });
		const result = await poller.poll();
		expect(hook.ran).toBe(1);
		expect(result.error).toBeUndefined();
		// Whether the poll saw the deletion already or the next one does, no other user is "deleted".
		const all = [...events(result.items), ...events((await poller.poll()).items)];
		expect(all).toEqual([['deleted', gone]]);
	});

	it('every deletion is confirmed with the PBX before it is emitted', async () => {
		const poller = triggerRunner(adapter);
		await poller.poll();
		const gone = adapter.numbers()[7];
		adapter.remove(gone);
		adapter.server.clearLog();
		const result = await poller.poll();
		expect(events(result.items)).toEqual([['deleted', gone]]);
		const id = String((result.items![0].extension as IDataObject).id);
		// A direct read of that one record, answered with the vendor's "not found".
		const confirmations = adapter.server.requests.filter((request) => request.method === 'GET' && adapter.recordPath!(id).test(request.path));
		expect(confirmations.map((request) => request.status)).toEqual([adapter.notFoundStatus]);
	});

	it('a confirmation that fails emits nothing and keeps the state', async () => {
		const poller = triggerRunner(adapter);
		await poller.poll();
		const saved = JSON.stringify(poller.staticData);
		const gone = adapter.numbers()[7];
		adapter.remove(gone);
		adapter.server.injectFault({ path: adapter.recordPath!('\\d+'), status: 403, body: { message: 'Forbidden' }, times: 5 });
		const failed = await poller.poll();
		expect(failed.items).toBeNull();
		expect(failed.error?.message).toMatch(new RegExp(`^Could not confirm with ${adapter.vendor} that extension ${gone} was deleted: `));
		expect(failed.error?.description).toMatch(/Nothing was emitted and the remembered list is unchanged/);
		expect(JSON.stringify(poller.staticData)).toBe(saved);
		adapter.server.clearFaults();
		expect(events((await poller.poll()).items)).toEqual([['deleted', gone]]);
	});

	it('a web page instead of the vendor\'s "not found" is no confirmation', async () => {
		const poller = triggerRunner(adapter);
		await poller.poll();
		const gone = adapter.numbers()[7];
		adapter.remove(gone);
		adapter.server.injectFault({ path: adapter.recordPath!('\\d+'), status: 404, body: '<html><body>Not Found</body></html>', headers: { 'Content-Type': 'text/html' }, times: 5 });
		const failed = await poller.poll();
		expect(failed.items).toBeNull();
		expect(failed.error?.message).toMatch(/^Could not confirm/);
	});

	it('a user who leaves the filtered department or branch is still reported deleted (the filter is the view)', async () => {
		const leaver = adapter.create();
		const poller = triggerRunner(adapter, { filters: adapter.filter });
		await poller.poll();
		adapter.moveOutsideFilter(leaver);
		const result = await poller.poll();
		expect(events(result.items)).toEqual([['deleted', leaver]]);
	});
});
