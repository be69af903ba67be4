/**
 * OpenVox under faults and bad input (issue classes 1, 2, 5, 6, 7), through the engine
 * against the sandbox.
 */
import { htmlPage } from '../../dev/sandbox/core';
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { openVox } from '../../dev/harness/vendors';
import { NODE, requestCounts } from './helpers';

const { sandbox, withCredential } = sandboxPerTest(openVox, { seed: 5 });
const { logins } = requestCounts(sandbox);

describe('OpenVox login is never repeated after a lost answer or a 5xx', () => {
	it.each([
		['a dropped connection', { drop: true }, 'OpenVox login failed: the connection was closed before the server answered (1 attempt; a login is not repeated, since 5 failed logins lock this client IP out for 10 minutes)'],
		['HTTP 502', { status: 502, body: 'Bad gateway' }, 'OpenVox login failed: HTTP 502 from the login URL; check the PBX API URL'],
	])('one login for the whole run after %s', async (_, fault, message) => {
		sandbox.server.injectFault({ path: '/login', times: 10, ...fault });
		const { run } = withCredential();
		const result = await run({ operation: 'getMany', returnAll: true }, { items: [{}, {}, {}], continueOnFail: true });
		expect(result.json(NODE).map((item) => item.error)).toEqual([message, message, message]);
		expect(logins()).toBe(1);
	});

	it('logs in normally once the PBX answers again', async () => {
		const { run } = withCredential();
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.json(NODE)).toHaveLength(5);
		expect(logins()).toBe(1);
	});
});

const EXTENSIONS = '/api/v0.0.1/extensionlist/query';

describe('OpenVox: an answer that is not the API is an error, never "no extensions"', () => {
	it('Get Many fails on a maintenance page (HTTP 200) while the login works', async () => {
		sandbox.server.injectFault({ path: EXTENSIONS, ...htmlPage(200, 'Maintenance'), times: 10 });
		const { run } = withCredential();
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			`Unexpected answer from OpenVox for POST ${EXTENSIONS}: expected an OpenVox answer (JSON or <xml> with "status"), got text/html ("<html><head><title>Maintenance</title></head><body><h1>Maint…")`,
		);
		expect(logins()).toBe(1);
	});

	it('Get Many fails on "Success" without the extension list', async () => {
		sandbox.server.injectFault({ path: EXTENSIONS, status: 200, body: { status: 'Success' } });
		const { run } = withCredential();
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.error?.message).toBe(
			'Unexpected answer from OpenVox for extensionlist/query: expected JSON with "extlist", got "{\\"status\\":\\"Success\\"}"',
		);
	});

	it('Get fails on a page in the XML variant too', async () => {
		sandbox.server.injectFault({ path: '/api/v0.0.1/extension/query', ...htmlPage(200, 'Login') });
		const { run } = withCredential({ apiFormat: 'xml' });
		const result = await run({ operation: 'get', extid: '1000' });
		expect(result.error?.message).toMatch(/^Unexpected answer from OpenVox for POST \/api\/v0\.0\.1\/extension\/query: .* got text\/html/);
	});
});

describe('OpenVox: Limit is checked, not applied as a slice', () => {
	it.each([
		[-5, 'Limit must be a whole number of at least 1; item 0 has -5'],
		['={{ "abc" }}', 'Limit must be a whole number of at least 1; item 0 has "abc"'],
		[1.5, 'Limit must be a whole number of at least 1; item 0 has 1.5'],
	])('refuses %p before any request', async (limit, message) => {
		const { run } = withCredential();
		const result = await run({ operation: 'getMany', returnAll: false, limit });
		expect(result.error?.message).toBe(message);
		expect(sandbox.server.count('POST', EXTENSIONS)).toBe(0);
	});

	it('a good Limit returns that many', async () => {
		const { run } = withCredential();
		const result = await run({ operation: 'getMany', returnAll: false, limit: '={{ "3" }}' });
		expect(result.json(NODE)).toHaveLength(3);
	});
});

describe('OpenVox: well-formed XML only, and register passwords without whitespace or controls', () => {
	it.each([
		['\u0001', 'U+0001'],
		['\u000b', 'U+000B'],
		['\ud800', 'U+D800'],
	])('refuses a Name with %p in the XML variant before sending, naming the field', async (bad, code) => {
		const { run } = withCredential({ apiFormat: 'xml' });
		const result = await run({ operation: 'update', extid: '1000', settings: { username: `Ann${bad}Lee` } });
		expect(result.error?.message).toBe(`Name contains a character that XML cannot carry (${code} at position 4); item 0`);
		expect(sandbox.server.count('POST', '/api/v0.0.1/extension/update')).toBe(0);
	});

	it('sends tabs, line breaks and characters outside the BMP in XML', async () => {
		const { run } = withCredential({ apiFormat: 'xml' });
		const result = await run({ operation: 'update', extid: '1000', settings: { username: 'Ann 😀 Lee' } });
		expect(result.status).toBe('success');
	});

	it.each([
		['\t', 'U+0009'],
		['\n', 'U+000A'],
		['\u00a0', 'U+00A0'],
		['\u0007', 'U+0007'],
		['\u2003', 'U+2003'],
	])('refuses a register password with %p', async (bad, code) => {
		const { run } = withCredential();
		const result = await run({ operation: 'create', number: '2300', passwordMode: 'set', registerpassword: `abc${bad}123` });
		expect(result.error?.message).toBe(
			`"Register Password" contains a whitespace or control character (${code}); the PBX does not allow ;&"'\\<>\`|, spaces or control characters (item 0)`,
		);
		expect(sandbox.server.count('POST', '/api/v0.0.1/extension/add')).toBe(0);
	});
});

describe('OpenVox Delete', () => {
	it('sends each number once and reports each once', async () => {
		const { run } = withCredential();
		const result = await run({ operation: 'delete', number: '1001, 1002,1001 ,1002' });
		expect(result.json(NODE)).toEqual([{ deleted: ['1001', '1002'], success: true }]);
		const sent = sandbox.server.requests.find((r) => r.path.endsWith('/extension/delete'))!;
		expect(JSON.parse(sent.text)).toEqual({ number: '1001,1002' });
	});
});

describe('OpenVox: a stalled PBX', () => {
	it('gives a query 3 attempts and fails the remaining items at once', async () => {
		const { run } = withCredential();
		await run({ operation: 'getMany', returnAll: true }); // logged in
		sandbox.server.clearLog();
		sandbox.server.injectFault({ path: EXTENSIONS, stall: true, times: 100 });
		const result = await run({ operation: 'getMany', returnAll: true, requestOptions: { timeout: 250 } }, { items: [{}, {}, {}], continueOnFail: true });
		const message = 'OpenVox request failed: the server did not answer within 250 ms (3 attempts)';
		expect(result.json(NODE).map((item) => item.error)).toEqual([message, message, message]);
		expect(sandbox.server.count('POST', EXTENSIONS)).toBe(3);
	});
});
