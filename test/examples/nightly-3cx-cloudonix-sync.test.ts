/**
 * The flagship example against the 3CX and Cloudonix sandboxes: as a user imports it (Settings ›
 * Dry Run on: a plan, no write) and with Dry Run switched off (the nightly sync).
 */
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import * as vendors from '../../dev/harness/vendors';
import { CredentialStore } from '../../dev/harness/credentials';
import { runWorkflow } from '../../dev/harness/engine';
import { loadExample, readExample } from '../../dev/harness/examples';
import { DOMAIN_DIDS, seedNightlySync } from '../../dev/sandbox/scenarios';

const FILE = 'nightly-3cx-cloudonix-sync.json';
const threeCx = sandboxPerTest(vendors.threeCx).sandbox;
// Cloudonix's real limit (10 requests per 3 s); the example paces itself with its defaults.
const cloudonix = sandboxPerTest(vendors.cloudonix).sandbox;

function credentials() {
	const store = new CredentialStore();
	return {
		store,
		ids: {
			threeCxApi: store.add('threeCxApi', threeCx.credentials(), '3CX API account'),
			cloudonixApi: store.add('cloudonixApi', cloudonix.credentials(), 'Cloudonix API account'),
		},
	};
}

describe('example: nightly 3CX → Cloudonix sync', () => {
	it('ships with Settings › Dry Run on, wired to both Cloudonix write nodes', () => {
		const workflow = readExample(FILE);
		const settings = workflow.nodes.find((node) => node.name === 'Settings')!;
		expect(settings.type).toBe('n8n-nodes-base.set');
		expect(settings.parameters.assignments).toMatchObject({ assignments: [{ name: 'dryRun', value: true, type: 'boolean' }] });
		expect(workflow.connections['Every Night at 02:00'].main[0]!.map((c) => c.node)).toEqual(['Settings']);
		for (const name of ['Create Missing Subscribers', 'Update Changed Subscribers']) {
			expect(workflow.nodes.find((node) => node.name === name)!.parameters.options).toEqual({ dryRun: "={{ $('Settings').first().json.dryRun }}" });
		}
	});

	it('as imported, plans every create and update and writes nothing', async () => {
		const expected = seedNightlySync(threeCx, cloudonix);
		const before = cloudonix.list();
		cloudonix.server.clearLog();
		const { store, ids } = credentials();
		const result = await runWorkflow(loadExample(FILE, ids), store);
		expect(result.status).toBe('success');
		const plan = (name: string) => result.json(name).map((item) => [(item.target as { number: string }).number, item.dryRun, item.action]);
		expect(plan('Create Missing Subscribers')).toEqual(expected.localOnly.map((number) => [number, true, 'create']));
		expect(plan('Update Changed Subscribers')).toEqual(expected.changed.map((number) => [number, true, 'update']));
		expect(result.json('Update Changed Subscribers')[0].changes).toEqual([
			expect.objectContaining({ field: expect.stringMatching(/^(profile\.displayName|active)$/) }),
		]);
		expect(cloudonix.server.requests.filter((request) => request.method !== 'GET')).toEqual([]);
		expect(cloudonix.list()).toEqual(before);
	});

	it('with Dry Run off, creates missing subscribers, updates changed ones, reports orphans, and finds everything synced the next night', async () => {
		const expected = seedNightlySync(threeCx, cloudonix);
		const { store, ids } = credentials();
		const numbers = (name: string, output = 0) =>
			result.json(name, output).map((item) => String(item.number ?? item.key));

		let result = await runWorkflow(loadExample(FILE, ids, { dryRun: false }), store);
		expect(result.status).toBe('success');
		expect(numbers('Compare Extensions', 0)).toEqual(expected.localOnly);
		expect(numbers('Compare Extensions', 1)).toEqual(expected.remoteOnly);
		expect(numbers('Compare Extensions', 2)).toEqual(expected.synced);
		expect(numbers('Compare Extensions', 3)).toEqual(expected.changed);
		expect(numbers('Create Missing Subscribers')).toEqual(expected.localOnly);
		expect(result.json('Create Missing Subscribers').every((s) => s.action === 'created')).toBe(true);
		expect(numbers('Update Changed Subscribers')).toEqual(expected.changed);
		expect(result.json('Update Changed Subscribers').every((s) => s.action === 'updated')).toBe(true);
		expect(numbers('Orphaned Subscribers to Review')).toEqual(expected.remoteOnly);
		// Generated SIP passwords stay out of the execution data.
		expect(JSON.stringify(result.run.data.resultData)).not.toMatch(/sipPassword|Seed-1\d\d-Pw9x/);

		// Cloudonix now mirrors 3CX: every extension once, same name and enabled state.
		for (const user of threeCx.state.users.values()) {
			const subscriber = cloudonix.byMsisdn(user.Number)!;
			expect(subscriber.profile.displayName).toBe(`${user.FirstName} ${user.LastName}`);
			expect(subscriber.active).toBe(user.Enabled);
		}
		expect([...cloudonix.state.createsByMsisdn.values()].every((count) => count === 1)).toBe(true);
		// The three Cloudonix nodes share one pacer (same credential and domain), so the update
		// node never starts inside the create node's budget: not a single 429.
		expect(cloudonix.state.rateLimited).toBe(0);
		expect(cloudonix.state.duplicateRejections).toBe(0);
		// Orphans and DIDs are left alone.
		for (const number of [...expected.remoteOnly, ...DOMAIN_DIDS]) expect(cloudonix.byMsisdn(number)?.active).toBe(true);

		result = await runWorkflow(loadExample(FILE, ids, { dryRun: false }), store);
		expect(result.status).toBe('success');
		expect(numbers('Compare Extensions', 0)).toEqual([]);
		expect(numbers('Compare Extensions', 3)).toEqual([]);
		expect(numbers('Compare Extensions', 2)).toHaveLength(60);
		expect(numbers('Compare Extensions', 1)).toEqual(expected.remoteOnly);
		// One token for both nights: it is kept in the credential.
		expect(threeCx.state.tokensIssued).toBe(1);
		expect(cloudonix.state.rateLimited).toBe(0);
	});

	it('stops before writing anything when 3CX answers with no users (Safety)', async () => {
		threeCx.reset();
		cloudonix.reset();
		seedNightlySync(threeCx, cloudonix);
		threeCx.state.users.clear();
		cloudonix.server.clearLog();
		const { store, ids } = credentials();
		const result = await runWorkflow(loadExample(FILE, ids, { dryRun: false }), store);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Safety stop: the Local input is empty while the Remote input has 45 items; /);
		expect(result.executed).not.toContain('Create Missing Subscribers');
		expect(result.executed).not.toContain('Update Changed Subscribers');
		expect(cloudonix.server.requests.every((request) => request.method === 'GET')).toBe(true);
	});
});
