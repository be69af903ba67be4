/**
 * Runs examples/3cx-onboarding.json as exported (the Webhook trigger replaced by a Code node
 * emitting the request, see dev/harness/examples.ts) against the 3CX and Cloudonix sandboxes.
 */
import type { IDataObject } from 'n8n-workflow';

import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import * as vendors from '../../dev/harness/vendors';
import { CredentialStore } from '../../dev/harness/credentials';
import { runWorkflow } from '../../dev/harness/engine';
import { loadExample, readExample } from '../../dev/harness/examples';

const threeCx = sandboxPerTest(vendors.threeCx, { seed: 5 }).sandbox; // 100–104
const cloudonix = sandboxPerTest(vendors.cloudonix).sandbox;

const request = (body: IDataObject) => [{ body, headers: { 'content-type': 'application/json' }, params: {}, query: {} }];

async function post(body: IDataObject) {
	const store = new CredentialStore();
	const threeCxApi = store.add('threeCxApi', { ...threeCx.credentials(), accessToken: '' } as never, '3CX API account');
	const cloudonixApi = store.add('cloudonixApi', cloudonix.credentials(), 'Cloudonix account');
	const workflow = loadExample('3cx-onboarding.json', { threeCxApi, cloudonixApi }, { triggerOutput: request(body) });
	return await runWorkflow(workflow, store);
}

const ADA = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', departmentId: 3, phoneMac: '80:5E:C0:11:22:33', phoneTemplate: 'yealinkT4x.ph.xml' };

describe('example: 3CX onboarding', () => {
	it('uses node version 2 with an explicit Next Free Number', () => {
		const create = readExample('3cx-onboarding.json').nodes.find((n) => n.name === 'Create 3CX User')!;
		expect(create.typeVersion).toBe(2);
		expect(create.parameters.numberSource).toBe('nextFree');
	});

	it('creates the user on the next free number, in the department, with the phone, mails it and creates the subscriber', async () => {
		threeCx.state.users.delete(3); // 102 is free again
		const result = await post(ADA);
		expect(result.status).toBe('success');
		expect(result.executed).toEqual([
			'New Hire Webhook (start)',
			'New Hire Webhook',
			'Create 3CX User',
			'Add to Department',
			'Assign Desk Phone',
			'Send Welcome Email',
			'Create Cloudonix Subscriber',
		]);
		const user = [...threeCx.state.users.values()].find((u) => u.EmailAddress === 'ada@example.com')!;
		expect(user).toMatchObject({ Number: '102', FirstName: 'Ada', LastName: 'Lovelace' });
		expect(user.Groups.map((g) => [g.GroupId, g.Rights.RoleName])).toEqual([
			[1, 'users'],
			[3, 'users'],
		]);
		expect(user.Phones.map((p) => [p.MacAddress, p.TemplateName])).toEqual([['805ec0112233', 'yealinkT4x.ph.xml']]);
		expect(threeCx.state.welcomeEmails).toEqual([user.Id]);
		expect(threeCx.server.count('GET', 'Pbx.GetFirstAvailableExtensionNumber()')).toBe(1);

		const subscriber = cloudonix.byMsisdn('102')!;
		expect(subscriber).toMatchObject({ active: true, profile: { displayName: 'Ada Lovelace', email: 'ada@example.com', threeCxExtension: '102', threeCxUserId: String(user.Id) } });
		const response = result.json('Create Cloudonix Subscriber');
		expect(response).toHaveLength(1);
		expect(response[0]).toMatchObject({ number: '102', name: 'Ada Lovelace', source: 'cloudonix' });

		const everything = JSON.stringify(result.run.data);
		for (const secret of [user.AuthPassword, user.AccessPassword, subscriber.sipPassword, '/provisioning/']) expect(everything).not.toContain(secret);
		expect(threeCx.server.count('POST', '/connect/token')).toBe(1);
	});

	it('a MAC address that is not one stops at the phone step before its request; nothing reaches Cloudonix', async () => {
		const result = await post({ ...ADA, phoneMac: '80:5E:C0:11:22' });
		expect(result.status).toBe('error');
		expect(result.error?.node?.name).toBe('Assign Desk Phone');
		expect(result.error?.message).toContain('"MAC Address" in item 0');
		expect(threeCx.state.welcomeEmails).toEqual([]);
		expect(cloudonix.server.requests).toHaveLength(0);
	});

	it('a duplicate e-mail stops at Create: no user, no mail, no subscriber', async () => {
		const taken = [...threeCx.state.users.values()][0].EmailAddress;
		const result = await post({ ...ADA, email: taken });
		expect(result.error?.node?.name).toBe('Create 3CX User');
		expect(result.error?.message).toBe('3CX request failed (HTTP 400): EmailAddress: WARNINGS.XAPI.ALREADY_IN_USE');
		expect(threeCx.state.users.size).toBe(5);
		expect(cloudonix.server.requests).toHaveLength(0);
	});
});
