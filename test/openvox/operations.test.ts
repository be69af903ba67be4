import type { IDataObject } from 'n8n-workflow';

import { md5 } from '../../dev/sandbox/openvox';
import { validateRegisterPassword } from '../../nodes/OpenVox/helpers/fields';
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { openVox } from '../../dev/harness/vendors';
import { NODE, requestCounts } from './helpers';

const { sandbox, withCredential } = sandboxPerTest(openVox, { seed: 5 });
const { logins, calls } = requestCounts(sandbox);

describe('OpenVox Get Many', () => {
	it('lists extensions as normalised extensions with one login', async () => {
		const { run, store, credential } = withCredential();
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.status).toBe('success');
		const items = result.json(NODE);
		expect(items).toHaveLength(5);
		expect(items[0]).toEqual({
			number: '1000',
			name: 'User 1000',
			status: 'Registered',
			id: '1000',
			source: 'openvox',
			raw: { extnumber: '1000', status: 'Registered', type: 'pjsip', username: 'User 1000', agentid: '' },
		});
		expect(logins()).toBe(1);
		expect(store.preAuthCount.get(credential.id)).toBe(1);
		const login = sandbox.server.requests.find((r) => r.path.endsWith('/login'))!;
		expect(JSON.parse(login.text)).toEqual({ username: 'api', password: md5('openvox-pass'), port: '8260' });
		expect(login.query).toEqual({ type: 'json' });
		const list = sandbox.server.requests.find((r) => r.path.endsWith('/extensionlist/query'))!;
		expect(list.query).toEqual({ type: 'json', token: store.data(credential.id).token });
	});

	it('applies status and type filters, the limit and raw output', async () => {
		const { run } = withCredential();
		const filtered = await run({ operation: 'getMany', returnAll: true, filters: { status: ['Registered'] } });
		expect(filtered.json(NODE).map((e) => e.number)).toEqual(['1000', '1003']);
		const limited = await run({ operation: 'getMany', returnAll: false, limit: 2, output: 'raw' });
		expect(limited.json(NODE)).toEqual([
			{ extnumber: '1000', status: 'Registered', type: 'pjsip', username: 'User 1000', agentid: '' },
			{ extnumber: '1001', status: 'Unavailable', type: 'pjsip', username: 'User 1001', agentid: '' },
		]);
		const none = await run({ operation: 'getMany', returnAll: true, filters: { type: 'FXS' } });
		expect(none.json(NODE)).toEqual([]);
	});
});

describe('OpenVox Get', () => {
	it('gets one, several or all extensions without passwords and PINs by default', async () => {
		const { run } = withCredential();
		const one = await run({ operation: 'get', extid: '1002' });
		expect(one.json(NODE)).toHaveLength(1);
		const [record] = one.json(NODE);
		expect(record).toMatchObject({ number: '1002', name: 'User 1002', email: 'user1002@example.com', source: 'openvox' });
		const raw = record.raw as IDataObject;
		expect(raw.hasvoicemail).toBe('on');
		for (const secret of ['registerpassword', 'userpassword', 'vmsecret', 'loginpassword']) expect(raw).not.toHaveProperty(secret);
		expect(JSON.parse(sandbox.server.requests.find((r) => r.path.endsWith('/extension/query'))!.text)).toEqual({
			extid: '1002',
		});

		const several = await run({ operation: 'get', extid: '1000, 1004', output: 'raw' });
		expect(several.json(NODE).map((e) => e.extnumber)).toEqual(['1000', '1004']);
		expect(several.json(NODE)[0]).not.toHaveProperty('vmsecret');

		const all = await run({ operation: 'get', extid: '' });
		expect(all.json(NODE)).toHaveLength(5);
		expect(sandbox.server.requests.filter((r) => r.path.endsWith('/extension/query')).at(-1)!.text).toBe('');
	});

	it('includes secrets only when switched on', async () => {
		const { run } = withCredential();
		const result = await run({ operation: 'get', extid: '1001', output: 'raw', includeSecrets: true });
		expect(result.json(NODE)[0]).toMatchObject({ registerpassword: 'Reg1001pw', vmsecret: '100001', userpassword: 'login1001' });
	});

	it('maps errno 10006 to a readable message', async () => {
		const { run } = withCredential();
		const result = await run({ operation: 'get', extid: '4242' });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('OpenVox extension/query failed: Extension does not exist (errno 10006)');
	});
});

