import { CredentialStore } from '../../dev/harness/credentials';
import { runWorkflow, testCredential } from '../../dev/harness/engine';
import { buildWorkflow, pkg } from '../../dev/harness/workflow';
import { SANDBOX_TLS } from '../../dev/sandbox/core';
import { md5 } from '../../dev/sandbox/openvox';
import { sandboxPerTest, withSandbox } from '../../dev/harness/sandboxPerTest';
import { openVox } from '../../dev/harness/vendors';
import { NODE, requestCounts } from './helpers';

const { sandbox, withCredential } = sandboxPerTest(openVox, { seed: 5 });
const { logins, calls } = requestCounts(sandbox);

describe('OpenVox token handling', () => {
	it.each([
		['timed out (20006)', 'timeout'],
		['erased (20004)', 'erase'],
	] as const)('logs in again exactly once when the token is %s mid-run', async (_label, how) => {
		const { run, store, credential } = withCredential();
		const items = Array.from({ length: 6 }, (_, i) => ({ n: 1000 + (i % 5) }));
		const first = await run({ operation: 'get', extid: '1000' });
		expect(first.status).toBe('success');
		const oldToken = store.data(credential.id).token;
		sandbox.server.clearLog();
		sandbox.expireTokens(how);
		const result = await run({ operation: 'get', extid: '={{$json.n}}', output: 'raw' }, { items: items });
		expect(result.status).toBe('success');
		expect(result.json(NODE)).toHaveLength(6);
		expect(logins()).toBe(1);
		expect(store.preAuthCount.get(credential.id)).toBe(2);
		const newToken = store.data(credential.id).token;
		expect(newToken).not.toBe(oldToken);
		// 6 items + the one refused request
		expect(calls('extension/query')).toBe(7);
		const queries = sandbox.server.requests.filter((r) => r.path.endsWith('/extension/query'));
		expect(queries[0].query.token).toBe(oldToken);
		expect(queries.slice(1).every((r) => r.query.token === newToken)).toBe(true);

		// The next execution reuses the new token.
		sandbox.server.clearLog();
		await run({ operation: 'getMany', returnAll: true });
		expect(logins()).toBe(0);
	});

	it('expires the token after the configured inactivity and logs in again', async () => {
		const { run } = withCredential();
		await run({ operation: 'getMany', returnAll: true });
		sandbox.advance(29 * 60_000);
		await run({ operation: 'getMany', returnAll: true });
		expect(logins()).toBe(1);
		sandbox.advance(31 * 60_000);
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.status).toBe('success');
		expect(logins()).toBe(2);
	});

	it('reuses a token that another execution already renewed instead of logging in again', async () => {
		const { run, store, credential } = withCredential();
		await run({ operation: 'getMany', returnAll: true });
		// Simulate a parallel execution that logged in again after the token lapsed.
		sandbox.expireTokens('erase');
		const other = withCredential();
		await other.run({ operation: 'getMany', returnAll: true });
		store.update(credential.id, { ...store.data(credential.id), token: other.store.data(other.credential.id).token });
		sandbox.server.clearLog();
		sandbox.state.tokens.clear();
		// Now the stored token is gone as well: exactly one login, not two.
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.status).toBe('success');
		expect(logins()).toBe(1);
	});

	it('uses one login for a 200-item run', async () => {
		sandbox.seed(200, 5000);
		const { run, store, credential } = withCredential();
		const items = Array.from({ length: 200 }, (_, i) => ({ ext: String(5000 + i) }));
		const result = await run({ operation: 'get', extid: '={{$json.ext}}', output: 'raw' }, { items: items });
		expect(result.status).toBe('success');
		expect(result.json(NODE)).toHaveLength(200);
		expect(result.json(NODE)[199].extnumber).toBe('5199');
		expect(logins()).toBe(1);
		expect(sandbox.state.logins).toHaveLength(1);
		expect(store.preAuthCount.get(credential.id)).toBe(1);
		expect(calls('extension/query')).toBe(200);
	});
});

