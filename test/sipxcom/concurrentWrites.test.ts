/**
 * sipXcom Update under concurrent writers (issue 21, point 1): `PUT /user/{id}` replaces groups,
 * branch and aliases with what it is sent, so Update reads the user and sends it back with the
 * chosen fields. Two updates of one user, the other in a second copy of the package (as a second
 * queue-mode worker), interleaved exactly (dev/harness/interleave.ts).
 */
import type { IDataObject } from 'n8n-workflow';

import { anotherProcess } from '../../dev/harness/anotherProcess';
import { interleaved } from '../../dev/harness/interleave';
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { sipXcom } from '../../dev/harness/vendors';

const { sandbox, server, current } = sandboxPerTest(sipXcom, { options: { users: 0, phones: 0 }, seed: 3 });
const otherProcess = anotherProcess();

const user1 = /^\/sipxconfig\/rest\/user\/1$/;
const here = async (updateFields: IDataObject) => await current().run({ resource: 'user', operation: 'update', userId: '1', updateFields });
const there = async (updateFields: IDataObject) =>
	await otherProcess.runWorkflow(current().workflow({ resource: 'user', operation: 'update', userId: '1', updateFields }), current().store);
const statusOf = (result: { status: string; error?: Error }) => result.error?.message ?? result.status;

describe('sipXcom Update with two writers in two processes', () => {
	it('a new last name and new aliases at once: both end up on the PBX', async () => {
		const run = await interleaved(
			server,
			{ write: { method: 'PUT', path: user1 }, read: { path: user1 } },
			async () => await here({ lastName: 'Doe-Smith' }),
			async () => await there({ aliases: '2000, 2999' }),
		);
		expect(run.steps).toEqual([1, 1, 1]);
		expect([statusOf(run.first), statusOf(run.second)]).toEqual(['success', 'success']);
		expect(sandbox.state.users.get(1)).toMatchObject({ lastName: 'Doe-Smith', aliases: ['2000', '2999'] });
	});

	it('a group added while the first name changes: the user keeps both', async () => {
		const run = await interleaved(
			server,
			{ write: { method: 'PUT', path: user1 }, read: { path: user1 } },
			async () => await here({ groupIds: [1, 2] }),
			async () => await there({ firstName: 'Johnny' }),
		);
		expect([statusOf(run.first), statusOf(run.second)]).toEqual(['success', 'success']);
		expect(sandbox.state.users.get(1)).toMatchObject({ firstName: 'Johnny', groupIds: [1, 2] });
	});

	it('a change another writer undoes after every write fails the item after 5 writes', async () => {
		const undo = server.hook({ method: 'PUT', path: user1, times: Infinity, beforeAnswer: () => void (sandbox.state.users.get(1)!.lastName = 'Doe') });
		const result = await here({ lastName: 'Doe-Smith' });
		expect(undo.ran).toBe(5);
		expect(result.error?.message).toBe('The change to user 1 did not hold: after 5 writes the PBX still does not show it (item 0)');
	});

	it('a PIN alone is written once: sipXconfig never shows it, so it counts as done when written', async () => {
		const result = await here({ pin: '80211' });
		expect(statusOf(result)).toBe('success');
		expect(server.count('PUT', '/rest/user/1')).toBe(1);
		expect(sandbox.state.users.get(1)!.pin).toBe('80211');
	});
});