describe('OpenVox Create, Update, Delete', () => {
	it('creates an extension with its settings and returns it as stored', async () => {
		const { run } = withCredential();
		const result = await run({
				operation: 'create',
				number: '={{$json.ext}}',
				registerpassword: 'Str0ng!Pass#2024',
				settings: {
					username: '={{$json.name}}',
					email: '={{$json.email}}',
					hasvoicemail: true,
					vmsecret: '4321',
					dnd: false,
					ringtimeout: '60',
					maxduration: '3600',
					maxregistrations: 3,
					busyforward: true,
					btransferto: 'Custom Number',
					btransferprefix: '9',
					btransfernum: '0123456789',
					monitormode: 'Listen',
				},
			}, { items: [{ ext: '2002', name: 'Ada Lovelace', email: 'ada@example.com' }] });
		expect(result.status).toBe('success');
		const sent = JSON.parse(sandbox.server.requests.find((r) => r.path.endsWith('/extension/add'))!.text);
		expect(sent).toEqual({
			number: '2002',
			registerpassword: 'Str0ng!Pass#2024',
			username: 'Ada Lovelace',
			email: 'ada@example.com',
			hasvoicemail: 'on',
			vmsecret: '4321',
			dnd: 'off',
			ringtimeout: '60',
			maxduration: '3600',
			maxregistrations: '3',
			busyforward: 'on',
			btransferto: 'Custom Number',
			btransferprefix: '9',
			btransfernum: '0123456789',
			monitormode: 'Listen',
		});
		expect(sandbox.state.extensions.get('2002')).toMatchObject({ username: 'Ada Lovelace', hasvoicemail: 'on' });
		const [created] = result.json(NODE);
		expect(created).toMatchObject({ number: '2002', name: 'Ada Lovelace', email: 'ada@example.com', status: 'Unavailable' });
		expect(JSON.stringify(created)).not.toContain('Str0ng!Pass#2024');
		expect(JSON.stringify(created)).not.toContain('4321');
	});

	it('reports a duplicate number with the PBX errno', async () => {
		const { run } = withCredential();
		const result = await run({ operation: 'create', number: '1000', registerpassword: 'abcDEF123' });
		expect(result.error?.message).toBe(
			'OpenVox extension/add failed: Extension configuration failed (for example the number already exists or a value is not allowed) (errno 10017)',
		);
	});

	it('updates settings and renumbers with extnumber', async () => {
		const { run } = withCredential();
		const result = await run({
			operation: 'update',
			extid: '1001',
			settings: { extnumber: '3001', username: 'Renamed', dnd: true, registerpassword: 'N3w-pass' },
		});
		expect(result.status).toBe('success');
		expect(JSON.parse(sandbox.server.requests.find((r) => r.path.endsWith('/extension/update'))!.text)).toEqual({
			extid: '1001',
			extnumber: '3001',
			username: 'Renamed',
			dnd: 'on',
			registerpassword: 'N3w-pass',
		});
		expect(sandbox.state.extensions.has('1001')).toBe(false);
		expect(sandbox.state.extensions.get('3001')).toMatchObject({ username: 'Renamed', dnd: 'on', registerpassword: 'N3w-pass' });
		expect(result.json(NODE)[0]).toMatchObject({ number: '3001', name: 'Renamed' });
	});

	it('refuses an update without settings before sending anything', async () => {
		const { run } = withCredential();
		const result = await run({ operation: 'update', extid: '1001', settings: {} });
		expect(result.error?.message).toBe('Add at least one field under "Settings" to update (item 0)');
		expect(sandbox.server.requests).toHaveLength(0);
	});

	it('deletes one or a comma list in one call', async () => {
		const { run } = withCredential();
		const result = await run({ operation: 'delete', number: '1000, 1003' });
		expect(result.json(NODE)).toEqual([{ deleted: ['1000', '1003'], success: true }]);
		expect(calls('extension/delete')).toBe(1);
		expect(JSON.parse(sandbox.server.requests.find((r) => r.path.endsWith('/extension/delete'))!.text)).toEqual({
			number: '1000,1003',
		});
		expect([...sandbox.state.extensions.keys()]).toEqual(['1001', '1002', '1004']);
	});
});

