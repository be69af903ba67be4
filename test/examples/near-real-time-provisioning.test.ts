/**
 * The near-real-time provisioning example as a user imports it: the 3CX Trigger polled
 * through n8n-core's PollContext, its events run through the Switch to Cloudonix, against
 * the 3CX and Cloudonix sandboxes.
 */
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import * as vendors from '../../dev/harness/vendors';
import { CredentialStore } from '../../dev/harness/credentials';
import { readExample, withCredentials } from '../../dev/harness/examples';
import { PollRunner } from '../../dev/harness/poll';

const FILE = 'near-real-time-provisioning.json';
const TRIGGER = '3CX Extension Changed';
const threeCx = sandboxPerTest(vendors.threeCx).sandbox;
// Cloudonix's real limit (10 requests per 3 s); the example paces itself with its defaults.
const cloudonix = sandboxPerTest(vendors.cloudonix).sandbox;

function setup() {
	threeCx.reset();
	cloudonix.reset();
	const users = threeCx.seedUsers(10);
	// Cloudonix already has a subscriber for every extension (last night's full sync).
	for (const user of users) cloudonix.add(user.Number, `Seed-${user.Number}-Pw9x`, { displayName: `${user.FirstName} ${user.LastName}` });
	const store = new CredentialStore();
	const workflow = withCredentials(readExample(FILE), {
		threeCxApi: store.add('threeCxApi', threeCx.credentials() as never, '3CX API account'),
		cloudonixApi: store.add('cloudonixApi', cloudonix.credentials(), 'Cloudonix API account'),
	});
	return { users, poller: new PollRunner(workflow, store, TRIGGER) };
}

describe('example: near-real-time provisioning (3CX Trigger → Switch → Cloudonix)', () => {
	it('creates, updates and deactivates subscribers as 3CX extensions change between polls', async () => {
		const { users, poller } = setup();
		const baseline = await poller.poll();
		expect(baseline).toEqual({ items: null });
		expect(cloudonix.server.requests).toEqual([]);

		const [hire] = threeCx.seedUsers(1, 150);
		users[0].FirstName = 'Annabel';
		users[0].DisplayName = `Annabel ${users[0].LastName}`;
		users[1].Enabled = false;
		users[2].IsRegistered = !users[2].IsRegistered; // registration is not watched
		threeCx.state.users.delete(users[3].Id);

		const result = await poller.poll();
		expect(result.error).toBeUndefined();
		expect(result.items!.map((item) => [item.event, (item.extension as { number: string }).number])).toEqual([
			['created', hire.Number],
			['updated', users[0].Number],
			['updated', users[1].Number],
			['deleted', users[3].Number],
		]);
		const run = result.run!;
		expect(run.status).toBe('success');
		expect(run.json('Switch on Event', 0)).toHaveLength(1);
		expect(run.json('Switch on Event', 1)).toHaveLength(2);
		expect(run.json('Switch on Event', 2)).toHaveLength(1);

		const created = cloudonix.byMsisdn(hire.Number)!;
		expect(created).toMatchObject({ active: true, profile: { displayName: `${hire.FirstName} ${hire.LastName}` } });
		expect(cloudonix.byMsisdn(users[0].Number)!.profile.displayName).toBe(`Annabel ${users[0].LastName}`);
		expect(cloudonix.byMsisdn(users[1].Number)!.active).toBe(false);
		expect(cloudonix.byMsisdn(users[2].Number)!.active).toBe(true);
		// Deactivated, not deleted.
		expect(cloudonix.byMsisdn(users[3].Number)!.active).toBe(false);
		expect(cloudonix.state.subscribers.size).toBe(11);
		// The generated SIP password is not in the execution data.
		expect(JSON.stringify(run.run.data)).not.toContain(created.sipPassword);

		// Nothing changed since: the next poll starts no run.
		expect(await poller.poll()).toEqual({ items: null });
	});

	it('a 3CX outage starts no run and the changes arrive with the next good poll', async () => {
		const { users, poller } = setup();
		await poller.poll();
		threeCx.state.users.delete(users[0].Id);
		threeCx.server.injectFault({ path: '/xapi/v1/Users', status: 403, times: 3 });
		const failed = await poller.poll();
		expect(failed.run).toBeUndefined();
		expect(failed.error?.message).toMatch(/Could not read the 3CX extension list/);
		expect(cloudonix.byMsisdn(users[0].Number)!.active).toBe(true);

		threeCx.server.clearFaults();
		const next = await poller.poll();
		expect(next.run?.status).toBe('success');
		expect(cloudonix.byMsisdn(users[0].Number)!.active).toBe(false);
	});
});