describe('OpenVox login failures', () => {
	it('fails a wrong password with one login attempt and a clear, secret-free error', async () => {
		const { run, store, credential } = withCredential({ password: 'wrong-password' });
		const result = await run({ operation: 'getMany', returnAll: true }, { items: [{}, {}, {}] });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('OpenVox login failed: invalid API username or password (errno 20003)');
		expect(result.error?.description).toContain('locks the client IP out for 10 minutes after 5 failed logins');
		expect(logins()).toBe(1);
		expect(sandbox.state.logins).toEqual([{ username: 'api', ok: false, errno: '20003', format: 'json' }]);
		expect(store.preAuthCount.get(credential.id)).toBe(1);
		const everything = JSON.stringify(result.run.data.resultData);
		expect(everything).not.toContain('wrong-password');
		expect(everything).not.toContain(md5('wrong-password'));
		expect(calls('extensionlist/query')).toBe(0);
	});

	it('with Continue On Fail, tries the login once for the whole run, not once per item', async () => {
		const { run } = withCredential({ password: 'wrong-password' });
		const items = Array.from({ length: 8 }, () => ({}));
		const result = await run({ operation: 'getMany', returnAll: true }, { items: items, continueOnFail: true });
		expect(result.status).toBe('success');
		const out = result.json(NODE);
		expect(out).toHaveLength(8);
		for (const item of out) expect(item.error).toBe('OpenVox login failed: invalid API username or password (errno 20003)');
		expect(out[7].description).toContain('not again for the following items');
		// Eight items would be eight failed logins (a lockout after five) without the per-run memo.
		expect(logins()).toBe(1);
		expect(sandbox.state.lockedUntil).toBe(0);
	});

	it('explains a lockout after five failed logins', async () => {
		const bad = withCredential({ password: 'nope' });
		for (let i = 0; i < 5; i++) await bad.run({ operation: 'getMany', returnAll: true });
		expect(logins()).toBe(5);
		const good = withCredential();
		const locked = await good.run({ operation: 'getMany', returnAll: true });
		expect(locked.error?.message).toBe(
			'OpenVox login failed: this client IP is locked out after 5 failed logins; wait 10 minutes before trying again (errno 20002)',
		);
		sandbox.advance(10 * 60_000 + 1);
		const after = await good.run({ operation: 'getMany', returnAll: true });
		expect(after.status).toBe('success');
	});

	it('reads the OpenVox doc example errno 30003 as a possible credential problem', async () => {
		await withSandbox(openVox, { options: { badLoginErrno: '30003' } }, async ({ sandbox: strict }) => {
			const store = new CredentialStore();
			const credential = store.add('openVoxApi', strict.credentials({ password: 'x' }) as never);
			expect(await testCredential(store, 'openVoxApi', credential.id)).toEqual({
				status: 'Error',
				message: 'OpenVox login failed: the PBX API service is not running, or the API username or password is wrong (errno 30003)',
			});
		});
	});
});

describe('OpenVox credential test', () => {
	it('performs a real login and a read-only call', async () => {
		const { store, credential } = withCredential();
		expect(await testCredential(store, 'openVoxApi', credential.id)).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(logins()).toBe(1);
		expect(calls('extensionlist/query')).toBe(1);
	});

	it('costs exactly one login attempt for a wrong password', async () => {
		const { store, credential } = withCredential({ password: 'bad' });
		expect(await testCredential(store, 'openVoxApi', credential.id)).toEqual({
			status: 'Error',
			message: 'OpenVox login failed: invalid API username or password (errno 20003)',
		});
		expect(logins()).toBe(1);
		expect(sandbox.state.logins).toHaveLength(1);
	});

	it('reports a wrong URL without a login loop', async () => {
		const { store, credential } = withCredential({ url: `${sandbox.server.baseUrl}/nothing-here` });
		const result = await testCredential(store, 'openVoxApi', credential.id);
		expect(result.status).toBe('Error');
		expect(sandbox.server.requests).toHaveLength(1);
	});
});

