/**
 * examples/compare-extensions.json through n8n-core's engine. Its sample data comes from
 * Code nodes (the jest harness has a minimal Code stand-in); the same check runs against a
 * real n8n in `npm run test:n8n` (test/n8n/cases.ts).
 */
import { runWorkflow } from '../../dev/harness/engine';
import { compareExtensionsExample } from '../n8n/cases';
import { loadExample, readExample } from '../../dev/harness/examples';

describe('example: compare-extensions.json', () => {
	it('is an importable workflow that uses this package and starts with a trigger', () => {
		const workflow = readExample('compare-extensions.json');
		expect(workflow.nodes.map((node) => node.type)).toEqual(
			expect.arrayContaining(['n8n-nodes-base.manualTrigger', 'n8n-nodes-pbx-sync.compareExtensions']),
		);
		expect(workflow.connections['Compare Extensions'].main).toHaveLength(4);
	});

	it('sends each extension to Create, Import, Nothing To Do or Update', async () => {
		const result = await runWorkflow(loadExample(compareExtensionsExample.example));
		expect(result.error).toBeUndefined();
		await compareExtensionsExample.check(result, undefined);
		expect(result.executed).toEqual(
			expect.arrayContaining(['Create', 'Import', 'Nothing To Do', 'Update']),
		);
	});
});
