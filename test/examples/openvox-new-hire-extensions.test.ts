import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import * as vendors from '../../dev/harness/vendors';
import { CredentialStore } from '../../dev/harness/credentials';
import { runWorkflow } from '../../dev/harness/engine';
import { loadExample } from '../../dev/harness/examples';

const { sandbox } = sandboxPerTest(vendors.openVox, { options: { seed: 3 } });

describe('example: OpenVox new-hire extensions', () => {
	it('creates the sample new hires on the PBX and reads their settings back with one login', async () => {
		const store = new CredentialStore();
		const credential = store.add('openVoxApi', sandbox.credentials() as never, 'OpenVox account');
		const result = await runWorkflow(loadExample('openvox-new-hire-extensions.json', { openVoxApi: credential }), store);
		expect(result.status).toBe('success');
		expect(result.executed).toEqual(["When clicking 'Execute workflow'", 'New Hires (Sample)', 'Create Extension', 'Read Back Settings']);
		expect(result.json('Read Back Settings')).toEqual([
			expect.objectContaining({ number: '2101', name: 'Ada Lovelace', email: 'ada@example.com', source: 'openvox' }),
			expect.objectContaining({ number: '2102', name: 'Grace Hopper', email: 'grace@example.com', source: 'openvox' }),
		]);
		expect(sandbox.state.extensions.get('2101')).toMatchObject({
			registerpassword: 'Ada-2101-Sip!',
			vmsecret: '2468',
			hasvoicemail: 'on',
			enablevmtoemail: 'on',
			ringtimeout: '30',
			maxregistrations: '2',
		});
		// Passwords and PINs stay on the PBX, not in the workflow output. Only the items are scanned:
		// the run data around them holds timestamps, which may contain "2468" by chance.
		const output = JSON.stringify(result.output('Read Back Settings'));
		expect(output).not.toContain('Ada-2101-Sip!');
		expect(output).not.toContain('2468');
		expect(sandbox.server.count('POST', '/login')).toBe(1);
	});
});
