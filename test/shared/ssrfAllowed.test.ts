/**
 * n8n's SSRF protection on, with the sandboxes' range allowed (N8N_SSRF_ALLOWED_IP_RANGES):
 * the credential Tests and the nodes work as without it (test/shared/ssrf.test.ts: blocked).
 */
import { testCredential } from '../../dev/harness/engine';
import { cloudonix, openVox, sipXcom, threeCx } from '../../dev/harness/vendors';
import { createCloudonixSandbox } from '../../dev/sandbox/cloudonix';
import { createOpenVoxSandbox } from '../../dev/sandbox/openvox';
import { createSipXcomSandbox } from '../../dev/sandbox/sipxcom';
import { createThreeCxSandbox } from '../../dev/sandbox/threecx';

describe('with n8n\'s SSRF protection on and 127.0.0.1/32 in N8N_SSRF_ALLOWED_IP_RANGES', () => {
	const threeCxSandbox = createThreeCxSandbox();
	const openVoxSandbox = createOpenVoxSandbox({ seed: 2 });
	const sipXcomSandbox = createSipXcomSandbox({ users: 2, phones: 0 });
	const cloudonixSandbox = createCloudonixSandbox();
	const servers = [threeCxSandbox.server, openVoxSandbox.server, sipXcomSandbox.server, cloudonixSandbox.server];
	const previous = { enabled: process.env.N8N_SSRF_PROTECTION_ENABLED, allowed: process.env.N8N_SSRF_ALLOWED_IP_RANGES };

	beforeAll(async () => {
		process.env.N8N_SSRF_PROTECTION_ENABLED = 'true';
		process.env.N8N_SSRF_ALLOWED_IP_RANGES = '127.0.0.1/32';
		for (const server of servers) await server.start();
		threeCxSandbox.seedUsers(2);
	});
	afterAll(async () => {
		for (const [key, value] of [['N8N_SSRF_PROTECTION_ENABLED', previous.enabled], ['N8N_SSRF_ALLOWED_IP_RANGES', previous.allowed]] as const) {
			if (value === undefined) delete process.env[key];
			else process.env[key] = value;
		}
		for (const server of servers) await server.stop();
	});

	it('every credential Test passes', async () => {
		const cases = [
			{ type: 'threeCxApi', harness: threeCx, data: threeCxSandbox.credentials() },
			{ type: 'openVoxApi', harness: openVox, data: openVoxSandbox.credentials() },
			{ type: 'sipXcomApi', harness: sipXcom, data: sipXcomSandbox.credentials() },
			{ type: 'cloudonixApi', harness: cloudonix, data: cloudonixSandbox.credentials() },
		];
		for (const { type, harness, data } of cases) {
			const { store, credential } = harness.credentialFor(data);
			expect([type, await testCredential(store, type, credential.id)]).toEqual([type, { status: 'OK', message: 'Connection successful!' }]);
		}
	});

	it('the nodes read from the PBX', async () => {
		const result = await cloudonix.bind(cloudonixSandbox.credentials()).run({ operation: 'getAll', returnAll: true });
		expect(result.status).toBe('success');
		const user = await sipXcom.bind(sipXcomSandbox.credentials()).run({ resource: 'user', operation: 'get', userId: '1' });
		expect(user.status).toBe('success');
	});
});
