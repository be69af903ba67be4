/**
 * Runs examples/onboarding-webhook.json as exported (the Webhook trigger replaced by a Code node
 * emitting the request item, behind a manual trigger; see dev/harness/examples.ts) against the
 * OpenVox and Cloudonix sandboxes: as imported (Settings › Dry Run on: a plan, no write) and with
 * Dry Run switched off.
 */
import type { IDataObject } from 'n8n-workflow';

import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import * as vendors from '../../dev/harness/vendors';
import { CredentialStore } from '../../dev/harness/credentials';
import { runWorkflow } from '../../dev/harness/engine';
import { loadExample, readExample } from '../../dev/harness/examples';
import { validateRegisterPassword } from '../../nodes/OpenVox/helpers/fields';

const openVox = sandboxPerTest(vendors.openVox, { options: { seed: 3 } }).sandbox; // extensions 1000, 1001, 1002
const cloudonix = sandboxPerTest(vendors.cloudonix).sandbox;

/** What the webhook node would emit for a POST with this JSON body. */
function request(body: IDataObject) {
	return [{ body, headers: { 'content-type': 'application/json' }, params: {}, query: {} }];
}

async function post(body: IDataObject, dryRun = false) {
	const store = new CredentialStore();
	const openVoxCredential = store.add('openVoxApi', openVox.credentials() as never, 'OpenVox account');
	const cloudonixCredential = store.add('cloudonixApi', cloudonix.credentials(), 'Cloudonix account');
	const workflow = loadExample(
		'onboarding-webhook.json',
		{ openVoxApi: openVoxCredential, cloudonixApi: cloudonixCredential },
		{ triggerOutput: request(body), dryRun },
	);
	return await runWorkflow(workflow, store);
}

// The OpenVox node's own generator (Register Password Mode "Generate a Strong Password", 20 characters).
const GENERATED = /^[A-HJ-NP-Za-km-z2-9]{20}$/;

