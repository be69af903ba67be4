/**
 * 3CX read-modify-writes under concurrent writers (issue 21, point 1). PATCH /Users({Id}) with
 * Groups, Phones or ForwardingProfiles replaces what it names, and the spec offers no If-Match
 * for it, so two writers that read the same list can undo each other's change. The runs below
 * interleave two executions exactly with sandbox hooks: the other execution runs in a second
 * copy of the package (dev/harness/anotherProcess.ts), as a second queue-mode worker does, so
 * nothing this process keeps to itself can order them; or inside this process, where writes to
 * one user wait for each other; or the PBX itself undoes a change (an admin in the console).
 */
import type { IDataObject } from 'n8n-workflow';

import { anotherProcess } from '../../dev/harness/anotherProcess';
import type { WorkflowResult } from '../../dev/harness/engine';
import { interleaved as interleave } from '../../dev/harness/interleave';
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { threeCx } from '../../dev/harness/vendors';
import type { SandboxRequest } from '../../dev/sandbox/core';
import { groupMembership } from '../../dev/sandbox/threecx/departments';
import { locator, NODE } from './helpers';

const { sandbox, server, current } = sandboxPerTest(threeCx, { seed: 12, typeVersion: 3 });
const otherProcess = anotherProcess();

const SALES = 2;
const SUPPORT = 3;
const OPS = 4;
const MAC_A = '805ec0000001';
const MAC_B = '805ec0000002';
const TEMPLATE = 'yealinkT4x.ph.xml';

const userPath = (id: number) => new RegExp(`^/xapi/v1/Users\\(${id}\\)$`);
const departmentsOf = (id: number) => sandbox.state.users.get(id)!.Groups.map((m) => m.GroupId).sort();
const phonesOf = (id: number) => sandbox.state.users.get(id)!.Phones.map((p) => p.MacAddress).sort();
const patches = () => server.requests.filter((r) => r.method === 'PATCH');
/** The methods of the requests for user `id` itself (its reads and writes), in the order they came. */
const userRequests = (id: number) => server.requests.filter((r) => userPath(id).test(r.path)).map((r) => r.method);
const membershipRead = (req: SandboxRequest) => String(req.query.$expand ?? '').startsWith('Groups');
const phonesRead = (req: SandboxRequest) => req.query.$expand === 'Phones';

/** An execution of this process: Items → 3CX with these parameters. */
const here = async (parameters: IDataObject, continueOnFail = false) => await current().run(parameters, { continueOnFail });
/** The same in the other process, on the same credential (one database in queue mode). */
const there = async (parameters: IDataObject) => await otherProcess.runWorkflow(current().workflow(parameters), current().store);

/** Two writers of user `id`'s list, interleaved exactly (dev/harness/interleave.ts). */
async function interleaved(
	id: number,
	isRead: (req: SandboxRequest) => boolean,
	first: () => Promise<WorkflowResult>,
	second: () => Promise<WorkflowResult>,
): Promise<[WorkflowResult, WorkflowResult]> {
	const path = userPath(id);
	const run = await interleave(server, { write: { method: 'PATCH', path }, read: { path, when: isRead } }, first, second);
	expect(run.steps).toEqual([1, 1, 1]);
	return [run.first, run.second];
}

const statusOf = (result: WorkflowResult) => result.error?.message ?? result.status;

