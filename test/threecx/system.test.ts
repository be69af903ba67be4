/**
 * 3CX System › Get Status: which 3CX the credential talks to (version, edition, licence), from
 * GET /SystemStatus and GET /Defs/Pbx.GetSystemParameters(); the licence key never in the output.
 */
import { sandboxPerTest, withSandbox } from '../../dev/harness/sandboxPerTest';
import { threeCx } from '../../dev/harness/vendors';
import { htmlPage } from '../../dev/sandbox/core';
import { SANDBOX_LICENSE_KEY } from '../../dev/sandbox/threecx';
import { NODE, specViolations } from './helpers';

const { sandbox, server, run } = sandboxPerTest(threeCx, { seed: 4, typeVersion: 3 });

afterEach(() => {
	const xapi = server.requests.filter((r) => r.path.startsWith('/xapi/v1'));
	expect(xapi.flatMap((request) => specViolations(request))).toEqual([]);
});

describe('3CX System: Get Status', () => {
	it('reports the version, the edition and the licence, never the licence key', async () => {
		sandbox.addQueue({ Name: 'Support', Number: '800' });
		const result = await run({ resource: 'system', operation: 'getStatus' });
		const [status] = result.json(NODE);
		expect(status).toMatchObject({
			version: '20.0.10.900',
			edition: 'Enterprise',
			productCode: '3CXPSENT8',
			fqdn: 'pbx.sandbox.example',
			licenseActive: true,
			maxSimCalls: 8,
			userExtensions: 4,
			extensionsRegistered: 1,
			extensionsTotal: 5,
			license: expect.objectContaining({ IsEnterprise: true }),
			systemStatus: expect.objectContaining({ Version: '20.0.10.900', OS: 'Linux' }),
		});
		expect(status.systemStatus).not.toHaveProperty('LicenseKey');
		expect(JSON.stringify(result.run.data)).not.toContain(SANDBOX_LICENSE_KEY);
		expect(server.requests.filter((r) => r.path.startsWith('/xapi/v1')).map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /xapi/v1/SystemStatus',
			'GET /xapi/v1/Defs/Pbx.GetSystemParameters()',
		]);
	});

	it('names a Professional licence and another version as the PBX reports them', async () => {
		await withSandbox(threeCx, { options: { edition: 'Professional', version: '20.0.9.995' } }, async (pbx) => {
			const result = await pbx.run({ resource: 'system', operation: 'getStatus' }, { typeVersion: 3 });
			expect(result.json(NODE)[0]).toMatchObject({ version: '20.0.9.995', edition: 'Professional', productCode: '3CXPSPRO8' });
		});
	});

	it('a maintenance page instead of the status fails the item, with Continue On Fail as an error item', async () => {
		server.injectFault({ method: 'GET', path: '/SystemStatus', ...htmlPage(200, 'Maintenance') });
		const result = await run({ resource: 'system', operation: 'getStatus' }, { continueOnFail: true });
		expect(result.json(NODE)[0].error).toMatch(/^Unexpected answer from 3CX for GET \/xapi\/v1\/SystemStatus: expected a JSON object, got text\/html/);
	});

	it('a status without a version is an error, not an unknown PBX', async () => {
		server.hook({ method: 'GET', path: '/SystemStatus', beforeAnswer: (_req, res) => void delete (res.body as Record<string, unknown>).Version });
		const result = await run({ resource: 'system', operation: 'getStatus' });
		expect(result.error?.message).toBe('The PBX answered GET /SystemStatus without its version');
	});
});
