/**
 * The rate limit with the real ratio, sped up: the sandbox allows 10 requests per 100 ms per
 * domain (Cloudonix: 10 per 3 s) and the node is paced at the same 10 per 100 ms through its
 * "Requests per Window" / "Window (Milliseconds)" options. The pacer counts each request until its
 * answer arrived, and the sandbox counts it when it arrives, so on one clock no machine
 * speed can push an 11th request into the server's window. Where the node is meant to
 * exceed the limit, the sandbox's limiter runs on a virtual clock that advances per request,
 * so which requests are refused depends on their order only.
 */
import type { IDataObject } from 'n8n-workflow';

import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { cloudonix } from '../../dev/harness/vendors';
import { NODE } from './helpers';

const { sandbox, withCredential } = sandboxPerTest(cloudonix, { options: { rateLimit: 10, rateWindowMs: 100 } });
const SUBSCRIBERS = '/customers/self/domains/sandbox.cloudonix.net/subscribers';

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

		const { run } = withCredential();
		const result = await run(upsert({ requestsPerWindow: 10, windowMs: 100 }), { items: items });

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
		// One list for the run, a lookup after each lost create, and for each of the 250 profile
		// merges a fresh read and a read back (issue 21: a read-modify-write converges).
		expect(sandbox.server.count('GET', SUBSCRIBERS)).toBe(1 + 2 + 250 * 2);
	});

	// Pacing off: the node is allowed far more than the domain's limit. On the sandbox's virtual
	// clock (9.5 ms per request, 10 per 100 ms) the 11th request after ten accepted ones is refused.
	const unpaced = { requestsPerWindow: 1000, windowMs: 1000 };

	it('backs off on the server\'s own 429s (no Retry-After) without failing or duplicating', async () => {
		const items = Array.from({ length: 25 }, (_, i) => ({ number: String(5000 + i), name: `Burst ${i}` }));
		sandbox.state.rateClockStepMs = 9.5;
		const { run } = withCredential();
		const result = await run(upsert(unpaced), { items: items });
		expect(result.status).toBe('success');
		// 1 list + 25 creates accepted; requests 11 and 22 refused, each sent again.
		expect(sandbox.state.rateLimited).toBe(2);
		expect(sandbox.server.requests.map((r) => r.status).filter((status) => status === 429)).toHaveLength(2);
		expect(sandbox.server.count('POST', SUBSCRIBERS)).toBe(25 + 2);
		expect(sandbox.list()).toHaveLength(25);
		expect([...sandbox.state.createsByMsisdn.values()].every((n) => n === 1)).toBe(true);
	});

	it('waits as long as the server\'s Retry-After says before sending a refused request again', async () => {
		const items = Array.from({ length: 12 }, (_, i) => ({ number: String(6000 + i), name: `Wait ${i}` }));
		sandbox.state.rateClockStepMs = 9.5;
		// Longer than the node's own first back-off (at most 1 s), so a node that ignored it would be early.
		sandbox.state.retryAfter = 2;
		const { run } = withCredential();
		const result = await run(upsert(unpaced), { items: items });
		expect(result.status).toBe('success');
		// 1 list + 12 creates accepted; request 11 refused with Retry-After: 2.
		expect(sandbox.state.rateLimited).toBe(1);
		expect(sandbox.server.count('POST', SUBSCRIBERS)).toBe(12 + 1);
		// No request reached the domain before the 2 s had passed.
		expect(sandbox.state.earlyRetries).toBe(0);
		expect(sandbox.list()).toHaveLength(12);
	});
});
