import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { sipXcom } from '../../dev/harness/vendors';

const NODE = sipXcom.node;
const { sandbox, run, withCredential } = sandboxPerTest(sipXcom, { options: { users: 0, phones: 0 }, seed: 1205 });

describe('sipXcom User (REST /rest/user) through the engine', () => {
	it('Get Many with Return All pages through 1,205 users in user-name order', async () => {
		const result = await run({ resource: 'user', operation: 'getMany', returnAll: true, output: 'raw' });
		expect(result.status).toBe('success');
		const users = result.json(NODE);
		expect(users).toHaveLength(1205);
		expect(users.map((u) => u.userName)).toEqual(sandbox.usersByName().map((u) => u.userName));
		expect(new Set(users.map((u) => u.id)).size).toBe(1205);
		// 250 per page → 5 requests, each with page/pagesize and a stable sort.
		const pages = sandbox.server.requests.filter((r) => r.path === '/sipxconfig/rest/user');
		expect(pages.map((r) => r.query.page)).toEqual(['1', '2', '3', '4', '5']);
		expect(pages[0].query).toMatchObject({ pagesize: '250', sortby: 'username', sortdir: 'forward' });
		expect(pages[0].headers.accept).toBe('text/xml');
	});

	it('emits clean JSON: single-element lists stay lists, extension numbers stay strings, no secrets', async () => {
		const result = await run({ resource: 'user', operation: 'get', userId: '1', output: 'raw' });
		const [user] = result.json(NODE);
		expect(user).toEqual({
			id: 1,
			lastName: 'Doe',
			firstName: 'John',
			userName: '200',
			emailAddress: 'user200@example.org',
			groups: [{ id: 1, name: 'sales', description: 'Sales team' }],
			branch: { id: 1, name: 'hq', description: 'Head office' },
			aliases: ['2000'],
		});
		const second = (await run({ resource: 'user', operation: 'get', userId: '2', output: 'raw' })).json(NODE)[0];
		expect(second.aliases).toEqual([]);
		expect(second.groups).toHaveLength(2);
	});

	it('Get Many honours limit, sort by last name reverse, and branch / ids filters', async () => {
		const limited = await run({
			resource: 'user',
			operation: 'getMany',
			returnAll: false,
			limit: 7,
			sort: { sortBy: 'lastname', sortDirection: 'reverse' },
			output: 'raw',
		});
		const users = limited.json(NODE);
		expect(users).toHaveLength(7);
		const lastNames = users.map((u) => u.lastName as string);
		expect([...lastNames].sort((a, b) => b.localeCompare(a))).toEqual(lastNames);
		expect(sandbox.server.requests[0].query).toMatchObject({ page: '1', pagesize: '7', sortby: 'lastname', sortdir: 'reverse' });

		const filtered = await run({
			resource: 'user',
			operation: 'getMany',
			returnAll: true,
			filters: { branch: 1, ids: '1, 2, 3' },
			output: 'raw',
		});
		expect(filtered.json(NODE).map((u) => u.id)).toEqual([1, 3]);
	});

	it('outputs the normalised extension by default', async () => {
		const result = await run({ resource: 'user', operation: 'get', userId: '1' });
		expect(result.json(NODE)[0]).toEqual({
			number: '200',
			name: 'John Doe',
			firstName: 'John',
			lastName: 'Doe',
			email: 'user200@example.org',
			aliases: ['2000'],
			id: '1',
			source: 'sipxcom',
			raw: expect.objectContaining({ userName: '200', id: 1 }),
		});
	});

	it('creates a user with groups, branch and aliases and returns the stored record', async () => {
		const result = await run({
			resource: 'user',
			operation: 'create',
			userName: '0990',
			additionalFields: {
				firstName: 'Zoë',
				lastName: 'Ngô',
				emailAddress: 'zoe@example.org',
				groupIds: [2],
				branchId: 2,
				aliases: '9990, zoe',
				pin: '4321',
				sipPassword: 'n3w-sip-pass',
			},
		});
		expect(result.status).toBe('success');
		const [created] = result.json(NODE);
		expect(created).toMatchObject({ number: '0990', name: 'Zoë Ngô', aliases: ['9990', 'zoe'], source: 'sipxcom' });
		const stored = sandbox.state.users.get(Number(created.id))!;
		expect(stored).toMatchObject({ userName: '0990', groupIds: [2], branchId: 2, pin: '4321', sipPassword: 'n3w-sip-pass' });
		const put = sandbox.server.requests.find((r) => r.method === 'PUT')!;
		expect(put.path).toBe('/sipxconfig/rest/user');
		expect(put.headers['content-type']).toContain('text/xml');
		expect(JSON.stringify(result.run.data.resultData)).not.toContain('n3w-sip-pass');
	});

	it('round-trips XML special characters and non-ASCII names intact', async () => {
		const tricky = {
			firstName: `Ann & "Bo" <O'Hara>`,
			lastName: 'Müller-Łukasz 山田 ]]> &amp;',
			emailAddress: 'a&b@example.org',
		};
		const result = await run({
			resource: 'user',
			operation: 'create',
			userName: '7<&>',
			additionalFields: { ...tricky, aliases: 'x&y, <z>' },
			output: 'raw',
		});
		expect(result.status).toBe('success');
		const [user] = result.json(NODE);
		expect(user).toMatchObject({ ...tricky, userName: '7<&>', aliases: ['x&y', '<z>'] });
		const stored = sandbox.state.users.get(user.id as number)!;
		expect(stored).toMatchObject({ ...tricky, userName: '7<&>' });
		const body = sandbox.server.requests.find((r) => r.method === 'PUT')!.text;
		expect(body).toContain('Ann &amp; &quot;Bo&quot; &lt;O&apos;Hara&gt;');
	});

	it('update changes only the fields set and keeps groups, branch and aliases (read-modify-write)', async () => {
		const before = { ...sandbox.state.users.get(1)! };
		expect(before.groupIds).toEqual([1]);
		expect(before.aliases).toEqual(['2000']);
		const result = await run({
			resource: 'user',
			operation: 'update',
			userId: '1',
			updateFields: { lastName: 'Doe-Smith' },
			output: 'raw',
		});
		expect(result.status).toBe('success');
		expect(result.json(NODE)[0]).toMatchObject({ lastName: 'Doe-Smith', aliases: ['2000'], groups: [{ id: 1, name: 'sales' }] });
		expect(sandbox.state.users.get(1)).toEqual({ ...before, lastName: 'Doe-Smith' });
		expect(sandbox.server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /sipxconfig/rest/user/1',
			'PUT /sipxconfig/rest/user/1',
			'GET /sipxconfig/rest/user/1',
		]);

		// Replacing lists is explicit: groups and aliases set by the user replace the current ones.
		await run({
			resource: 'user',
			operation: 'update',
			userId: '1',
			updateFields: { groupIds: [1, 2], aliases: '2000, 2999' },
		});
		expect(sandbox.state.users.get(1)).toMatchObject({ groupIds: [1, 2], aliases: ['2000', '2999'], branchId: 1, pin: before.pin });
	});

	it('deletes a user', async () => {
		const [victim] = sandbox.seedUsers(1);
		const result = await run({ resource: 'user', operation: 'delete', userId: String(victim.id) });
		expect(result.json(NODE)).toEqual([{ id: String(victim.id), deleted: true, code: 'SUCCESS_DELETED', message: 'Deleted' }]);
		expect(sandbox.state.users.has(victim.id)).toBe(false);
	});

	it('maps <response><code> errors to clear messages', async () => {
		const missing = await run({ resource: 'user', operation: 'get', userId: '999999' });
		expect(missing.status).toBe('error');
		expect(missing.error?.message).toBe(
			'sipXcom request failed (HTTP 400): ERROR_OBJECT_NOT_FOUND: Could not retrieve object using ID (User 999999)',
		);

		const duplicate = await run({ resource: 'user', operation: 'create', userName: '201' });
		expect(duplicate.error?.message).toBe(
			'sipXcom request failed (HTTP 500): ERROR_CREATE_FAILED: Create failed (Extension 201 is already in use)',
		);
		// A failed create is not repeated (HTTP 500 from sipXconfig is an application failure).
		expect(sandbox.server.count('PUT', '/rest/user')).toBe(1);

		const unknownGroup = await run({
			resource: 'user',
			operation: 'create',
			userName: '5555',
			additionalFields: { groupIds: [77] },
		});
		expect(unknownGroup.error?.message).toBe(
			'sipXcom request failed (HTTP 400): ERROR_VALIDATION_FAILED: Failed input validation (No user group with ID 77)',
		);
	});

	it('refuses bad input before any request, naming the parameter and the item', async () => {
		const badId = await run({ resource: 'user', operation: 'get', userId: 'abc' });
		expect(badId.error?.message).toBe('"User ID" must be a numeric sipXconfig ID, got "abc" (item 0)');
		const noName = await run({ resource: 'user', operation: 'create', userName: '  ' });
		expect(noName.error?.message).toBe('"User Name" is empty for item 0');
		const nothing = await run({ resource: 'user', operation: 'update', userId: '1', updateFields: {} });
		expect(nothing.error?.message).toContain('"Update Fields" is empty');
		expect(sandbox.server.requests).toHaveLength(0);
	});

	it('says a 401 means a wrong password or a non-admin account', async () => {
		for (const credential of [
			{ password: 'not-the-password' },
			{ username: sandbox.nonAdmin.username, password: sandbox.nonAdmin.password },
		]) {
			const result = await withCredential(credential).run({ resource: 'user', operation: 'get', userId: '1' });
			expect(result.status).toBe('error');
			expect(result.error?.message).toBe(
				'sipXcom request failed (HTTP 401): wrong username or password, or the account lacks admin rights',
			);
			expect(result.error?.description).toContain('the password is wrong, or the account lacks admin rights');
		}
	});

	it('retries a 503 on reads and continues on fail per item', async () => {
		sandbox.server.injectFault({ method: 'GET', path: '/rest/user/1', status: 503, retryAfter: 0 });
		const retried = await run({ resource: 'user', operation: 'get', userId: '1' });
		expect(retried.json(NODE)[0].number).toBe('200');
		expect(sandbox.server.count('GET', '/rest/user/1')).toBe(2);

		const result = await run({ resource: 'user', operation: 'get', userId: '={{ $json.id }}' }, { items: [{ id: '1' }, { id: '424242' }, { id: 'x' }, { id: '2' }], continueOnFail: true });
		expect(result.status).toBe('success');
		const out = result.output(NODE)[0];
		expect(out.map((item) => item.json.number ?? item.json.error)).toEqual([
			'200',
			'sipXcom request failed (HTTP 400): ERROR_OBJECT_NOT_FOUND: Could not retrieve object using ID (User 424242)',
			'"User ID" must be a numeric sipXconfig ID, got "x" (item 2)',
			'201',
		]);
		expect(out.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
	});

	it('explains an answer that is not sipXconfig XML', async () => {
		sandbox.server.injectFault({ path: '/rest/user/1', status: 200, body: '<html><body>Login</body></html>', headers: { 'Content-Type': 'text/html' } });
		const result = await run({ resource: 'user', operation: 'get', userId: '1' });
		expect(result.error?.message).toBe(
			'Unexpected answer from sipXcom for GET /sipxconfig/rest/user/1: expected XML <user>, got text/html ("<html><body>Login</body></html>")',
		);
		expect(result.error?.description).toContain('wrong URL in the credential');
	});
});
