import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { threeCx } from '../../dev/harness/vendors';
import { NODE } from './helpers';

const { sandbox, run } = sandboxPerTest(threeCx, { seed: 20 });
const posts = (path: string) => sandbox.server.requests.filter((r) => r.method === 'POST' && r.path === path);
const REPROVISION = '/xapi/v1/Users/Pbx.ReprovisionAllPhones';

describe('3CX Reprovision All Phones', () => {
	it('takes a JSON array string as the 3CX docs describe and sends {"ids":[int]}', async () => {
		const result = await run({ operation: 'reprovisionAllPhones', idSource: 'list', ids: '[12, 3, "4"]' });
		expect(result.json(NODE)).toEqual([{ reprovisioned: true, ids: [12, 3, 4], count: 3 }]);
		expect(sandbox.state.reprovisionCalls).toEqual([[12, 3, 4]]);
		expect(JSON.parse(posts(REPROVISION)[0].text)).toEqual({ ids: [12, 3, 4] });
		expect(posts(REPROVISION)[0].status).toBe(204);
	});

	it('takes a comma list', async () => {
		await run({ operation: 'reprovisionAllPhones', idSource: 'list', ids: '5, 6 ,7' });
		expect(sandbox.state.reprovisionCalls).toEqual([[5, 6, 7]]);
	});

	it('collects IDs from input items into ONE call per execution', async () => {
		const items = [{ id: '1' }, { id: '2' }, { Id: 3 }, { id: '2' }];
		const result = await run({ operation: 'reprovisionAllPhones', idSource: 'inputItems', idField: 'id' }, { items });
		expect(sandbox.state.reprovisionCalls).toEqual([[1, 2, 3]]);
		const [out] = result.output(NODE)[0];
		expect(out.json).toEqual({ reprovisioned: true, ids: [1, 2, 3], count: 3 });
		expect(out.pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
	});

	it('a constant list is sent once even with many input items', async () => {
		await run({ operation: 'reprovisionAllPhones', idSource: 'list', ids: '[8, 9]' }, { items: [{}, {}, {}] });
		expect(sandbox.state.reprovisionCalls).toEqual([[8, 9]]);
	});

	it('sends one call per item when asked', async () => {
		const items = [{ user: { id: 4 } }, { user: { id: 5 } }];
		const result = await run({ operation: 'reprovisionAllPhones', idSource: 'inputItems', idField: 'user.id', perItem: true }, { items });
		expect(sandbox.state.reprovisionCalls).toEqual([[4], [5]]);
		expect(result.output(NODE)[0].map((i) => i.pairedItem)).toEqual([[{ item: 0 }], [{ item: 1 }]]);
	});

	it('rejects malformed JSON before any request, naming the parameter and item', async () => {
		const result = await run({ operation: 'reprovisionAllPhones', idSource: 'list', ids: '[12, 34' });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Invalid "User IDs" in item 0: not valid JSON \(.+\); expected e\.g\. \[123, 456\]$/);
		expect(posts(REPROVISION)).toHaveLength(0);
	});

	it('rejects non-integer IDs before any request, even if other items are fine', async () => {
		for (const ids of ['[1, 2.5]', '["id1","id2"]', '1, abc', '{"ids":[1]}', '[0]', '[99999999999]']) {
			const result = await run({ operation: 'reprovisionAllPhones', idSource: 'list', ids });
			expect(result.status).toBe('error');
			expect(result.error?.message).toMatch(/^Invalid "User IDs" in item 0: /);
		}
		const fromItems = await run({ operation: 'reprovisionAllPhones', idSource: 'inputItems', idField: 'id' }, { items: [{ id: 1 }, { id: 'x' }] });
		expect(fromItems.error?.message).toBe('Invalid "ID Field" in item 1: "x" is not a user ID (a positive whole number)');
		const missing = await run({ operation: 'reprovisionAllPhones', idSource: 'inputItems', idField: 'userId' }, { items: [{ id: 1 }] });
		expect(missing.error?.message).toBe('Input item 0 has no user ID in field "userId" (parameter "ID Field")');
		const empty = await run({ operation: 'reprovisionAllPhones', idSource: 'list', ids: '[]' });
		expect(empty.error?.message).toBe('"User IDs" is empty; give at least one user ID');
		expect(posts(REPROVISION)).toHaveLength(0);
	});

	it('Continue On Fail: bad items become error items, the rest still go out in one call', async () => {
		const items = [{ id: 1 }, { id: 'nope' }, { id: 3 }];
		const result = await run({ operation: 'reprovisionAllPhones', idSource: 'inputItems', idField: 'id' }, { items, continueOnFail: true });
		expect(result.status).toBe('success');
		expect(sandbox.state.reprovisionCalls).toEqual([[1, 3]]);
		const out = result.output(NODE)[0];
		expect(out[0].json.error).toContain('Invalid "ID Field" in item 1');
		expect(out[0].pairedItem).toEqual({ item: 1 });
		expect(out[1].json).toEqual({ reprovisioned: true, ids: [1, 3], count: 2 });
	});

	it('a failing call is reported once (no retry of the action after a 500)', async () => {
		sandbox.server.injectFault({ method: 'POST', path: 'ReprovisionAllPhones', status: 500, body: { error: { code: '', message: 'Provisioning service unavailable' } } });
		const result = await run({ operation: 'reprovisionAllPhones', idSource: 'list', ids: '1' }, { items: [{}, {}], continueOnFail: true });
		expect(result.json(NODE)).toEqual([{ error: '3CX request failed (HTTP 500): Provisioning service unavailable' }]);
		expect(posts(REPROVISION)).toHaveLength(1);
	});
});

describe('3CX Batch Delete', () => {
	it('deletes many users in one call and reports per-user failures', async () => {
		sandbox.state.undeletable.add('101');
		const result = await run({ operation: 'batchDelete', idSource: 'list', ids: '[1, 2, 3, 999]' });
		expect(result.json(NODE)).toEqual([
			{
				ids: [1, 2, 3, 999],
				requested: 4,
				failedCount: 2,
				deletedCount: 2,
				failures: [
					{ extensionNumber: '101', error: 'WARNINGS.USER_EXTENSION_CANNOT_BE_DELETED' },
					{ extensionNumber: null, error: 'WARNINGS.XAPI.NOT_FOUND' },
				],
			},
		]);
		expect(sandbox.state.batchDeleteCalls).toEqual([[1, 2, 3, 999]]);
		expect([...sandbox.state.users.keys()]).not.toContain(1);
		expect([...sandbox.state.users.keys()]).toContain(2);
	});

	it('takes the IDs from Get Many output items', async () => {
		const result = await run({ operation: 'batchDelete', idSource: 'inputItems', idField: 'id' }, { items: [{ id: '4' }, { id: '5' }] });
		expect(result.json(NODE)[0]).toMatchObject({ deletedCount: 2, failedCount: 0 });
		expect(sandbox.state.batchDeleteCalls).toEqual([[4, 5]]);
	});
});
