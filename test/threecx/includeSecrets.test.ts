/**
 * Include Secrets on 3CX: node version 3 has it in Options on every operation that can output
 * secrets (Get Provisioning Link moved there); workflows saved with versions 1 and 2 keep the
 * top-level switch of Get Provisioning Link and it still works.
 */
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../../dev/harness/engine';
import { stripPhoneSecrets } from '../../nodes/ThreeCx/helpers/phone';
import { shapeRecord as shapeUser } from '../../nodes/ThreeCx/helpers/record';
import { pkg, savedWorkflow } from '../../dev/harness/workflow';
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { threeCx } from '../../dev/harness/vendors';
import { locator, NODE } from './helpers';

const { sandbox, run, current } = sandboxPerTest(threeCx, { seed: 3 });

const runV3 = async (parameters: IDataObject) => await run(parameters, { typeVersion: 3 });

const runSaved = async (typeVersion: number, parameters: IDataObject) => {
	const { store, credential } = current();
	return await runWorkflow(savedWorkflow({ name: NODE, type: pkg('threeCx'), typeVersion, parameters, credentials: { threeCxApi: credential } }), store);
};

/** Assigns a phone to user 101 (ID 2) so that its provisioning links exist. */
const assignPhone = (options: IDataObject = {}) =>
	runV3({ resource: 'phone', operation: 'assign', user: locator('number', '101'), macAddress: '805ec0112233', templateName: 'yealinkT4x.ph.xml', options });

const exportRows = (options: IDataObject) => runV3({ operation: 'exportExtensions', exportOutput: 'both', binaryPropertyName: 'data', options });