describe('OpenVox credential test with a token stored by an earlier use (as the editor sends it back)', () => {
	async function withStoredToken() {
		const { store, credential, run } = withCredential();
		expect((await run({ operation: 'getMany', returnAll: true })).status).toBe('success');
		const token = store.data(credential.id).token as string;
		expect(token).not.toBe('');
		sandbox.server.clearLog();
		sandbox.state.logins.length = 0;
		// What the user saves in the editor: the stored fields with their changes.
		const edit = (changes: object) => store.update(credential.id, { ...store.data(credential.id), ...changes });
		const tokensSent = () => sandbox.server.requests.filter((r) => r.query.token === token).length;
		return { store, credential, run, token, edit, tokensSent };
	}

	it('fails for a wrong password with the login message after one login, then passes with the right one', async () => {
		const { store, credential, edit, tokensSent } = await withStoredToken();
		const password = store.data(credential.id).password;
		edit({ password: 'wrong-password' });
		expect(await testCredential(store, 'openVoxApi', credential.id)).toEqual({
			status: 'Error',
			message: 'OpenVox login failed: invalid API username or password (errno 20003)',
		});
		expect(logins()).toBe(1);
		expect(tokensSent()).toBe(0);

		sandbox.server.clearLog();
		edit({ password });
		expect(await testCredential(store, 'openVoxApi', credential.id)).toEqual({ status: 'OK', message: 'Connection successful!' });
		// The Test checks the password itself: one login, and the list read with the new token.
		expect(logins()).toBe(1);
		expect(tokensSent()).toBe(0);
		const fresh = store.data(credential.id).token;
		expect(sandbox.server.requests.filter((r) => r.path.endsWith('/extensionlist/query')).map((r) => r.query.token)).toEqual([fresh]);
		// The marker of the Test's request stays inside n8n.
		expect(sandbox.server.requests.some((r) => 'x-openvox-test-login' in r.headers)).toBe(false);
	});

	it('passes after the stored token lapsed on the PBX (30 minutes unused), with one login', async () => {
		const { store, credential } = await withStoredToken();
		sandbox.advance(31 * 60_000);
		expect(await testCredential(store, 'openVoxApi', credential.id)).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(logins()).toBe(1);
	});

	it('logs in once for a credential tested before any use', async () => {
		const { store, credential } = withCredential();
		expect(await testCredential(store, 'openVoxApi', credential.id)).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(logins()).toBe(1);
	});

	it('fails for another API username after one login', async () => {
		const { store, credential, edit } = await withStoredToken();
		edit({ username: 'someone-else' });
		const result = await testCredential(store, 'openVoxApi', credential.id);
		expect(result).toEqual({ status: 'Error', message: 'OpenVox login failed: invalid API username or password (errno 20003)' });
		expect(logins()).toBe(1);
	});

	it('never sends the stored token to a changed PBX API URL', async () => {
		await withSandbox(openVox, { seed: 2 }, async ({ sandbox: other }) => {
			const { store, credential, run, token, edit } = await withStoredToken();
			edit({ url: other.server.baseUrl });
			expect(await testCredential(store, 'openVoxApi', credential.id)).toEqual({ status: 'OK', message: 'Connection successful!' });
			expect(other.server.count('POST', '/login')).toBe(1);
			const result = await run({ operation: 'getMany', returnAll: true });
			expect(result.json(NODE).map((e) => e.number)).toEqual(['1000', '1001']);
			expect(other.server.count('POST', '/login')).toBe(1);
			expect(other.server.requests.some((r) => r.query.token === token)).toBe(false);
		});
	});

	it('logs in once with a wrong URL port and says what went wrong', async () => {
		const { store, credential, edit } = await withStoredToken();
		edit({ url: 'http://127.0.0.1:1' });
		const result = await testCredential(store, 'openVoxApi', credential.id);
		expect(result.status).toBe('Error');
		expect(result.message).toBe(
			'OpenVox login failed: the connection was refused; check the URL and port in the credential (1 attempt; a login is not repeated, since 5 failed logins lock this client IP out for 10 minutes)',
		);
	});

	it('keeps a credential saved before token fingerprints working, with one login', async () => {
		const { store, credential, run, tokensSent } = await withStoredToken();
		const saved = store.data(credential.id);
		delete saved.tokenFingerprint;
		store.update(credential.id, saved);
		const result = await run({ operation: 'get', extid: '1000' }, { items: [{}, {}] });
		expect(result.status).toBe('success');
		expect(logins()).toBe(1);
		expect(tokensSent()).toBe(0);
		// The next run uses the token that login stored.
		sandbox.server.clearLog();
		expect((await run({ operation: 'get', extid: '1000' })).status).toBe('success');
		expect(logins()).toBe(0);
	});
});

