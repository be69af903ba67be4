/** Runs examples/cloudonix-sync-extensions.json as exported, against the Cloudonix sandbox. */
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import * as vendors from '../../dev/harness/vendors';
import { CredentialStore } from '../../dev/harness/credentials';
import { runWorkflow } from '../../dev/harness/engine';
import { loadExample } from '../../dev/harness/examples';

// Default rate limit (10 per 3 s): the example stays within it with its default pacing.
const { sandbox } = sandboxPerTest(vendors.cloudonix);

describe('example: Cloudonix sync extensions', () => {
	it('creates missing, updates changed and deactivates orphaned subscribers', async () => {
		sandbox.seed(2); // 1000 "Subscriber 1000" (in sync), 1001 "Subscriber 1001" (renamed locally)
		sandbox.add('1099', 'Orphan-Pass-99', { displayName: 'Gone Person' });
		sandbox.add('97250123456', 'Phone-Number-1', {}); // a phone number, not an extension: left alone
		const store = new CredentialStore();
		const credential = store.add('cloudonixApi', sandbox.credentials(), 'Cloudonix account');

		const result = await runWorkflow(loadExample('cloudonix-sync-extensions.json', { cloudonixApi: credential }), store);

		expect(result.status).toBe('success');
		expect(result.json('Create Missing Subscribers').map((e) => [e.number, e.action, e.enabled])).toEqual([
			['1002', 'created', true],
			['1003', 'created', false],
		]);
		// The generated password is shown where the example asks for it.
		expect(result.json('Create Missing Subscribers')[0].raw).toHaveProperty('sipPassword', sandbox.byMsisdn('1002')!.sipPassword);
		expect(result.json('Update Changed Subscribers').map((e) => [e.number, e.name, e.action])).toEqual([
			['1001', 'Bob Jones', 'updated'],
		]);
		expect(result.json('Deactivate Orphaned Subscribers').map((e) => [e.number, e.enabled])).toEqual([['1099', false]]);
		expect(result.json('Already in Sync').map((e) => e.key)).toEqual(['1000']);

		expect(sandbox.list().map((s) => [s.msisdn, s.profile.displayName ?? null, s.active])).toEqual([
			['1000', 'Subscriber 1000', true],
			['1001', 'Bob Jones', true],
			['1002', 'Cid Newman', true],
			['1003', 'Dee Quiet', false],
			['1099', 'Gone Person', false],
			['97250123456', null, true],
		]);
		expect(sandbox.byMsisdn('1001')!.sipPassword).toBe('Seed-1001-Pw9x');
		expect(sandbox.state.rateLimited).toBe(0);
	});
});
