/**
 * Provisioning links (the secret path a phone loads its SIP credentials from) and phone secrets
 * stay out of errors and output in every path, and a phone update sends only what it must
 * (issue 21, point 7).
 */
import { inspect } from 'util';

import type { IDataObject } from 'n8n-workflow';

import type { WorkflowResult } from '../../dev/harness/engine';
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { threeCx } from '../../dev/harness/vendors';
import { locator, NODE } from './helpers';

const { sandbox, server, run } = sandboxPerTest(threeCx, { seed: 12, typeVersion: 3 });

const TEMPLATE = 'yealinkT4x.ph.xml';
const MAC_A = '805ec0112233';
const MAC_B = '805ec0445566';
const assign = (macAddress: string, options: IDataObject = {}) =>
	run({ resource: 'phone', operation: 'assign', user: locator('id', '2'), macAddress, templateName: TEMPLATE, options });
const patchBodies = () => server.requests.filter((r) => r.method === 'PATCH').map((r) => JSON.parse(r.text) as { Phones?: IDataObject[] });

/** User 2's provisioning secret (the path segment of every link of its phones). */
const secretOf = (userId: number) => sandbox.state.provisioningSecrets.get(userId)!;
/** Everything a user can see of a run: output, error message, hint and the error's own fields. */
const seen = (result: WorkflowResult) => `${JSON.stringify(result.run.data)} ${inspect(result.error, { depth: 8 })}`;

describe('3CX phone updates send only what they must', () => {
	beforeEach(async () => {
		expect((await assign(MAC_A)).status).toBe('success');
		server.clearLog();
	});

	it('assigning a second phone sends the first by Id, without its links or Settings, and the first keeps its Settings', async () => {
		const first = sandbox.state.users.get(2)!.Phones[0];
		const settings = { ...first.Settings! };
		expect((await assign(MAC_B)).status).toBe('success');
		const [body] = patchBodies();
		expect(body.Phones).toEqual([
			{ Id: first.Id, MacAddress: MAC_A, TemplateName: TEMPLATE, Name: first.Name },
			{ MacAddress: MAC_B, TemplateName: TEMPLATE },
		]);
		expect(JSON.stringify(body)).not.toContain(secretOf(2));
		expect(JSON.stringify(body)).not.toContain(settings.Secret);
		expect(sandbox.state.users.get(2)!.Phones.map((p) => [p.MacAddress, p.Settings])).toEqual([
			[MAC_A, settings],
			[MAC_B, expect.objectContaining({ Secret: expect.any(String) })],
		]);
	});

	it('changing the template, and removing a phone, send no link or phone secret either', async () => {
		await assign(MAC_B);
		const changed = await run({ resource: 'phone', operation: 'assign', user: locator('id', '2'), macAddress: MAC_A, templateName: 'snomD7xx.ph.xml' });
		const removed = await run({ resource: 'phone', operation: 'remove', user: locator('id', '2'), phonesToRemove: 'mac', macAddress: MAC_B });
		expect([changed.status, removed.status]).toEqual(['success', 'success']);
		for (const body of patchBodies()) {
			expect(JSON.stringify(body)).not.toMatch(/ProvisioningLink|Settings|\/provisioning\//);
		}
		expect(sandbox.state.users.get(2)!.Phones).toEqual([expect.objectContaining({ MacAddress: MAC_A, TemplateName: 'snomD7xx.ph.xml', Settings: expect.any(Object) })]);
	});
});

describe('3CX errors never show a provisioning link', () => {
	it('a PBX error text that quotes a link of a phone the node read, in any encoding', async () => {
		await assign(MAC_A);
		const link = sandbox.state.users.get(2)!.Phones[0].ProvisioningLinkExt;
		for (const quoted of [link, encodeURIComponent(link), link.replace(/\//g, '\\/')]) {
			server.injectFault({ method: 'PATCH', path: 'Users(2)', status: 400, body: { error: { code: '', message: `Phones: the phone at ${quoted} is locked` } } });
			const result = await assign(MAC_B, { includeSecrets: true });
			expect(result.error?.message).toMatch(/^3CX request failed \(HTTP 400\): Phones: the phone at \S*\*\*\*\S* is locked$/);
			expect(seen(result)).not.toContain(secretOf(2));
		}
	});

	it('a PBX error text that quotes a link the node never read (another user\'s)', async () => {
		const other = `${server.baseUrl}/provisioning/prov9k1063/805ec0778899.cfg`;
		server.injectFault({ method: 'PATCH', path: 'Users(2)', status: 400, body: { error: { code: '', message: `Phones: MAC in use by the phone at ${other}` } } });
		const result = await assign(MAC_B, {});
		expect(result.error?.message).toBe(`3CX request failed (HTTP 400): Phones: MAC in use by the phone at ${server.baseUrl}/provisioning/***/805ec0778899.cfg`);
		expect(seen(result)).not.toContain('prov9k1063');
	});

	it('the excerpt of an unexpected answer, also in a Continue On Fail item and with Include Secrets on', async () => {
		const link = `${server.baseUrl}/provisioning/${'prov2k1014'}/`;
		server.injectFault({ method: 'GET', path: 'GenerateProvLink', status: 200, body: JSON.stringify(link), headers: { 'Content-Type': 'application/json' }, times: 2 });
		const failed = await run({ resource: 'phone', operation: 'getProvisioningLink', user: locator('id', '2') });
		expect(failed.error?.message).toBe(
			`Unexpected answer from 3CX for GET /xapi/v1/Users(2)/Pbx.GenerateProvLink(): expected a JSON object, got application/json ("${server.baseUrl}/provisioning/***/")`,
		);
		expect(seen(failed)).not.toContain('prov2k1014');
		const item = await run({ resource: 'phone', operation: 'getProvisioningLink', user: locator('id', '2'), options: { includeSecrets: true } }, { continueOnFail: true });
		expect(item.json(NODE)[0].error).toContain('/provisioning/***/');
		expect(seen(item)).not.toContain('prov2k1014');
	});

	it('a phones read answered with a list instead of the user', async () => {
		await assign(MAC_A);
		const phones = sandbox.state.users.get(2)!.Phones;
		server.injectFault({ method: 'GET', path: 'Users(2)', status: 200, body: JSON.stringify(phones.map((p) => p.ProvisioningLinkExt)), headers: { 'Content-Type': 'application/json' } });
		const result = await assign(MAC_B);
		expect(result.error?.message).toMatch(/^Unexpected answer from 3CX for GET \/xapi\/v1\/Users\(2\): expected a JSON object/);
		expect(seen(result)).not.toContain(secretOf(2));
	});
});
