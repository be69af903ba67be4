/** Runs examples/sipxcom-to-3cx-migration-audit.json as exported, against the sipXcom and 3CX sandboxes. */
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import * as vendors from '../../dev/harness/vendors';
import { CredentialStore } from '../../dev/harness/credentials';
import { runWorkflow } from '../../dev/harness/engine';
import { loadExample } from '../../dev/harness/examples';
import { AUDIT_SUMMARY } from '../n8n/cases';
import { seedMigrationAuditSample } from '../../dev/sandbox/scenarios';

const sipXcom = sandboxPerTest(vendors.sipXcom, { options: { users: 0, phones: 0 } }).sandbox;
const threeCx = sandboxPerTest(vendors.threeCx).sandbox;

// A small realistic mix (paging has its own tests).
beforeEach(() => seedMigrationAuditSample(sipXcom, threeCx));

describe('example: sipXcom → 3CX migration audit', () => {
	it('routes every extension to the output a migration team needs', async () => {
		const store = new CredentialStore();
		const sipXcomCredential = store.add('sipXcomApi', sipXcom.credentials() as never, 'sipXcom account');
		const threeCxCredential = store.add('threeCxApi', { ...threeCx.credentials(), accessToken: '' } as never, '3CX API account');

		const result = await runWorkflow(
			loadExample('sipxcom-to-3cx-migration-audit.json', { sipXcomApi: sipXcomCredential, threeCxApi: threeCxCredential }),
			store,
		);

		expect(result.status).toBe('success');
		expect(result.json('sipXcom Users')).toHaveLength(6);
		expect(result.json('3CX Users')).toHaveLength(6);

		const notYetOn3cx = result.json('Not yet on 3CX');
		expect(notYetOn3cx.map((u) => u.number)).toEqual(['203', '207']);
		expect(notYetOn3cx.every((u) => u.source === 'sipxcom')).toBe(true);

		const onlyOn3cx = result.json('Only on 3CX');
		expect(onlyOn3cx.map((u) => [u.number, u.name, u.source])).toEqual([
			['300', 'Ivy North', '3cx'],
			['301', 'Jon South', '3cx'],
		]);

		expect(result.json('Migrated').map((m) => m.key)).toEqual(['200', '204']);

		const changed = result.json('Migrated with differences');
		expect(changed.map((m) => [m.key, m.differences])).toEqual([
			['201', [{ field: 'name', local: 'Ben Ortiz', remote: 'Benjamin Ortiz' }]],
			['202', [{ field: 'email', local: 'cara@example.com', remote: 'cara.diaz@example.com' }]],
		]);
		expect(changed[0]).toMatchObject({ local: { source: 'sipxcom' }, remote: { source: '3cx' } });

		// The NoOps show exactly what Compare Extensions routed.
		expect(changed.map((m) => m.changedFields)).toEqual([['name'], ['email']]);
		expect(Object.keys(changed[0]).slice(0, 3)).toEqual(['key', 'differences', 'changedFields']);
		// Matches leave the vendors' raw records out; the normalised fields are all an audit needs.
		expect(changed[0].local).not.toHaveProperty('raw');
		expect(result.json('Audit Summary')).toEqual([AUDIT_SUMMARY]);
		for (const [output, node] of ['Not yet on 3CX', 'Only on 3CX', 'Migrated', 'Migrated with differences', 'Audit Summary'].entries()) {
			expect(result.json(node)).toEqual(result.json('Compare Extensions', output));
		}
		// Audit only: nothing was written to either PBX.
		expect(sipXcom.server.requests.every((r) => r.method === 'GET')).toBe(true);
		expect(threeCx.server.requests.filter((r) => r.method !== 'GET').map((r) => r.path)).toEqual(['/connect/token']);
	});
});
