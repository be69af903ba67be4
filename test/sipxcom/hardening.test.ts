/**
 * sipXcom under faults and bad input (issue classes 1, 2, 3, 5, 6), through the engine
 * against the sandbox: REST, CXF and SOAP answers must be sipXconfig's, numbers are checked,
 * the Basic header, SIP password and PIN never appear when a server echoes the request, and
 * characters XML 1.0 forbids are refused before sending.
 */
import type { WorkflowResult } from '../../dev/harness/engine';
import { htmlPage } from '../../dev/sandbox/core';
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { sipXcom } from '../../dev/harness/vendors';
import { SIPXCOM_ADMIN } from '../../dev/sandbox/sipxcom';

const NODE = sipXcom.node;
const { sandbox, run } = sandboxPerTest(sipXcom, { options: { users: 0, phones: 0 }, seed: 20 });

const MAINTENANCE = htmlPage(200, 'Maintenance');

describe('sipXcom: an answer that is not sipXconfig is an error, never "no users"', () => {
	it.each([
		['REST Get Many users', { resource: 'user', operation: 'getMany', returnAll: true }, '/sipxconfig/rest/user', 'XML <user>'],
		['REST Get user', { resource: 'user', operation: 'get', userId: '1' }, '/sipxconfig/rest/user/1', 'XML <user>'],
		['CXF Get Many phones', { resource: 'phone', operation: 'getMany', returnAll: true }, '/sipxconfig/api/phones', 'JSON with "phones"'],
		['SOAP Find', { resource: 'userBulk', operation: 'find', searchBy: 'all' }, '/sipxconfig/services/UserService', 'XML <Envelope>'],
	])('%s fails on a maintenance page on HTTP 200', async (_, parameters, path, expected) => {
		sandbox.server.injectFault({ path, ...MAINTENANCE, times: 10 });
		const result = await run(parameters);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(
			new RegExp(`^Unexpected answer from sipXcom for (GET|POST) ${path.replace(/[/.]/g, '\\$&')}: expected ${expected.replace(/[<>]/g, '\\$&')}, got text/html \\("<html>`),
		);
	});

	it('Get Many still reads all users when the server answers', async () => {
		const result = await run({ resource: 'user', operation: 'getMany', returnAll: true });
		expect(result.json(NODE)).toHaveLength(20);
	});
});

describe('sipXcom: secrets never appear, also when a server echoes the request', () => {
	const leaks = (text: string, values: string[]) =>
		values.flatMap((value) => [value, Buffer.from(`${SIPXCOM_ADMIN.username}:${SIPXCOM_ADMIN.password}`).toString('base64'), JSON.stringify(value).slice(1, -1), value.replace(/&/g, '&amp;')]).filter((leak) => text.includes(leak));
	/**
	 * The error as n8n keeps and logs it, without the node (whose parameters hold what the user
	 * typed) and its timestamp (whose digits may contain a PIN such as "97531" by chance).
	 */
	const errorText = (result: WorkflowResult) =>
		JSON.stringify({
			error: { ...result.error, node: undefined, timestamp: undefined },
			message: result.error?.message,
			description: result.error?.description,
		});

	it('redacts the Basic header value, the SIP password and the PIN from an echoing 500 (REST)', async () => {
		sandbox.server.injectFault({ method: 'PUT', path: '/sipxconfig/rest/user', echo: true });
		const result = await run({
			resource: 'user',
			operation: 'create',
			userName: '0777',
			additionalFields: { pin: '97531', sipPassword: 'S1p&<Pass>' },
		});
		expect(result.status).toBe('error');
		const text = errorText(result);
		expect(leaks(text, ['97531', 'S1p&<Pass>', SIPXCOM_ADMIN.password])).toEqual([]);
		expect(text).toContain('Basic ***');
	});

	it('redacts the Basic header value from an echoing SOAP endpoint', async () => {
		sandbox.server.injectFault({ path: '/sipxconfig/services/UserService', echo: true });
		const result = await run({ resource: 'userBulk', operation: 'find', searchBy: 'all' });
		const text = errorText(result);
		expect(leaks(text, [SIPXCOM_ADMIN.password])).toEqual([]);
	});
});