describe('OpenVox errors, retries and Continue On Fail', () => {
	it('shows unknown errno codes verbatim', async () => {
		const { run } = withCredential();
		sandbox.server.injectFault({ path: '/extensionlist/query', status: 200, body: { status: 'Failed', errno: '99999' } });
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.error?.message).toBe('OpenVox extensionlist/query failed: errno 99999');
	});

	it('retries a query after a 503 but never an add after a 500', async () => {
		const { run } = withCredential();
		sandbox.server.injectFault({ path: '/extension/query', status: 503, retryAfter: 0 });
		const query = await run({ operation: 'get', extid: '1000' });
		expect(query.status).toBe('success');
		expect(calls('extension/query')).toBe(2);

		sandbox.server.injectFault({ path: '/extension/add', status: 500, body: 'boom' });
		const add = await run({ operation: 'create', number: '2200', registerpassword: 'abc123' });
		expect(add.status).toBe('error');
		expect(add.error?.message).toBe('OpenVox request failed (HTTP 500): boom');
		expect(calls('extension/add')).toBe(1);
	});

	it('keeps the token out of error messages', async () => {
		const { run, store, credential } = withCredential();
		await run({ operation: 'getMany', returnAll: true });
		const token = store.data(credential.id).token as string;
		sandbox.server.injectFault({ path: '/extensionlist/query', status: 400, body: `bad request for token=${token}` });
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.error?.message).toBe('OpenVox request failed (HTTP 400): bad request for token=***');
		expect(JSON.stringify(result.run.data.resultData)).not.toContain(token);
	});

	it('turns failing items into error items with Continue On Fail and carries on', async () => {
		const { run } = withCredential();
		const result = await run({ operation: 'create', number: '={{$json.ext}}', registerpassword: '={{$json.pw}}', output: 'raw' }, { items: [
				{ ext: '2300', pw: 'good1' },
				{ ext: '2301', pw: 'bad pw' },
				{ ext: '1000', pw: 'good2' },
				{ ext: '2302', pw: 'good3' },
			], continueOnFail: true });
		expect(result.status).toBe('success');
		const out = result.output(NODE)[0];
		expect(out.map((i) => i.json.extnumber ?? i.json.error)).toEqual([
			'2300',
			'"Register Password" contains a space; the PBX does not allow ;&"\'\\<>`|, spaces or control characters (item 1)',
			'OpenVox extension/add failed: Extension configuration failed (for example the number already exists or a value is not allowed) (errno 10017)',
			'2302',
		]);
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(calls('extension/add')).toBe(3);
	});
});

