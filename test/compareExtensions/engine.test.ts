import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../harness/engine';
import { buildWorkflow, pkg, source } from '../harness/workflow';

const COMPARE = 'Compare Extensions';

function compareWorkflow(local: IDataObject[], remote: IDataObject[], parameters: IDataObject = {}, continueOnFail = false) {
	return buildWorkflow(
		[
			source('Local', local),
			source('Remote', remote),
			{ name: COMPARE, type: pkg('compareExtensions'), parameters, continueOnFail },
		],
		[
			['Local', COMPARE, 0, 0],
			['Remote', COMPARE, 0, 1],
		],
	);
}

describe('Compare Extensions through the engine', () => {
	it('routes items to Local Only, Remote Only and Synced with three outputs', async () => {
		const result = await runWorkflow(
			compareWorkflow(
				[{ number: '100', name: 'Ann' }, { number: '101', name: 'Bob' }],
				[{ number: '101', name: 'Bob' }, { number: '102', name: 'Cid' }],
			),
		);
		expect(result.status).toBe('success');
		const outputs = result.output(COMPARE);
		expect(outputs).toHaveLength(3);
		expect(result.json(COMPARE, 0)).toEqual([{ number: '100', name: 'Ann' }]);
		expect(result.json(COMPARE, 1)).toEqual([{ number: '102', name: 'Cid' }]);
		expect(result.json(COMPARE, 2)).toEqual([
			{ key: '101', local: { number: '101', name: 'Bob' }, remote: { number: '101', name: 'Bob' } },
		]);
		expect(outputs[0][0].pairedItem).toEqual({ item: 0, input: 0 });
		expect(outputs[1][0].pairedItem).toEqual({ item: 1, input: 1 });
		expect(outputs[2][0].pairedItem).toEqual([
			{ item: 1, input: 0 },
			{ item: 0, input: 1 },
		]);
	});
});
