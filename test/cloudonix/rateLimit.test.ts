/**
 * The rate limit with the real ratio, sped up: the sandbox allows 10 requests per 100 ms per
 * domain (Cloudonix: 10 per 3 s) and the node is paced at the same 10 per 100 ms through its
 * "Requests per Window" / "Window (ms)" options. The pacer counts each request until its
 * answer arrived, so latency jitter cannot push an 11th request into the server's window.
 */
import type { IDataObject } from 'n8n-workflow';

import { createCloudonixSandbox } from '../../dev/sandbox/cloudonix';
import { NODE, setup } from './helpers';

const sandbox = createCloudonixSandbox({ rateLimit: 10, rateWindowMs: 100 });
const SUBSCRIBERS = '/customers/self/domains/sandbox.cloudonix.net/subscribers';

beforeAll(async () => {
	await sandbox.server.start();
});
afterAll(async () => sandbox.server.stop());
beforeEach(() => {
	sandbox.reset();
	sandbox.state.rateWindowMs = 100;
	sandbox.server.clearFaults();
	sandbox.server.clearLog();
});

const upsert = (options: IDataObject) => ({
	operation: 'upsert',
	msisdn: '={{ $json.number }}',
	additionalFields: { displayName: '={{ $json.name }}' },
	options,
});

describe('Cloudonix rate limit', () => {
	it('upserts 500 items within the limit, with 429s and lost answers injected, creating each subscriber once', async () => {
		sandbox.seed(250); // 1000–1249 exist as "Subscriber N"
		const items = Array.from({ length: 500 }, (_, i) => ({ number: String(1000 + i), name: `Person ${1000 + i}` }));
		// 429s on creates and updates, with and without Retry-After.
		sandbox.server.injectFault({ method: 'PUT', path: SUBSCRIBERS, status: 429, retryAfter: 0, after: 10, times: 3 });
		sandbox.server.injectFault({ method: 'PUT', path: SUBSCRIBERS, status: 429, after: 100, times: 1 });
		sandbox.server.injectFault({ method: 'POST', path: SUBSCRIBERS, status: 429, retryAfter: 0, after: 5, times: 3 });
		sandbox.server.injectFault({ method: 'POST', path: SUBSCRIBERS, status: 429, retryAfter: 0, after: 50, times: 2 });
		// A create applied but never answered, one never received, and a dropped update.
		sandbox.server.injectFault({ method: 'POST', path: SUBSCRIBERS, dropAfterHandling: true, after: 120, times: 1 });
		sandbox.server.injectFault({ method: 'POST', path: SUBSCRIBERS, drop: true, after: 200, times: 1 });
		sandbox.server.injectFault({ method: 'PUT', path: SUBSCRIBERS, drop: true, after: 200, times: 1 });

		const { workflow, run } = setup(sandbox);
		const result = await run(workflow(upsert({ requestsPerWindow: 10, windowMs: 100 }), items));

		expect(result.status).toBe('success');
		const out = result.json(NODE);
		expect(out).toHaveLength(500);
		expect(out.filter((e) => e.action === 'updated')).toHaveLength(250);
		expect(out.filter((e) => e.action === 'created')).toHaveLength(250);
		// Exactly the expected subscribers, each created once, none rejected as duplicate.
		const subscribers = sandbox.list();
		expect(subscribers.map((s) => [s.msisdn, s.profile.displayName])).toEqual(items.map((i) => [i.number, i.name]));
		expect([...sandbox.state.createsByMsisdn.values()].every((n) => n === 1)).toBe(true);
		expect(sandbox.state.createsByMsisdn.size).toBe(250);
		expect(sandbox.state.duplicateRejections).toBe(0);
		// The node stayed within the limit: the sandbox's own limiter never answered 429.
		expect(sandbox.state.rateLimited).toBe(0);
		expect(sandbox.server.requests.filter((r) => r.status === 429)).toHaveLength(9);
		// One list for the run, then one request per item plus the retries and checks.
		expect(sandbox.server.count('GET', SUBSCRIBERS)).toBe(1 + 2); // list + a lookup after each lost create
	});

	it('backs off on the server\'s own 429s (no Retry-After) without failing or duplicating', async () => {
		const items = Array.from({ length: 25 }, (_, i) => ({ number: String(5000 + i), name: `Burst ${i}` }));
		// A 1 s window: 11 requests always start within it, even on a busy machine.
		sandbox.state.rateWindowMs = 1000;
		const { workflow, run } = setup(sandbox);
		// Pacing off: the node is allowed far more than the domain's limit.
		const result = await run(workflow(upsert({ requestsPerWindow: 1000, windowMs: 1000 }), items));
		expect(result.status).toBe('success');
		expect(sandbox.state.rateLimited).toBeGreaterThan(0);
		expect(sandbox.list()).toHaveLength(25);
		expect([...sandbox.state.createsByMsisdn.values()].every((n) => n === 1)).toBe(true);
	});
});