describe('3CX department membership with two writers in two processes', () => {
	it('Add to Support and Add to Ops at once: both memberships end up on the PBX', async () => {
		const [support, ops] = await interleaved(
			2,
			membershipRead,
			async () => await here({ operation: 'addToDepartment', user: locator('id', '2'), departmentId: SUPPORT }),
			async () => await there({ operation: 'addToDepartment', user: locator('id', '2'), departmentId: OPS }),
		);
		expect([statusOf(support), statusOf(ops)]).toEqual(['success', 'success']);
		expect(departmentsOf(2)).toEqual([SALES, SUPPORT, OPS]);
		// Each reports what it read back, with its own change in it.
		expect((support.json(NODE)[0].departments as IDataObject[]).map((d) => d.id)).toEqual(expect.arrayContaining([SUPPORT]));
		expect((ops.json(NODE)[0].departments as IDataObject[]).map((d) => d.id)).toEqual(expect.arrayContaining([OPS]));
	});

	it.each([
		['Add to Support, then Remove From Sales', { operation: 'addToDepartment', departmentId: SUPPORT }, { operation: 'removeFromDepartment', departmentId: SALES }],
		['Remove From Sales, then Add to Support', { operation: 'removeFromDepartment', departmentId: SALES }, { operation: 'addToDepartment', departmentId: SUPPORT }],
	])('%s at once: both take effect, and the user keeps Ops', async (_name, first, second) => {
		sandbox.state.users.get(2)!.Groups = [groupMembership(sandbox.state, SALES), groupMembership(sandbox.state, OPS)];
		const [a, b] = await interleaved(
			2,
			membershipRead,
			async () => await here({ ...first, user: locator('id', '2') }),
			async () => await there({ ...second, user: locator('id', '2') }),
		);
		expect([statusOf(a), statusOf(b)]).toEqual(['success', 'success']);
		expect(departmentsOf(2)).toEqual([SUPPORT, OPS]);
	});
});

describe('3CX phones with two writers in two processes', () => {
	it('two phone assignments at once: the user has both phones', async () => {
		const [a, b] = await interleaved(
			2,
			phonesRead,
			async () => await here({ resource: 'phone', operation: 'assign', user: locator('id', '2'), macAddress: MAC_A, templateName: TEMPLATE }),
			async () => await there({ resource: 'phone', operation: 'assign', user: locator('id', '2'), macAddress: MAC_B, templateName: TEMPLATE }),
		);
		expect([statusOf(a), statusOf(b)]).toEqual(['success', 'success']);
		expect(phonesOf(2)).toEqual([MAC_A, MAC_B]);
	});

	it('a phone removed while another is assigned: the one is gone, the other there', async () => {
		await here({ resource: 'phone', operation: 'assign', user: locator('id', '2'), macAddress: MAC_A, templateName: TEMPLATE });
		server.clearLog();
		const [a, b] = await interleaved(
			2,
			phonesRead,
			async () => await here({ resource: 'phone', operation: 'remove', user: locator('id', '2'), phonesToRemove: 'mac', macAddress: MAC_A }),
			async () => await there({ resource: 'phone', operation: 'assign', user: locator('id', '2'), macAddress: MAC_B, templateName: TEMPLATE }),
		);
		expect([statusOf(a), statusOf(b)]).toEqual(['success', 'success']);
		expect(phonesOf(2)).toEqual([MAC_B]);
	});
});

describe('3CX read-modify-writes in one process', () => {
	it('four executions adding four departments at once: all four memberships hold', async () => {
		sandbox.state.groups.push({ ...sandbox.state.groups[3], Id: 5, Name: 'Warehouse', Number: 'GRP0004' });
		const departments = [1, SUPPORT, OPS, 5];
		const results = await Promise.all(departments.map(async (departmentId) => await here({ operation: 'addToDepartment', user: locator('id', '2'), departmentId })));
		expect(results.map(statusOf)).toEqual(['success', 'success', 'success', 'success']);
		expect(departmentsOf(2)).toEqual([1, SALES, SUPPORT, OPS, 5]);
		// Each one read, wrote and read back before the next one read.
		expect(userRequests(2)).toEqual(Array(4).fill(['GET', 'PATCH', 'GET']).flat());
	});

	it('two executions assigning two phones at once: both phones, and the writes did not interleave', async () => {
		const results = await Promise.all(
			[MAC_A, MAC_B].map(async (macAddress) => await here({ resource: 'phone', operation: 'assign', user: locator('id', '2'), macAddress, templateName: TEMPLATE })),
		);
		expect(results.map(statusOf)).toEqual(['success', 'success']);
		expect(phonesOf(2)).toEqual([MAC_A, MAC_B]);
		expect(userRequests(2)).toEqual(['GET', 'PATCH', 'GET', 'GET', 'PATCH', 'GET']);
	});
});

