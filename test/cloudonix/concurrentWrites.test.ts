/**
 * Cloudonix profile writes under concurrent writers (issue 21, point 1). Update and Create or
 * Update merge their profile keys into the subscriber's profile and PUT the whole merged object
 * (whether PUT merges or replaces `profile` is UNCONFIRMED; the sandbox replaces it), and
 * Cloudonix documents no If-Match or version for that write. So two writers that read the same
 * profile can undo each other's keys. The runs below interleave two executions exactly with
 * sandbox hooks (dev/harness/interleave.ts): the other execution in a second copy of the package
 * (a second queue-mode worker), or the PBX itself undoing the change (another admin).
 */
import type { IDataObject } from 'n8n-workflow';

import { anotherProcess } from '../../dev/harness/anotherProcess';
import type { WorkflowResult } from '../../dev/harness/engine';
import { interleaved as interleave } from '../../dev/harness/interleave';
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { cloudonix } from '../../dev/harness/vendors';
import { NODE } from './helpers';

const { sandbox, server, current } = sandboxPerTest(cloudonix, { options: { rateLimit: 1000, rateWindowMs: 1000 } });
const otherProcess = anotherProcess();

const SUBSCRIBERS = '/customers/self/domains/sandbox.cloudonix.net/subscribers';
const PASSWORD = 'Existing-Pass-1';

/** Subscriber 1001 with a profile, and its id. */
function seedSubscriber(): number {
	return Number(sandbox.add('1001', PASSWORD, { displayName: 'Ann Smith', team: 'sales' }).id);
}

const profileOf = (msisdn: string) => sandbox.byMsisdn(msisdn)!.profile;
const here = async (parameters: IDataObject) => await current().run(parameters);
const there = async (parameters: IDataObject) => await otherProcess.runWorkflow(current().workflow(parameters), current().store);
const statusOf = (result: WorkflowResult) => result.error?.message ?? result.status;

/** Two writers of subscriber `id`, interleaved exactly: both read it, the first writes, the second writes, the first reads back. */
async function interleaved(id: number, first: () => Promise<WorkflowResult>, second: () => Promise<WorkflowResult>): Promise<[WorkflowResult, WorkflowResult]> {
	const path = new RegExp(`^${SUBSCRIBERS}/(${id}|1001)$`);
	const run = await interleave(server, { write: { method: 'PUT', path }, read: { path } }, first, second);
	expect(run.steps).toEqual([1, 1, 1]);
	return [run.first, run.second];
}

const update = (profile: IDataObject, findBy: IDataObject = { findBy: 'msisdn', msisdn: '1001' }) => ({
	operation: 'update',
	...findBy,
	updateFields: { profile: JSON.stringify(profile) },
});
const upsert = (profile: IDataObject) => ({ operation: 'upsert', msisdn: '1001', passwordMode: 'set', sipPassword: PASSWORD, additionalFields: { profile: JSON.stringify(profile) } });

describe('Cloudonix profile writes with two writers in two processes', () => {
	it('Update of two different profile keys at once: both keys end up on the subscriber', async () => {
		const id = seedSubscriber();
		const [a, b] = await interleaved(
			id,
			async () => await here(update({ email: 'ann@example.com' })),
			async () => await there(update({ department: 'support' }, { findBy: 'id', subscriberId: String(id) })),
		);
		expect([statusOf(a), statusOf(b)]).toEqual(['success', 'success']);
		expect(profileOf('1001')).toEqual({ displayName: 'Ann Smith', team: 'sales', email: 'ann@example.com', department: 'support' });
		// Each reports the subscriber as read back, with its own change in it.
		expect(a.json(NODE)[0]).toMatchObject({ raw: { profile: { email: 'ann@example.com' } } });
	});

	it('Create or Update of two different profile keys at once: both keys end up on the subscriber', async () => {
		seedSubscriber();
		const [a, b] = await interleaved(
			Number(sandbox.byMsisdn('1001')!.id),
			async () => await here(upsert({ email: 'ann@example.com' })),
			async () => await there(upsert({ department: 'support' })),
		);
		expect([statusOf(a), statusOf(b)]).toEqual(['success', 'success']);
		expect(a.json(NODE)[0].action).toBe('updated');
		expect(profileOf('1001')).toEqual({ displayName: 'Ann Smith', team: 'sales', email: 'ann@example.com', department: 'support' });
	});
});

describe('Cloudonix profile writes that the PBX does not keep', () => {
	it('a change another writer keeps undoing fails the item clearly after a bounded number of writes', async () => {
		const id = seedSubscriber();
		// Another admin puts the old profile back after every write of ours.
		server.hook({
			method: 'PUT',
			path: new RegExp(`^${SUBSCRIBERS}/${id}$`),
			times: Infinity,
			beforeAnswer: () => void (sandbox.byMsisdn('1001')!.profile = { displayName: 'Ann Smith', team: 'sales' }),
		});
		const result = await here(update({ email: 'ann@example.com' }));
		expect(result.error?.message).toMatch(/^The change to the Cloudonix subscriber 1001 did not hold: after 5 writes/);
		expect(server.requests.filter((r) => r.method === 'PUT')).toHaveLength(5);
		expect(JSON.stringify(result.error)).not.toContain(PASSWORD);
	});

	it('a change that already holds writes nothing', async () => {
		seedSubscriber();
		const result = await here(update({ team: 'sales' }));
		expect(result.status).toBe('success');
		expect(server.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
	});
});