describe('OpenVox register password generation', () => {
	const GENERATED = (length: number) => new RegExp(`^[A-HJ-NP-Za-km-z2-9]{${length}}$`);
	const added = () => JSON.parse(sandbox.server.requests.find((r) => r.path.endsWith('/extension/add'))!.text) as IDataObject;

	it('Create (version 2) generates a strong password by default that the PBX accepts, and keeps it out of the output', async () => {
		const { run } = withCredential();
		const result = await run({ operation: 'create', number: '2500', settings: { username: 'Gen User' } }, { items: undefined, continueOnFail: false, typeVersion: 2 });

		expect(result.status).toBe('success');
		const password = added().registerpassword as string;
		expect(password).toMatch(GENERATED(20));
		expect(password).toMatch(/[A-Z]/);
		expect(password).toMatch(/[a-z]/);
		expect(password).toMatch(/[2-9]/);
		expect(() => validateRegisterPassword(password)).not.toThrow();
		expect(added()).toEqual({ number: '2500', registerpassword: password, username: 'Gen User' });
		expect(sandbox.state.extensions.get('2500')).toMatchObject({ username: 'Gen User', registerpassword: password });

		const [created] = result.json(NODE);
		expect(created).toMatchObject({ number: '2500', name: 'Gen User', source: 'openvox' });
		expect(created.raw).not.toHaveProperty('registerpassword');
		expect(JSON.stringify(result.run.data)).not.toContain(password);
	});

	it('shows the generated password only with Include Secrets, at the chosen length, new for every item', async () => {
		const { run } = withCredential();
		const result = await run({ operation: 'create', passwordMode: 'generate', passwordLength: 31, number: '={{$json.ext}}', output: 'raw', includeSecrets: true }, { items: [{ ext: '2501' }, { ext: '2502' }], continueOnFail: false, typeVersion: 2 });

		expect(result.status).toBe('success');
		const [first, second] = result.json(NODE);
		expect(first.registerpassword).toBe(sandbox.state.extensions.get('2501')!.registerpassword);
		expect(second.registerpassword).toBe(sandbox.state.extensions.get('2502')!.registerpassword);
		expect(first.registerpassword).toMatch(GENERATED(31));
		expect(second.registerpassword).toMatch(GENERATED(31));
		expect(first.registerpassword).not.toBe(second.registerpassword);
		expect(() => validateRegisterPassword(first.registerpassword as string)).not.toThrow();
	});

	it('Create (version 2) uses the entered password with "Set a Password"', async () => {
		const { run } = withCredential();
		const result = await run({ operation: 'create', passwordMode: 'set', number: '2503', registerpassword: 'Chosen-Pass-1' }, { items: undefined, continueOnFail: false, typeVersion: 2 });
		expect(result.status).toBe('success');
		expect(added().registerpassword).toBe('Chosen-Pass-1');
	});

	it('keeps the password of a Create node saved before the option existed (typeVersion 1, no mode)', async () => {
		const { run } = withCredential();
		// Exactly the parameters such a saved workflow holds: registerpassword, no passwordMode.
		const old = { resource: 'extension', operation: 'create', number: '2504', registerpassword: 'Saved-Earlier-9' };
		const result = await run(old);
		expect(result.status).toBe('success');
		expect(added().registerpassword).toBe('Saved-Earlier-9');
		expect(sandbox.state.extensions.get('2504')!.registerpassword).toBe('Saved-Earlier-9');
	});

	it('shows why version 1 keeps "set": n8n fills a missing mode with the default and drops the hidden password', async () => {
		const { run } = withCredential();
		const result = await run({ operation: 'create', number: '2505', registerpassword: 'Saved-Earlier-9' }, { items: undefined, continueOnFail: false, typeVersion: 2 });
		expect(result.status).toBe('success');
		expect(added().registerpassword).not.toBe('Saved-Earlier-9');
		expect(added().registerpassword).toMatch(GENERATED(20));
	});

	it('offers generation on version 1 too when chosen explicitly', async () => {
		const { run } = withCredential();
		const result = await run({ operation: 'create', passwordMode: 'generate', number: '2506', passwordLength: 12 });
		expect(result.status).toBe('success');
		expect(added().registerpassword).toMatch(GENERATED(12));
	});

	it.each([11, 32, 12.5])('refuses a generated length of %p before any request', async (passwordLength) => {
		const { run } = withCredential();
		const result = await run({ operation: 'create', number: '2507', passwordLength }, { items: undefined, continueOnFail: false, typeVersion: 2 });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('The parameter "Generated Password Length" must be a whole number from 12 to 31 in item 0');
		expect(sandbox.server.requests).toHaveLength(0);
	});

	it('Update replaces the password with a generated one, shown only with Include Secrets', async () => {
		const { run } = withCredential();
		const hidden = await run({ operation: 'update', extid: '1001', settings: { generateRegisterPassword: true } });
		expect(hidden.status).toBe('success');
		const sent = JSON.parse(sandbox.server.requests.find((r) => r.path.endsWith('/extension/update'))!.text) as IDataObject;
		expect(Object.keys(sent)).toEqual(['extid', 'registerpassword']);
		const password = sandbox.state.extensions.get('1001')!.registerpassword as string;
		expect(password).not.toBe('Reg1001pw');
		expect(password).toBe(sent.registerpassword);
		expect(password).toMatch(GENERATED(20));
		expect(JSON.stringify(hidden.run.data)).not.toContain(password);

		const shown = await run({
			operation: 'update',
			extid: '1002',
			settings: { generateRegisterPassword: true, passwordLength: 24, username: 'New Name' },
			output: 'raw',
			includeSecrets: true,
		});
		const updated = sandbox.state.extensions.get('1002')!;
		expect(updated.registerpassword).toMatch(GENERATED(24));
		expect(updated.username).toBe('New Name');
		expect(shown.json(NODE)[0]).toMatchObject({ registerpassword: updated.registerpassword });
	});

	it('Update refuses both a set and a generated password, and a length alone, before any request', async () => {
		const { run } = withCredential();
		const both = await run({ operation: 'update', extid: '1001', settings: { generateRegisterPassword: true, registerpassword: 'Typed-1' } });
		expect(both.error?.message).toBe('Use either "Register Password" or "Generate New Register Password", not both (item 0)');
		const lengthOnly = await run({ operation: 'update', extid: '1001', settings: { passwordLength: 16 } });
		expect(lengthOnly.error?.message).toBe('Add at least one field under "Settings" to update (item 0)');
		const off = await run({ operation: 'update', extid: '1001', settings: { generateRegisterPassword: false } });
		expect(off.error?.message).toBe('Add at least one field under "Settings" to update (item 0)');
		expect(sandbox.server.requests).toHaveLength(0);
		expect(sandbox.state.extensions.get('1001')!.registerpassword).toBe('Reg1001pw');
	});
});

