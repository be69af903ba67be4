import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import * as vendors from '../../dev/harness/vendors';
import { runWorkflow } from '../../dev/harness/engine';
import { loadExample } from '../../dev/harness/examples';

const { sandbox, current } = sandboxPerTest(vendors.threeCx, { seed: 400 });

it('example: reprovisions the phones of every enabled Sales user in one request', async () => {
	const { store, credential } = current();
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
