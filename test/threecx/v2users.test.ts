/**
 * 3CX node version 2: the user picker (list, extension number, ID) on Get, Update and Delete,
 * Create's explicit "Next Free Number", Get First Available Extension Number, and the list
 * search behind the picker. Version 1 keeps its parameters (test/threecx/users.test.ts).
 */
import { searchUsers } from '../../nodes/ThreeCx/methods/listSearch';
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { threeCx } from '../../dev/harness/vendors';
import { locator, loadOptionsContext, NODE } from './helpers';

const { sandbox, run, current } = sandboxPerTest(threeCx, { seed: 12 });
const apiCalls = (method: string) => sandbox.server.requests.filter((r) => r.method === method && r.path.startsWith('/xapi/v1'));

describe('3CX v2 user picker: Get, Update, Delete', () => {
	it('gets a user by extension number in one request (GetUserByNumber)', async () => {
		const result = await run({ operation: 'get', user: locator('number', '104') }, { typeVersion: 2 });
		expect(result.json(NODE)[0]).toMatchObject({ number: '104', id: '5', source: '3cx' });
		expect(apiCalls('GET').map((r) => r.path)).toEqual(["/xapi/v1/Users(Number='104')"]);
	});

	it('gets a user by ID and from the list (the list stores the ID)', async () => {
		const byId = await run({ operation: 'get', user: locator('id', ' 3 ') }, { typeVersion: 2 });
		const fromList = await run({ operation: 'get', user: locator('list', '3') }, { typeVersion: 2 });
		expect(byId.json(NODE)[0].number).toBe('102');
		expect(fromList.json(NODE)[0].number).toBe('102');
	});

	it('updates a user by extension number: looks up the ID, then PATCH /Users({Id})', async () => {
		const result = await run({ operation: 'update', user: locator('number', '105'), updateFields: { LastName: 'Neumann' } }, { typeVersion: 2 });
		expect(result.json(NODE)[0]).toMatchObject({ number: '105', lastName: 'Neumann' });
		const calls = sandbox.server.requests.filter((r) => r.path.startsWith('/xapi/v1')).map((r) => `${r.method} ${r.path}`);
		expect(calls).toEqual(["GET /xapi/v1/Users(Number='105')", 'PATCH /xapi/v1/Users(6)', 'GET /xapi/v1/Users(6)']);
		expect(sandbox.state.users.get(6)!.LastName).toBe('Neumann');
	});

	it('deletes a user by extension number and says which', async () => {
		const result = await run({ operation: 'delete', user: locator('number', '100') }, { typeVersion: 2 });
		expect(result.json(NODE)).toEqual([{ id: '1', number: '100', deleted: true }]);
		expect(sandbox.state.users.has(1)).toBe(false);
		expect(apiCalls('DELETE').map((r) => r.path)).toEqual(['/xapi/v1/Users(1)']);
	});

	it('an unknown extension number is a 404 before anything is changed', async () => {
		const result = await run({ operation: 'delete', user: locator('number', '999') }, { typeVersion: 2 });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('3CX request failed (HTTP 404): Number: WARNINGS.XAPI.NOT_FOUND');
		expect(apiCalls('DELETE')).toHaveLength(0);
		expect(sandbox.state.users.size).toBe(12);
	});

	it('rejects a bad ID or an empty number before any request, naming the parameter and item', async () => {
		// The editor's own check catches a typed '12a'; an expression result reaches the node's check.
		const badId = await run({ operation: 'delete', user: locator('id', "={{ '12a' }}") }, { typeVersion: 2 });
		expect(badId.error?.message).toBe('"User" must be a 3CX user ID (a positive whole number) in item 0, got "12a"');
		const empty = await run({ operation: 'update', user: locator('number', '={{ $json.missing }}'), updateFields: { LastName: 'X' } }, { typeVersion: 2 });
		expect(empty.error?.message).toBe('"User" (By Extension Number) is empty in item 0');
		const nothing = await run({ operation: 'update', user: locator('number', '101'), updateFields: {} }, { typeVersion: 2 });
		expect(nothing.error?.message).toBe('Nothing to update: add at least one field under "Update Fields"');
		expect(apiCalls('GET')).toHaveLength(0);
	});

	it('Continue On Fail: each item gets its own result or error', async () => {
		const items = [{ n: '101' }, { n: '998' }, { n: '' }];
		const result = await run({ operation: 'get', user: locator('number', '={{ $json.n }}') }, { items, continueOnFail: true, typeVersion: 2 });
		const out = result.json(NODE);
		expect(out[0].number).toBe('101');
		expect(out[1].error).toBe('3CX request failed (HTTP 404): Number: WARNINGS.XAPI.NOT_FOUND');
		expect(out[2].error).toBe('"User" (By Extension Number) is empty in item 2');
	});

	it('version 1 keeps its User ID parameter', async () => {
		const result = await run({ operation: 'delete', userId: '2' });
		expect(result.json(NODE)).toEqual([{ id: '2', deleted: true }]);
	});
});

