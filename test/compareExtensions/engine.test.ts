import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../../dev/harness/engine';
import { buildWorkflow, pkg, source } from '../../dev/harness/workflow';

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

	it('adds a Changed output when fields are compared and lists each difference', async () => {
		const result = await runWorkflow(
			compareWorkflow(
				[
					{ number: 100, name: 'Ann', enabled: true },
					{ number: 101, name: 'Bob', enabled: true },
				],
				[
					{ msisdn: '100', profile: { name: 'Ann' }, active: 'on' },
					{ msisdn: '101', profile: { name: 'Robert' }, active: false },
				],
				{
					remoteKeyField: 'msisdn',
					fieldsToCompare: {
						values: [
							{ local: 'name', remote: 'profile.name' },
							{ local: 'enabled', remote: 'active' },
						],
					},
				},
			),
		);
		const outputs = result.output(COMPARE);
		expect(outputs).toHaveLength(4);
		expect(result.json(COMPARE, 2)).toHaveLength(1);
		expect(result.json(COMPARE, 2)[0].key).toBe('100');
		expect(result.json(COMPARE, 3)).toEqual([
			{
				key: '101',
				local: { number: 101, name: 'Bob', enabled: true },
				remote: { msisdn: '101', profile: { name: 'Robert' }, active: false },
				differences: [
					{ field: 'name → profile.name', local: 'Bob', remote: 'Robert' },
					{ field: 'enabled → active', local: true, remote: false },
				],
			},
		]);
		expect(outputs[3][0].pairedItem).toEqual([
			{ item: 1, input: 0 },
			{ item: 1, input: 1 },
		]);
	});

	it('emits only the local or the remote item for matches when asked', async () => {
		const local = [{ number: '1', name: 'A' }, { number: '2', name: 'B' }];
		const remote = [{ number: '1', name: 'A', id: 'r1' }, { number: '2', name: 'b', id: 'r2' }];
		const fieldsToCompare = { values: [{ local: 'name', remote: 'name' }] };
		const asLocal = await runWorkflow(compareWorkflow(local, remote, { fieldsToCompare, options: { matchOutput: 'local' } }));
		expect(asLocal.json(COMPARE, 2)).toEqual([{ number: '1', name: 'A' }]);
		expect(asLocal.json(COMPARE, 3)).toEqual([
			{ number: '2', name: 'B', _differences: [{ field: 'name', local: 'B', remote: 'b' }] },
		]);
		const asRemote = await runWorkflow(compareWorkflow(local, remote, { fieldsToCompare, options: { matchOutput: 'remote' } }));
		expect(asRemote.json(COMPARE, 2)).toEqual([{ number: '1', name: 'A', id: 'r1' }]);
		expect(asRemote.json(COMPARE, 3)[0]).toMatchObject({ id: 'r2' });
	});

	it('applies the key matching options from the node parameters', async () => {
		const result = await runWorkflow(
			compareWorkflow([{ number: '+1 (555) 0101' }, { number: '200' }], [{ number: ' 5550101 ' }, { number: '0200' }], {
				options: { keyMatching: 'digitsOnly', stripPrefixes: '+1, 0' },
			}),
		);
		expect(result.json(COMPARE, 2).map((j) => j.key)).toEqual(['5550101', '200']);
		const exact = await runWorkflow(
			compareWorkflow([{ number: 'A1' }], [{ number: 'a1' }], { options: { keyMatching: 'exact' } }),
		);
		expect(exact.json(COMPARE, 0)).toHaveLength(1);
		expect(exact.json(COMPARE, 1)).toHaveLength(1);
	});

	it('respects the loose comparison rules chosen in the options', async () => {
		const local = [{ number: '1', ring: 30, vm: true }];
		const remote = [{ number: '1', ring: '30', vm: 'on' }];
		const fieldsToCompare = {
			values: [
				{ local: 'ring', remote: 'ring' },
				{ local: 'vm', remote: 'vm' },
			],
		};
		const looseRun = await runWorkflow(compareWorkflow(local, remote, { fieldsToCompare }));
		expect(looseRun.json(COMPARE, 2)).toHaveLength(1);
		const strictRun = await runWorkflow(compareWorkflow(local, remote, { fieldsToCompare, options: { looseRules: [] } }));
		expect(strictRun.json(COMPARE, 3)[0].differences).toHaveLength(2);
	});

	it('fails on duplicate keys with an error naming key, input and items', async () => {
		const result = await runWorkflow(compareWorkflow([{ number: '1' }], [{ number: '7' }, { number: '7 ' }]));
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Duplicate key "7" in the Remote input (key field "number", item indexes 0, 1)');
		expect(result.error?.description).toMatch(/Duplicate Keys/);
	});

	it('fails on missing keys, and with Continue On Fail emits the error instead', async () => {
		const failing = await runWorkflow(compareWorkflow([{ name: 'no number' }], [{ number: '1' }]));
		expect(failing.status).toBe('error');
		expect(failing.error?.message).toContain('have no value in key field "number" (item indexes 0)');
		const continuing = await runWorkflow(compareWorkflow([{ name: 'no number' }], [{ number: '1' }], {}, true));
		expect(continuing.status).toBe('success');
		const outputs = continuing.output(COMPARE);
		expect(outputs[0]).toEqual([
			{
				json: { error: expect.stringContaining('no value in key field'), input: 'local', itemIndexes: [0] },
				pairedItem: [{ item: 0, input: 0 }],
			},
		]);
		expect(outputs[1]).toEqual([]);
	});

	it('handles an empty side and two empty sides', async () => {
		const remoteEmpty = await runWorkflow(compareWorkflow([{ number: '1' }, { number: '2' }], []));
		expect(remoteEmpty.status).toBe('success');
		expect(remoteEmpty.json(COMPARE, 0)).toHaveLength(2);
		const localEmpty = await runWorkflow(compareWorkflow([], [{ number: '1' }]));
		expect(localEmpty.json(COMPARE, 1)).toHaveLength(1);
		const bothEmpty = await runWorkflow(compareWorkflow([], []));
		expect(bothEmpty.status).toBe('success');
		expect(bothEmpty.output(COMPARE).flat()).toHaveLength(0);
	});

	it('does not mutate the items it was given', async () => {
		const local = [{ number: ' 1 ', name: 'A', tags: ['x'] }];
		const remote = [{ number: '1', name: 'B', tags: ['y'] }];
		const workflow = compareWorkflow(local, remote, {
			fieldsToCompare: { values: [{ local: 'name', remote: 'name' }] },
			options: { matchOutput: 'local' },
		});
		const pinnedJson = () => JSON.stringify(Object.values(workflow.pinData!).map((items) => items.map((i) => i.json)));
		const before = pinnedJson();
		const result = await runWorkflow(workflow);
		expect(pinnedJson()).toBe(before);
		expect(result.json('Local')).toEqual([{ number: ' 1 ', name: 'A', tags: ['x'] }]);
		expect(result.json(COMPARE, 3)[0]).toEqual({ number: ' 1 ', name: 'A', tags: ['x'], _differences: [{ field: 'name', local: 'A', remote: 'B' }] });
	});

	it('compares 100,000 items per side through the engine', async () => {
		const n = 100_000;
		const local = Array.from({ length: n }, (_, i) => ({ number: String(i), name: `User ${i}` }));
		const remote = Array.from({ length: n }, (_, i) => ({ number: String(i + n / 2), name: i % 10 === 0 ? `Changed ${i}` : `User ${i + n / 2}` }));
		const result = await runWorkflow(
			compareWorkflow(local, remote, { fieldsToCompare: { values: [{ local: 'name', remote: 'name' }] } }),
		);
		expect(result.status).toBe('success');
		const [localOnly, remoteOnly, synced, changed] = result.output(COMPARE);
		expect(localOnly).toHaveLength(n / 2);
		expect(remoteOnly).toHaveLength(n / 2);
		expect(synced.length + changed.length).toBe(n / 2);
		expect(changed).toHaveLength(n / 20);
		expect(localOnly[0].pairedItem).toEqual({ item: 0, input: 0 });
		expect(remoteOnly[remoteOnly.length - 1].pairedItem).toEqual({ item: n - 1, input: 1 });
	});
});
