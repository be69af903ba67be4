/**
 * n8n's SSRF protection, on (N8N_SSRF_PROTECTION_ENABLED=true, its default block list, which
 * covers the loopback sandboxes): every credential Test and every node request to a blocked
 * address is refused by n8n-core before it is sent, and our messages say so, naming the
 * address and N8N_SSRF_ALLOWED_IP_RANGES instead of "the connection failed".
 * test/shared/ssrfAllowed.test.ts: the same with the range allowed.
 */
import { NodeApiError } from 'n8n-workflow';

import { testCredential } from '../../dev/harness/engine';
import { cloudonix, openVox, sipXcom, threeCx } from '../../dev/harness/vendors';
import { createCloudonixSandbox } from '../../dev/sandbox/cloudonix';
import { createOpenVoxSandbox } from '../../dev/sandbox/openvox';
import { createSipXcomSandbox } from '../../dev/sandbox/sipxcom';
import { createThreeCxSandbox } from '../../dev/sandbox/threecx';
import { hostOf, ssrfBlockOf, ssrfProblem } from '../../nodes/shared/ssrf';
import { connectionProblem } from '../../nodes/shared/errors';
import { describeFailure } from '../../nodes/shared/httpFailure';

/** n8n's own error, as @n8n/backend-network 2.41 builds it (a UserError with ip, hostname, description). */
function n8nBlockedIp(ip: string, hostname?: string): Error {
	const target = hostname ? `'${hostname}' (${ip})` : ip;
	return Object.assign(new Error('The request was blocked because it resolves to a restricted IP address'), {
		name: 'SsrfBlockedIpError',
		ip,
		hostname,
		description: `The target ${target} is not allowed. This is a security measure to prevent Server-Side Request Forgery (SSRF).`,
	});
}

describe('recognising n8n\'s SSRF refusal', () => {
	it('finds it in the error itself, in a NodeApiError around it and from the description alone', () => {
		expect(ssrfBlockOf(n8nBlockedIp('10.0.0.5'))).toEqual({ reason: 'ip', ip: '10.0.0.5', hostname: undefined });
		const wrapped = new NodeApiError({ name: 'n', type: 't', typeVersion: 1, position: [0, 0], parameters: {}, id: '1' }, n8nBlockedIp('10.0.0.5', 'pbx.lan') as never);
		expect(ssrfBlockOf(wrapped)).toEqual({ reason: 'ip', ip: '10.0.0.5', hostname: 'pbx.lan' });
		const described = { message: 'The request was blocked because it resolves to a restricted IP address', description: "The target 'pbx.lan' (192.168.1.9) is not allowed." };
		expect(ssrfBlockOf({ cause: described })).toEqual({ reason: 'ip', ip: '192.168.1.9', hostname: 'pbx.lan' });
		expect(ssrfBlockOf({ name: 'SsrfBlockedHostnameError', hostname: 'pbx.lan', message: 'x' })).toEqual({ reason: 'hostname', hostname: 'pbx.lan', ip: undefined });
		expect(ssrfBlockOf(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }))).toBeUndefined();
	});

	it('names the address and only the IP allow-list for an IP-literal URL (n8n consults no host names there)', () => {
		const message = ssrfProblem({ reason: 'ip', ip: '192.168.1.20' }, 'https://192.168.1.20:5001');
		expect(message).toBe(
			"n8n's SSRF protection (N8N_SSRF_PROTECTION_ENABLED) blocked the request to 192.168.1.20, an address in a blocked range. " +
				"Ask the n8n administrator to add 192.168.1.20/32 (or the PBX network's range) to N8N_SSRF_ALLOWED_IP_RANGES",
		);
		expect(message).not.toContain('HOSTNAMES');
		expect(ssrfProblem({ reason: 'ip', ip: 'fd00::20' }, 'http://[fd00::20]:9011')).toContain('add fd00::20/128');
		expect(hostOf('http://[fd00::20]:9011')).toBe('fd00::20');
	});

	it('offers the host-name allow-list too when the URL has a name, and says which list refused a name', () => {
		expect(ssrfProblem({ reason: 'ip', ip: '10.1.2.3' }, 'https://pbx.lan:5001')).toBe(
			"n8n's SSRF protection (N8N_SSRF_PROTECTION_ENABLED) blocked the request to pbx.lan (10.1.2.3), an address in a blocked range. " +
				"Ask the n8n administrator to add 10.1.2.3/32 (or the PBX network's range) to N8N_SSRF_ALLOWED_IP_RANGES or pbx.lan to N8N_SSRF_ALLOWED_HOSTNAMES",
		);
		expect(ssrfProblem({ reason: 'hostname', hostname: 'pbx.lan' })).toBe(
			"n8n's SSRF protection blocked the request: the host name pbx.lan is on N8N_SSRF_BLOCKED_HOSTNAMES. " +
				'Ask the n8n administrator to remove it from that list or add it to N8N_SSRF_ALLOWED_HOSTNAMES',
		);
	});

	it('is a connection problem of its own in the transport, never "the connection failed"', () => {
		const failure = describeFailure(n8nBlockedIp('127.0.0.1'));
		expect(failure.ssrf).toEqual({ reason: 'ip', ip: '127.0.0.1', hostname: undefined });
		expect(connectionProblem(failure)).toContain('blocked the request to 127.0.0.1');
	});
});