describe('3CX node version 3: Include Secrets in Options, off by default', () => {
	it('Get and Get Many leave the passwords, the PIN and expanded phone links out unless it is on', async () => {
		await assignPhone();
		const get = { operation: 'get', user: locator('number', '101'), output: 'raw' };
		const hidden = await runV3({ ...get, options: { expand: 'Phones' } });
		const [user] = hidden.json(NODE);
		for (const field of ['AuthPassword', 'AccessPassword', 'VMPIN']) expect(user).not.toHaveProperty(field);
		expect((user.Phones as IDataObject[])[0]).not.toHaveProperty('ProvisioningLinkExt');
		expect(JSON.stringify(hidden.run.data)).not.toMatch(/sip-pw-|web-pw-|\/provisioning\//);

		const shown = await runV3({ ...get, options: { expand: 'Phones', includeSecrets: true } });
		expect(shown.json(NODE)[0]).toMatchObject({ AuthPassword: 'sip-pw-101-x9', AccessPassword: 'web-pw-101-y8' });
		expect((shown.json(NODE)[0].Phones as IDataObject[])[0].ProvisioningLinkExt).toContain('/provisioning/');

		const many = { operation: 'getMany', returnAll: true, output: 'raw' };
		expect(JSON.stringify((await runV3(many)).run.data)).not.toMatch(/sip-pw-|web-pw-/);
		expect((await runV3({ ...many, options: { includeSecrets: true } })).json(NODE).map((u) => u.AuthPassword)).toEqual([
			'sip-pw-100-x9',
			'sip-pw-101-x9',
			'sip-pw-102-x9',
		]);
	});

	it('Export Extensions leaves the secret columns out of the rows and the file unless it is on', async () => {
		const header = (result: Awaited<ReturnType<typeof exportRows>>) =>
			Buffer.from(result.output(NODE)[0][0].binary!.data.data, 'base64').toString('utf8').replace(/^\ufeff/, '').split('\r\n')[0].split(',');
		const hidden = await exportRows({});
		expect(hidden.json(NODE)[0]).not.toHaveProperty('AuthPassword');
		expect(header(hidden)).not.toContain('AuthPassword');
		expect(header(hidden)).toContain('AuthID');

		const shown = await exportRows({ includeSecrets: true });
		expect(shown.json(NODE)[0]).toHaveProperty('AuthPassword', 'sip-pw-100-x9');
		expect(header(shown)).toContain('AuthPassword');
	});

	it('Assign to User leaves the phone\'s provisioning links out unless it is on', async () => {
		const hidden = await assignPhone();
		expect(hidden.json(NODE)[0].phone).not.toHaveProperty('ProvisioningLinkExt');
		expect(JSON.stringify(hidden.run.data)).not.toContain('/provisioning/');
		const shown = await assignPhone({ includeSecrets: true });
		expect((shown.json(NODE)[0].phone as IDataObject).ProvisioningLinkExt).toContain('/provisioning/');
	});

	it('Get Provisioning Link outputs the link only with Options › Include Secrets', async () => {
		const parameters = { resource: 'phone', operation: 'getProvisioningLink', user: locator('number', '101') };
		const hidden = await runV3(parameters);
		expect(hidden.json(NODE)).toEqual([{ id: '2', hasProvisioningLink: true }]);
		expect(JSON.stringify(hidden.run.data)).not.toContain('/provisioning/');
		const shown = await runV3({ ...parameters, options: { includeSecrets: true } });
		expect(shown.json(NODE)).toEqual([{ id: '2', provisioningLink: `${sandbox.server.baseUrl}/provisioning/prov2k1014/` }]);
	});

	it('ignores a top-level Include Secrets left over from version 2: the link stays out', async () => {
		const result = await runSaved(3, { resource: 'phone', operation: 'getProvisioningLink', user: locator('number', '101'), includeSecrets: true });
		expect(result.json(NODE)).toEqual([{ id: '2', hasProvisioningLink: true }]);
		expect(JSON.stringify(result.run.data)).not.toContain('/provisioning/');
	});
});

describe('3CX workflows saved with node versions 1 and 2 keep their top-level Include Secrets', () => {
	it.each([1, 2])('version %p: Get Provisioning Link with the top-level switch on outputs the link', async (typeVersion) => {
		const parameters = { resource: 'phone', operation: 'getProvisioningLink', user: { __rl: true, value: '101', mode: 'number' } };
		const shown = await runSaved(typeVersion, { ...parameters, includeSecrets: true });
		expect(shown.json(NODE)).toEqual([{ id: '2', provisioningLink: `${sandbox.server.baseUrl}/provisioning/prov2k1014/` }]);
		const hidden = await runSaved(typeVersion, parameters);
		expect(hidden.json(NODE)).toEqual([{ id: '2', hasProvisioningLink: true }]);
	});

	it('version 2 reads only the top-level switch: an Options entry it never had does not show the link', async () => {
		const result = await runSaved(2, {
			resource: 'phone',
			operation: 'getProvisioningLink',
			user: { __rl: true, value: '101', mode: 'number' },
			options: { includeSecrets: true },
		});
		expect(result.json(NODE)).toEqual([{ id: '2', hasProvisioningLink: true }]);
	});

	it.each([1, 2])('version %p: Get Many keeps its Options › Include Secrets', async (typeVersion) => {
		const result = await runSaved(typeVersion, { resource: 'user', operation: 'getMany', returnAll: true, output: 'raw', options: { includeSecrets: true } });
		expect(result.json(NODE)[0]).toHaveProperty('AuthPassword', 'sip-pw-100-x9');
	});
});

describe('3CX phone settings: Pbx.PhoneSettings.Secret is a secret too', () => {
	// The sandbox's phones carry no Settings; the swagger's Pbx.Phone does (Settings.Secret).
	const phone = { MacAddress: '805ec0112233', ProvisioningLinkExt: 'https://pbx/provisioning/abc/', Settings: { Secret: 'phone-secret-1', RingTone: 'Ring1' } };

	it('Assign\'s phone and Get\'s expanded Phones leave it out unless Include Secrets is on', () => {
		expect(stripPhoneSecrets(phone)).toEqual({ MacAddress: '805ec0112233', Settings: { RingTone: 'Ring1' } });
		expect(stripPhoneSecrets(phone, true)).toEqual(phone);
		const user = { Id: 2, Number: '101', AuthPassword: 'sip-pw', Phones: [phone] };
		for (const output of ['raw', 'normalised'] as const) {
			expect(JSON.stringify(shapeUser(user, output, false))).not.toMatch(/phone-secret-1|sip-pw|provisioning/);
			expect(JSON.stringify(shapeUser(user, output, true))).toContain('phone-secret-1');
		}
	});
});
