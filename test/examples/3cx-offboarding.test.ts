/**
 * Runs examples/3cx-offboarding.json as exported (Webhook → Code node with the request) against
 * the 3CX and Cloudonix sandboxes.
 */
import type { IDataObject } from 'n8n-workflow';

import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import * as vendors from '../../dev/harness/vendors';
import { CredentialStore } from '../../dev/harness/credentials';
import { runWorkflow } from '../../dev/harness/engine';
import { loadExample } from '../../dev/harness/examples';

const threeCx = sandboxPerTest(vendors.threeCx).sandbox;
const cloudonix = sandboxPerTest(vendors.cloudonix).sandbox;

/** Leaver 104 (user 5) with a desk phone and a Cloudonix subscriber; manager 200. */
function seed() {
	threeCx.reset();
	threeCx.seedUsers(5);
	threeCx.seedUsers(1, 200);
	const leaver = threeCx.state.users.get(5)!;
	leaver.Phones = [{ Id: 90, MacAddress: '805ec0a1b2c1', Name: 'Desk', TemplateName: 'yealinkT4x.ph.xml', Interface: null, ProvisioningLinkExt: 'x', ProvisioningLinkLocal: 'y' }];
	if (!cloudonix.byMsisdn('104')) cloudonix.add('104', 'Leaver-104-Pw9x', { displayName: 'Eva' }, true);
	cloudonix.byMsisdn('104')!.active = true;
	threeCx.server.clearLog();
	cloudonix.server.clearLog();
	return { ...leaver, Phones: [...leaver.Phones] };
}

const request = (body: IDataObject) => [{ body, headers: { 'content-type': 'application/json' }, params: {}, query: {} }];

async function post(body: IDataObject) {
	const store = new CredentialStore();
	const threeCxApi = store.add('threeCxApi', { ...threeCx.credentials(), accessToken: '' } as never, '3CX API account');
	const cloudonixApi = store.add('cloudonixApi', cloudonix.credentials(), 'Cloudonix account');
	return await runWorkflow(loadExample('3cx-offboarding.json', { threeCxApi, cloudonixApi }, { triggerOutput: request(body) }), store);
}

describe('example: 3CX offboarding', () => {
	it('disables the leaver, forwards to the manager, regenerates SIP credentials, removes the phone, deactivates Cloudonix', async () => {
		const before = seed();
		const result = await post({ extension: '104', managerExtension: '200' });
		expect(result.status).toBe('success');
		expect(result.executed.slice(2)).toEqual([
			'Disable 3CX User',
			'Forward Calls to Manager',
			'Regenerate SIP Credentials',
			'Remove Desk Phones',
			'Deactivate Cloudonix Subscriber',
		]);
		const leaver = threeCx.state.users.get(5)!;
		expect(leaver).toMatchObject({ Number: '104', Enabled: false, HideInPhonebook: true, Phones: [] });
		for (const profile of leaver.ForwardingProfiles) {
			expect(profile.AvailableRoute).toMatchObject({ NotRegisteredInternal: { To: 'Extension', Number: '200' }, NoAnswerExternal: { To: 'Extension', Number: '200' } });
			expect(profile.AwayRoute).toMatchObject({ Internal: { To: 'Extension', Number: '200' } });
		}
		expect(leaver.AuthPassword).not.toBe(before.AuthPassword);
		expect(leaver.AccessPassword).not.toBe(before.AccessPassword);
		expect(threeCx.state.regenerateCalls).toEqual([{ ids: [5], opts: expect.objectContaining({ SipAuth: true, WebclientPassword: true, ConfigurationLink: true, SendWelcomeEmail: false }) }]);
		expect(threeCx.state.users.has(5)).toBe(true); // not deleted
		expect(cloudonix.byMsisdn('104')!.active).toBe(false);
		expect(result.json('Deactivate Cloudonix Subscriber')[0]).toMatchObject({ number: '104', enabled: false });
		// Nobody else was touched.
		expect(threeCx.state.users.get(4)).toMatchObject({ Enabled: true });
		const everything = JSON.stringify(result.run.data);
		for (const secret of [leaver.AuthPassword, leaver.AccessPassword, 'Leaver-104-Pw9x']) expect(everything).not.toContain(secret);
	});

	it('an unknown extension stops at the first step: nothing changes anywhere', async () => {
		seed();
		const result = await post({ extension: '999', managerExtension: '200' });
		expect(result.status).toBe('error');
		expect(result.error?.node?.name).toBe('Disable 3CX User');
		expect(result.error?.message).toBe('3CX request failed (HTTP 404): Number: WARNINGS.XAPI.NOT_FOUND');
		expect(threeCx.server.requests.filter((r) => r.method !== 'GET' && r.path.startsWith('/xapi/v1'))).toHaveLength(0);
		expect(cloudonix.server.requests).toHaveLength(0);
	});

	it('a manager number that is not a number stops before forwarding is changed (the user is already disabled)', async () => {
		seed();
		const result = await post({ extension: '104', managerExtension: 'the boss' });
		expect(result.error?.node?.name).toBe('Forward Calls to Manager');
		expect(result.error?.message).toBe('"Extension Number" must be an extension number (digits) in item 0, got "the boss"');
		expect(threeCx.state.users.get(5)!.ForwardingProfiles[0].AvailableRoute).toMatchObject({ NoAnswerInternal: { To: 'VoiceMail' } });
		expect(cloudonix.byMsisdn('104')!.active).toBe(true);
	});

	it('can run again for the same leaver (phones already gone is fine)', async () => {
		seed();
		await post({ extension: '104', managerExtension: '200' });
		cloudonix.byMsisdn('104')!.active = true;
		const again = await post({ extension: '104', managerExtension: '200' });
		expect(again.status).toBe('success');
		expect(again.json('Remove Desk Phones')[0]).toMatchObject({ changed: false });
	});
});