describe('with n8n\'s SSRF protection on (n8n-core 2.41, default block list)', () => {
	const threeCxSandbox = createThreeCxSandbox();
	const openVoxSandbox = createOpenVoxSandbox({ seed: 2 });
	const sipXcomSandbox = createSipXcomSandbox({ users: 2, phones: 0 });
	const cloudonixSandbox = createCloudonixSandbox();
	const servers = [threeCxSandbox.server, openVoxSandbox.server, sipXcomSandbox.server, cloudonixSandbox.server];
	const previous = process.env.N8N_SSRF_PROTECTION_ENABLED;

	beforeAll(async () => {
		// Read by n8n-core when it makes its first request in this test file.
		process.env.N8N_SSRF_PROTECTION_ENABLED = 'true';
		for (const server of servers) await server.start();
		threeCxSandbox.seedUsers(2);
	});
	afterAll(async () => {
		if (previous === undefined) delete process.env.N8N_SSRF_PROTECTION_ENABLED;
		else process.env.N8N_SSRF_PROTECTION_ENABLED = previous;
		for (const server of servers) await server.stop();
	});

	const blocked = (url: string) =>
		`n8n's SSRF protection (N8N_SSRF_PROTECTION_ENABLED) blocked the request to ${url.includes('localhost') ? 'localhost (127.0.0.1)' : '127.0.0.1'}, an address in a blocked range. ` +
		`Ask the n8n administrator to add 127.0.0.1/32 (or the PBX network's range) to N8N_SSRF_ALLOWED_IP_RANGES${url.includes('localhost') ? ' or localhost to N8N_SSRF_ALLOWED_HOSTNAMES' : ''}`;

	it('every credential Test says n8n blocked the address and which setting allows it; nothing reaches the PBX', async () => {
		const cases = [
			{ type: 'threeCxApi', harness: threeCx, data: threeCxSandbox.credentials(), url: threeCxSandbox.server.baseUrl, expected: (url: string) => `Cannot reach the PBX at ${url}: ${blocked(url)}.` },
			{ type: 'openVoxApi', harness: openVox, data: openVoxSandbox.credentials(), url: openVoxSandbox.server.baseUrl, expected: (url: string) => `OpenVox login failed: ${blocked(url)} (1 attempt; a login is not repeated, since 5 failed logins lock this client IP out for 10 minutes)` },
			{ type: 'sipXcomApi', harness: sipXcom, data: sipXcomSandbox.credentials(), url: sipXcomSandbox.server.baseUrl, expected: (url: string) => `Cannot reach the sipXcom server at ${url}/sipxconfig: ${blocked(url)}.` },
			{ type: 'cloudonixApi', harness: cloudonix, data: cloudonixSandbox.credentials(), url: cloudonixSandbox.server.baseUrl, expected: (url: string) => `Cannot reach the Cloudonix API at ${url}: ${blocked(url)}.` },
		];
		for (const { type, harness, data, url, expected } of cases) {
			const field = type === 'sipXcomApi' ? 'serverUrl' : type === 'cloudonixApi' ? 'baseUrl' : 'url';
			for (const address of [url, url.replace('127.0.0.1', 'localhost')]) {
				const { store, credential } = harness.credentialFor(data, { [field]: address });
				expect(await testCredential(store, type, credential.id)).toEqual({ status: 'Error', message: expected(address) });
			}
		}
		for (const server of servers) expect(server.requests).toHaveLength(0);
	});

	it('a node request says the same, once, without retrying', async () => {
		const result = await cloudonix.bind(cloudonixSandbox.credentials()).run({ operation: 'getAll', returnAll: true });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(`Cloudonix request failed: ${blocked(cloudonixSandbox.server.baseUrl)}`);
		const user = await sipXcom.bind(sipXcomSandbox.credentials()).run({ resource: 'user', operation: 'get', userId: '1' });
		expect(user.error?.message).toBe(`sipXcom request failed: ${blocked(sipXcomSandbox.server.baseUrl)}`);
		const extension = await threeCx.bind(threeCxSandbox.credentials()).run({ operation: 'get', getBy: 'id', userId: '1' });
		expect(extension.error?.message).toBe(`Cannot reach the PBX at ${threeCxSandbox.server.baseUrl}: ${blocked(threeCxSandbox.server.baseUrl)}.`);
		for (const server of servers) expect(server.requests).toHaveLength(0);
	});
});
