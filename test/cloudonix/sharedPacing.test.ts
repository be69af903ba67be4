/**
 * One Cloudonix domain, several executions: in one process all Cloudonix nodes on the same
 * credential and domain share one pacer, so they never draw 429s from each other; across
 * n8n workers (modelled here as two credentials for the same domain, which get separate
 * pacers as separate processes would) the 429s are waited out without losing or repeating a
 * write. The sandbox's limit has Cloudonix's ratio, sped up (10 per 100 ms, or per 1 s).
 */
import type { IDataObject } from 'n8n-workflow';

import { CredentialStore } from '../../dev/harness/credentials';
import { runWorkflow } from '../../dev/harness/engine';
import { buildWorkflow, pkg, source } from '../../dev/harness/workflow';
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { cloudonix } from '../../dev/harness/vendors';

const { sandbox } = sandboxPerTest(cloudonix, { options: { rateLimit: 10, rateWindowMs: 100 } });

const people = (from: number, count: number) =>
	Array.from({ length: count }, (_, i) => ({ number: String(from + i), name: `Person ${from + i}` }));

/** Items → Cloudonix Create or Update by MSISDN, paced at `pacing`. */
function upserts(credential: { id: string; name: string }, items: IDataObject[], pacing: IDataObject) {
	return buildWorkflow(
		[
			source('Items', items),
			{
				name: 'Upsert',
				type: pkg('cloudonix'),
				parameters: {
					resource: 'subscriber',
					operation: 'upsert',
					msisdn: '={{ $json.number }}',
					additionalFields: { displayName: '={{ $json.name }}' },
					options: pacing,
				},
				credentials: { cloudonixApi: credential },
			},
		],
		[['Items', 'Upsert']],
	);
}

function expectEachOnce(items: Array<{ number: string; name: string }>) {
	const byNumber = new Map(items.map((item) => [item.number, item.name]));
	expect(sandbox.list().map((s) => [s.msisdn, s.profile.displayName])).toEqual([...byNumber].sort(([a], [b]) => a.localeCompare(b)));
	expect([...sandbox.state.createsByMsisdn.values()].every((count) => count === 1)).toBe(true);
	expect(sandbox.state.createsByMsisdn.size).toBe(byNumber.size);
}

describe('Cloudonix: one pacer per process, credential and domain', () => {
	it('parallel executions on one credential share the domain\'s budget: no 429', async () => {
		const store = new CredentialStore();
		const credential = store.add('cloudonixApi', sandbox.credentials());
		const pacing = { requestsPerWindow: 10, windowMs: 100 };
		const batches = [people(1000, 20), people(2000, 20), people(3000, 20)];
		const results = await Promise.all(batches.map(async (items) => await runWorkflow(upserts(credential, items, pacing), store)));

		expect(results.map((result) => result.status)).toEqual(['success', 'success', 'success']);
		expect(sandbox.state.rateLimited).toBe(0);
		expectEachOnce(batches.flat());
	});

	it('nodes with different rates share it too: each keeps to its own rate within the shared budget', async () => {
		const store = new CredentialStore();
		const credential = store.add('cloudonixApi', sandbox.credentials());
		const [fast, slow] = [people(1000, 15), people(2000, 15)];
		const results = await Promise.all([
			runWorkflow(upserts(credential, fast, { requestsPerWindow: 10, windowMs: 100 }), store),
			runWorkflow(upserts(credential, slow, { requestsPerWindow: 5, windowMs: 100 }), store),
		]);
		expect(results.map((result) => result.status)).toEqual(['success', 'success']);
		expect(sandbox.state.rateLimited).toBe(0);
		expectEachOnce([...fast, ...slow]);
	});
});

describe('Cloudonix: two workers on one domain (separate pacers)', () => {
	it.each([
		['without Retry-After (as Cloudonix documents)', undefined],
		['with Retry-After', 1],
	])('waits out the 429s %s, creating each subscriber once', async (_, retryAfter) => {
		// Each worker may send 10 per second, together twice the domain's 10. The sandbox's limiter
		// runs on a virtual clock (95 ms per request, 10 per 1000 ms), so it refuses the 11th of any
		// 11 requests in a row on any machine, however the two workers' requests interleave.
		sandbox.state.rateWindowMs = 1000;
		sandbox.state.rateClockStepMs = 95;
		sandbox.state.retryAfter = retryAfter;
		const store = new CredentialStore();
		const workerA = store.add('cloudonixApi', sandbox.credentials(), 'worker A');
		const workerB = store.add('cloudonixApi', sandbox.credentials(), 'worker B');
		const pacing = { requestsPerWindow: 10, windowMs: 1000 };
		// Overlapping MSISDNs: both workers race to create 1005–1009.
		const [a, b] = [people(1000, 10), people(1005, 10)];
		const results = await Promise.all([
			runWorkflow(upserts(workerA, a, pacing), store),
			runWorkflow(upserts(workerB, b, pacing), store),
		]);

		expect(results.map((result) => result.error?.message ?? result.status)).toEqual(['success', 'success']);
		expect(sandbox.state.rateLimited).toBeGreaterThan(0);
		expectEachOnce([...a, ...b]);
		const actions = results.flatMap((result) => result.json('Upsert').map((item) => item.action));
		expect(actions.filter((action) => action === 'created')).toHaveLength(15);
	});
});
