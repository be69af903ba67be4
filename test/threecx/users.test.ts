import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { threeCx } from '../../dev/harness/vendors';
import { loadOptionsContext, NODE } from './helpers';

const { sandbox, run, current } = sandboxPerTest(threeCx, { seed: 40 });
const apiCalls = (method: string) =>
	sandbox.server.requests.filter((r) => r.method === method && r.path.startsWith('/xapi/v1'));

describe('3CX user: Get', () => {
	it('gets a user by ID as a normalised extension without secrets', async () => {
		const result = await run({ operation: 'get', getBy: 'id', userId: '5' });
		const [user] = result.json(NODE);
		expect(user).toMatchObject({ number: '104', id: '5', source: '3cx', enabled: true, firstName: 'Eva' });
		expect(user.name).toBe(`${user.firstName} ${user.lastName}`);
		expect(user.raw).toMatchObject({ Id: 5, Number: '104' });
		for (const secret of ['AuthPassword', 'AccessPassword', 'VMPIN']) expect(user.raw).not.toHaveProperty(secret);
		expect(JSON.stringify(result.json(NODE))).not.toContain('sip-pw-104');
	});

	it('gets a user by extension number, doubling quotes in the literal', async () => {
		await run({ operation: 'create', Number: "10'5", additionalFields: { FirstName: 'Quote' } });
		const result = await run({ operation: 'get', getBy: 'number', extensionNumber: "10'5", output: 'raw' });
		expect(result.json(NODE)[0]).toMatchObject({ Number: "10'5", FirstName: 'Quote' });
		const byNumber = apiCalls('GET').find((r) => r.path.includes('Number='));
		expect(byNumber?.path).toBe("/xapi/v1/Users(Number='10''5')");
	});

	it('returns the raw record with $select and $expand=Groups, and secrets only on request', async () => {
		const result = await run({
			operation: 'get',
			getBy: 'id',
			userId: '2',
			output: 'raw',
			options: { select: 'Id, Number,AuthPassword', expand: 'Groups', includeSecrets: true },
		});
		expect(result.json(NODE)[0]).toEqual({
			Id: 2,
			Number: '101',
			AuthPassword: 'sip-pw-101-x9',
			Groups: [expect.objectContaining({ GroupId: 2, Name: 'Sales', Rights: { RoleName: 'users' } })],
		});
	});

	it('rejects a non-numeric user ID before any request and names the parameter', async () => {
		const result = await run({ operation: 'get', getBy: 'id', userId: '10x' });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('"User ID" must be a 3CX user ID (a positive whole number), got "10x"');
		expect(apiCalls('GET')).toHaveLength(0);
	});

	it('surfaces a 404 with the OData message and honours Continue On Fail per item', async () => {
		const result = await run({ operation: 'get', getBy: 'id', userId: '={{ $json.id }}' }, { items: [{ id: 1 }, { id: 999 }, { id: 3 }], continueOnFail: true });
		expect(result.status).toBe('success');
		const out = result.json(NODE);
		expect(out[0].id).toBe('1');
		expect(out[1]).toEqual({
			error: '3CX request failed (HTTP 404): Id: WARNINGS.XAPI.NOT_FOUND',
			description: expect.stringContaining('no such user'),
		});
		expect(out[2].id).toBe('3');
		expect(result.output(NODE)[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});
});

describe('3CX user: Create, Update, Delete', () => {
	it('creates a user with form fields, a department and extra JSON properties', async () => {
		const result = await run({
			operation: 'create',
			Number: '700',
			additionalFields: {
				FirstName: 'Nora',
				LastName: 'Neu',
				EmailAddress: 'nora@example.com',
				Mobile: '+49151000',
				Enabled: false,
				groupId: 3,
				roleName: 'managers',
				additionalJson: '{"RecordCalls": true, "FirstName": "ignored"}',
			},
		});
		expect(result.status).toBe('success');
		const [user] = result.json(NODE);
		expect(user).toMatchObject({ number: '700', firstName: 'Nora', lastName: 'Neu', email: 'nora@example.com', enabled: false });
		const post = apiCalls('POST')[0];
		expect(JSON.parse(post.text)).toEqual({
			RecordCalls: true,
			FirstName: 'Nora',
			LastName: 'Neu',
			EmailAddress: 'nora@example.com',
			Mobile: '+49151000',
			Enabled: false,
			Number: '700',
			Groups: [{ GroupId: 3, Rights: { RoleName: 'managers' } }],
		});
		expect(post.status).toBe(201);
		const stored = [...sandbox.state.users.values()].find((u) => u.Number === '700')!;
		expect(stored.Groups).toEqual([expect.objectContaining({ GroupId: 3, Rights: { RoleName: 'managers' } })]);
	});

	it('lets the PBX pick the number when none is given', async () => {
		sandbox.reset();
		const result = await run({ operation: 'create', additionalFields: { FirstName: 'Auto' } });
		expect(result.json(NODE)[0].number).toBe('100');
	});

	it('turns the OData validation error into a clear message (duplicate email)', async () => {
		const result = await run({ operation: 'create', additionalFields: { EmailAddress: 'ANNA.MLLER.100@example.com' } });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('3CX request failed (HTTP 400): EmailAddress: WARNINGS.XAPI.ALREADY_IN_USE');
	});

	it('reports unknown properties from the JSON field and rejects malformed JSON before any request', async () => {
		const unknown = await run({ operation: 'create', additionalFields: { additionalJson: '{"Nickname": "x"}' } });
		expect(unknown.error?.message).toContain("The property 'Nickname' does not exist on type 'Pbx.User'");
		sandbox.server.clearLog();
		const malformed = await run({ operation: 'create', additionalFields: { additionalJson: '{"VMEnabled": tru' } });
		expect(malformed.error?.message).toMatch(/^"Other Properties \(JSON\)" in "Additional Fields" is not valid JSON/);
		expect(apiCalls('POST')).toHaveLength(0);
	});

	it('updates with PATCH (only the given fields) and outputs the updated user', async () => {
		const result = await run({ operation: 'update', userId: '7', updateFields: { LastName: 'Neuer', Enabled: false, groupId: 2 } });
		const [user] = result.json(NODE);
		expect(user).toMatchObject({ id: '7', lastName: 'Neuer', enabled: false });
		const patch = apiCalls('PATCH')[0];
		expect(patch.path).toBe('/xapi/v1/Users(7)');
		expect(patch.status).toBe(204);
		expect(JSON.parse(patch.text)).toEqual({ LastName: 'Neuer', Enabled: false, Groups: [{ GroupId: 2, Rights: { RoleName: 'users' } }] });
	});

	it('refuses to change the extension number before sending the PATCH', async () => {
		const result = await run({ operation: 'update', userId: '7', updateFields: { additionalJson: '{"Number": "999"}' } });
		expect(result.error?.message).toBe('The extension number of a 3CX user cannot change after creation (user 7 is 106)');
		expect(apiCalls('PATCH')).toHaveLength(0);
		// Sending the same number is harmless and dropped.
		const same = await run({ operation: 'update', userId: '7', updateFields: { additionalJson: '{"Number": "106", "Language": "DE"}' } });
		expect(same.status).toBe('success');
		expect(JSON.parse(apiCalls('PATCH')[0].text)).toEqual({ Language: 'DE' });
	});

	it('the sandbox itself rejects a Number change like the PBX', async () => {
		const token = (await run({ operation: 'get', getBy: 'id', userId: '1' }), current().store.data(current().credential.id).accessToken);
		const response = await fetch(`${sandbox.server.baseUrl}/xapi/v1/Users(1)`, {
			method: 'PATCH',
			headers: { Authorization: `Bearer ${String(token)}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ Number: '555' }),
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toEqual({
			error: { code: '', message: 'Number:\nWARNINGS.XAPI.FORBIDDEN_CHANGE', details: [{ code: '', message: 'WARNINGS.XAPI.FORBIDDEN_CHANGE', target: 'Number' }] },
		});
	});

	it('deletes one user per item', async () => {
		const result = await run({ operation: 'delete', userId: '={{ $json.id }}' }, { items: [{ id: '3' }, { id: 4 }] });
		expect(result.json(NODE)).toEqual([
			{ id: '3', deleted: true },
			{ id: '4', deleted: true },
		]);
		expect(sandbox.state.users.has(3)).toBe(false);
		expect(apiCalls('DELETE').map((r) => r.path)).toEqual(['/xapi/v1/Users(3)', '/xapi/v1/Users(4)']);
	});
});

describe('3CX user: Get Many', () => {
	it('applies Limit as $top and every OData option', async () => {
		const result = await run({
			operation: 'getMany',
			returnAll: false,
			limit: 5,
			output: 'raw',
			options: {
				filter: "Enabled eq true and (startswith(Number,'1') or contains(tolower(LastName),'o'))",
				orderby: 'LastName desc, FirstName',
				select: 'Id,Number,FirstName,LastName',
				count: true,
				skip: 2,
			},
		});
		expect(result.status).toBe('success');
		const users = result.json(NODE);
		expect(users).toHaveLength(5);
		const request = apiCalls('GET')[0];
		expect(request.query).toEqual({
			$filter: "Enabled eq true and (startswith(Number,'1') or contains(tolower(LastName),'o'))",
			$orderby: 'LastName desc,FirstName,Id',
			$select: 'Id,Number,FirstName,LastName',
			$count: 'true',
			$top: '5',
			$skip: '2',
		});
		expect(Object.keys(users[0]).sort()).toEqual(['@odata.count', 'FirstName', 'Id', 'LastName', 'Number']);
		expect(users[0]['@odata.count']).toBe(36);
	});

	it('filters by department with the Groups/any lambda and $search', async () => {
		const result = await run({ operation: 'getMany', returnAll: true, options: { groupId: 2, search: 'example' } });
		const users = result.json(NODE);
		expect(users).toHaveLength(10);
		expect(apiCalls('GET')[0].query.$filter).toBe('Groups/any(g:g/GroupId eq 2)');
		expect(apiCalls('GET')[0].query.$search).toBe('example');
		const withFilter = await run({ operation: 'getMany', returnAll: true, options: { groupId: 2, filter: 'Enabled eq true' } });
		expect(withFilter.json(NODE).every((u) => u.enabled === true)).toBe(true);
		expect(apiCalls('GET').at(-1)!.query.$filter).toBe('(Enabled eq true) and Groups/any(g:g/GroupId eq 2)');
	});

	it('quotes a $search phrase with spaces', async () => {
		await run({ operation: 'getMany', returnAll: true, options: { search: 'anna müller' } });
		expect(apiCalls('GET')[0].query.$search).toBe('"anna müller"');
	});

	it('turns bad OData into a clear error and does not retry it', async () => {
		const result = await run({ operation: 'getMany', returnAll: true, options: { filter: "Number eq 100 and" } });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^3CX request failed \(HTTP 400\): The query specified in the URI is not valid\. Syntax error/);
		expect(result.error?.description).toContain('$filter');
		expect(apiCalls('GET')).toHaveLength(1);
		const types = await run({ operation: 'getMany', returnAll: true, options: { filter: 'Number eq 100' } });
		expect(types.error?.message).toContain('incompatible types');
		const unknown = await run({ operation: 'getMany', returnAll: true, options: { orderby: 'Surname' } });
		expect(unknown.error?.message).toContain("Could not find a property named 'Surname' on type 'Pbx.User'");
	});

	it('Continue On Fail turns a bad query into an error item', async () => {
		const result = await run({ operation: 'getMany', returnAll: true, options: { select: 'Nope' } }, { items: [{}], continueOnFail: true });
		expect(result.json(NODE)).toEqual([
			expect.objectContaining({ error: expect.stringContaining("Could not find a property named 'Nope'") }),
		]);
	});
});

describe('3CX load options', () => {
	it('lists departments for the Department dropdowns', async () => {
		const context = loadOptionsContext(current(), { operation: 'create' }, 'parameters.additionalFields.groupId', 1);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { getGroups } = require('../../nodes/ThreeCx/methods/loadOptions') as typeof import('../../nodes/ThreeCx/methods/loadOptions');
		const options = await getGroups.call(context);
		expect(options).toEqual([
			{ name: 'DEFAULT (GRP0000)', value: 1 },
			{ name: 'Ops & Field (GRP0003)', value: 4 },
			{ name: 'Sales (GRP0001)', value: 2 },
			{ name: 'Support (GRP0002)', value: 3 },
		]);
		expect(apiCalls('GET')[0].query).toEqual({ $select: 'Id,Name,Number', $orderby: 'Name,Id', $top: '100', $skip: '0', $count: 'true' });
	});
});
