/**
 * 3CX departments (XAPI Groups): Get Many, Get, Create, Update, Delete, Get Members, and the
 * user's Add to Department / Remove From Department (read-modify-write of Users.Groups).
 */
import type { IDataObject } from 'n8n-workflow';

import { getPhoneTemplates } from '../../nodes/ThreeCx/methods/loadOptions';
import type { RunOptions } from '../../dev/harness/sandboxPerTest';
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { threeCx } from '../../dev/harness/vendors';
import { locator, loadOptionsContext, NODE } from './helpers';

const { sandbox, run, current } = sandboxPerTest(threeCx, { seed: 12, typeVersion: 2 });
const apiCalls = (method: string) => sandbox.server.requests.filter((r) => r.method === method && r.path.startsWith('/xapi/v1'));
const dept = (parameters: IDataObject, options?: RunOptions) => run({ resource: 'department', ...parameters }, options);

describe('3CX Department: Get Many, Get', () => {
	it('pages departments under the $top cap on a stable order', async () => {
		for (let i = 0; i < 130; i++) sandbox.state.groups.push({ ...sandbox.state.groups[1], Id: 10 + i, Name: `Team ${String(i).padStart(3, '0')}`, Number: `GRP${1000 + i}` });
		const result = await dept({ operation: 'getMany', returnAll: true, options: { orderby: 'Name desc' } });
		const names = result.json(NODE).map((g) => g.Name);
		expect(names).toHaveLength(134);
		expect(names[0]).toBe('Team 129');
		expect(new Set(names).size).toBe(134);
		const gets = apiCalls('GET');
		expect(gets.map((r) => [r.query.$top, r.query.$skip, r.query.$orderby])).toEqual([
			['100', '0', 'Name desc,Id'],
			['100', '100', 'Name desc,Id'],
		]);
	});

	it('gets one department with its members expanded, without OData annotations', async () => {
		const result = await dept({ operation: 'get', departmentId: 2, options: { expand: 'Members' } });
		const [group] = result.json(NODE);
		expect(group).toMatchObject({ Id: 2, Name: 'Sales', Number: 'GRP0001', HasMembers: true });
		expect(Object.keys(group).some((k) => k.startsWith('@odata'))).toBe(false);
		expect((group.Members as object[]).length).toBe(3);
	});

	it('rejects a department ID that is not a number before any request', async () => {
		const result = await dept({ operation: 'get', departmentId: 'Sales' });
		expect(result.error?.message).toBe('"Department Name or ID" must be a 3CX department (group) ID, a positive whole number, in item 0; got "Sales"');
		expect(apiCalls('GET')).toHaveLength(0);
	});

	it('a missing department is a 404 with the PBX warning', async () => {
		const result = await dept({ operation: 'get', departmentId: 77 });
		expect(result.error?.message).toBe('3CX request failed (HTTP 404): Id: WARNINGS.XAPI.NOT_FOUND');
	});
});

describe('3CX Department: Create, Update, Delete, Get Members', () => {
	it('creates a department; the PBX assigns the number', async () => {
		const result = await dept({ operation: 'create', name: 'Marketing', additionalFields: { Language: 'DE', additionalJson: '{"GloballyVisible": true}' } });
		expect(result.json(NODE)[0]).toMatchObject({ Id: 5, Name: 'Marketing', Number: 'GRP0004', Language: 'DE', GloballyVisible: true });
		expect(JSON.parse(apiCalls('POST')[0].text)).toEqual({ GloballyVisible: true, Language: 'DE', Name: 'Marketing' });
	});

	it('a duplicate name is refused by the PBX; an empty name and Members in JSON before any request', async () => {
		const duplicate = await dept({ operation: 'create', name: 'sales' });
		expect(duplicate.error?.message).toBe('3CX request failed (HTTP 400): Name: WARNINGS.XAPI.ALREADY_IN_USE');
		sandbox.server.clearLog();
		const empty = await dept({ operation: 'create', name: '  ' });
		expect(empty.error?.message).toBe('"Name" is empty in item 0');
		const members = await dept({ operation: 'create', name: 'X', additionalFields: { additionalJson: '{"Members": []}' } });
		expect(members.error?.message).toBe('"Members" cannot be set here (item 0)');
		expect(apiCalls('POST')).toHaveLength(0);
	});

	it('a POST that fails with a 5xx is not repeated', async () => {
		sandbox.server.injectFault({ method: 'POST', path: '/Groups', status: 503 });
		const result = await dept({ operation: 'create', name: 'Marketing' });
		expect(result.status).toBe('error');
		expect(apiCalls('POST')).toHaveLength(1);
		expect(sandbox.state.groups.some((g) => g.Name === 'Marketing')).toBe(false);
	});

	it('updates a department and outputs it as stored; the number cannot change', async () => {
		const result = await dept({ operation: 'update', departmentId: 3, updateFields: { Name: 'Customer Care', TimeZoneId: '52' } });
		expect(result.json(NODE)[0]).toMatchObject({ Id: 3, Name: 'Customer Care', TimeZoneId: '52', Number: 'GRP0002' });
		const renumber = await dept({ operation: 'update', departmentId: 3, updateFields: { additionalJson: '{"Number": "GRP9"}' } });
		expect(renumber.error?.message).toBe('3CX request failed (HTTP 400): Number: WARNINGS.XAPI.FORBIDDEN_CHANGE');
		const nothing = await dept({ operation: 'update', departmentId: 3, updateFields: {} });
		expect(nothing.error?.message).toBe('Nothing to update in item 0: add at least one field under "Update Fields"');
	});

	it('deletes an empty department; the PBX refuses one with members and the default one', async () => {
		const created = await dept({ operation: 'create', name: 'Temp' });
		const id = created.json(NODE)[0].Id;
		expect((await dept({ operation: 'delete', departmentId: id })).json(NODE)).toEqual([{ id, deleted: true }]);
		const withMembers = await dept({ operation: 'delete', departmentId: 2 });
		expect(withMembers.error?.message).toBe('3CX request failed (HTTP 400): Members: WARNINGS.GROUP_WITH_MEMBERS_CANNOT_BE_DELETED');
		const defaultGroup = await dept({ operation: 'delete', departmentId: 1 });
		expect(defaultGroup.error?.message).toBe('3CX request failed (HTTP 400): Id: WARNINGS.GROUP_CANNOT_BE_DELETED');
		expect(sandbox.state.groups.map((g) => g.Id)).toEqual([1, 2, 3, 4]);
	});

	it('gets the members with their roles, ordered by number', async () => {
		const result = await dept({ operation: 'getMembers', departmentId: 2, returnAll: true });
		const members = result.json(NODE);
		expect(members.map((m) => [m.departmentId, m.Number, (m.Rights as { RoleName: string }).RoleName])).toEqual([
			[2, '101', 'users'],
			[2, '105', 'users'],
			[2, '109', 'users'],
		]);
		expect(members.map((m) => m.MemberName)).toEqual(['101', '105', '109'].map((n) => sandbox.state.users.get(Number(n) - 99)!.DisplayName));
		expect(apiCalls('GET')[0].query).toMatchObject({ $orderby: 'Number,Id', $expand: 'Rights', $top: '100' });
	});
});

