/**
 * 3CX under faults and bad input (issue classes 1–4, 6, 7), through the engine against the
 * sandbox: a page instead of the API is an error on every read, numbers and departments are
 * checked before the request, an echoed client secret is redacted, a lost DELETE answer is
 * confirmed by the retry, a stalled PBX costs a bounded number of attempts.
 */
import { loadOptions } from '../../dev/harness/engine';
import { pkg } from '../../dev/harness/workflow';
import { htmlPage } from '../../dev/sandbox/core';
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { threeCx } from '../../dev/harness/vendors';
import { NODE } from './helpers';

const { sandbox, run, current } = sandboxPerTest(threeCx, { seed: 120 });
const MAINTENANCE = htmlPage(200, 'Maintenance');
const users = () => sandbox.server.count('GET', '/xapi/v1/Users');

describe('3CX: an answer that is not the API is an error, never "0 users"', () => {
	it.each([
		['Get Many', { operation: 'getMany', returnAll: true }, 'GET /xapi/v1/Users', 'JSON with "value"'],
		['Get', { operation: 'get', getBy: 'id', userId: '1' }, 'GET /xapi/v1/Users(1)', 'a JSON object'],
		['Get by number', { operation: 'get', getBy: 'number', extensionNumber: '100' }, "GET /xapi/v1/Users(Number='100')", 'a JSON object'],
	])('%s fails on a maintenance page (HTTP 200 text/html) while the token works', async (_, parameters, request, expected) => {
		sandbox.server.injectFault({ path: '/xapi/v1/Users', ...MAINTENANCE, times: 100 });
		const result = await run(parameters);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			`Unexpected answer from 3CX for ${request}: expected ${expected}, got text/html ("<html><head><title>Maintenance</title></head><body><h1>Maint…")`,
		);
		expect(result.error?.description).toContain('maintenance');
		expect(sandbox.server.count('POST', '/connect/token')).toBe(1);
	});

	it('Get Many fails on JSON without "value" (e.g. another service on the URL)', async () => {
		sandbox.server.injectFault({ path: '/xapi/v1/Users', status: 200, body: { status: 'ok' }, times: 100 });
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.error?.message).toBe(
			'Unexpected answer from 3CX for GET /xapi/v1/Users: expected JSON with "value", got application/json ("{\\"status\\":\\"ok\\"}")',
		);
	});

	it('a page on the second page of Return All fails the whole read (no partial list)', async () => {
		sandbox.server.injectFault({ path: '/xapi/v1/Users', after: 1, ...MAINTENANCE });
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.status).toBe('error');
		expect(result.json(NODE)).toEqual([]);
	});

	it('the Department dropdown fails on a page instead of offering no departments', async () => {
		sandbox.server.injectFault({ path: '/xapi/v1/Groups', ...MAINTENANCE, times: 100 });
		const { store, credential } = current();
		await expect(
			loadOptions(store, pkg('threeCx'), 'getGroups', { credentials: { threeCxApi: credential } }),
		).rejects.toThrow(/^Unexpected answer from 3CX for GET \/xapi\/v1\/Groups: expected JSON with "value", got text\/html/);
	});

	it('reads all 120 users when the PBX answers', async () => {
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.json(NODE)).toHaveLength(120);
	});
});

describe('3CX: numeric parameters and departments are checked before the request', () => {
	const cases: Array<[string, object, string]> = [
		['Limit "abc"', { limit: '={{ "abc" }}' }, 'Limit must be a whole number of at least 1; item 0 has "abc"'],
		['Limit -5', { limit: -5 }, 'Limit must be a whole number of at least 1; item 0 has -5'],
		['Limit 0', { limit: 0 }, 'Limit must be a whole number of at least 1; item 0 has 0'],
		['Limit null', { limit: '={{ null }}' }, 'Limit must be a whole number of at least 1; item 0 has null'],
		['Skip 2.5', { limit: 5, options: { skip: 2.5 } }, 'Skip must be a whole number of at least 0; item 0 has 2.5'],
		['Skip "x"', { limit: 5, options: { skip: '={{ "x" }}' } }, 'Skip must be a whole number of at least 0; item 0 has "x"'],
		['Department "Sales"', { limit: 5, options: { groupId: '={{ "Sales" }}' } }, 'Department Name or ID must be a whole number from 1 to 2147483647; item 0 has "Sales"'],
	];
	it.each(cases)('Get Many refuses %s', async (_, parameters, message) => {
		const result = await run({ operation: 'getMany', ...parameters });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(message);
		expect(users()).toBe(0);
	});

	it('Create refuses a Department that is not a number', async () => {
		const result = await run({ operation: 'create', Number: '900', FirstName: 'A', additionalFields: { groupId: '={{ "Sales" }}' } });
		expect(result.error?.message).toBe('Department Name or ID must be a whole number from 1 to 2147483647; item 0 has "Sales"');
		expect(sandbox.server.count('POST', '/xapi/v1/Users')).toBe(0);
	});

	it('accepts numbers given as text and a numeric Department', async () => {
		const result = await run({ operation: 'getMany', limit: '={{ "7" }}', options: { skip: '={{ "2" }}', groupId: '={{ "1" }}' } });
		expect(result.status).toBe('success');
		expect(result.json(NODE).length).toBeGreaterThan(0);
		expect(sandbox.server.requests.find((r) => r.path === '/xapi/v1/Users')?.query.$filter).toBe('Groups/any(g:g/GroupId eq 1)');
	});

	it('with Continue On Fail, names each bad item and serves the good ones', async () => {
		const result = await run({ operation: 'getMany', limit: '={{ $json.limit }}' }, { items: [{ limit: 2 }, { limit: 'all' }, { limit: 3 }], continueOnFail: true });
		const out = result.json(NODE);
		expect(out.filter((item) => item.error).map((item) => item.error)).toEqual([
			'Limit must be a whole number of at least 1; item 1 has "all"',
		]);
		expect(out.filter((item) => !item.error)).toHaveLength(5);
	});
});

