import { sandboxPerTest, withSandbox } from '../../dev/harness/sandboxPerTest';
import { threeCx } from '../../dev/harness/vendors';
import { NODE } from './helpers';

const TOTAL = 1234;
const { sandbox, run, current } = sandboxPerTest(threeCx, { seed: TOTAL });

const pages = () => sandbox.server.requests.filter((r) => r.method === 'GET' && r.path === '/xapi/v1/Users');

describe('3CX Get Many: Return All over 1,000+ users', () => {
	it('pages with $top=100 and $skip on Id, ⌈n/100⌉ requests plus one token', async () => {
		const result = await run({ operation: 'getMany', returnAll: true });
		const ids = result.json(NODE).map((u) => Number(u.id));
		expect(ids).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
		expect(pages()).toHaveLength(Math.ceil(TOTAL / 100));
		expect(pages().every((r) => Number(r.query.$top) <= 100 && r.query.$orderby === 'Id')).toBe(true);
		expect(result.json(NODE)[0]).not.toHaveProperty('@odata.count');
		expect(sandbox.server.count('POST', '/connect/token')).toBe(1);
		expect(sandbox.server.requests.some((r) => r.status === 400)).toBe(false);
	});

	it('loses and duplicates no user when faults hit mid-paging', async () => {
		sandbox.server.injectFault({ method: 'GET', path: '/xapi/v1/Users', after: 3, times: 2, status: 503 });
		sandbox.server.injectFault({ method: 'GET', path: '/xapi/v1/Users', after: 6, times: 1, drop: true });
		sandbox.server.injectFault({ method: 'GET', path: '/xapi/v1/Users', after: 9, times: 1, status: 429, retryAfter: 0 });
		sandbox.server.injectFault({ method: 'GET', path: '/xapi/v1/Users', after: 11, times: 1, status: 502 });
		const result = await run({ operation: 'getMany', returnAll: true, output: 'raw', options: { select: 'Id,Number', count: true } });
		expect(result.status).toBe('success');
		const numbers = result.json(NODE).map((u) => u.Number as string);
		expect(numbers).toHaveLength(TOTAL);
		expect(new Set(numbers).size).toBe(TOTAL);
		expect(sandbox.server.requests.filter((r) => r.faulted || r.status === 'dropped')).toHaveLength(5);
		expect(result.json(NODE)[0]['@odata.count']).toBe(TOTAL);
	});

	it('keeps a stable order for a non-unique $orderby by appending Id', async () => {
		const result = await run({ operation: 'getMany', returnAll: true, output: 'raw', options: { orderby: 'LastName desc', select: 'Id,LastName' } });
		const users = result.json(NODE);
		expect(users).toHaveLength(TOTAL);
		expect(new Set(users.map((u) => u.Id)).size).toBe(TOTAL);
		expect(pages()[0].query.$orderby).toBe('LastName desc,Id');
		for (let i = 1; i < users.length; i++) {
			const [a, b] = [users[i - 1], users[i]];
			expect((a.LastName as string) > (b.LastName as string) || (a.LastName === b.LastName && (a.Id as number) < (b.Id as number))).toBe(true);
		}
	});

	it('Limit above 100 is split into pages and stops exactly at the limit', async () => {
		const result = await run({ operation: 'getMany', returnAll: false, limit: 250 });
		expect(result.json(NODE)).toHaveLength(250);
		expect(pages().map((r) => [r.query.$top, r.query.$skip])).toEqual([
			['100', '0'],
			['100', '100'],
			['50', '200'],
		]);
	});

	it('stops on @odata.count when the last page is exactly full', async () => {
		await withSandbox(threeCx, { seed: 300 }, async (exact) => {
			const { run } = exact.current();
			const result = await run({ operation: 'getMany', returnAll: true, options: { count: true } });
			expect(result.json(NODE)).toHaveLength(300);
			expect(exact.server.count('GET', '/xapi/v1/Users')).toBe(3);
			const withoutCount = await run({ operation: 'getMany', returnAll: true });
			expect(withoutCount.json(NODE)).toHaveLength(300);
			expect(withoutCount.json(NODE)[0]).not.toHaveProperty('@odata.count');
			// The count is asked on the first page only, so no extra empty page is needed.
			expect(exact.server.count('GET', '/xapi/v1/Users')).toBe(3 + 3);
			const counted = exact.server.requests.filter((r) => r.path === '/xapi/v1/Users').map((r) => r.query.$count);
			expect(counted).toEqual(['true', 'true', 'true', 'true', undefined, undefined]);
		});
	});

	it('the sandbox enforces the live $top cap with the OData message', async () => {
		const { store, credential, run } = current();
		await run({ operation: 'get', getBy: 'id', userId: '1' });
		const response = await fetch(`${sandbox.server.baseUrl}/xapi/v1/Users?$top=500`, {
			headers: { Authorization: `Bearer ${String(store.data(credential.id).accessToken)}` },
		});
		expect(response.status).toBe(400);
		expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
			"The query specified in the URI is not valid. The limit of '100' for Top query has been exceeded. The value from the incoming request is '500'.",
		);
	});
});