describe('3CX user: Add to Department, Remove From Department', () => {
	it('adds a membership and keeps the others (read-modify-write of Groups)', async () => {
		const result = await run({ operation: 'addToDepartment', user: locator('number', '101'), departmentId: 3, roleName: 'managers' });
		expect(result.json(NODE)[0]).toEqual({
			id: '2',
			number: '101',
			changed: true,
			departments: [
				{ id: 2, name: 'Sales', number: 'GRP0001', role: 'users' },
				{ id: 3, name: 'Support', number: 'GRP0002', role: 'managers' },
			],
		});
		const patch = apiCalls('PATCH')[0];
		expect(patch.path).toBe('/xapi/v1/Users(2)');
		expect(JSON.parse(patch.text)).toEqual({
			Groups: [
				{ GroupId: 2, Rights: { RoleName: 'users' } },
				{ GroupId: 3, Rights: { RoleName: 'managers' } },
			],
		});
		expect(apiCalls('GET').map((r) => r.query.$expand)).toEqual([undefined, 'Groups($expand=Rights)', 'Groups($expand=Rights)']);
	});

	it('changes the role of an existing membership, and leaves a same-role member alone', async () => {
		const promote = await run({ operation: 'addToDepartment', user: locator('id', '2'), departmentId: 2, roleName: 'group_admins' });
		expect(promote.json(NODE)[0]).toMatchObject({ changed: true, departments: [{ id: 2, role: 'group_admins' }] });
		sandbox.server.clearLog();
		const again = await run({ operation: 'addToDepartment', user: locator('id', '2'), departmentId: 2, roleName: 'group_admins' });
		expect(again.json(NODE)[0]).toMatchObject({ changed: false });
		expect(apiCalls('PATCH')).toHaveLength(0);
	});

	it('removes one membership and keeps the others; a non-member is left alone', async () => {
		await run({ operation: 'addToDepartment', user: locator('id', '2'), departmentId: 4 });
		const removed = await run({ operation: 'removeFromDepartment', user: locator('id', '2'), departmentId: 2 });
		expect(removed.json(NODE)[0]).toMatchObject({ changed: true, departments: [{ id: 4, name: 'Ops & Field', role: 'users' }] });
		sandbox.server.clearLog();
		const notMember = await run({ operation: 'removeFromDepartment', user: locator('id', '2'), departmentId: 3 });
		expect(notMember.json(NODE)[0]).toMatchObject({ changed: false });
		expect(apiCalls('PATCH')).toHaveLength(0);
	});

	it('refuses to write memberships when the PBX answered without roles', async () => {
		sandbox.server.injectFault({ method: 'GET', path: 'Users(2)', status: 200, body: { Id: 2, Number: '101', Groups: [{ GroupId: 2 }] } });
		const result = await run({ operation: 'addToDepartment', user: locator('id', '2'), departmentId: 3 });
		expect(result.error?.message).toBe('The PBX answered without the role of a department membership of user 2; memberships were not changed');
		expect(apiCalls('PATCH')).toHaveLength(0);
	});

	it('an unknown department is refused by the PBX; a bad department ID before any request', async () => {
		const unknown = await run({ operation: 'addToDepartment', user: locator('id', '2'), departmentId: 99 });
		expect(unknown.error?.message).toBe('3CX request failed (HTTP 400): Groups: WARNINGS.XAPI.NOT_FOUND');
		sandbox.server.clearLog();
		const bad = await run({ operation: 'removeFromDepartment', user: locator('id', '2'), departmentId: '={{ "x" }}' });
		expect(bad.error?.message).toContain('"Department Name or ID" must be a 3CX department (group) ID');
		expect(sandbox.server.requests).toHaveLength(0);
	});
});

describe('3CX phone templates dropdown', () => {
	it('lists templates without $orderby (ListPhoneTemplate offers none), sorted by name', async () => {
		const options = await getPhoneTemplates.call(loadOptionsContext(current(), {}, 'parameters.templateName'));
		expect(options.map((o) => o.value)).toEqual(['fanvil.ph.xml', 'snomD7xx.ph.xml', 'yealinkT4x.ph.xml']);
		expect(sandbox.server.requests.at(-1)!.query).toEqual({ $top: '100', $skip: '0', $count: 'true' });
	});
});
