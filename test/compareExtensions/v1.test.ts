/**
 * Version 1 keeps its exact behaviour for saved workflows: each case in v1Cases.ts runs as a
 * typeVersion 1 node and must give the items recorded before version 2 existed.
 */
import { runWorkflow } from '../../dev/harness/engine';
import { buildWorkflow, pkg, source } from '../../dev/harness/workflow';
import recorded from './fixtures/v1-outputs.json';
import { V1_CASES } from './v1Cases';

describe('Compare Extensions version 1 is unchanged', () => {
	it.each(V1_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
		const workflow = buildWorkflow(
			[
				source('Local', c.local),
				source('Remote', c.remote),
				{ name: 'Compare', type: pkg('compareExtensions'), typeVersion: 1, parameters: c.parameters, continueOnFail: c.continueOnFail },
			],
			[
				['Local', 'Compare', 0, 0],
				['Remote', 'Compare', 0, 1],
			],
		);
		const result = await runWorkflow(workflow);
		const actual =
			result.status === 'success'
				? { outputs: result.output('Compare') }
				: { error: result.error?.message, description: result.error?.description };
		expect(JSON.parse(JSON.stringify(actual))).toEqual((recorded as Record<string, unknown>)[c.name]);
	});
});
