/**
 * 3CX Phone resource: assign / remove a phone by MAC and template (read-modify-write of
 * Users.Phones), discovered devices (DeviceInfos) and Provision, Reprovision and Reboot by MAC,
 * the provisioning link; provisioning links stay out of output unless Include Secrets is on.
 */
import type { IDataObject } from 'n8n-workflow';

import type { RunOptions } from '../../dev/harness/sandboxPerTest';
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { threeCx } from '../../dev/harness/vendors';
import { locator, NODE } from './helpers';

const { sandbox, run } = sandboxPerTest(threeCx, { seed: 12 });
const phoneOp = (parameters: IDataObject, options: RunOptions = {}) => run({ resource: 'phone', ...parameters }, { typeVersion: 2, ...options });
const patches = () => sandbox.server.requests.filter((r) => r.method === 'PATCH');

describe('3CX Phone: Assign to User, Remove From User', () => {
	it('assigns a phone by MAC in any notation, sends 12 lower-case hex digits, and hides the provisioning link', async () => {
		const result = await phoneOp({ operation: 'assign', user: locator('number', '101'), macAddress: '80:5E:C0:11:22:33', templateName: 'yealinkT4x.ph.xml' });
		const [out] = result.json(NODE);
		expect(out).toMatchObject({ userId: '2', number: '101', changed: true, phone: { MacAddress: '805ec0112233', TemplateName: 'yealinkT4x.ph.xml', Name: 'yealinkT4x' } });
		expect(out.phone).not.toHaveProperty('ProvisioningLinkExt');
		expect(JSON.stringify(result.run.data)).not.toContain('/provisioning/');
		expect(JSON.parse(patches()[0].text)).toEqual({ Phones: [{ MacAddress: '805ec0112233', TemplateName: 'yealinkT4x.ph.xml' }] });
		expect(sandbox.state.users.get(2)!.Phones).toHaveLength(1);
	});

	it('keeps the user\'s other phones, leaves an identical phone alone, and shows links with Include Secrets', async () => {
		await phoneOp({ operation: 'assign', user: locator('id', '2'), macAddress: '805ec0112233', templateName: 'yealinkT4x.ph.xml' });
		const second = await phoneOp({
			operation: 'assign',
			user: locator('id', '2'),
			macAddress: '00-04-13-AA-BB-CC',
			templateName: 'snomD7xx.ph.xml',
			options: { name: 'Reception desk', includeSecrets: true },
		});
		expect(second.json(NODE)[0].phone).toMatchObject({ Name: 'Reception desk', ProvisioningLinkExt: expect.stringContaining('/provisioning/') });
		expect(sandbox.state.users.get(2)!.Phones.map((p) => p.MacAddress)).toEqual(['805ec0112233', '000413aabbcc']);
		sandbox.server.clearLog();
		const again = await phoneOp({ operation: 'assign', user: locator('id', '2'), macAddress: '805EC0112233', templateName: 'yealinkT4x.ph.xml' });
		expect(again.json(NODE)[0].changed).toBe(false);
		expect(patches()).toHaveLength(0);
	});

	it('a bad MAC is an error naming the parameter before any request; the PBX refuses a MAC of another user', async () => {
		const bad = await phoneOp({ operation: 'assign', user: locator('id', '2'), macAddress: '80:5E:C0:11:22', templateName: 'yealinkT4x.ph.xml' });
		expect(bad.error?.message).toBe(
			'"MAC Address" in item 0 "80:5E:C0:11:22" is not a MAC address (12 hex digits, e.g. 80:5E:C0:A1:B2:C3, 80-5E-C0-A1-B2-C3, 805e.c0a1.b2c3 or 805EC0A1B2C3)',
		);
		expect(sandbox.server.requests).toHaveLength(0);
		await phoneOp({ operation: 'assign', user: locator('id', '2'), macAddress: '805ec0112233', templateName: 'yealinkT4x.ph.xml' });
		const taken = await phoneOp({ operation: 'assign', user: locator('id', '3'), macAddress: '805ec0112233', templateName: 'yealinkT4x.ph.xml' });
		expect(taken.error?.message).toBe('3CX request failed (HTTP 400): MacAddress: WARNINGS.MAC_ADDRESS_ALREADY_IN_USE');
		const template = await phoneOp({ operation: 'assign', user: locator('id', '3'), macAddress: '805ec0112299', templateName: 'nokia.ph.xml' });
		expect(template.error?.message).toBe('3CX request failed (HTTP 400): TemplateName: WARNINGS.XAPI.NOT_FOUND');
	});

	it('removes one phone by MAC or all phones; nothing to remove is not an error', async () => {
		await phoneOp({ operation: 'assign', user: locator('id', '2'), macAddress: '805ec0112233', templateName: 'yealinkT4x.ph.xml' });
		await phoneOp({ operation: 'assign', user: locator('id', '2'), macAddress: '000413aabbcc', templateName: 'snomD7xx.ph.xml' });
		const one = await phoneOp({ operation: 'remove', user: locator('id', '2'), phonesToRemove: 'mac', macAddress: '00:04:13:AA:BB:CC' });
		expect(one.json(NODE)).toEqual([{ userId: '2', number: '101', changed: true, removed: ['000413aabbcc'], remaining: 1 }]);
		const all = await phoneOp({ operation: 'remove', user: locator('number', '101'), phonesToRemove: 'all' });
		expect(all.json(NODE)).toEqual([{ userId: '2', number: '101', changed: true, removed: ['805ec0112233'], remaining: 0 }]);
		sandbox.server.clearLog();
		const none = await phoneOp({ operation: 'remove', user: locator('id', '2'), phonesToRemove: 'all' });
		expect(none.json(NODE)[0]).toMatchObject({ changed: false, removed: [] });
		expect(patches()).toHaveLength(0);
	});

	it('Get user (raw, $expand=Phones) drops the provisioning links unless Include Secrets is on', async () => {
		await phoneOp({ operation: 'assign', user: locator('id', '2'), macAddress: '805ec0112233', templateName: 'yealinkT4x.ph.xml' });
		const hidden = await run({ operation: 'get', getBy: 'id', userId: '2', output: 'raw', options: { expand: 'Phones' } });
		expect((hidden.json(NODE)[0].Phones as object[])[0]).not.toHaveProperty('ProvisioningLinkExt');
		const shown = await run({ operation: 'get', getBy: 'id', userId: '2', output: 'raw', options: { expand: 'Phones', includeSecrets: true } });
		expect((shown.json(NODE)[0].Phones as object[])[0]).toHaveProperty('ProvisioningLinkExt');
	});
});

