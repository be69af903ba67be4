import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';

import { CredentialStore } from '../../dev/harness/credentials';
import { runWorkflow, testCredential } from '../../dev/harness/engine';
import { registerTestTypes } from '../../dev/harness/registry';
import { buildWorkflow, source } from '../../dev/harness/workflow';
import { SandboxRequest, SandboxTokenApi, tokenSandbox } from './fixtures';

registerTestTypes({ nodes: { 'test.sandboxRequest': new SandboxRequest() }, credentials: [new SandboxTokenApi()] });

const sandbox = tokenSandbox();
let url = '';

beforeAll(async () => {
	url = await sandbox.server.start();
});
afterAll(async () => sandbox.server.stop());
beforeEach(() => {
	sandbox.server.clearFaults();
	sandbox.server.clearLog();
});

function setup(password = 's3cret-pass') {
	const store = new CredentialStore();
	const credential = store.add('sandboxTokenApi', { url, username: 'admin', password, sessionToken: '' });
	const workflow = (method: string, path: string, items: object[], continueOnFail = false, timeout = 0) =>
		buildWorkflow(
			[
				source('Items', items as never),
				{
					name: 'Request',
					type: 'test.sandboxRequest',
					parameters: { method, path, timeout },
					credentials: { sandboxTokenApi: credential },
					continueOnFail,
				},
			],
			[['Items', 'Request']],
		);
	return { store, credential, workflow };
}

