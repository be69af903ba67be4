import { runWorkflow } from '../../dev/harness/engine';
import { createThreeCxSandbox } from '../../dev/sandbox/threecx';
import { credentialFor } from '../threecx/helpers';
import { loadExample } from '../../dev/harness/examples';

const sandbox = createThreeCxSandbox();
beforeAll(async () => {
	await sandbox.server.start();
	sandbox.seedUsers(12);
});
afterAll(async () => sandbox.server.stop());

it('example: exports the extensions as a dated CSV file and one item per extension', async () => {
	const { store, credential } = credentialFor(sandbox);
	const result = await runWorkflow(loadExample('3cx-export-extensions.json', { threeCxApi: credential }), store);
	expect(result.status).toBe('success');
	const items = result.output('Export extensions')[0];
	expect(items.map((i) => i.json.Number)).toEqual(Array.from({ length: 12 }, (_, i) => String(100 + i)));
	expect(items[0].binary?.data.fileName).toMatch(/^extensions-\d{4}-\d{2}-\d{2}\.csv$/);
	expect(items[0].json).not.toHaveProperty('AuthPassword');
});