describe('3CX Phone: discovered devices, Provision, Reprovision, Reboot, Provisioning Link', () => {
	it('lists discovered devices, optionally only the unassigned ones', async () => {
		await phoneOp({ operation: 'provisionDevice', macAddress: '805ec0a1b2c1', user: locator('id', '2') });
		const all = await phoneOp({ operation: 'getDevices', returnAll: true });
		expect(all.json(NODE).map((d) => [d.MAC, d.Assigned, d.AssignedUser])).toEqual([
			['805ec0a1b2c1', true, '101'],
			['805ec0a1b2c2', false, null],
			['000413c0ffee', false, null],
		]);
		const free = await phoneOp({ operation: 'getDevices', returnAll: false, limit: 1, options: { onlyUnassigned: true, filter: "Vendor eq 'Snom'" } });
		expect(free.json(NODE).map((d) => d.MAC)).toEqual(['000413c0ffee']);
		expect(sandbox.server.requests.at(-1)!.query).toMatchObject({ $filter: "(Vendor eq 'Snom') and Assigned eq false", $top: '1', $orderby: 'Id' });
	});

	it('provisions a discovered device (found by MAC in any notation) to a user', async () => {
		const result = await phoneOp({ operation: 'provisionDevice', macAddress: '80-5E-C0-A1-B2-C2', user: locator('number', '103'), reprovision: true });
		expect(result.json(NODE)).toEqual([{ deviceId: 2, mac: '805ec0a1b2c2', model: 'T48U', vendor: 'Yealink', userId: '4', provisioned: true, reprovision: true }]);
		const post = sandbox.server.requests.find((r) => r.method === 'POST' && r.path.startsWith('/xapi/v1'))!;
		expect([post.path, JSON.parse(post.text)]).toEqual(['/xapi/v1/DeviceInfos(2)/Pbx.Provision', { userId: 4, reprovision: true }]);
		expect(sandbox.state.users.get(4)!.Phones.map((p) => p.MacAddress)).toEqual(['805ec0a1b2c2']);
	});

	it('an undiscovered MAC is an error before any action', async () => {
		const result = await phoneOp({ operation: 'provisionDevice', macAddress: '805ec0ffffff', user: locator('id', '4') });
		expect(result.error?.message).toBe('The PBX has not discovered a phone with MAC 805ec0ffffff (item 0)');
		expect(sandbox.server.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/xapi/v1'))).toHaveLength(0);
	});

	it('reprovisions and reboots a phone by MAC with the spec\'s {"mac"} body', async () => {
		await phoneOp({ operation: 'assign', user: locator('id', '2'), macAddress: '805ec0112233', templateName: 'yealinkT4x.ph.xml' });
		const re = await phoneOp({ operation: 'reprovision', macAddress: '80:5E:C0:11:22:33' });
		const boot = await phoneOp({ operation: 'reboot', macAddress: '805e.c011.2233' });
		expect(re.json(NODE)).toEqual([{ mac: '805ec0112233', reprovisioned: true }]);
		expect(boot.json(NODE)).toEqual([{ mac: '805ec0112233', rebooted: true }]);
		expect(sandbox.state.phoneActions).toEqual([
			{ action: 'reprovision', mac: '805ec0112233' },
			{ action: 'reboot', mac: '805ec0112233' },
		]);
	});

	it('a reboot that fails with a 503 is not repeated; an unknown phone is a 404; Continue On Fail per item', async () => {
		await phoneOp({ operation: 'assign', user: locator('id', '2'), macAddress: '805ec0112233', templateName: 'yealinkT4x.ph.xml' });
		sandbox.server.injectFault({ method: 'POST', path: 'RebootPhone', status: 503 });
		const result = await phoneOp({ operation: 'reboot', macAddress: '={{ $json.mac }}' }, { items: [{ mac: '805ec0112233' }, { mac: '805ec0999999' }, { mac: 'zz' }], continueOnFail: true });
		const out = result.json(NODE);
		expect(out[0].error).toContain('HTTP 503');
		expect(out[1].error).toBe('3CX request failed (HTTP 404): mac: WARNINGS.XAPI.NOT_FOUND');
		expect(out[2].error).toContain('"MAC Address" in item 2');
		expect(sandbox.server.requests.filter((r) => r.path.includes('RebootPhone'))).toHaveLength(2);
		expect(sandbox.state.phoneActions).toEqual([]);
	});

	it('gets the provisioning link only with Include Secrets', async () => {
		const hidden = await phoneOp({ operation: 'getProvisioningLink', user: locator('number', '101') });
		expect(hidden.json(NODE)).toEqual([{ id: '2', hasProvisioningLink: true }]);
		expect(JSON.stringify(hidden.run.data)).not.toContain('/provisioning/');
		const shown = await phoneOp({ operation: 'getProvisioningLink', user: locator('number', '101'), includeSecrets: true });
		expect(shown.json(NODE)[0].provisioningLink).toBe(`${sandbox.server.baseUrl}/provisioning/prov2k1014/`);
	});
});
