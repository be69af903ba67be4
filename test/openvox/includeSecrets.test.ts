/**
 * Include Secrets on OpenVox: node version 3 has it in Options on Get, Create and Update;
 * workflows saved with versions 1 and 2 keep it at the top level, and it still works there.
 */
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../../dev/harness/engine';
import { pkg, savedWorkflow } from '../../dev/harness/workflow';
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { openVox } from '../../dev/harness/vendors';
import { NODE } from './helpers';

const { sandbox, withCredential } = sandboxPerTest(openVox, { seed: 5 });

const SEEDED_1001 = { registerpassword: 'Reg1001pw', vmsecret: '100001', userpassword: 'login1001' };
const SECRETS = ['registerpassword', 'loginpassword', 'userpassword', 'vmsecret'];

const runSaved = async (typeVersion: number, parameters: IDataObject) => {
	const { store, credential } = withCredential();
	return await runWorkflow(savedWorkflow({ name: NODE, type: pkg('openVox'), typeVersion, parameters: { resource: 'extension', ...parameters }, credentials: { openVoxApi: credential } }), store);
};

const runV3 = async (parameters: IDataObject) => await withCredential().run(parameters, { typeVersion: 3 });

const expectNoSecrets = (result: Awaited<ReturnType<typeof runV3>>, ...values: string[]) => {
	const record = result.json(NODE)[0];
	for (const field of SECRETS) expect(record).not.toHaveProperty(field);
	const data = JSON.stringify(result.run.data);
	for (const value of values) expect(data).not.toContain(value);
};

describe('OpenVox node version 3: Include Secrets in Options, off by default', () => {
	it('Get leaves the passwords and the PIN out unless it is on', async () => {
		const hidden = await runV3({ operation: 'get', extid: '1001', output: 'raw' });
		expectNoSecrets(hidden, ...Object.values(SEEDED_1001));
		const shown = await runV3({ operation: 'get', extid: '1001', output: 'raw', options: { includeSecrets: true } });
		expect(shown.json(NODE)[0]).toMatchObject(SEEDED_1001);
	});

	it('Create shows the generated register password only when it is on', async () => {
		const hidden = await runV3({ operation: 'create', number: '2601', output: 'raw' });
		expect(hidden.status).toBe('success');
		expectNoSecrets(hidden, sandbox.state.extensions.get('2601')!.registerpassword as string);

		const shown = await runV3({ operation: 'create', number: '2602', output: 'raw', options: { includeSecrets: true } });
		expect(shown.json(NODE)[0].registerpassword).toBe(sandbox.state.extensions.get('2602')!.registerpassword);
	});

	it('Update shows the new register password only when it is on', async () => {
		const update = { operation: 'update', extid: '1001', settings: { generateRegisterPassword: true }, output: 'raw' };
		const hidden = await runV3(update);
		expect(hidden.status).toBe('success');
		expectNoSecrets(hidden, sandbox.state.extensions.get('1001')!.registerpassword as string);

		const shown = await runV3({ ...update, options: { includeSecrets: true } });
		expect(shown.json(NODE)[0].registerpassword).toBe(sandbox.state.extensions.get('1001')!.registerpassword);
	});

	it('ignores a top-level Include Secrets left over from version 2: the secrets stay out', async () => {
		const result = await runSaved(3, { operation: 'get', extid: '1001', output: 'raw', includeSecrets: true });
		expectNoSecrets(result, ...Object.values(SEEDED_1001));
	});
});

describe('OpenVox workflows saved with node versions 1 and 2 keep their top-level Include Secrets', () => {
	it.each([1, 2])('version %p: Get with the top-level switch on keeps the secrets, and leaves them out without it', async (typeVersion) => {
		const shown = await runSaved(typeVersion, { operation: 'get', extid: '1001', output: 'raw', includeSecrets: true });
		expect(shown.json(NODE)[0]).toMatchObject(SEEDED_1001);
		const hidden = await runSaved(typeVersion, { operation: 'get', extid: '1001', output: 'raw' });
		expectNoSecrets(hidden, ...Object.values(SEEDED_1001));
	});

	it('version 2: Create with the top-level switch shows the generated password', async () => {
		const result = await runSaved(2, { operation: 'create', number: '2603', output: 'raw', includeSecrets: true });
		expect(result.json(NODE)[0].registerpassword).toBe(sandbox.state.extensions.get('2603')!.registerpassword);
	});

	it('version 1: Update with the top-level switch shows the new password', async () => {
		const result = await runSaved(1, {
			operation: 'update',
			extid: '1002',
			settings: { generateRegisterPassword: true },
			output: 'raw',
			includeSecrets: true,
		});
		expect(result.json(NODE)[0].registerpassword).toBe(sandbox.state.extensions.get('1002')!.registerpassword);
	});

	it('version 2 reads only the top-level switch: an Options entry it never had keeps the secrets out', async () => {
		const result = await runSaved(2, { operation: 'get', extid: '1001', output: 'raw', options: { includeSecrets: true } });
		expectNoSecrets(result, ...Object.values(SEEDED_1001));
	});
});
