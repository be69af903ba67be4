import { runWorkflow } from '../../dev/harness/engine';
import { createThreeCxSandbox } from '../../dev/sandbox/threecx';
import { credentialFor } from '../threecx/helpers';
import { loadExample } from '../../dev/harness/examples';

const sandbox = createThreeCxSandbox();
beforeAll(async () => {
	await sandbox.server.start();
	sandbox.seedUsers(400);
});
afterAll(async () => sandbox.server.stop());

it('example: reprovisions the phones of every enabled Sales user in one request', async () => {
	const { store, credential } = credentialFor(sandbox);
	const result = await runWorkflow(loadExample('3cx-reprovision-department-phones.json', { threeCxApi: credential }), store);
	expect(result.status).toBe('success');
	const expected = [...sandbox.state.users.values()]
		.filter((u) => u.Enabled && u.Groups.some((g) => g.GroupId === 2))
		.map((u) => u.Id)
		.sort((a, b) => a - b);
	expect(expected.length).toBeGreaterThan(50);
	expect(sandbox.state.reprovisionCalls).toEqual([expected]);
	expect(result.json('Reprovision their phones')).toEqual([{ reprovisioned: true, ids: expected, count: expected.length }]);
	expect(sandbox.server.count('POST', '/connect/token')).toBe(1);
});
