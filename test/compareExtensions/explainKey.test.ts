/** Compare Extensions › Options › Explain Key through n8n-core's engine (issue 25 point 4). */
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../../dev/harness/engine';
import { buildWorkflow, pkg, source } from '../../dev/harness/workflow';

const COMPARE = 'Compare Extensions';
const NO_SAFETY = { stopWhenInputEmpty: false, remoteOnlyLimit: 'none', localOnlyLimit: 'none' };
const LOCAL = [
	{ number: '150', name: 'Ada Lovelace', enabled: true },
	{ number: '151', name: 'Alan Turing', enabled: true },
	{ number: '152', name: 'Grace Hopper', enabled: true },
];
const REMOTE = [
	{ number: '150', name: 'ada lovelace', enabled: 'on' },
	{ number: '152', name: 'Grace Hopper', enabled: false },
	{ number: '199', name: 'Orphan', enabled: true },
];
const compareFields = { values: [{ local: 'name', remote: 'name', ignoreCase: true }, { local: 'enabled', remote: 'enabled' }] };

function run(explainKey: string, parameters: IDataObject = {}, continueOnFail = false, typeVersion = 2) {
	return runWorkflow(
		buildWorkflow(
			[
				source('Local', LOCAL),
				source('Remote', REMOTE),
				{
					name: COMPARE,
					type: pkg('compareExtensions'),
					typeVersion,
					parameters: { compareFields, safety: NO_SAFETY, options: { explainKey }, ...parameters },
					continueOnFail,
				},
			],
			[
				['Local', COMPARE, 0, 0],
				['Remote', COMPARE, 0, 1],
			],
		),
	);
}

describe('Compare Extensions › Explain Key', () => {
	it('adds the explanation to the Synced item of that key only, saying why it counts as unchanged', async () => {
		const result = await run('150');
		expect(result.status).toBe('success');
		const synced = result.json(COMPARE, 2);
		expect(synced.map((item) => item.key)).toEqual(['150']);
		expect(synced[0].explanation).toMatchObject({
			outcome: 'synced',
			local: [{ index: 0 }],
			remote: [{ index: 0 }],
			trace: [
				'Key number "150" (unchanged)',
				'Local: item 0 holds it: number "150" (unchanged)',
				'Remote: item 0 holds it: number "150" (unchanged)',
				'name: "Ada Lovelace" vs "ada lovelace": equal with Ignore Case',
				'enabled: true vs "on": equal by the Treat as Equal rule "Boolean and Text/Number"',
				'Outcome: Synced',
			],
		});
		// Everything else is routed as without the option, and untouched.
		expect(result.json(COMPARE, 0)).toEqual([LOCAL[1]]);
		expect(result.json(COMPARE, 1)).toEqual([REMOTE[2]]);
		expect(result.json(COMPARE, 3).map((item) => item.key)).toEqual(['152']);
		expect(result.json(COMPARE, 3)[0]).not.toHaveProperty('explanation');
	});

	it('explains a Changed key field by field, and Local Only and Remote Only keys', async () => {
		const changed = await run(' 152 ');
		expect(changed.json(COMPARE, 3)[0].explanation).toMatchObject({
			outcome: 'changed',
			pairs: [{ local: 2, remote: 1, fields: [{ field: 'name', equal: true, reason: 'identical' }, { field: 'enabled', equal: false, reason: 'differs' }] }],
		});
		expect((changed.json(COMPARE, 3)[0].explanation as IDataObject).trace).toContain('Outcome: Changed (differs in enabled)');

		const localOnly = await run('151');
		expect(localOnly.json(COMPARE, 0)).toEqual([{ ...LOCAL[1], explanation: expect.objectContaining({ outcome: 'localOnly', remote: [] }) }]);
		// The input item itself is not changed: the explanation is on a copy.
		expect(LOCAL[1]).not.toHaveProperty('explanation');

		const remoteOnly = await run('199', { options: { explainKey: '199', matchOutput: 'remote' } });
		expect(remoteOnly.json(COMPARE, 1)[0].explanation).toMatchObject({ outcome: 'remoteOnly', local: [] });
	});

	it('stops with the trace when neither input holds the key, or puts it on the Summary', async () => {
		const stopped = await run('777');
		expect(stopped.status).toBe('error');
		expect(stopped.error?.message).toBe('Explain Key "777" is in neither input');
		expect(stopped.error?.description).toBe(
			['Key number "777" (unchanged)', 'Local: no item holds this key', 'Remote: no item holds this key', 'Outcome: in neither input'].join('\n'),
		);

		const continued = await run('777', {}, true);
		expect(continued.status).toBe('success');
		expect(continued.json(COMPARE, 0)).toEqual([
			{ error: 'Explain Key "777" is in neither input', explanation: expect.objectContaining({ outcome: 'inNeither' }) },
		]);

		const summarised = await run('777', { summary: 'output' });
		expect(summarised.status).toBe('success');
		const summary = summarised.json(COMPARE, 4);
		expect(summary).toHaveLength(1);
		expect(summary[0]).toMatchObject({ localOnly: 1, remoteOnly: 1, synced: 1, changed: 1, explanation: { outcome: 'inNeither' } });
	});

	it('refuses a composite key given with the wrong number of parts, naming the option', async () => {
		const result = await run('150', {
			keyFields: { values: [{ local: 'site', remote: 'site' }, { local: 'number', remote: 'number' }] },
			options: { explainKey: '150', missingKeys: 'skip' },
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Explain Key "150" has 1 part(s), but the key has 2 (site + number); separate the parts with "/"');
	});

	it('explains with version 3 too, keys normalised as version 3 matches them', async () => {
		const result = await run('\u200b150', {}, false, 3);
		expect(result.status).toBe('success');
		const [synced] = result.json(COMPARE, 2);
		expect(synced).toMatchObject({ key: '150', explanation: { outcome: 'synced', asked: [{ value: '\u200b150', normalised: '150' }] } });
	});

	it('changes nothing when left empty', async () => {
		const result = await run('');
		expect(result.status).toBe('success');
		expect(JSON.stringify(result.run.data.resultData.runData[COMPARE])).not.toContain('explanation');
	});
});