describe('sipXcom: well-formed XML only', () => {
	it('refuses a First Name with a control character before the REST request', async () => {
		const result = await run({ resource: 'user', operation: 'create', userName: '0778', additionalFields: { firstName: 'Ann\u0002' } });
		expect(result.error?.message).toBe('First Name contains a character that XML cannot carry (U+0002 at position 4); item 0');
		expect(sandbox.server.count('PUT', '/sipxconfig/rest/user')).toBe(0);
	});

	it('refuses a SOAP search value with an unpaired surrogate before sending', async () => {
		const result = await run({ resource: 'userBulk', operation: 'find', searchBy: 'byUserName', searchValue: 'ab\udc00' });
		expect(result.error?.message).toMatch(/contains a character that XML cannot carry \(U\+DC00 at position 3\); item 0$/);
		expect(sandbox.server.count('POST', '/sipxconfig/services/UserService')).toBe(0);
	});
});

describe('sipXcom: numeric parameters', () => {
	it.each([
		[{ resource: 'user', operation: 'getMany', limit: -5 }, 'Limit must be a whole number of at least 1; item 0 has -5'],
		[{ resource: 'phone', operation: 'getMany', limit: '={{ "many" }}' }, 'Limit must be a whole number of at least 1; item 0 has "many"'],
		[
			{ resource: 'userBulk', operation: 'manage', searchBy: 'byGroup', searchValue: 'sales', change: 'addGroup', group: 'vip', maxMatches: 0 },
			'Maximum Matches must be a whole number of at least 1; item 0 has 0',
		],
		[
			{ resource: 'userBulk', operation: 'manage', searchBy: 'byGroup', searchValue: 'sales', change: 'addGroup', group: 'vip', maxMatches: '={{ null }}' },
			'Maximum Matches must be a whole number of at least 1; item 0 has null',
		],
	])('refuses %p before any request', async (parameters, message) => {
		const result = await run(parameters);
		expect(result.error?.message).toBe(message);
		expect(sandbox.server.requests).toHaveLength(0);
	});
});

describe('sipXcom: a stalled server', () => {
	it('gives a read 3 attempts and fails the remaining items at once', async () => {
		sandbox.server.injectFault({ path: '/sipxconfig/rest/user', stall: true, times: 100 });
		const result = await run({ resource: 'user', operation: 'get', userId: '1', requestOptions: { timeout: 250 } }, { items: [{}, {}, {}], continueOnFail: true });
		const message = 'sipXcom request failed: the server did not answer within 250 ms (3 attempts)';
		expect(result.json(NODE).map((item) => item.error)).toEqual([message, message, message]);
		expect(sandbox.server.count('GET', '/sipxconfig/rest/user')).toBe(3);
	});
});

