/**
 * The sandbox core's hooks (dev/sandbox/core.ts): test code that runs while a request is in
 * flight, so a test can change the PBX between two pages of a list or between a read and a
 * write. Checked over real HTTP on a bare server, then through the engine against 3CX.
 */
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { threeCx } from '../../dev/harness/vendors';
import { SandboxServer } from '../../dev/sandbox/core';

describe('SandboxServer hooks', () => {
	const server = new SandboxServer('hooks');
	let counter = 0;
	server.route('GET', '/counter', () => ({ status: 200, body: { counter } }));
	server.route('POST', '/counter', () => ({ status: 200, body: { counter: ++counter } }));
	const get = async (path = '/counter') => (await (await fetch(`${server.baseUrl}${path}`)).json()) as { counter: number; message?: string };
	const post = async () => (await (await fetch(`${server.baseUrl}/counter`, { method: 'POST' })).json()) as { counter: number };

	beforeAll(async () => {
		await server.start();
	});
	afterAll(async () => await server.stop());
	beforeEach(() => {
		counter = 0;
		server.clearHooks();
		server.clearFaults();
		server.clearLog();
	});

	it('runs `before` ahead of the handler, once by default, and counts its runs', async () => {
		const hook = server.hook({ method: 'GET', path: '/counter', before: () => void (counter = 10) });
		expect(await get()).toEqual({ counter: 10 });
		counter = 0;
		expect(await get()).toEqual({ counter: 0 });
		expect(hook.ran).toBe(1);
	});

	it('runs `beforeAnswer` after the handler: the request sees the old state, the PBX holds the new one', async () => {
		server.hook({ method: 'POST', beforeAnswer: () => void (counter += 100) });
		expect(await post()).toEqual({ counter: 1 });
		expect(await get()).toEqual({ counter: 101 });
	});

	it('skips `after` matching requests, honours `times` and `when`, and can be removed', async () => {
		const seen: string[] = [];
		const hook = server.hook({
			path: '/counter',
			when: (req) => req.query.page !== undefined,
			after: 1,
			times: 2,
			before: (req) => void seen.push(req.query.page),
		});
		for (const page of ['1', '2', '3', '4']) await get(`/counter?page=${page}`);
		await get();
		expect(seen).toEqual(['2', '3']);
		expect(hook.ran).toBe(2);
		const removed = server.hook({ times: Infinity, before: () => void seen.push('removed') });
		removed.remove();
		await get();
		expect(seen).toEqual(['2', '3']);
	});

	it('an async hook holds the request until it is done (e.g. while another writer runs)', async () => {
		server.hook({ method: 'GET', before: async () => void (await post()) });
		expect(await get()).toEqual({ counter: 1 });
	});

	it('a request a fault answered does not reach the hooks', async () => {
		server.injectFault({ path: '/counter', status: 503 });
		const hook = server.hook({ path: '/counter', before: () => void (counter = 5) });
		expect((await fetch(`${server.baseUrl}/counter`)).status).toBe(503);
		expect(hook.ran).toBe(0);
		expect(await get()).toEqual({ counter: 5 });
	});

	it('a hook that throws answers 500 with its message, so the test sees it', async () => {
		server.hook({ before: () => { throw new Error('boom'); } });
		const response = await fetch(`${server.baseUrl}/counter`);
		expect(response.status).toBe(500);
		expect(await response.json()).toEqual({ message: 'Sandbox hook error: boom' });
	});
});

describe('a 3CX list that changes between two pages (through the engine)', () => {
	const { sandbox, run } = sandboxPerTest(threeCx, { seed: 150 });

	it('a user created before the second page is read is on it', async () => {
		const secondPage = sandbox.server.hook({
			method: 'GET',
			path: '/xapi/v1/Users',
			when: (req) => req.query.$skip === '100',
			before: () => void sandbox.seedUsers(1, 900),
		});
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(secondPage.ran).toBe(1);
		const numbers = result.json(threeCx.node).map((user) => user.number);
		expect(numbers).toHaveLength(151);
		expect(numbers[150]).toBe('900');
	});
});
