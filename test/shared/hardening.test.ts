/**
 * The shared kernel's guarantees, through n8n's engine against a loopback sandbox: answers
 * that are not the vendor's are errors (never "0 records"), numeric parameters are checked,
 * secrets stay out of errors in every encoding, a DELETE whose answer was lost is confirmed
 * by the retry's 404, and a stalled server costs a bounded number of attempts per run.
 */
import { CredentialStore } from '../../dev/harness/credentials';
import { runWorkflow } from '../../dev/harness/engine';
import { registerTestTypes } from '../../dev/harness/registry';
import { buildWorkflow, source } from '../../dev/harness/workflow';
import { htmlPage } from '../../dev/sandbox/core';
import { DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_ATTEMPTS } from '../../nodes/shared/timeout';
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
	sandbox.resetItems();
});

const store = new CredentialStore();
let credential: { id: string; name: string } | undefined;

function workflow(parameters: Record<string, unknown>, items: object[] = [{}], continueOnFail = false) {
	credential ??= store.add('sandboxTokenApi', { url, username: 'admin', password: 's3cret-pass', sessionToken: '' });
	return buildWorkflow(
		[
			source('Items', items as never),
			{
				name: 'Request',
				type: 'test.sandboxRequest',
				parameters: { method: 'GET', ...parameters },
				credentials: { sandboxTokenApi: credential },
				continueOnFail,
			},
		],
		[['Items', 'Request']],
	);
}

describe('answer shape (every read)', () => {
	it('reads a list with the documented shape', async () => {
		const result = await runWorkflow(workflow({ path: '/list', expect: 'list' }), store);
		expect(result.json('Request')).toEqual([{ value: [{ id: 1 }, { id: 2 }] }]);
	});

	it('fails a maintenance page on HTTP 200 while the login works, without retrying it', async () => {
		sandbox.server.injectFault({ path: '/list', ...htmlPage(200, 'Maintenance'), times: 10 });
		const result = await runWorkflow(workflow({ path: '/list', expect: 'list' }), store);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(
			'Unexpected answer from Sandbox for GET /list: expected JSON with "value", got text/html ("<html><head><title>Maintenance</title></head><body><h1>Maint…")',
		);
		expect(result.error?.description).toMatch(/web page.*proxy.*maintenance.*wrong URL.*Nothing was changed/);
		expect(sandbox.server.count('GET', '/list')).toBe(1);
	});

	it('fails JSON without the list key, and text on 200', async () => {
		sandbox.server.injectFault({ path: '/list', status: 200, body: { values: [] } });
		sandbox.server.injectFault({ path: '/list', status: 200, body: 'OK' });
		const result = await runWorkflow(workflow({ path: '/list', expect: 'list' }, [{}, {}], true), store);
		expect(result.json('Request').map((item) => item.error)).toEqual([
			'Unexpected answer from Sandbox for GET /list: expected JSON with "value", got application/json ("{\\"values\\":[]}")',
			'Unexpected answer from Sandbox for GET /list: expected JSON with "value", got text/plain ("OK")',
		]);
	});

	it('reads a documented JSON 404 as "none" and fails a foreign HTML 404 page', async () => {
		const empty = await runWorkflow(workflow({ path: '/empty-array', expect: 'array' }), store);
		expect(empty.json('Request')).toEqual([{ list: [] }]);
		sandbox.server.injectFault({ path: '/empty-array', ...htmlPage(404, '404 Not Found') });
		const foreign = await runWorkflow(workflow({ path: '/empty-array', expect: 'array' }), store);
		expect(foreign.status).toBe('error');
		expect(foreign.error?.message).toMatch(
			/^Unexpected answer from Sandbox for GET \/empty-array: expected a JSON array, got text\/html \(".*404 Not Found.*"\) on HTTP 404$/,
		);
	});

	it('checks the root element of XML answers', async () => {
		const good = await runWorkflow(workflow({ path: '/xml', expect: 'xml' }), store);
		expect(good.status).toBe('success');
		sandbox.server.injectFault({ path: '/xml', ...htmlPage(200, 'Login') });
		const bad = await runWorkflow(workflow({ path: '/xml', expect: 'xml' }), store);
		expect(bad.error?.message).toMatch(/expected XML <items>, got text\/html/);
	});
});

describe('numeric parameters', () => {
	const limits: Array<[unknown, string]> = [
		['={{ "abc" }}', 'Limit must be a whole number of at least 1; item 0 has "abc"'],
		['={{ null }}', 'Limit must be a whole number of at least 1; item 0 has null'],
		['={{ $json.missing }}', 'Limit must be a whole number of at least 1; item 0 has no value'],
		[-5, 'Limit must be a whole number of at least 1; item 0 has -5'],
		[2.5, 'Limit must be a whole number of at least 1; item 0 has 2.5'],
		['={{ "" }}', 'Limit must be a whole number of at least 1; item 0 has an empty value'],
	];
	it.each(limits)('refuses Limit %p before any request, naming the parameter and the item', async (limit, message) => {
		const result = await runWorkflow(workflow({ path: '/items/1', limit }), store);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(message);
		expect(sandbox.server.count('GET', '/items/1')).toBe(0);
	});

	it('accepts whole numbers, also as text from an expression, and names the failing item with Continue On Fail', async () => {
		const result = await runWorkflow(
			workflow({ path: '/items/1', limit: '={{ $json.limit }}' }, [{ limit: 5 }, { limit: '25' }, { limit: 'ten' }], true),
			store,
		);
		expect(result.json('Request')).toEqual([
			{ id: '1', limit: 5 },
			{ id: '1', limit: 25 },
			{ error: 'Limit must be a whole number of at least 1; item 2 has "ten"', description: expect.stringContaining('item 2') },
		]);
	});
});

