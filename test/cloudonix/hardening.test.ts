/**
 * Cloudonix under faults and bad input (issue classes 1, 2, 4, 6, 7), through the engine
 * against the sandbox.
 */
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { cloudonix } from '../../dev/harness/vendors';
import { htmlPage } from '../../dev/sandbox/core';
import { NODE } from './helpers';

const { sandbox, withCredential } = sandboxPerTest(cloudonix, { options: { rateLimit: 1000, rateWindowMs: 1000 } });
const SUBSCRIBERS = '/customers/self/domains/sandbox.cloudonix.net/subscribers';

const writes = () => sandbox.server.requests.filter((r) => r.method !== 'GET').length;

describe('Cloudonix: an answer that is not the API is an error, never "no subscribers"', () => {
	it('Get Many fails on a maintenance page with HTTP 200', async () => {
		sandbox.seed(3);
		sandbox.server.injectFault({ path: SUBSCRIBERS, ...htmlPage(200, 'Maintenance'), times: 10 });
		const { run } = withCredential();
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			`Unexpected answer from Cloudonix for GET ${SUBSCRIBERS}: expected a JSON array, got text/html ("<html><head><title>Maintenance</title></head><body><h1>Maint…")`,
		);
	});

	it("Get Many fails on a proxy's HTML 404 page but reads the documented JSON 404 as none", async () => {
		const { run } = withCredential();
		const empty = await run({ operation: 'getAll', returnAll: true });
		expect(empty.status).toBe('success');
		expect(empty.json(NODE)).toEqual([]);
		sandbox.seed(2);
		sandbox.server.injectFault({ path: SUBSCRIBERS, ...htmlPage(404, '404 Not Found') });
		const foreign = await run({ operation: 'getAll', returnAll: true });
		expect(foreign.status).toBe('error');
		expect(foreign.error?.message).toMatch(/^Unexpected answer from Cloudonix for GET .*: expected a JSON array, got text\/html .* on HTTP 404$/);
	});

	it('Get Many fails on JSON that is not a list', async () => {
		sandbox.server.injectFault({ path: SUBSCRIBERS, status: 200, body: { subscribers: [] } });
		const { run } = withCredential();
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.error?.message).toMatch(/expected a JSON array, got application\/json/);
	});

	it('Create or Update of several items fails on a page instead of creating duplicates', async () => {
		sandbox.seed(2);
		sandbox.server.injectFault({ method: 'GET', path: SUBSCRIBERS, ...htmlPage(200, 'Maintenance'), times: 10 });
		const { run } = withCredential();
		const result = await run({ operation: 'upsert', msisdn: '={{ $json.n }}', passwordMode: 'generate' }, { items: [{ n: '1000' }, { n: '1001' }] });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Unexpected answer from Cloudonix for GET /);
		expect(writes()).toBe(0);
	});

	it('Get by MSISDN fails on a page', async () => {
		sandbox.seed(2);
		sandbox.server.injectFault({ path: `${SUBSCRIBERS}/1000`, ...htmlPage(200, 'Login') });
		const { run } = withCredential();
		const result = await run({ operation: 'get', findBy: 'msisdn', msisdn: '1000' });
		expect(result.error?.message).toMatch(/^Unexpected answer from Cloudonix for GET .*\/subscribers\/1000: expected a JSON object/);
	});
});

describe('Cloudonix: values a user gets wrong', () => {
	it.each(['.', '..', '10/01', '1001?x', '1001#', ' '])('refuses the MSISDN %p before any request', async (msisdn) => {
		const { run } = withCredential();
		const result = await run({ operation: 'create', msisdn, passwordMode: 'generate' });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/MSISDN/);
		expect(result.error?.message).toMatch(/item 0/);
		expect(sandbox.server.requests).toHaveLength(0);
	});

	it.each(['   ', '\t\n'])('refuses a whitespace-only SIP password %p', async (sipPassword) => {
		const { run } = withCredential();
		const result = await run({ operation: 'create', msisdn: '1500', passwordMode: 'set', sipPassword });
		expect(result.error?.message).toBe('The parameter "Password" is only whitespace in item 0');
		expect(sandbox.server.requests).toHaveLength(0);
	});

	it('refuses Limit "abc" and -5 naming the item; a good Limit still works', async () => {
		sandbox.seed(10);
		const { run } = withCredential();
		const result = await run({ operation: 'getAll', limit: '={{ $json.limit }}' }, { items: [{ limit: 'abc' }, { limit: -5 }, { limit: 3 }], continueOnFail: true });
		const out = result.json(NODE);
		expect(out.filter((item) => item.error).map((item) => item.error)).toEqual([
			'Limit must be a whole number of at least 1; item 0 has "abc"',
			'Limit must be a whole number of at least 1; item 1 has -5',
		]);
		expect(out.filter((item) => !item.error)).toHaveLength(3);
	});

	it('refuses Max MSISDN Length that is not a whole number', async () => {
		const { run } = withCredential();
		const result = await run({ operation: 'getAll', returnAll: true, filters: { maxMsisdnLength: '={{ "five" }}' } });
		expect(result.error?.message).toBe('Max MSISDN Length must be a whole number of at least 0; item 0 has "five"');
		expect(sandbox.server.requests).toHaveLength(0);
	});
});

describe('Cloudonix Delete: a lost answer is confirmed by the retry', () => {
	it('reports deleted with confirmedBy "404 on retry"', async () => {
		sandbox.seed(2);
		const id = String(sandbox.byMsisdn('1001')!.id);
		sandbox.server.injectFault({ method: 'DELETE', path: `${SUBSCRIBERS}/${id}`, dropAfterHandling: true });
		const { run } = withCredential();
		const result = await run({ operation: 'delete', findBy: 'id', subscriberId: id });
		expect(result.json(NODE)).toEqual([{ deleted: true, id, confirmedBy: '404 on retry' }]);
		expect(sandbox.byMsisdn('1001')).toBeUndefined();
	});

	it('still fails an unknown subscriber ID', async () => {
		const { run } = withCredential();
		const result = await run({ operation: 'delete', findBy: 'id', subscriberId: '424242' });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/HTTP 404/);
	});
});

describe('Cloudonix: a stalled server', () => {
	it('gives up after 3 attempts and fails the remaining items at once', async () => {
		sandbox.seed(2);
		sandbox.server.injectFault({ path: SUBSCRIBERS, stall: true, times: 100 });
		const { run } = withCredential();
		const result = await run({ operation: 'get', findBy: 'id', subscriberId: '1', requestOptions: { timeout: 250 } }, { items: [{}, {}, {}], continueOnFail: true });
		const message = 'Cloudonix request failed: the server did not answer within 250 ms (3 attempts)';
		expect(result.json(NODE).map((item) => item.error)).toEqual([message, message, message]);
		expect(sandbox.server.count('GET', SUBSCRIBERS)).toBe(3);
	});
});