describe('OpenVox XML variant', () => {
	it('runs every operation with type=xml bodies and answers', async () => {
		const { run, store, credential } = withCredential({ apiFormat: 'xml' });
		const list = await run({ operation: 'getMany', returnAll: true });
		expect(list.json(NODE).map((e) => e.number)).toEqual(['1000', '1001', '1002', '1003', '1004']);
		const login = sandbox.server.requests.find((r) => r.path.endsWith('/login'))!;
		expect(login.query.type).toBe('xml');
		expect(login.text).toBe(
			`<?xml version="1.0" encoding="UTF-8" ?><xml><username>api</username><password>${md5('openvox-pass')}</password><port>8260</port></xml>`,
		);
		expect(sandbox.state.logins[0]).toMatchObject({ ok: true, format: 'xml' });

		const created = await run({
			operation: 'create',
			number: '2400',
			registerpassword: 'Xml-Pass1',
			settings: { username: 'X <ml> & User', hasvoicemail: true },
			output: 'raw',
		});
		expect(created.status).toBe('success');
		const add = sandbox.server.requests.find((r) => r.path.endsWith('/extension/add'))!;
		expect(add.query).toEqual({ type: 'xml', token: store.data(credential.id).token });
		expect(add.text).toContain('<xml><number>2400</number><registerpassword>Xml-Pass1</registerpassword><username>X &lt;ml&gt; &amp; User</username>');
		expect(sandbox.state.extensions.get('2400')).toMatchObject({ username: 'X <ml> & User', registerpassword: 'Xml-Pass1' });
		expect(created.json(NODE)[0]).toMatchObject({ extnumber: '2400', username: 'X <ml> & User', hasvoicemail: 'on' });

		const several = await run({ operation: 'get', extid: '1000,2400' });
		expect(several.json(NODE).map((e) => e.number)).toEqual(['1000', '2400']);

		const updated = await run({ operation: 'update', extid: '2400', settings: { dnd: true } });
		expect(updated.json(NODE)[0]).toMatchObject({ number: '2400' });
		expect(sandbox.state.extensions.get('2400')?.dnd).toBe('on');

		const deleted = await run({ operation: 'delete', number: '2400' });
		expect(deleted.json(NODE)).toEqual([{ deleted: ['2400'], success: true }]);

		const missing = await run({ operation: 'get', extid: '2400' });
		expect(missing.error?.message).toBe('OpenVox extension/query failed: Extension does not exist (errno 10006)');
		expect(logins()).toBe(1);
	});

	it('re-logs in once on an XML token timeout', async () => {
		const { run } = withCredential({ apiFormat: 'xml' });
		await run({ operation: 'getMany', returnAll: true });
		sandbox.expireTokens('timeout');
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.status).toBe('success');
		expect(logins()).toBe(2);
	});

	it('reads a single-item and an empty XML list', async () => {
		sandbox.reset();
		const { run } = withCredential({ apiFormat: 'xml' });
		expect((await run({ operation: 'getMany', returnAll: true })).json(NODE)).toEqual([]);
		sandbox.seed(1);
		expect((await run({ operation: 'getMany', returnAll: true })).json(NODE).map((e) => e.number)).toEqual(['1000']);
	});
});

describe('OpenVox over HTTPS with a self-signed certificate', () => {
	const tls = SANDBOX_TLS;

	it('refuses the certificate by default and accepts it with Ignore SSL Issues, login included', async () => {
		await withSandbox(openVox, { options: { tls }, seed: 2 }, async ({ sandbox: secure }) => {
			const store = new CredentialStore();
			const strict = store.add('openVoxApi', secure.credentials() as never);
			const lenient = store.add('openVoxApi', secure.credentials({ ignoreSSLIssues: true }) as never);
			const workflow = (credential: { id: string; name: string }) =>
				buildWorkflow(
					[
						{
							name: NODE,
							type: pkg('openVox'),
							parameters: { resource: 'extension', operation: 'getMany', returnAll: true },
							credentials: { openVoxApi: credential },
						},
					],
					[],
				);
			const refused = await runWorkflow(workflow(strict), store);
			expect(refused.status).toBe('error');
			expect(refused.error?.message).toContain('TLS certificate is not trusted');
			expect(secure.state.logins).toHaveLength(0);

			const accepted = await runWorkflow(workflow(lenient), store);
			expect(accepted.status).toBe('success');
			expect(accepted.json(NODE).map((e) => e.number)).toEqual(['1000', '1001']);
			expect(secure.state.logins).toEqual([{ username: 'api', ok: true, format: 'json' }]);
			expect(await testCredential(store, 'openVoxApi', lenient.id)).toEqual({ status: 'OK', message: 'Connection successful!' });
		});
	});
});
