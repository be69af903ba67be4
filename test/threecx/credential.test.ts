import crypto from 'crypto';

import { ThreeCxApi } from '../../credentials/ThreeCxApi.credentials';
import { TestCredentialsHelper } from '../../dev/harness/credentials';
import { testCredential } from '../../dev/harness/engine';
import { tokenFingerprint } from '../../nodes/shared/tokenFingerprint';
import { threeCxTokenOwner } from '../../nodes/ThreeCx/transport/credential';
import { SANDBOX_TLS } from '../../dev/sandbox/core';
import { MAX_TOKEN_REQUESTS_PER_REQUEST, REAUTHENTICATION } from '../../nodes/ThreeCx/transport/api';
import { sandboxPerTest, withSandbox } from '../../dev/harness/sandboxPerTest';
import { threeCx } from '../../dev/harness/vendors';
import { NODE } from './helpers';
import { CREDENTIAL_TEST_HEADER } from '../../nodes/shared/credentialTest';

const { sandbox, run, withCredential } = sandboxPerTest(threeCx, { options: { tokenLifetimeSeconds: 3600 }, seed: 30 });

const getOne = { operation: 'get', getBy: 'id', userId: '3' };

describe('3CX API credential', () => {
	it('passes the credential test with GET /Defs?$select=Id after a token request', async () => {
		const { store, credential } = withCredential();
		expect(await testCredential(store, 'threeCxApi', credential.id)).toEqual({ status: 'OK', message: 'Connection successful!' });
		const token = sandbox.server.requests.find((r) => r.path === '/connect/token')!;
		expect(new URLSearchParams(token.text).get('grant_type')).toBe('client_credentials');
		expect(token.headers['content-type']).toContain('application/x-www-form-urlencoded');
		const probe = sandbox.server.requests.find((r) => r.path === '/xapi/v1/Defs')!;
		expect(probe.query).toEqual({ $select: 'Id' });
		expect(probe.headers.authorization).toMatch(/^Bearer xapi-/);
	});

	it('fails the credential test for a wrong secret without looping', async () => {
		const { store, credential } = withCredential({ clientSecret: 'wrong-secret' });
		const result = await testCredential(store, 'threeCxApi', credential.id);
		expect(result.status).toBe('Error');
		expect(sandbox.server.count('POST', '/connect/token')).toBeLessThanOrEqual(2);
	});

	it('tries a stored token that still belongs to the data in a Test instead of taking the one token 3CX allows the client', async () => {
		const { store, credential, run: runOnce } = withCredential();
		await runOnce(getOne);
		const stored = store.data(credential.id).accessToken;
		sandbox.server.clearLog();
		expect(await testCredential(store, 'threeCxApi', credential.id)).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.server.count('POST', '/connect/token')).toBe(0);
		// The connection check, then the Test's own read, both with the stored token and without the Test marker.
		const reads = sandbox.server.requests.filter((r) => r.path === '/xapi/v1/Defs');
		expect(reads).toHaveLength(2);
		for (const read of reads) {
			expect(read.headers.authorization).toBe(`Bearer ${String(stored)}`);
			expect(read.headers).not.toHaveProperty(CREDENTIAL_TEST_HEADER);
		}
		expect(store.data(credential.id).accessToken).toBe(stored);
	});

	it('says in a Test with a stored token what a dropped connection means, and asks for a new token when the PBX refused the stored one', async () => {
		const { store, credential, run: runOnce } = withCredential();
		await runOnce(getOne);
		sandbox.server.injectFault({ path: '/xapi/v1/Defs', drop: true });
		const dropped = await testCredential(store, 'threeCxApi', credential.id);
		expect(dropped).toEqual({
			status: 'Error',
			message: `Cannot reach the PBX at ${sandbox.server.baseUrl}: the connection was closed before the server answered. Check the PBX URL and port (self-hosted PBXs usually use 5001) and that no firewall blocks n8n.`,
		});
		sandbox.server.clearLog();
		sandbox.server.injectFault({ path: '/xapi/v1/Defs', status: 401 });
		expect((await testCredential(store, 'threeCxApi', credential.id)).status).toBe('OK');
		expect(sandbox.server.count('POST', '/connect/token')).toBe(1);
	});

	it('accepts a URL with a trailing slash or a pasted /xapi/v1', async () => {
		for (const suffix of ['/', '/xapi/v1', '/xapi/v1/']) {
			const { store, credential, run } = withCredential({ url: `${sandbox.server.baseUrl}${suffix}` });
			expect((await testCredential(store, 'threeCxApi', credential.id)).status).toBe('OK');
			const result = await run(getOne);
			expect(result.json(NODE)[0].id).toBe('3');
		}
	});

	it('mints one token and reuses it across items and executions', async () => {
		const { store, credential, run } = withCredential();
		const items = Array.from({ length: 10 }, () => ({}));
		await run(getOne, { items });
		await run(getOne, { items });
		expect(sandbox.server.count('POST', '/connect/token')).toBe(1);
		expect(store.preAuthCount.get(credential.id)).toBe(1);
		expect(sandbox.server.count('GET', '/xapi/v1/Users(3)')).toBe(20);
	});

	it('refreshes once when the token expires mid-run and finishes the run', async () => {
		sandbox.seedUsers(1000, 1000);
		await run(getOne);
		sandbox.server.clearLog();
		sandbox.state.expireAfterRequests = 4; // the 5th page request meets an expired token
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.status).toBe('success');
		const ids = result.json(NODE).map((u) => u.id);
		expect(ids).toHaveLength(1030);
		expect(new Set(ids).size).toBe(1030);
		expect(sandbox.server.count('POST', '/connect/token')).toBe(1);
		expect(sandbox.server.requests.filter((r) => r.status === 401)).toHaveLength(1);
	});

	it('uses the real token lifetime: an expired token is replaced after one 401', async () => {
		await run(getOne);
		sandbox.expireTokens();
		const result = await run(getOne, { items: [{}, {}] });
		expect(result.json(NODE).map((u) => u.id)).toEqual(['3', '3']);
		expect(sandbox.server.count('POST', '/connect/token')).toBe(2);
	});

	it('handles expires_in in minutes (before 20.0.9) the same way', async () => {
		await withSandbox(threeCx, { options: { expiresInUnit: 'minutes', tokenLifetimeSeconds: 3600 }, seed: 3 }, async (minutes) => {
			const result = await minutes.run(getOne);
			expect(result.json(NODE)[0].id).toBe('3');
			const tokenBody = minutes.server.requests.find((r) => r.path === '/connect/token');
			expect(tokenBody?.status).toBe(200);
		});
	});

	it('stops with a clear error when the PBX keeps answering 401 (no loop)', async () => {
		sandbox.state.rejectAllTokens = true;
		const result = await run(getOne, { items: [{}, {}, {}] });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('3CX request failed (HTTP 401): Unauthorized: the PBX rejected the access token');
		expect(result.error?.description).toContain('XAPI Access Enabled');
		// The first attempt and REAUTHENTICATION.attempts more, then the error: bounded. Tokens:
		// one on first use, then one whenever the rejected token was still the newest stored
		// (after a refresh it is tried once more, as another execution may have logged in).
		expect(sandbox.server.count('GET', '/xapi/v1/Users')).toBe(1 + REAUTHENTICATION.attempts);
		expect(sandbox.server.count('POST', '/connect/token')).toBe(3);
		expect(sandbox.server.count('POST', '/connect/token')).toBeLessThanOrEqual(MAX_TOKEN_REQUESTS_PER_REQUEST);
	});

	it('reports a wrong client secret with the token endpoint message and never leaks it', async () => {
		const { run } = withCredential({ clientSecret: 'definitely-wrong-secret' });
		const result = await run(getOne);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('3CX rejected the Client ID and Client Secret');
		expect(sandbox.server.count('POST', '/connect/token')).toBeLessThanOrEqual(2);
		expect(JSON.stringify(result.run.data.resultData)).not.toContain('definitely-wrong-secret');
	});

	it('the credential test says what to check for a wrong secret', async () => {
		const { store, credential } = withCredential({ clientSecret: 'definitely-wrong-secret' });
		const result = await testCredential(store, 'threeCxApi', credential.id);
		expect(result.status).toBe('Error');
		expect(result.message).toContain('3CX rejected the Client ID and Client Secret');
		expect(result.message).toContain('XAPI Access Enabled');
		expect(result.message).toContain('no other app uses the same Client ID');
		expect(result.message).not.toContain('definitely-wrong-secret');
	});

	it('the credential test names the PBX it cannot reach and the usual causes', async () => {
		const { store, credential } = withCredential({ url: 'http://127.0.0.1:1' });
		const result = await testCredential(store, 'threeCxApi', credential.id);
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Cannot reach the PBX at http://127.0.0.1:1');
		expect(result.message).toContain('connection was refused');
		expect(result.message).toContain('5001');
		expect(result.message).toContain('firewall');
	});

	describe('with a token stored by an earlier use (as the editor sends it back)', () => {
		async function withStoredToken() {
			const { store, credential, run } = withCredential();
			expect((await testCredential(store, 'threeCxApi', credential.id)).status).toBe('OK');
			const token = store.data(credential.id).accessToken as string;
			expect(token).toMatch(/^xapi-/);
			sandbox.server.clearLog();
			// What the user saves in the editor: the stored fields with their changes.
			const edit = (changes: object) => store.update(credential.id, { ...store.data(credential.id), ...changes });
			return { store, credential, run, token, edit };
		}

		it('fails the test for a wrong secret with the token endpoint message, then passes with the right one', async () => {
			const { store, credential, token, edit } = await withStoredToken();
			edit({ clientSecret: 'definitely-wrong-secret' });
			const wrong = await testCredential(store, 'threeCxApi', credential.id);
			expect(wrong.status).toBe('Error');
			expect(wrong.message).toContain('3CX rejected the Client ID and Client Secret');
			expect(wrong.message).not.toContain('definitely-wrong-secret');
			expect(sandbox.server.count('POST', '/connect/token')).toBe(1);
			// The token obtained with the right secret never travelled with the wrong one.
			expect(sandbox.server.requests.some((r) => r.headers.authorization === `Bearer ${token}`)).toBe(false);

			sandbox.server.clearLog();
			edit({ clientSecret: sandbox.state.options.clientSecret });
			expect(await testCredential(store, 'threeCxApi', credential.id)).toEqual({ status: 'OK', message: 'Connection successful!' });
			// The token still belongs to these credentials, so it is used as it is.
			expect(sandbox.server.count('POST', '/connect/token')).toBe(0);
			expect(sandbox.server.requests.find((r) => r.path === '/xapi/v1/Defs')?.headers.authorization).toBe(`Bearer ${token}`);
		});

		it('fails the test for another Client ID with the same stored token', async () => {
			const { store, credential, edit } = await withStoredToken();
			edit({ clientId: '901' });
			const result = await testCredential(store, 'threeCxApi', credential.id);
			expect(result.status).toBe('Error');
			expect(result.message).toContain('3CX rejected the Client ID and Client Secret');
		});

		it('never sends the stored token to a changed PBX URL', async () => {
			await withSandbox(threeCx, { options: { tokenLifetimeSeconds: 3600 }, seed: 3 }, async (other) => {
				const { store, credential, run, token, edit } = await withStoredToken();
				edit({ url: other.server.baseUrl });
				expect((await testCredential(store, 'threeCxApi', credential.id)).status).toBe('OK');
				const result = await run(getOne);
				expect(result.json(NODE)[0].id).toBe('3');
				expect(other.server.count('POST', '/connect/token')).toBe(1);
				expect(other.server.requests.some((r) => JSON.stringify(r.headers).includes(token))).toBe(false);
				expect(store.data(credential.id).accessToken).not.toBe(token);
			});
		});

		it('keeps a credential saved before token fingerprints working, with one new token', async () => {
			const { store, credential, run, token } = await withStoredToken();
			const saved = store.data(credential.id);
			delete saved.tokenFingerprint;
			store.update(credential.id, saved);
			const result = await run(getOne, { items: [{}, {}] });
			expect(result.json(NODE).map((u) => u.id)).toEqual(['3', '3']);
			expect(sandbox.server.count('POST', '/connect/token')).toBe(1);
			expect(sandbox.server.requests.some((r) => r.headers.authorization === `Bearer ${token}`)).toBe(false);
			sandbox.server.clearLog();
			expect((await testCredential(store, 'threeCxApi', credential.id)).status).toBe('OK');
			expect(sandbox.server.count('POST', '/connect/token')).toBe(0);
		});
	});

	it('two n8n workers sharing a client ID take turns without looping', async () => {
		// Each worker has its own copy of the credential (as after loading it from the database).
		const a = withCredential();
		const b = withCredential();
		for (let round = 0; round < 3; round++) {
			const ra = await a.run(getOne, { items: [{}, {}] });
			const rb = await b.run(getOne, { items: [{}, {}] });
			expect(ra.status).toBe('success');
			expect(rb.status).toBe('success');
		}
		// Each worker mints once; every later execution meets a token the other worker revoked
		// and costs exactly one 401 and one refresh, never more.
		expect(sandbox.server.count('POST', '/connect/token')).toBe(6);
		expect(sandbox.server.requests.filter((r) => r.status === 401)).toHaveLength(4);
	});

	describe('per request', () => {
		const pages = 11; // 1,030 users at $top=100
		afterEach(() => jest.restoreAllMocks());

		async function withStoredToken() {
			sandbox.seedUsers(1000, 1000);
			const bound = withCredential();
			await bound.run(getOne);
			sandbox.server.clearLog();
			return { ...bound, token: bound.store.data(bound.credential.id).accessToken as string };
		}

		it('a paged read checks the stored token against its fingerprint once, not once per page', async () => {
			const { run, token } = await withStoredToken();
			const hmac = jest.spyOn(crypto, 'createHmac');
			const result = await run({ operation: 'getMany', returnAll: true });
			expect(result.json(NODE)).toHaveLength(1030);
			expect(sandbox.server.count('GET', '/xapi/v1/Users')).toBe(pages);
			expect(hmac.mock.calls.filter(([, key]) => key === token)).toHaveLength(1);
		});

		it('a paged read has n8n read the credential once per page, not twice', async () => {
			const { run } = await withStoredToken();
			const reads = jest.spyOn(TestCredentialsHelper.prototype, 'getDecrypted');
			await run({ operation: 'getMany', returnAll: true });
			// One read per page, and one for the PBX URL of all pages.
			expect(reads).toHaveBeenCalledTimes(pages + 1);
		});

		it('uses a token another execution stored mid-way from the next page on, without a 401', async () => {
			const { run, store, credential, token } = await withStoredToken();
			const other = 'xapi-other-execution';
			sandbox.server.hook({
				method: 'GET',
				path: '/xapi/v1/Users',
				when: (req) => req.query.$skip === '300',
				beforeAnswer: () => {
					// What another execution's login does: 3CX revokes the old token, n8n stores the new one.
					sandbox.state.tokens.set(sandbox.state.options.clientId, { token: other, expiresAt: Date.now() + 3_600_000 });
					const data = store.data(credential.id);
					store.update(credential.id, { ...data, accessToken: other, tokenFingerprint: tokenFingerprint(other, threeCxTokenOwner(data)) });
				},
			});
			const result = await run({ operation: 'getMany', returnAll: true });
			expect(result.json(NODE)).toHaveLength(1030);
			const sent = sandbox.server.requests.filter((r) => r.path === '/xapi/v1/Users').map((r) => r.headers.authorization);
			expect(sent).toEqual([...Array(4).fill(`Bearer ${token}`), ...Array(pages - 4).fill(`Bearer ${other}`)]);
			expect(sandbox.server.requests.filter((r) => r.status === 401)).toHaveLength(0);
			expect(sandbox.server.count('POST', '/connect/token')).toBe(0);
		});
	});

	it('authenticate checks again when the credential data it checked changes, so an edited URL, Client ID or secret never gets the token', async () => {
		const credential = new ThreeCxApi();
		const data = { url: 'https://pbx.example.com:5001', clientId: '900', clientSecret: 'the-secret', ignoreSSLIssues: false, accessToken: 'xapi-1-abc' };
		const credentials: Record<string, string | boolean> = { ...data, tokenFingerprint: tokenFingerprint(data.accessToken, threeCxTokenOwner(data)) };
		const authorization = async () => (await credential.authenticate(credentials, { url: '/Users' })).headers?.Authorization;
		expect(await authorization()).toBe('Bearer xapi-1-abc');
		expect(await authorization()).toBe('Bearer xapi-1-abc');
		for (const [field, value] of [
			['url', 'https://other.example.com:5001'],
			['clientId', '901'],
			['clientSecret', 'another-secret'],
			['accessToken', 'xapi-2-def'],
			['tokenFingerprint', 'f'.repeat(64)],
		] as const) {
			const before = credentials[field];
			credentials[field] = value;
			await expect(authorization()).rejects.toMatchObject({ response: { status: 401 } });
			credentials[field] = before;
			expect(await authorization()).toBe('Bearer xapi-1-abc');
		}
	});

	it('keeps the token and the secret out of output and errors', async () => {
		const { store, credential, run } = withCredential();
		const ok = await run(getOne);
		const token = store.data(credential.id).accessToken as string;
		expect(token).toMatch(/^xapi-/);
		const failed = await run({ ...getOne, userId: '9999' });
		for (const run of [ok, failed]) {
			const text = JSON.stringify(run.run.data.resultData);
			expect(text).not.toContain(token);
			expect(text).not.toContain(sandbox.state.options.clientSecret);
		}
	});
});

describe('3CX API credential over HTTPS with a self-signed certificate', () => {
	const secure = sandboxPerTest(threeCx, { options: { tls: SANDBOX_TLS }, seed: 3 });

	it('rejects the certificate by default and accepts it with "Ignore SSL Issues"', async () => {
		const strict = secure.withCredential();
		const refused = await strict.run(getOne);
		expect(refused.status).toBe('error');
		expect(secure.server.count('POST', '/connect/token')).toBe(0);
		const tested = await testCredential(strict.store, 'threeCxApi', strict.credential.id);
		expect(tested.message).toContain('TLS certificate is not trusted');
		expect(tested.message).toContain('Ignore SSL Issues');

		const relaxed = secure.withCredential({ ignoreSSLIssues: true });
		const result = await relaxed.run(getOne);
		expect(result.json(NODE)[0].id).toBe('3');
		expect(secure.server.count('POST', '/connect/token')).toBe(1);
		expect((await testCredential(relaxed.store, 'threeCxApi', relaxed.credential.id)).status).toBe('OK');
	});
});
