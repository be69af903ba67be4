/**
 * The credential Test in a real n8n, through the REST endpoint the editor's Save and Retry
 * call (`POST /rest/credentials/test`), with the data the editor sends: what
 * `GET /rest/credentials/:id?includeData=true` returned (secrets and the stored token
 * redacted, n8n restores them from its database) plus the user's edits.
 * - 3CX and OpenVox: a first Test stores a token; a Test with a wrong secret must then fail
 *   with our message (n8n 2.41 reuses a stored token in a Test), and the right one pass.
 * - sipXcom behind a self-signed certificate: our TLS message, pointing to Ignore SSL Issues.
 * - Cloudonix with a wrong port: names the API it cannot reach.
 */
import type { IDataObject } from 'n8n-workflow';

import { createCloudonixSandbox } from '../../dev/sandbox/cloudonix';
import { createOpenVoxSandbox } from '../../dev/sandbox/openvox';
import { createSipXcomSandbox } from '../../dev/sandbox/sipxcom';
import { createThreeCxSandbox } from '../../dev/sandbox/threecx';
import type { RealN8n } from './realN8n';
import type { CredentialImport } from './server';
import { N8nServer } from './server';
import type { Reporter } from './triggers';

interface TestResult {
	status: string;
	message: string;
}

interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: IDataObject;
}

/** A closed loopback port: nothing listens on port 1. */
const UNREACHABLE = 'http://127.0.0.1:1';

