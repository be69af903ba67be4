import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { sipXcom } from '../../dev/harness/vendors';

const NODE = sipXcom.node;
const { sandbox, run } = sandboxPerTest(sipXcom, { options: { users: 0, phones: 0 }, seed: 30 });

const find = (searchBy: string, searchValue: string, extra = {}) =>
	run({ resource: 'userBulk', operation: 'find', searchBy, searchValue, ...extra });

const manage = (parameters: Record<string, unknown>) =>
	run({ resource: 'userBulk', operation: 'manage', ...parameters });

describe('sipXcom User (Bulk, SOAP UserService) through the engine', () => {
	it('finds by exact user name with a document/literal envelope', async () => {
		const result = await find('byUserName', '200');
		expect(result.status).toBe('success');
		expect(result.json(NODE)).toEqual([
			{
				number: '200',
				name: 'John Doe',
				firstName: 'John',
				lastName: 'Doe',
				email: 'user200@example.org',
				aliases: ['2000'],
				source: 'sipxcom',
				raw: {
					userName: '200',
					lastName: 'Doe',
					firstName: 'John',
					aliases: ['2000'],
					emailAddress: 'user200@example.org',
					groups: ['sales'],
					permissions: ['Voicemail'],
					branchName: 'hq',
				},
			},
		]);
		const request = sandbox.server.requests[0];
		expect(request.path).toBe('/sipxconfig/services/UserService');
		expect(request.headers.soapaction).toBe('""');
		expect(request.text).toBe(
			'<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cs="http://www.sipfoundry.org/2007/08/21/ConfigService">' +
				'<soapenv:Body><cs:FindUser><search><byUserName>200</byUserName></search></cs:FindUser></soapenv:Body></soapenv:Envelope>',
		);
	});

	it('finds by fuzzy user name or alias, by group, and all users; secrets only on request', async () => {
		const fuzzy = await find('byFuzzyUserNameOrAlias', '21', { output: 'raw' });
		expect(fuzzy.json(NODE).map((u) => u.userName)).toEqual(['210', '211', '212', '213', '214', '215', '216', '217', '218', '219', '221']);
		const byGroup = await find('byGroup', 'support', { output: 'raw' });
		expect(byGroup.json(NODE)).toHaveLength(10);
		expect(byGroup.json(NODE).every((u) => (u.groups as string[]).includes('support'))).toBe(true);
		const all = await run({ resource: 'userBulk', operation: 'find', searchBy: 'all', output: 'raw' });
		expect(all.json(NODE)).toHaveLength(30);
		expect(sandbox.server.requests[2].text).toContain('<cs:FindUser></cs:FindUser>');
		expect(JSON.stringify(all.json(NODE))).not.toMatch(/sip-secret|pintoken/);
		const secrets = await find('byUserName', '201', { output: 'raw', options: { includeSecrets: true } });
		expect(secrets.json(NODE)[0]).toMatchObject({ sipPassword: 'sip-secret-2', pintoken: expect.stringMatching(/^[0-9a-f]{32}$/) });
	});

	it('edits properties of every matching user, XML special characters intact', async () => {
		const result = await manage({
			searchBy: 'byGroup',
			searchValue: 'support',
			change: 'edit',
			properties: { values: [{ property: 'lastName', value: 'Ünal & <Söhne>' }, { property: 'firstName', value: 'I am' }] },
		});
		expect(result.status).toBe('success');
		expect(result.json(NODE)[0]).toMatchObject({ action: 'edit', matched: 10, applied: true });
		const members = [...sandbox.state.users.values()].filter((u) => u.groupIds.includes(2));
		expect(members.every((u) => u.lastName === 'Ünal & <Söhne>' && u.firstName === 'I am')).toBe(true);
		const body = sandbox.server.requests[1].text;
		expect(body).toContain(
			'<cs:ManageUser><search><byGroup>support</byGroup></search><edit><property>lastName</property><value>Ünal &amp; &lt;Söhne&gt;</value></edit><edit><property>firstName</property>',
		);
	});

	it('adds to and removes from a group, and changes branch', async () => {
		await manage({ searchBy: 'byUserName', searchValue: '205', change: 'addGroup', group: 'managers' });
		const user = [...sandbox.state.users.values()].find((u) => u.userName === '205')!;
		const managers = [...sandbox.state.groups.values()].find((g) => g.name === 'managers')!;
		expect(user.groupIds).toContain(managers.id);
		await manage({ searchBy: 'byUserName', searchValue: '205', change: 'removeGroup', group: 'managers' });
		expect(user.groupIds).not.toContain(managers.id);
		const moved = await manage({ searchBy: 'byUserName', searchValue: '205', change: 'updateBranch', branch: 'berlin' });
		expect(moved.json(NODE)[0]).toMatchObject({ applied: true, userNames: ['205'] });
		expect(user.branchId).toBe(2);
	});

	it('deletes matching users only when confirmed', async () => {
		const unconfirmed = await manage({ searchBy: 'byUserName', searchValue: '207', change: 'deleteUser' });
		expect(unconfirmed.error?.message).toBe('Deletion is not confirmed (item 0)');
		expect(sandbox.server.requests).toHaveLength(0);
		const confirmed = await manage({ searchBy: 'byUserName', searchValue: '207', change: 'deleteUser', confirmDelete: true });
		expect(confirmed.json(NODE)[0]).toMatchObject({ matched: 1, applied: true });
		expect([...sandbox.state.users.values()].some((u) => u.userName === '207')).toBe(false);
		expect(sandbox.state.users.size).toBe(29);
	});

	it('never deletes every user because of an empty search', async () => {
		// A literally empty required parameter stops the workflow before it runs …
		await expect(
			manage({ searchBy: 'byGroup', searchValue: '', change: 'deleteUser', confirmDelete: true }),
		).rejects.toThrow('Parameter "Search Value" is required');
		// … and blanks that arrive through expressions are refused by the node.
		for (const searchValue of ['   ', '={{ $json.missing }}', '={{ "" }}']) {
			const result = await manage({ searchBy: 'byFuzzyUserNameOrAlias', searchValue, change: 'deleteUser', confirmDelete: true, maxMatches: 100000 });
			expect(result.status).toBe('error');
			expect(result.error?.message).toBe('"Search Value" is empty for item 0');
		}
		expect(sandbox.server.requests).toHaveLength(0);
		expect(sandbox.state.users.size).toBe(30);
	});

	it('refuses (changing nothing) when the search matches more than Maximum Matches, and supports Dry Run', async () => {
		const tooMany = await manage({ searchBy: 'byFuzzyUserNameOrAlias', searchValue: '2', change: 'deleteUser', confirmDelete: true });
		expect(tooMany.error?.message).toBe(
			'The search matches 30 users, more than Maximum Matches (10); nothing was changed (item 0)',
		);
		expect(sandbox.server.requests.map((r) => r.text.match(/<cs:(\w+)>/)?.[1])).toEqual(['FindUser']);
		expect(sandbox.state.users.size).toBe(30);

		const dry = await manage({ searchBy: 'byGroup', searchValue: 'sales', change: 'addGroup', group: 'vip', maxMatches: 50, dryRun: true });
		expect(dry.json(NODE)[0]).toMatchObject({ matched: 20, applied: false, dryRun: true });
		expect([...sandbox.state.groups.values()].some((g) => g.name === 'vip')).toBe(false);

		const none = await manage({ searchBy: 'byUserName', searchValue: 'nobody', change: 'deleteUser', confirmDelete: true });
		expect(none.json(NODE)[0]).toMatchObject({ matched: 0, applied: false, userNames: [] });
	});

	it('turns a SOAP fault into a clear error, and continues on fail', async () => {
		const fault = await manage({ searchBy: 'byUserName', searchValue: '200', change: 'updateBranch', branch: 'atlantis' });
		expect(fault.status).toBe('error');
		expect(fault.error?.message).toBe(
			'sipXcom request failed (HTTP 500): SOAP fault soapenv:Server.userException: Branch not found: atlantis (sipx.example.org)',
		);

		sandbox.server.injectFault({
			path: '/services/UserService',
			status: 500,
			retryAfter: 0,
			headers: { 'Content-Type': 'text/xml' },
			body:
				'<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault>' +
				'<faultcode>soapenv:Server</faultcode><faultstring>java.lang.NullPointerException</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>',
		});
		const result = await run({ resource: 'userBulk', operation: 'find', searchBy: 'byUserName', searchValue: '={{ $json.n }}', output: 'raw' }, { items: [{ n: '200' }, { n: '201' }], continueOnFail: true });
		expect(result.status).toBe('success');
		// The first FindUser meets the injected fault and, being a read, is retried once it clears.
		expect(result.json(NODE).map((u) => u.userName)).toEqual(['200', '201']);

		sandbox.server.injectFault({ path: '/services/UserService', status: 500, times: 10, retryAfter: 0, body: '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault><faultcode>soapenv:Server</faultcode><faultstring>database down</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>', headers: { 'Content-Type': 'text/xml' } });
		const failed = await run({ resource: 'userBulk', operation: 'find', searchBy: 'byUserName', searchValue: '200' }, { continueOnFail: true });
		expect(failed.json(NODE)).toEqual([
			{
				error: 'sipXcom request failed (HTTP 500): SOAP fault soapenv:Server: database down',
			},
		]);
	});

	it('the sandbox answers a malformed envelope with a SOAP fault', async () => {
		const auth = `Basic ${Buffer.from(`${sandbox.admin.username}:${sandbox.admin.password}`).toString('base64')}`;
		const response = await fetch(`${sandbox.server.baseUrl}/sipxconfig/services/UserService`, {
			method: 'POST',
			headers: { authorization: auth, 'content-type': 'text/xml' },
			body: '<soapenv:Envelope><soapenv:Body><cs:FindUser></soapenv:Body>',
		});
		expect(response.status).toBe(500);
		const text = await response.text();
		expect(text).toContain('<soapenv:Fault><faultcode>soapenv:Server.userException</faultcode><faultstring>org.xml.sax.SAXParseException');
	});
});