describe('shared transport and credentials through the engine', () => {
	it('logs in once and reuses the token across items and executions', async () => {
		const { store, credential, workflow } = setup();
		const items = Array.from({ length: 20 }, (_, i) => ({ i }));
		const first = await runWorkflow(workflow('GET', '/items/1', items), store);
		const second = await runWorkflow(workflow('GET', '/items/2', items), store);
		expect(first.status).toBe('success');
		expect(second.json('Request')).toHaveLength(20);
		expect(sandbox.server.count('POST', '/login')).toBe(1);
		expect(store.preAuthCount.get(credential.id)).toBe(1);
		expect(store.data(credential.id).sessionToken).toMatch(/^tok-/);
	});

	it('refreshes an expired token once on 401 and retries the request', async () => {
		const { store, workflow } = setup();
		await runWorkflow(workflow('GET', '/items/1', [{}]), store);
		sandbox.expireAll();
		sandbox.server.clearLog();
		const result = await runWorkflow(workflow('GET', '/items/7', [{}, {}]), store);
		expect(result.json('Request')).toEqual([{ id: '7' }, { id: '7' }]);
		expect(sandbox.server.count('POST', '/login')).toBe(1);
		expect(sandbox.server.count('GET', '/items/7')).toBe(3);
	});

	it('honours Retry-After on 429 and backs off without one', async () => {
		const { store, workflow } = setup();
		sandbox.server.injectFault({ path: '/items/', status: 429, retryAfter: 0, times: 2 });
		sandbox.server.injectFault({ path: '/items/', status: 429, after: 0, times: 1 });
		const result = await runWorkflow(workflow('GET', '/items/3', [{}]), store);
		expect(result.json('Request')).toEqual([{ id: '3' }]);
		expect(sandbox.server.count('GET', '/items/3')).toBe(4);
	});

	it('retries 429 for a POST exactly until it is accepted, creating once', async () => {
		const { store, workflow } = setup();
		sandbox.state.created.length = 0;
		sandbox.server.injectFault({ method: 'POST', path: '/items', status: 429, retryAfter: '0', times: 2 });
		const result = await runWorkflow(workflow('POST', '/items', [{ n: 1 }]), store);
		expect(result.status).toBe('success');
		expect(sandbox.state.created).toEqual([{ n: 1 }]);
	});

	it('retries 5xx and dropped connections for GET', async () => {
		const { store, workflow } = setup();
		sandbox.server.injectFault({ path: '/items/', status: 502, times: 1 });
		sandbox.server.injectFault({ path: '/items/', drop: true, times: 1 });
		sandbox.server.injectFault({ path: '/items/', status: 503, times: 1 });
		const result = await runWorkflow(workflow('GET', '/items/4', [{}]), store);
		expect(result.json('Request')).toEqual([{ id: '4' }]);
	});

	it('does not retry a POST after a 500 or a dropped connection (it may have been applied)', async () => {
		const { store, workflow } = setup();
		sandbox.server.injectFault({ method: 'POST', path: '/items', status: 500, body: { message: 'database busy' } });
		const result = await runWorkflow(workflow('POST', '/items', [{ n: 2 }]), store);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Sandbox request failed (HTTP 500): database busy');
		expect(sandbox.server.count('POST', '/items')).toBe(1);

		sandbox.server.injectFault({ method: 'POST', path: '/items', drop: true });
		const dropped = await runWorkflow(workflow('POST', '/items', [{ n: 3 }]), store);
		expect(dropped.error?.message).toBe('Sandbox request failed: the connection was closed before the server answered');
		expect(sandbox.server.count('POST', '/items')).toBe(2);
	});

	it('gives up after a bounded number of retries', async () => {
		const { store, workflow } = setup();
		sandbox.server.injectFault({ path: '/items/', status: 503, times: 100 });
		const result = await runWorkflow(workflow('GET', '/items/5', [{}]), store);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('HTTP 503');
		expect(sandbox.server.count('GET', '/items/5')).toBe(5);
	});

	it('times out a slow response and retries it', async () => {
		const { store, workflow } = setup();
		// The first attempt never gets an answer; the retry has the whole 2 s, plenty on a busy machine.
		sandbox.server.injectFault({ path: '/items/', stall: true, times: 1 });
		const result = await runWorkflow(workflow('GET', '/items/6', [{}], false, 2000), store);
		expect(result.json('Request')).toEqual([{ id: '6' }]);
		expect(sandbox.server.count('GET', '/items/6')).toBe(2);
	});

	it('keeps secrets out of errors and honours Continue On Fail', async () => {
		const { store, workflow } = setup();
		const result = await runWorkflow(workflow('GET', '/leak', [{}, {}], true), store);
		expect(result.status).toBe('success');
		const output = result.json('Request');
		expect(output).toEqual([
			{ error: 'Sandbox request failed (HTTP 400): password *** rejected' },
			{ error: 'Sandbox request failed (HTTP 400): password *** rejected' },
		]);
		// n8n reports node errors (and their causes) through its logger: capture what it logs, too.
		const logged: string[] = [];
		const logger = Container.get(Logger);
		const spies = (['error', 'warn'] as const).map((level) =>
			jest.spyOn(logger, level).mockImplementation((message: string, meta?: object) => {
				logged.push(`${message} ${JSON.stringify(meta ?? {})}`);
			}),
		);
		let failed;
		try {
			failed = await runWorkflow(workflow('GET', '/leak', [{}]), store);
		} finally {
			spies.forEach((spy) => spy.mockRestore());
		}
		const token = store.data('1').sessionToken as string;
		for (const text of [JSON.stringify(failed.run.data.resultData), logged.join('\n')]) {
			expect(text).not.toContain('s3cret-pass');
			expect(text).not.toContain(token);
		}
		expect(logged.join('\n')).toContain('password *** rejected');
	});

	it('fails a wrong password with the vendor message and does not loop', async () => {
		const { store, workflow } = setup('wrong');
		const result = await runWorkflow(workflow('GET', '/items/1', [{}]), store);
		expect(result.status).toBe('error');
		expect(sandbox.server.count('POST', '/login')).toBeLessThanOrEqual(2);
		expect(JSON.stringify(result.run.data.resultData)).not.toContain('"wrong"');
	});

	it('tests a credential through n8n-core RoutingNode, running preAuthentication', async () => {
		const good = setup();
		expect(await testCredential(good.store, 'sandboxTokenApi', good.credential.id)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(sandbox.server.count('POST', '/login')).toBe(1);
		const bad = setup('nope');
		const result = await testCredential(bad.store, 'sandboxTokenApi', bad.credential.id);
		expect(result.status).toBe('Error');
	});
});