export async function runCredentialTestCases(n8n: RealN8n, report: Reporter): Promise<void> {
	console.log('\nCredential Tests (POST /rest/credentials/test, as the editor sends them):');
	const threeCx = createThreeCxSandbox();
	const openVox = createOpenVoxSandbox({ seed: 2 });
	const sipXcom = createSipXcomSandbox({ tls: true, users: 2, phones: 0 });
	const cloudonix = createCloudonixSandbox();
	const sandboxes = [threeCx, openVox, sipXcom, cloudonix];
	const server = new N8nServer(n8n);
	try {
		for (const sandbox of sandboxes) await sandbox.server.start();
		threeCx.seedUsers(2);
		const credentials: CredentialImport[] = [
			{ id: 'pbxsynccredt1', name: '3CX (credential test)', type: 'threeCxApi', data: threeCx.credentials() },
			{ id: 'pbxsynccredt2', name: 'OpenVox (credential test)', type: 'openVoxApi', data: openVox.credentials() },
			{ id: 'pbxsynccredt3', name: 'sipXcom (credential test)', type: 'sipXcomApi', data: sipXcom.credentials({ ignoreSSLIssues: false }) },
			{ id: 'pbxsynccredt4', name: 'Cloudonix (credential test)', type: 'cloudonixApi', data: cloudonix.credentials() },
		];
		await server.importCredentials(credentials);
		await server.start();

		const editorData = async (id: string) =>
			await server.rest<StoredCredential>('GET', `/credentials/${id}?includeData=true`);
		const test = async (id: string, changes: IDataObject = {}): Promise<TestResult> => {
			const stored = await editorData(id);
			const credentials = { id: stored.id, name: stored.name, type: stored.type, data: { ...stored.data, ...changes } };
			return await server.rest<TestResult>('POST', '/credentials/test', { credentials });
		};
		const expect = (label: string, result: TestResult, status: 'OK' | 'Error', message?: RegExp, forbidden?: RegExp) => {
			const problems = [
				result.status === status ? '' : `status ${result.status}, expected ${status}`,
				message && !message.test(result.message) ? `expected ${String(message)}` : '',
				forbidden && forbidden.test(result.message) ? `must not match ${String(forbidden)}` : '',
			].filter(Boolean);
			if (problems.length > 0) report.fail(`${label}: "${result.message}" (${problems.join('; ')})`);
			else report.pass(`${label}: ${result.status} "${result.message.slice(0, 120)}${result.message.length > 120 ? '…' : ''}"`);
		};

		// 3CX: a stored token, then a wrong Client Secret.
		expect('3CX, first Test', await test('pbxsynccredt1'), 'OK');
		const threeCxStored = (await editorData('pbxsynccredt1')).data;
		if (!threeCxStored.accessToken) report.fail('3CX: the first Test stored no access token, so the next ones prove nothing');
		const tokensBefore = threeCx.server.count('POST', '/connect/token');
		expect('3CX, stored token, wrong Client Secret', await test('pbxsynccredt1', { clientSecret: 'not-the-api-key' }), 'Error', /3CX rejected the Client ID and Client Secret.*XAPI Access Enabled/);
		expect('3CX, stored token, right Client Secret again', await test('pbxsynccredt1'), 'OK');
		const tokenRequests = threeCx.server.count('POST', '/connect/token') - tokensBefore;
		if (tokenRequests !== 1) report.fail(`3CX: ${tokenRequests} token requests for the two Tests after the first, expected 1 (the wrong secret's)`);
		else report.pass('3CX: the wrong secret cost one token request; the right one reused the stored token');

		// OpenVox: a stored token, then a wrong API Password; every Test is exactly one login.
		expect('OpenVox, first Test', await test('pbxsynccredt2'), 'OK');
		if (!(await editorData('pbxsynccredt2')).data.token) report.fail('OpenVox: the first Test stored no token, so the next ones prove nothing');
		const loginsBefore = openVox.server.count('POST', '/login');
		expect('OpenVox, stored token, wrong API Password', await test('pbxsynccredt2', { password: 'not-the-password' }), 'Error', /^OpenVox login failed: invalid API username or password/);
		expect('OpenVox, stored token, right API Password again', await test('pbxsynccredt2'), 'OK');
		const logins = openVox.server.count('POST', '/login') - loginsBefore;
		if (logins !== 2) report.fail(`OpenVox: ${logins} logins for two Tests, expected one each`);
		else report.pass('OpenVox: one login per Test, never more');

		// sipXcom behind its self-signed certificate.
		expect(
			'sipXcom, self-signed certificate',
			await test('pbxsynccredt3'),
			'Error',
			/TLS certificate is not trusted; for a self-signed certificate turn on "Ignore SSL Issues"/,
			/DEPTH_ZERO_SELF_SIGNED_CERT/,
		);
		expect('sipXcom, with Ignore SSL Issues', await test('pbxsynccredt3', { ignoreSSLIssues: true }), 'OK');
		expect('sipXcom, wrong password', await test('pbxsynccredt3', { ignoreSSLIssues: true, password: 'not-the-password' }), 'Error', /^Wrong username or password/);

		// A wrong port: the Tests name what they cannot reach instead of ECONNREFUSED.
		expect('Cloudonix, wrong API Base URL port', await test('pbxsynccredt4', { baseUrl: UNREACHABLE }), 'Error', /^Cannot reach the Cloudonix API at http:\/\/127\.0\.0\.1:1: the connection was refused/);
		expect('Cloudonix, wrong API key', await test('pbxsynccredt4', { apiKey: 'XIwrongwrongwrongwrongwrongwrongwr' }), 'Error', /API key was rejected/);
		expect('sipXcom, wrong Server URL port', await test('pbxsynccredt3', { serverUrl: UNREACHABLE }), 'Error', /^Cannot reach the sipXcom server at http:\/\/127\.0\.0\.1:1\/sipxconfig: the connection was refused/);
		expect('3CX, changed PBX URL (wrong port)', await test('pbxsynccredt1', { url: UNREACHABLE }), 'Error', /^Cannot reach the PBX at http:\/\/127\.0\.0\.1:1/);
		expect('OpenVox, changed PBX API URL (wrong port)', await test('pbxsynccredt2', { url: UNREACHABLE }), 'Error', /^OpenVox login failed: the connection was refused/);
	} catch (error) {
		report.fail(`credential Tests: ${(error as Error).message}\n${server.port ? server.describe() : ''}`);
	} finally {
		await server.stop();
		for (const sandbox of sandboxes) await sandbox.server.stop();
	}
}
