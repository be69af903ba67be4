import type { ICredentialType, IDataObject } from 'n8n-workflow';

import { SipXcomApi } from '../../credentials/SipXcomApi.credentials';
import { testCredential } from '../../dev/harness/engine';
import { SipXcom } from '../../nodes/SipXcom/SipXcom.node';
import { CREDENTIAL_TYPE } from '../../nodes/SipXcom/transport/credential';
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { sipXcom } from '../../dev/harness/vendors';
import { CREDENTIAL_TEST_HEADER } from '../../nodes/shared/credentialTest';

const NODE = sipXcom.node;
const plain = sandboxPerTest(sipXcom, { options: { users: 3, phones: 0 } });
const tls = sandboxPerTest(sipXcom, { options: { tls: true, users: 3, phones: 0 } });

function test(pbx: typeof plain, overrides: IDataObject = {}) {
	const { store, credential } = pbx.withCredential(overrides);
	return testCredential(store, 'sipXcomApi', credential.id);
}

const OK = { status: 'OK', message: 'Connection successful!' };

/** What the nodes and the Test say about an untrusted certificate. */
const TLS_PROBLEM =
	'the server\'s TLS certificate is not trusted; for a self-signed certificate turn on "Ignore SSL Issues" in the credential';

describe('sipXcom API credential', () => {
	it('has its own Test, under the credential type the node and its transport use', () => {
		expect(new SipXcomApi().name).toBe(CREDENTIAL_TYPE);
		expect((new SipXcomApi() as ICredentialType).test?.request.headers).toHaveProperty(CREDENTIAL_TEST_HEADER);
		const [entry] = new SipXcom().description.credentials ?? [];
		expect(entry).toEqual({ name: CREDENTIAL_TYPE, required: true });
	});

	it('tests against the admin-only /rest/user resource with Basic auth (the connection check, then the Test itself)', async () => {
		plain.server.clearLog();
		expect(await test(plain)).toEqual(OK);
		expect(plain.server.requests).toHaveLength(2);
		for (const request of plain.server.requests) {
			expect(request.path).toBe('/sipxconfig/rest/user');
			expect(request.query).toEqual({ page: '1', pagesize: '1' });
			expect(request.headers.authorization).toBe(
				`Basic ${Buffer.from(`${plain.sandbox.admin.username}:${plain.sandbox.admin.password}`).toString('base64')}`,
			);
			expect(request.headers).not.toHaveProperty(CREDENTIAL_TEST_HEADER);
		}
	});

	it('accepts a Server URL with a trailing slash or /sipxconfig', async () => {
		expect(await test(plain, { serverUrl: `${plain.server.baseUrl}/` })).toEqual(OK);
		expect(await test(plain, { serverUrl: `${plain.server.baseUrl}/sipxconfig/` })).toEqual(OK);
		const result = await plain.withCredential({ serverUrl: `${plain.server.baseUrl}/sipxconfig` }).run({ resource: 'user', operation: 'get', userId: '1' });
		expect(result.json(NODE)[0].number).toBe('200');
	});

	it('says a 401 means a wrong password or an account without admin rights', async () => {
		const message =
			'Wrong username or password, or the account lacks admin rights (the sipXconfig APIs need an administrator such as superadmin)';
		expect(await test(plain, { password: 'nope-nope' })).toEqual({ status: 'Error', message });
		expect(await test(plain, { username: plain.sandbox.nonAdmin.username, password: plain.sandbox.nonAdmin.password })).toEqual({
			status: 'Error',
			message,
		});
	});

	it('refuses a self-signed certificate by default, points to Ignore SSL Issues, and accepts it with the option', async () => {
		const refused = await test(tls, { ignoreSSLIssues: false });
		// The same words as the node's own TLS failure (below), not the raw DEPTH_ZERO_SELF_SIGNED_CERT.
		expect(refused).toEqual({
			status: 'Error',
			message: `Cannot reach the sipXcom server at ${tls.server.baseUrl}/sipxconfig: ${TLS_PROBLEM}.`,
		});
		expect(await test(tls, { ignoreSSLIssues: true })).toEqual(OK);
	});

	it('names the server it cannot reach and what to check', async () => {
		const result = await test(plain, { serverUrl: 'http://127.0.0.1:1' });
		expect(result).toEqual({
			status: 'Error',
			message:
				'Cannot reach the sipXcom server at http://127.0.0.1:1/sipxconfig: the connection was refused; check the URL and port in the credential.',
		});
	});

	it('says a 403 means an account without admin rights', async () => {
		plain.server.injectFault({ path: '/sipxconfig/rest/user', status: 403 });
		expect(await test(plain)).toEqual({ status: 'Error', message: 'This account lacks admin rights; use an administrator such as superadmin' });
	});

	it('says which status a server that is not sipXconfig answered', async () => {
		plain.server.injectFault({ path: '/sipxconfig/rest/user', status: 502 });
		const result = await test(plain);
		expect(result).toEqual({
			status: 'Error',
			message: `${plain.server.baseUrl}/sipxconfig/rest/user answered HTTP 502; check the Server URL`,
		});
	});

	it('is a read of /rest/user with Basic auth, sent once', async () => {
		plain.server.clearLog();
		await test(plain, { password: 'nope-nope' });
		expect(plain.server.requests).toHaveLength(1);
		expect(plain.server.requests[0].path).toBe('/sipxconfig/rest/user');
	});

	it('runs the node over HTTPS only when the option allows the self-signed certificate', async () => {
		const refused = await tls.withCredential({ ignoreSSLIssues: false }).run({ resource: 'user', operation: 'get', userId: '1' });
		expect(refused.status).toBe('error');
		expect(refused.error?.message).toBe(`sipXcom request failed: ${TLS_PROBLEM}`);
		const soap = await tls.withCredential({ ignoreSSLIssues: true }).run({ resource: 'userBulk', operation: 'find', searchBy: 'byUserName', searchValue: '201' });
		expect(soap.json(NODE).map((u) => u.number)).toEqual(['201']);
		const phones = await tls.withCredential({ ignoreSSLIssues: true }).run({ resource: 'phone', operation: 'getMany', returnAll: true });
		expect(phones.status).toBe('success');
		expect(tls.server.baseUrl).toMatch(/^https:/);
	});

	it('points at the Server URL when nothing sipXconfig answers there', async () => {
		const result = await test(plain, { serverUrl: `${plain.server.baseUrl}/elsewhere` });
		expect(result).toEqual({ status: 'Error', message: 'No sipXconfig found at this Server URL (expected /sipxconfig/rest/user)' });
	});
});