describe('sipXcom Delete: a lost answer is confirmed by the retry', () => {
	const refused = {
		status: 500,
		headers: { 'Content-Type': 'text/xml' },
		body: '<response><code>ERROR_REFERENCE_EXISTS</code><message>Reference to object still exists</message></response>',
	};

	/** A user or phone to delete, with the DELETE path and the node parameters that delete it. */
	const target = (resource: 'user' | 'phone') => {
		if (resource === 'user') {
			const [user] = sandbox.seedUsers(1);
			const gone = () => !sandbox.state.users.has(user.id);
			return {
				path: `/sipxconfig/rest/user/${user.id}`,
				parameters: { resource, operation: 'delete', userId: String(user.id) },
				key: { id: String(user.id) },
				gone,
			};
		}
		const [phone] = sandbox.seedPhones(1);
		const gone = () => !sandbox.state.phones.has(phone.id);
		return {
			path: `/sipxconfig/api/phones/${phone.serialNo}`,
			parameters: { resource, operation: 'delete', phoneId: phone.serialNo },
			key: { phone: phone.serialNo },
			gone,
		};
	};

	it.each([
		['user', 'ERROR_OBJECT_NOT_FOUND on retry'],
		['phone', '404 on retry'],
	] as const)('reports a %s deleted when the retry gets sipXconfig\'s not found (%s)', async (resource, confirmedBy) => {
		const { path, parameters, key, gone } = target(resource);
		sandbox.server.injectFault({ method: 'DELETE', path, dropAfterHandling: true });
		const result = await run(parameters);
		expect(result.json(NODE)).toEqual([{ ...key, deleted: true, confirmedBy }]);
		expect(sandbox.server.count('DELETE', path)).toBe(2);
		expect(gone()).toBe(true);
	});

	it.each([
		['user', { code: 'SUCCESS_DELETED', message: 'Deleted' }],
		['phone', {}],
	] as const)('sends a %s DELETE again after a connection dropped before it was handled', async (resource, answer) => {
		const { path, parameters, key, gone } = target(resource);
		sandbox.server.injectFault({ method: 'DELETE', path, drop: true });
		const result = await run(parameters);
		expect(result.json(NODE)).toEqual([{ ...key, deleted: true, ...answer }]);
		expect(sandbox.server.count('DELETE', path)).toBe(2);
		expect(gone()).toBe(true);
	});

	it('still fails a user that did not exist, and never repeats a refused delete', async () => {
		const missing = await run({ resource: 'user', operation: 'delete', userId: '999999' });
		expect(missing.error?.message).toBe('sipXcom request failed (HTTP 400): ERROR_OBJECT_NOT_FOUND: Could not retrieve object using ID (User 999999)');
		expect(sandbox.server.count('DELETE', '/sipxconfig/rest/user/999999')).toBe(1);

		const [kept] = sandbox.seedUsers(1);
		const path = `/sipxconfig/rest/user/${kept.id}`;
		sandbox.server.injectFault({ method: 'DELETE', path, ...refused, times: 10 });
		const result = await run({ resource: 'user', operation: 'delete', userId: String(kept.id) });
		expect(result.error?.message).toBe('sipXcom request failed (HTTP 500): ERROR_REFERENCE_EXISTS: Reference to object still exists');
		expect(sandbox.server.count('DELETE', path)).toBe(1);
		expect(sandbox.state.users.has(kept.id)).toBe(true);
	});

	it('still fails a phone that did not exist, and a retry answered by a web page 404', async () => {
		const missing = await run({ resource: 'phone', operation: 'delete', phoneId: '0004f2ffffff' });
		expect(missing.error?.message).toBe('sipXcom request failed (HTTP 404): not found');

		const [phone] = sandbox.seedPhones(1);
		const path = `/sipxconfig/api/phones/${phone.serialNo}`;
		sandbox.server.injectFault({ method: 'DELETE', path, drop: true });
		sandbox.server.injectFault({ method: 'DELETE', path, ...htmlPage(404, 'Not Found') });
		const result = await run({ resource: 'phone', operation: 'delete', phoneId: phone.serialNo });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^sipXcom request failed \(HTTP 404\)/);
		expect(sandbox.server.count('DELETE', path)).toBe(2);
	});

	it('never repeats a SOAP Delete Users whose answer was lost (it cannot be confirmed)', async () => {
		const [victim] = sandbox.seedUsers(1);
		sandbox.server.injectFault({ path: '/sipxconfig/services/UserService', after: 1, dropAfterHandling: true });
		const result = await run({
			resource: 'userBulk',
			operation: 'manage',
			searchBy: 'byUserName',
			searchValue: victim.userName,
			change: 'deleteUser',
			confirmDelete: true,
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('sipXcom request failed: the connection was closed before the server answered');
		// FindUser, then the one ManageUser whose answer was lost.
		expect(sandbox.server.count('POST', '/sipxconfig/services/UserService')).toBe(2);
	});
});
