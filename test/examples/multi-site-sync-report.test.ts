/**
 * examples/multi-site-sync-report.json through n8n-core's engine: a composite key, per-pair
 * value rules and the Summary feeding a report; and the same workflow stopped by Safety when
 * half the directory is missing. Both checks also run in a real n8n (test/n8n/cases.ts).
 */
import { runWorkflow } from '../../dev/harness/engine';
import { loadExample, readExample } from '../../dev/harness/examples';
import { multiSiteGuard, multiSiteReport } from '../n8n/cases';

describe('example: multi-site-sync-report.json', () => {
	it('is an importable workflow with Compare Extensions version 2 and a Summary output', () => {
		const workflow = readExample('multi-site-sync-report.json');
		const compare = workflow.nodes.find((node) => node.type === 'n8n-nodes-pbx-sync.compareExtensions')!;
		expect(compare.typeVersion).toBe(2);
		expect(workflow.connections['Compare Extensions'].main).toHaveLength(5);
	});

	it('sorts both sites apart and reports the counts', async () => {
		const result = await runWorkflow(loadExample(multiSiteReport.example));
		expect(result.error).toBeUndefined();
		await multiSiteReport.check(result, undefined);
		expect(result.json('Compare Extensions', 4)).toEqual([
			{
				localOnly: 2,
				remoteOnly: 1,
				synced: 8,
				changed: 2,
				localTotal: 12,
				remoteTotal: 11,
				leftOutLocal: 0,
				leftOutRemote: 0,
				safety: { status: 'passed', reasons: [] },
			},
		]);
	});

	it('stops with the Safety error when the directory lost a site', async () => {
		const result = await runWorkflow(multiSiteGuard.prepare!(loadExample(multiSiteGuard.example)));
		await multiSiteGuard.check(result, undefined);
	});
});
