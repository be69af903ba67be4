/**
 * Options › Dry Run on every 3CX write operation and Options › Only If Unchanged on its updates
 * and deletes, each through a real workflow run against the sandbox, whose request log proves
 * that no write reached the PBX (the token request is the login every read needs too).
 */
import type { IDataObject } from 'n8n-workflow';

import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { threeCx } from '../../dev/harness/vendors';
import { locator, NODE } from './helpers';

const { sandbox, server, run } = sandboxPerTest(threeCx, { seed: 12, typeVersion: 3 });

beforeEach(() => {
	sandbox.addQueue({ Name: 'Support', Number: '800', agents: ['100', '101'] });
	sandbox.addRingGroup({ Name: 'Reception', Number: '801', members: ['101', '102'] });
});

const apiWrites = () => server.requests.filter((request) => request.method !== 'GET' && request.path.startsWith('/xapi/'));

type Row = [resource: string, operation: string, parameters: IDataObject, action: string, items: IDataObject[] | undefined];

const ROWS: Row[] = [
	['user', 'create', { Number: '555', additionalFields: { FirstName: 'Dry' } }, 'create', undefined],
	['user', 'update', { user: locator('number', '101'), updateFields: { FirstName: 'Changed' } }, 'update', undefined],
	['user', 'delete', { user: locator('number', '102') }, 'delete', undefined],
	['user', 'addToDepartment', { user: locator('id', '2'), departmentId: 3 }, 'addToDepartment', undefined],
	['user', 'removeFromQueuesAndRingGroups', { user: locator('number', '101') }, 'removeFromQueuesAndRingGroups', undefined],
	['user', 'sendWelcomeEmail', { user: locator('number', '103') }, 'sendWelcomeEmail', undefined],
	['user', 'regenerate', { user: locator('number', '102'), regenerate: ['SipAuth'], sendWelcomeEmail: false }, 'regenerate', undefined],
	['user', 'setForwarding', { user: locator('id', '2'), destinationType: 'extension', destinationNumber: '105', profiles: ['Available'] }, 'setForwarding', undefined],
	['user', 'batchDelete', { idSource: 'list', ids: '[3, 4]' }, 'batchDelete', undefined],
	['user', 'updateMany', { idSource: 'inputItems', idField: 'id', updateFields: { Enabled: false } }, 'updateMany', [{ id: 3 }, { id: 4 }]],
	['user', 'regenerateMany', { idSource: 'inputItems', idField: 'id', regenerate: ['SipAuth'], sendWelcomeEmail: false }, 'regenerateMany', [{ id: 3 }]],
	['user', 'reprovisionAllPhones', { idSource: 'list', ids: '[3]' }, 'reprovisionAllPhones', undefined],
	['department', 'create', { name: 'Marketing' }, 'create', undefined],
	['department', 'update', { departmentId: 3, updateFields: { Name: 'Customer Care' } }, 'update', undefined],
	['department', 'delete', { departmentId: 3 }, 'delete', undefined],
	['queue', 'create', { Name: 'Night', numberSource: 'specific', Number: '810' }, 'create', undefined],
	['queue', 'update', { queue: locator('number', '800'), updateFields: { Name: 'Front Desk' } }, 'update', undefined],
	['queue', 'delete', { queue: locator('number', '800') }, 'delete', undefined],
	['queue', 'addAgent', { queue: locator('number', '800'), user: locator('number', '103') }, 'addAgent', undefined],
	['queue', 'removeAgent', { queue: locator('number', '800'), user: locator('number', '101') }, 'removeAgent', undefined],
	['ringGroup', 'create', { Name: 'Night', numberSource: 'specific', Number: '811' }, 'create', undefined],
	['ringGroup', 'update', { ringGroup: locator('number', '801'), updateFields: { Name: 'Front Desk' } }, 'update', undefined],
	['ringGroup', 'delete', { ringGroup: locator('number', '801') }, 'delete', undefined],
	['ringGroup', 'addMember', { ringGroup: locator('number', '801'), user: locator('number', '103') }, 'addMember', undefined],
	['ringGroup', 'removeMember', { ringGroup: locator('number', '801'), user: locator('number', '101') }, 'removeMember', undefined],
	['phone', 'assign', { user: locator('number', '101'), macAddress: '80:5E:C0:11:22:33', templateName: 'yealinkT4x.ph.xml' }, 'assign', undefined],
];