describe('OpenVox input validation', () => {
	const cases: Array<[string, IDataObject, string]> = [
		[
			'a space in the register password',
			{ operation: 'create', number: '2100', registerpassword: 'has space' },
			'"Register Password" contains a space',
		],
		[
			'a forbidden character in the register password',
			{ operation: 'create', number: '2100', registerpassword: 'semi;colon' },
			'"Register Password" contains the character ";"',
		],
		[
			'a register password over 31 characters',
			{ operation: 'create', number: '2100', registerpassword: 'x'.repeat(32) },
			'"Register Password" is 32 characters long; the PBX allows at most 31',
		],
		['a non-numeric extension number', { operation: 'create', number: '21a', registerpassword: 'ok' }, '"Extension Number" must be an extension number'],
		[
			'a busy prefix longer than 7 digits',
			{ operation: 'create', number: '2100', registerpassword: 'ok', settings: { btransferprefix: '12345678' } },
			'"Busy Prefix" must be digits only, at most 7',
		],
		[
			'a non-numeric voicemail PIN',
			{ operation: 'update', extid: '1000', settings: { vmsecret: '12ab' } },
			'"Voicemail PIN" must be digits only',
		],
		[
			'a custom-number forward without a number',
			{ operation: 'update', extid: '1000', settings: { noanswerforward: true, ntransferto: 'Custom Number' } },
			'"No Answer Number" is required when "No Answer Destination" is Custom Number',
		],
		['a bad delete list', { operation: 'delete', number: '1000,abc' }, '"Extension Numbers" must be an extension number made of digits, got "abc"'],
	];

	it.each(cases)('rejects %s before any request, naming the field', async (_name, parameters, message) => {
		const { run } = withCredential();
		const result = await run(parameters);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain(message);
		expect(result.error?.message).toContain('(item 0)');
		expect(sandbox.server.requests).toHaveLength(0);
	});
});
