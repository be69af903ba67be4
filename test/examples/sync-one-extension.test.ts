/**
 * Runs examples/sync-one-extension.json as exported (the Webhook replaced by a Code node emitting
 * the request, see dev/harness/examples.ts) against the 3CX and Cloudonix sandboxes seeded with
 * the flagship's story: 140 is missing in Cloudonix, 103 was renamed, 101 is in sync, 190 is
 * only in Cloudonix.
 */
import type { IDataObject } from 'n8n-workflow';

import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import * as vendors from '../../dev/harness/vendors';
import { CredentialStore } from '../../dev/harness/credentials';
import { runWorkflow } from '../../dev/harness/engine';
import { loadExample } from '../../dev/harness/examples';
import { seedNightlySync } from '../../dev/sandbox/scenarios';

const FILE = 'sync-one-extension.json';
const threeCx = sandboxPerTest(vendors.threeCx).sandbox;
const cloudonix = sandboxPerTest(vendors.cloudonix).sandbox;

async function post(body: IDataObject) {
	const store = new CredentialStore();
	const workflow = loadExample(
		FILE,
		{
			threeCxApi: store.add('threeCxApi', threeCx.credentials(), '3CX API account'),
			cloudonixApi: store.add('cloudonixApi', cloudonix.credentials(), 'Cloudonix API account'),
		},
		{ triggerOutput: [{ body, headers: { 'content-type': 'application/json' }, params: {}, query: {} }] },
	);
	return await runWorkflow(workflow, store);
}

const writes = () => cloudonix.server.requests.filter((request) => request.method !== 'GET');

describe('example: sync one extension, with a trace', () => {
	beforeEach(() => {
		seedNightlySync(threeCx, cloudonix);
		cloudonix.server.clearLog();
	});

	it('explains a number missing in Cloudonix and answers with the planned create, writing nothing', async () => {
		const result = await post({ number: '140' });
		expect(result.status).toBe('success');
		// responseMode "lastNode": the webhook answers with this item.
		const [answer] = result.json('Trace and Result');
		expect(answer).toMatchObject({ number: '140', outcome: 'localOnly', dryRun: true, result: { dryRun: true, action: 'create' } });
		expect(answer.trace).toEqual([
			'Key number "140" (unchanged)',
			'Local: item 0 holds it: number "140" (unchanged)',
			'Remote: no item holds this key',
			'Outcome: Local Only',
		]);
		expect(result.executed).not.toContain('Update Subscriber');
		expect(writes()).toEqual([]);
		expect(cloudonix.byMsisdn('140')).toBeUndefined();
	});

	it('creates the subscriber when the request says apply', async () => {
		const result = await post({ number: '140', apply: true });
		expect(result.status).toBe('success');
		expect(result.json('Trace and Result')[0]).toMatchObject({ outcome: 'localOnly', dryRun: false, result: { number: '140', action: 'created' } });
		expect(cloudonix.byMsisdn('140')).toMatchObject({ msisdn: '140', active: true });
		expect(writes()).toHaveLength(1);
	});

	it('explains a renamed extension field by field, plans the update, and applies it when asked', async () => {
		const before = cloudonix.byMsisdn('103')!.profile.displayName;
		const planned = await post({ number: '103' });
		expect(planned.status).toBe('success');
		const answer = planned.json('Trace and Result')[0];
		expect(answer.outcome).toBe('changed');
		expect(answer.trace).toEqual(
			expect.arrayContaining([expect.stringMatching(/^name: ".+" vs ".+ \(old name\)": differs$/), 'enabled: true vs true: identical', 'Outcome: Changed (differs in name)']),
		);
		expect(answer.result).toMatchObject({ dryRun: true, action: 'update', changes: [expect.objectContaining({ field: expect.stringMatching(/name/i) })] });
		expect(writes()).toEqual([]);
		expect(cloudonix.byMsisdn('103')!.profile.displayName).toBe(before);

		const applied = await post({ number: '103', apply: true });
		expect(applied.status).toBe('success');
		expect(applied.json('Trace and Result')[0].result).toMatchObject({ number: '103', action: 'updated' });
		const user = [...threeCx.state.users.values()].find((u) => u.Number === '103')!;
		expect(cloudonix.byMsisdn('103')!.profile.displayName).toBe(`${user.FirstName} ${user.LastName}`);
	});

	it('refuses to apply when the subscriber changed after it was read, and writes nothing', async () => {
		// The first GET is the read the comparison uses; anything after it sees the change.
		cloudonix.server.hook({
			method: 'GET',
			after: 1,
			before: () => {
				cloudonix.byMsisdn('103')!.profile.displayName = 'Changed by an admin';
			},
		});
		const result = await post({ number: '103', apply: true });
		expect(result.status).toBe('error');
		expect(result.error?.node?.name).toBe('Update Subscriber');
		expect(result.error?.message).toMatch(/103 changed since it was compared: name/);
		expect(writes()).toEqual([]);
		expect(cloudonix.byMsisdn('103')!.profile.displayName).toBe('Changed by an admin');
	});

	it('rejects a request without a usable number before asking either PBX', async () => {
		threeCx.server.clearLog();
		for (const body of [{}, { number: '' }, { number: "1' or Number ne '" }]) {
			const result = await post(body);
			expect(result.status).toBe('error');
			expect(result.error?.node?.name).toBe('Reject the Request');
			expect(result.error?.message).toBe(
				`The request needs "number": an extension number (digits, optionally a leading +), got ${JSON.stringify((body as { number?: string }).number ?? null)}`,
			);
		}
		expect(threeCx.server.requests).toEqual([]);
		expect(cloudonix.server.requests).toEqual([]);
	});

	it('explains numbers that need nothing: in sync, only in Cloudonix, on neither side', async () => {
		const synced = await post({ number: '101', apply: true });
		expect(synced.json('Trace and Result')[0]).toMatchObject({ outcome: 'synced', result: { action: 'none' } });
		expect(synced.json('Trace and Result')[0].trace).toContain('Outcome: Synced');

		const orphan = await post({ number: '190', apply: true });
		expect(orphan.json('Trace and Result')[0]).toMatchObject({ outcome: 'remoteOnly', result: { action: 'none' } });

		const nowhere = await post({ number: '777', apply: true });
		expect(nowhere.status).toBe('success');
		expect(nowhere.json('Trace and Result')[0]).toMatchObject({ outcome: 'inNeither', result: { action: 'none' } });
		expect(writes()).toEqual([]);
	});
});
