import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import * as vendors from '../../dev/harness/vendors';
import { runWorkflow } from '../../dev/harness/engine';
import { loadExample } from '../../dev/harness/examples';

const { current } = sandboxPerTest(vendors.threeCx, { seed: 12 });

it('example: exports the extensions as a dated CSV file and one item per extension', async () => {
	const { store, credential } = current();
	const result = await runWorkflow(loadExample('3cx-export-extensions.json', { threeCxApi: credential }), store);
	expect(result.status).toBe('success');
	const items = result.output('Export extensions')[0];
	expect(items.map((i) => i.json.Number)).toEqual(Array.from({ length: 12 }, (_, i) => String(100 + i)));
	expect(items[0].binary?.data.fileName).toMatch(/^extensions-\d{4}-\d{2}-\d{2}\.csv$/);
	expect(items[0].json).not.toHaveProperty('AuthPassword');
});