describe('example: onboarding webhook', () => {
	it('lets the OpenVox node generate the register password (no expression, no typed password)', () => {
		const node = readExample('onboarding-webhook.json').nodes.find((n) => n.name === 'Create OpenVox Extension')!;
		expect(node.typeVersion).toBe(2);
		expect(node.parameters.passwordMode).toBe('generate');
		expect(node.parameters).not.toHaveProperty('registerpassword');
	});

	it('as imported (Dry Run on in Settings) answers with the plan of both creates and writes nothing', async () => {
		openVox.server.clearLog();
		cloudonix.server.clearLog();
		const extensions = openVox.state.extensions.size;
		const result = await post({ extension: '205', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' }, true);

		expect(result.status).toBe('success');
		expect(result.executed).toEqual(['New Hire Webhook (start)', 'New Hire Webhook', 'Settings', 'Create OpenVox Extension', 'Create Cloudonix Subscriber']);
		expect(result.json('Create OpenVox Extension')[0]).toMatchObject({
			dryRun: true,
			action: 'create',
			requests: [{ method: 'POST', path: expect.stringContaining('/extension/add'), body: { number: '205', registerpassword: '***', username: 'Ada Lovelace' } }],
		});
		// The webhook answers with the Cloudonix plan: the subscriber it would create, from the request.
		expect(result.json('Create Cloudonix Subscriber')[0]).toMatchObject({
			dryRun: true,
			action: 'create',
			target: { number: '205' },
			requests: [{ method: 'POST', body: { msisdn: '205', sipPassword: '***', profile: { displayName: 'Ada Lovelace', email: 'ada@example.com', openvoxExtension: '205' } } }],
		});
		expect(openVox.state.extensions.size).toBe(extensions);
		expect(openVox.server.count('POST', 'extension/add')).toBe(0);
		expect(cloudonix.server.requests.filter((r) => r.method !== 'GET')).toEqual([]);
		expect(cloudonix.byMsisdn('205')).toBeUndefined();
	});

	it('with Dry Run off creates the OpenVox extension and the Cloudonix subscriber, and answers without secrets', async () => {
		const result = await post({ extension: '205', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' });

		expect(result.status).toBe('success');
		// The Webhook became a Code node (same name) emitting the request, started by a Manual Trigger.
		expect(result.executed).toEqual(['New Hire Webhook (start)', 'New Hire Webhook', 'Settings', 'Create OpenVox Extension', 'Create Cloudonix Subscriber']);

		const extension = openVox.state.extensions.get('205');
		expect(extension).toMatchObject({
			extnumber: '205',
			username: 'Ada Lovelace',
			callerid: '205',
			email: 'ada@example.com',
			hasvoicemail: 'on',
			enablevmtoemail: 'on',
		});
		expect(extension!.registerpassword).toMatch(GENERATED);
		expect(() => validateRegisterPassword(extension!.registerpassword as string)).not.toThrow();

		const subscriber = cloudonix.byMsisdn('205');
		expect(subscriber).toMatchObject({
			msisdn: '205',
			active: true,
			profile: { displayName: 'Ada Lovelace', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', openvoxExtension: '205' },
		});
		expect(subscriber!.sipPassword).toMatch(/^[A-Za-z0-9]{20}$/);
		expect(subscriber!.sipPassword).not.toBe(extension!.registerpassword);

		// responseMode "lastNode" + "firstEntryJson": the webhook answers with this item.
		const response = result.json('Create Cloudonix Subscriber');
		expect(response).toHaveLength(1);
		expect(response[0]).toMatchObject({
			number: '205',
			name: 'Ada Lovelace',
			firstName: 'Ada',
			lastName: 'Lovelace',
			email: 'ada@example.com',
			enabled: true,
			status: 'active',
			id: String(subscriber!.id),
			source: 'cloudonix',
			raw: { uuid: subscriber!.uuid, msisdn: '205' },
		});
		expect(result.json('Create OpenVox Extension')[0]).toMatchObject({ number: '205', source: 'openvox' });

		// Neither password is in the response or anywhere else in the execution data.
		const everything = JSON.stringify(result.run.data);
		expect(everything).not.toContain(extension!.registerpassword);
		expect(everything).not.toContain(subscriber!.sipPassword);
	});

	it('stops with the PBX error for an extension number that exists, before anything is created on Cloudonix', async () => {
		const before = { ...openVox.state.extensions.get('1001')! };
		const subscribersBefore = cloudonix.list().length;
		cloudonix.server.clearLog();

		const result = await post({ extension: '1001', firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' });

		expect(result.status).toBe('error');
		expect(result.error?.node?.name).toBe('Create OpenVox Extension');
		expect(result.error?.message).toMatch(/extension\/add failed: .*errno 10017/);
		expect(result.executed).not.toContain('Create Cloudonix Subscriber');
		expect(openVox.state.extensions.get('1001')).toEqual(before); // not taken over
		expect(cloudonix.server.requests).toHaveLength(0);
		expect(cloudonix.list()).toHaveLength(subscribersBefore);
		expect(cloudonix.byMsisdn('1001')).toBeUndefined();
	});

	it('refuses a Cloudonix number that is already taken instead of re-using its old SIP password', async () => {
		cloudonix.add('206', 'Old-Owner-Pass-206', { displayName: 'Former Employee' }, false);

		const result = await post({ extension: '206', firstName: 'Alan', lastName: 'Turing', email: 'alan@example.com' });

		expect(result.status).toBe('error');
		expect(result.error?.node?.name).toBe('Create Cloudonix Subscriber');
		expect(result.error?.message).toMatch(/MSISDN 206 already exists/);
		expect(cloudonix.byMsisdn('206')).toMatchObject({ sipPassword: 'Old-Owner-Pass-206', active: false });
		// The OpenVox step ran first: the sticky note tells the reader how to finish by hand.
		expect(openVox.state.extensions.has('206')).toBe(true);
	});

	it('rejects a malformed extension number before any request', async () => {
		openVox.server.clearLog();
		cloudonix.server.clearLog();

		const result = await post({ extension: '2O7', firstName: 'Bad', lastName: 'Input', email: 'bad@example.com' });

		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/Extension Number/);
		expect(openVox.server.count('POST', 'extension/add')).toBe(0);
		expect(cloudonix.server.requests).toHaveLength(0);
	});
});