describe('3CX Batch Delete and Reprovision: an empty ID list is an error item', () => {
	it.each(['batchDelete', 'reprovisionAllPhones'])('%s', async (operation) => {
		const result = await run({ operation, idSource: 'inputItems', idField: 'ids' }, { items: [{ ids: [1, 2] }, { ids: [] }], continueOnFail: true });
		const out = result.json(NODE);
		expect(out.find((item) => item.error)?.error).toBe('Input item 1 has an empty list in field "ids" (parameter "ID Field")');
		expect(out.filter((item) => !item.error)).toHaveLength(1);
		const calls = operation === 'batchDelete' ? sandbox.state.batchDeleteCalls : sandbox.state.reprovisionCalls;
		expect(calls).toEqual([[1, 2]]);
	});
});

describe('3CX Delete: a lost answer is confirmed by the retry', () => {
	it('reports deleted with confirmedBy "404 on retry"', async () => {
		sandbox.server.injectFault({ method: 'DELETE', path: '/xapi/v1/Users(5)', dropAfterHandling: true });
		const result = await run({ operation: 'delete', userId: '5' });
		expect(result.json(NODE)).toEqual([{ id: '5', deleted: true, confirmedBy: '404 on retry' }]);
		expect(sandbox.server.count('DELETE', '/xapi/v1/Users(5)')).toBe(2);
	});

	it('still fails a user that did not exist', async () => {
		const result = await run({ operation: 'delete', userId: '99999' });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/HTTP 404/);
	});
});

describe('3CX: the client secret never appears, also URL-encoded in an echoed token request', () => {
	it('redacts an echoing token endpoint', async () => {
		const secret = 'Sec/ret+Key&1=';
		const { store, credential } = current();
		store.data(credential.id).clientSecret = secret;
		sandbox.server.injectFault({ method: 'POST', path: '/connect/token', echo: true, times: 10 });
		const result = await run({ resource: 'user', operation: 'getMany', limit: 1 });
		expect(result.status).toBe('error');
		const text = JSON.stringify(result.run.data.resultData);
		for (const leak of [secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2)]) {
			expect(text).not.toContain(leak);
		}
	});
});

describe('3CX: a stalled PBX', () => {
	it('gives up after 3 attempts and fails the remaining items at once', async () => {
		sandbox.server.injectFault({ path: '/xapi/v1/Users', stall: true, times: 100 });
		const result = await run({ operation: 'getMany', limit: 5, requestOptions: { timeout: 250 } }, { items: [{}, {}, {}], continueOnFail: true });
		const message = '3CX request failed: the server did not answer within 250 ms (3 attempts)';
		expect(result.json(NODE).map((item) => item.error)).toEqual([message, message, message]);
		expect(users()).toBe(3);
	});
});

describe('3CX Export Extensions (node version 2): the CSV file drops secret columns unless Include Secrets', () => {
	const exportRun = (typeVersion: number, includeSecrets: boolean) =>
		run({ operation: 'exportExtensions', exportOutput: 'file', binaryPropertyName: 'data', options: includeSecrets ? { includeSecrets } : {} }, { typeVersion });
	const header = async (typeVersion: number, includeSecrets: boolean) => {
		const result = await exportRun(typeVersion, includeSecrets);
		const text = Buffer.from(result.output(NODE)[0][0].binary!.data.data, 'base64').toString('utf8');
		return text.replace(/^\ufeff/, '').split('\r\n')[0].split(',');
	};
	it('version 2 leaves AuthPassword out of the file', async () => {
		expect(await header(2, false)).not.toContain('AuthPassword');
		expect(await header(2, false)).toContain('AuthID');
	});
	it('version 2 keeps it with Include Secrets', async () => {
		expect(await header(2, true)).toContain('AuthPassword');
	});
	it('version 1 keeps the file as the PBX sent it', async () => {
		expect(await header(1, false)).toContain('AuthPassword');
	});
});