describe('3CX v2 Create and Get First Available Extension Number', () => {
	it('an Extension Number expression that resolves to nothing is an error, not "any number"', async () => {
		const result = await run({ operation: 'create', numberSource: 'specific', Number: '={{ $json.extension }}', additionalFields: { FirstName: 'Nina' } }, { items: [{}], typeVersion: 2 });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('"Extension Number" is empty in item 0');
		expect(result.error?.description).toContain('Next Free Number');
		expect(apiCalls('POST')).toHaveLength(0);
	});

	it('Next Free Number asks the PBX first and creates the user with that number', async () => {
		sandbox.state.users.delete(4); // 103 becomes free
		const result = await run({ operation: 'create', numberSource: 'nextFree', additionalFields: { FirstName: 'Nina', LastName: 'Neu' } }, { typeVersion: 2 });
		expect(result.json(NODE)[0]).toMatchObject({ number: '103', firstName: 'Nina' });
		const calls = sandbox.server.requests.filter((r) => r.path.startsWith('/xapi/v1')).map((r) => `${r.method} ${r.path}`);
		expect(calls).toEqual(['GET /xapi/v1/Users/Pbx.GetFirstAvailableExtensionNumber()', 'POST /xapi/v1/Users']);
		expect(JSON.parse(apiCalls('POST')[0].text)).toEqual({ FirstName: 'Nina', LastName: 'Neu', Number: '103' });
	});

	it('a number taken between the question and the POST fails once, without a retry', async () => {
		sandbox.server.injectFault({ method: 'GET', path: 'GetFirstAvailableExtensionNumber', status: 200, body: { Number: '101' } });
		const result = await run({ operation: 'create', numberSource: 'nextFree' }, { typeVersion: 2 });
		expect(result.error?.message).toBe('3CX request failed (HTTP 400): Number: WARNINGS.XAPI.ALREADY_IN_USE');
		expect(apiCalls('POST')).toHaveLength(1);
	});

	it('creates with the given number', async () => {
		const result = await run({ operation: 'create', numberSource: 'specific', Number: '700' }, { typeVersion: 2 });
		expect(result.json(NODE)[0].number).toBe('700');
	});

	it('Get First Available Extension Number outputs the number only', async () => {
		const result = await run({ operation: 'getFirstAvailableNumber' }, { typeVersion: 2 });
		expect(result.json(NODE)).toEqual([{ number: '112' }]);
	});

	it('an answer without a number is an error', async () => {
		sandbox.server.injectFault({ method: 'GET', path: 'GetFirstAvailableExtensionNumber', status: 200, body: {} });
		const result = await run({ operation: 'getFirstAvailableNumber' }, { typeVersion: 2 });
		expect(result.error?.message).toContain('did not return a free extension number');
	});

	it('version 1 Create still lets the PBX pick when the number is empty', async () => {
		const result = await run({ operation: 'create', Number: '', additionalFields: { FirstName: 'Vera' } });
		expect(result.json(NODE)[0].number).toBe('112');
	});
});

describe('3CX user list search (the picker\'s From List)', () => {
	it('lists users by number with name, 100 per page, and searches number prefix or name', async () => {
		sandbox.reset();
		sandbox.seedUsers(130);
		const context = loadOptionsContext(current());
		const first = await searchUsers.call(context);
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({ name: '100 (Anna Müller)', value: '1' });
		expect(first.paginationToken).toBe('100');
		const second = await searchUsers.call(context, undefined, first.paginationToken);
		expect(second.results).toHaveLength(30);
		expect(second.paginationToken).toBeUndefined();
		const byName = await searchUsers.call(context, "o'brien");
		expect(byName.results.length).toBeGreaterThan(0);
		expect(byName.results.every((r) => r.name.includes("O'Brien"))).toBe(true);
		// Number prefix, or the term in a name or e-mail (the seed's e-mails carry the number).
		const byNumber = await searchUsers.call(context, '12');
		expect(byNumber.results.map((r) => r.name.slice(0, 3)).filter((n) => n.startsWith('12'))).toEqual(['120', '121', '122', '123', '124', '125', '126', '127', '128', '129']);
		expect(sandbox.server.requests.at(-1)!.query.$filter).toBe(
			"startswith(Number,'12') or contains(tolower(FirstName),'12') or contains(tolower(LastName),'12') or contains(tolower(DisplayName),'12') or contains(tolower(EmailAddress),'12')",
		);
	});
});