describe('3CX: no success for a change the PBX does not hold', () => {
	const undoSupport = () => {
		const user = sandbox.state.users.get(2)!;
		user.Groups = user.Groups.filter((m) => m.GroupId !== SUPPORT);
	};

	it('a change undone once after the write is written again from fresh data', async () => {
		const undo = server.hook({ method: 'PATCH', path: userPath(2), beforeAnswer: undoSupport });
		const result = await here({ operation: 'addToDepartment', user: locator('id', '2'), departmentId: SUPPORT });
		expect(undo.ran).toBe(1);
		expect(statusOf(result)).toBe('success');
		expect(departmentsOf(2)).toEqual([SALES, SUPPORT]);
		expect(patches()).toHaveLength(2);
	});

	it('a write whose answer was lost is read back: applied, it is a success and not written again', async () => {
		server.injectFault({ method: 'PATCH', path: 'Users(2)', dropAfterHandling: true });
		const result = await here({ operation: 'addToDepartment', user: locator('id', '2'), departmentId: SUPPORT });
		expect(statusOf(result)).toBe('success');
		expect(result.json(NODE)[0]).toMatchObject({ changed: true });
		expect(departmentsOf(2)).toEqual([SALES, SUPPORT]);
		expect(patches()).toHaveLength(1);
	});

	it('a write the PBX refused stays an error, with the PBX\'s message', async () => {
		server.injectFault({ method: 'PATCH', path: 'Users(2)', status: 400, body: { error: { code: '', message: 'Groups: WARNINGS.XAPI.FORBIDDEN_CHANGE' } } });
		const result = await here({ operation: 'addToDepartment', user: locator('id', '2'), departmentId: SUPPORT });
		expect(result.error?.message).toBe('3CX request failed (HTTP 400): Groups: WARNINGS.XAPI.FORBIDDEN_CHANGE');
		expect(departmentsOf(2)).toEqual([SALES]);
	});

	it('a change undone after every write fails the item after 5 writes, naming the user', async () => {
		const undo = server.hook({ method: 'PATCH', path: userPath(2), times: Infinity, beforeAnswer: undoSupport });
		const result = await here({ operation: 'addToDepartment', user: locator('id', '2'), departmentId: SUPPORT }, true);
		expect(undo.ran).toBe(5);
		expect(result.json(NODE)).toEqual([
			expect.objectContaining({
				error: 'The change to the departments of user 2 (member of department 3 as users) did not hold: after 5 writes the PBX still does not show it (item 0)',
			}),
		]);
		expect(departmentsOf(2)).toEqual([SALES]);
	});

	it('a phone removed again by another writer after each assignment fails the item', async () => {
		server.hook({
			method: 'PATCH',
			path: userPath(2),
			times: Infinity,
			beforeAnswer: () => {
				sandbox.state.users.get(2)!.Phones = [];
			},
		});
		const result = await here({ resource: 'phone', operation: 'assign', user: locator('id', '2'), macAddress: MAC_A, templateName: TEMPLATE });
		expect(result.error?.message).toBe(`The change to the phones of user 2 (${MAC_A} with ${TEMPLATE}) did not hold: after 5 writes the PBX still does not show it (item 0)`);
		expect(patches()).toHaveLength(5);
	});

	it('a forward changed back by another writer is written again; one that never holds fails the item', async () => {
		const parameters = { operation: 'setForwarding', user: locator('id', '2'), destinationType: 'extension', destinationNumber: '105', profiles: ['Available'] };
		const resetAvailable = () => {
			const profile = sandbox.state.users.get(2)!.ForwardingProfiles.find((p) => p.Name === 'Available')!;
			(profile.AwayRoute as IDataObject).Internal = { To: 'VoiceMail', Number: '101', External: null, Name: null };
		};
		const once = server.hook({ method: 'PATCH', path: userPath(2), beforeAnswer: resetAvailable });
		const converged = await here(parameters);
		expect([once.ran, statusOf(converged)]).toEqual([1, 'success']);
		expect(patches()).toHaveLength(2);

		server.clearLog();
		server.hook({ method: 'PATCH', path: userPath(2), times: Infinity, beforeAnswer: resetAvailable });
		const contested = await here({ ...parameters, destinationNumber: '106' });
		expect(contested.error?.message).toBe('The change to the forwarding of user 2 (Available to Extension 106) did not hold: after 5 writes the PBX still does not show it (item 0)');
		expect(patches()).toHaveLength(5);
	});
});