describe('secrets in every encoding, also when the server echoes the request', () => {
	const secret = 'p@ss w/rd&<"x">+ü';
	const leaks = (text: string) => [
		secret,
		encodeURIComponent(secret),
		new URLSearchParams({ s: secret }).toString().slice(2),
		JSON.stringify(secret).slice(1, -1),
		'p@ss w/rd&amp;&lt;',
		Buffer.from(`admin:${secret}`).toString('base64'),
		's3cret-pass',
	].filter((leak) => text.includes(leak));

	it.each(['json', 'form', 'xml', 'basic'])('redacts a %s body echoed in a 500', async (bodyFormat) => {
		sandbox.server.injectFault({ method: 'POST', path: '/items', echo: true });
		const result = await runWorkflow(
			workflow(
				{
					method: 'POST',
					path: '=/items?secret={{ encodeURIComponent($json.password) }}',
					bodyFormat,
					secret: '={{ $json.password }}',
				},
				[{ user: 'admin', password: secret }],
			),
			store,
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Sandbox request failed \(HTTP 500\): Internal error while handling/);
		// The echo really carried the secret: the sandbox saw it.
		expect(sandbox.server.requests[sandbox.server.requests.length - 1].status).toBe(500);
		// Everything but the source node's items, which hold the secret on purpose.
		const { runData, pinData: _items, ...rest } = result.run.data.resultData;
		const seen = JSON.stringify({ rest, request: runData.Request, stack: result.error?.stack });
		expect(leaks(seen)).toEqual([]);
		expect(seen).toContain('***');
	});
});

describe('a DELETE whose answer was lost', () => {
	it('reports deleted, confirmed by the 404 on the retry', async () => {
		sandbox.server.injectFault({ method: 'DELETE', path: '/items/7', dropAfterHandling: true });
		const result = await runWorkflow(workflow({ method: 'DELETE', path: '/items/7' }), store);
		expect(result.json('Request')).toEqual([{ deleted: true, confirmedBy: '404 on retry' }]);
		expect(sandbox.server.count('DELETE', '/items/7')).toBe(2);
	});

	it('still fails a 404 on the first attempt, and deletes normally', async () => {
		const ok = await runWorkflow(workflow({ method: 'DELETE', path: '/items/2' }), store);
		expect(ok.json('Request')).toEqual([{ deleted: true }]);
		const missing = await runWorkflow(workflow({ method: 'DELETE', path: '/items/2' }), store);
		expect(missing.error?.message).toBe('Sandbox request failed (HTTP 404): No such item');
	});

	it('never repeats a POST whose answer was lost', async () => {
		sandbox.state.created.length = 0;
		sandbox.server.injectFault({ method: 'POST', path: '/items', dropAfterHandling: true });
		const result = await runWorkflow(workflow({ method: 'POST', path: '/items' }, [{ n: 1 }]), store);
		expect(result.status).toBe('error');
		expect(sandbox.state.created).toEqual([{ n: 1 }]);
		expect(sandbox.server.count('POST', '/items')).toBe(1);
	});
});

describe('a stalled server', () => {
	it('by default gives a stalled read about a minute in total', () => {
		expect(DEFAULT_TIMEOUT_MS * MAX_TIMEOUT_ATTEMPTS).toBeLessThanOrEqual(60_000);
		expect(new SandboxRequest().description.properties.find((p) => p.name === 'requestOptions')?.options).toEqual([
			expect.objectContaining({ name: 'timeout', default: DEFAULT_TIMEOUT_MS }),
		]);
	});

	it('tries a read 3 times, says so, and fails the remaining items of the run at once', async () => {
		sandbox.server.injectFault({ path: '/items/', stall: true, times: 100 });
		const run = (requestOptions: Record<string, unknown>) =>
			runWorkflow(workflow({ path: '/items/3', requestOptions }, [{}, {}, {}], true), store);
		const result = await run({ timeout: 200 });
		const message = 'Sandbox request failed: the server did not answer within 200 ms (3 attempts)';
		expect(result.json('Request').map((item) => item.error)).toEqual([message, message, message]);
		expect(result.json('Request')[2].description).toMatch(/Not sent: an earlier request of this run timed out/);
		expect(sandbox.server.count('GET', '/items/3')).toBe(3);
		// The next execution tries again: the state belongs to one run. (With the default timeout,
		// so that a busy machine cannot make a healthy answer late.)
		sandbox.server.clearFaults();
		const next = await run({});
		expect(next.json('Request')).toEqual([{ id: '3' }, { id: '3' }, { id: '3' }]);
	});

	it('sends a stalled write once and says it was not repeated', async () => {
		sandbox.server.injectFault({ method: 'POST', path: '/items', stall: true, times: 100 });
		const result = await runWorkflow(workflow({ method: 'POST', path: '/items', requestOptions: { timeout: 200 } }, [{ n: 1 }]), store);
		expect(result.error?.message).toBe(
			'Sandbox request failed: the server did not answer within 200 ms (1 attempt; not repeated, since the request may have been applied)',
		);
		expect(sandbox.server.count('POST', '/items')).toBe(1);
	});

	it('refuses a Timeout that is not a positive whole number', async () => {
		const result = await runWorkflow(workflow({ path: '/items/1', requestOptions: { timeout: -1 } }), store);
		expect(result.error?.message).toBe('Timeout must be a whole number of at least 1; item 0 has -1');
	});
});