describe('3CX Dry Run: every write operation plans and sends no write', () => {
	it.each(ROWS)('%s › %s', async (resource, operation, parameters, action, items) => {
		const result = await run({ resource, operation, ...parameters, options: { dryRun: true } }, items ? { items } : undefined);
		expect(result.error?.message).toBeUndefined();
		const output = result.json(NODE);
		expect(output.length).toBeGreaterThan(0);
		for (const plan of output) {
			expect(plan).toMatchObject({ dryRun: true, action, requests: [expect.objectContaining({ method: expect.stringMatching(/POST|PATCH|PUT|DELETE/) })] });
		}
		expect(apiWrites()).toEqual([]);
	});

	it('Update: the changed fields from the user as read, and the user as the target', async () => {
		const before = sandbox.state.users.get(2)!;
		const result = await run({ resource: 'user', operation: 'update', user: locator('id', '2'), updateFields: { FirstName: 'Changed' }, options: { dryRun: true } });
		expect(result.json(NODE)).toEqual([
			{
				dryRun: true,
				action: 'update',
				target: { number: before.Number, id: '2' },
				requests: [{ method: 'PATCH', path: '/xapi/v1/Users(2)', body: { FirstName: 'Changed' } }],
				changes: [{ field: 'FirstName', from: before.FirstName, to: 'Changed' }],
			},
		]);
		expect(apiWrites()).toEqual([]);
	});

	it('a missing user and the Maximum Users guard fail as in a real run', async () => {
		const missing = await run({ resource: 'user', operation: 'delete', user: locator('id', '999'), options: { dryRun: true } });
		expect(missing.status).toBe('error');
		const guarded = await run({ resource: 'user', operation: 'updateMany', idSource: 'list', ids: '[3, 4, 5]', maxUsers: 2, updateFields: { Enabled: false }, options: { dryRun: true } });
		expect(guarded.error?.message).toBe('Refusing to update 3 users in one run: "Maximum Users" is 2');
		expect(apiWrites()).toEqual([]);
	});
});

describe('3CX Only If Unchanged', () => {
	const ROWS_UNCHANGED: Array<[string, string, IDataObject, () => IDataObject, string]> = [
		['user', 'update', { user: locator('id', '2'), updateFields: { FirstName: 'Changed' } }, () => ({ name: userName(2) }), 'PATCH'],
		['user', 'delete', { user: locator('id', '2') }, () => ({ name: userName(2) }), 'DELETE'],
		['queue', 'update', { queue: locator('number', '800'), updateFields: { Name: 'Front Desk' } }, () => ({ Name: 'Support' }), 'PATCH'],
		['ringGroup', 'delete', { ringGroup: locator('number', '801') }, () => ({ Name: 'Reception' }), 'DELETE'],
		['department', 'update', { departmentId: 3, updateFields: { Name: 'Customer Care' } }, () => ({ Name: String(sandbox.state.groups.find((group) => group.Id === 3)!.Name) }), 'PATCH'],
	];

	function userName(id: number): string {
		const user = sandbox.state.users.get(id)!;
		return `${String(user.FirstName)} ${String(user.LastName)}`;
	}

	it.each(ROWS_UNCHANGED)('%s › %s: applied when unchanged', async (resource, operation, parameters, expected, method) => {
		const result = await run({ resource, operation, ...parameters, options: { onlyIfUnchanged: JSON.stringify(expected()) } });
		expect(result.error?.message).toBeUndefined();
		expect(apiWrites().map((request) => request.method)).toEqual([method]);
	});

	it.each(ROWS_UNCHANGED)('%s › %s: refused and not written when the PBX changed it after the node first read it', async (resource, operation, parameters, expected) => {
		const values = expected();
		const [field] = Object.keys(values);
		// Another writer changes the record while the node reads it the first time (the lookup or the check's read).
		server.hook({
			method: 'GET',
			path: /\/xapi\/v1\/(Users|Queues|RingGroups|Groups)/,
			before: () => {
				if (resource === 'user') sandbox.state.users.get(2)!.FirstName = 'Someone';
				else if (resource === 'department') sandbox.state.groups.find((group) => group.Id === 3)!.Name = 'Renamed';
				else for (const group of [...sandbox.state.queues, ...sandbox.state.ringGroups]) group.Name = 'Renamed';
			},
		});
		const result = await run({ resource, operation, ...parameters, options: { onlyIfUnchanged: values } }, { continueOnFail: true });
		const [refused] = result.json(NODE);
		expect(refused.error).toMatch(new RegExp(`^3CX .+ changed since it was compared: ${field} \\(was "${values[field] as string}", now "`));
		expect(apiWrites()).toEqual([]);
	});
});
