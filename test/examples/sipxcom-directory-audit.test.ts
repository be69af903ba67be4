import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import * as vendors from '../../dev/harness/vendors';
import { CredentialStore } from '../../dev/harness/credentials';
import { runWorkflow } from '../../dev/harness/engine';
import { loadExample } from '../../dev/harness/examples';

const { sandbox } = sandboxPerTest(vendors.sipXcom, { options: { users: 5, phones: 0 } });

describe('example: sipXcom directory audit', () => {
	it('runs against the sipXcom sandbox and routes users to the four Compare Extensions outputs', async () => {
		const store = new CredentialStore();
		const credential = store.add('sipXcomApi', sandbox.credentials() as never, 'sipXcom account');
		expect(credential.id).toBe('1');

		const result = await runWorkflow(loadExample('sipxcom-directory-audit.json', { sipXcomApi: credential }), store);
		expect(result.status).toBe('success');
		const [onlyPbx, onlyDirectory, synced, changed] = [0, 1, 2, 3].map((o) => result.json('Compare Extensions', o));
		expect(onlyPbx.map((u) => u.number)).toEqual(['203', '204']);
		expect(onlyDirectory).toEqual([{ number: '205', name: 'Dana Scully' }]);
		expect(synced.map((u) => u.key)).toEqual(['200', '202']);
		expect(changed).toHaveLength(1);
		expect(changed[0]).toMatchObject({ key: '201' });
		expect(JSON.stringify(changed[0])).toContain('Jane Løvik');
	});
});
