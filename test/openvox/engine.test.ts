import type { IDataObject } from 'n8n-workflow';

import { CredentialStore } from '../../dev/harness/credentials';
import { runWorkflow, testCredential } from '../../dev/harness/engine';
import { buildWorkflow, pkg, source } from '../../dev/harness/workflow';
import { validateRegisterPassword } from '../../nodes/OpenVox/helpers/fields';
import { SANDBOX_TLS } from '../../dev/sandbox/core';
import { createOpenVoxSandbox, md5 } from '../../dev/sandbox/openvox';

const sandbox = createOpenVoxSandbox();
const NODE = 'OpenVox';

beforeAll(async () => {
	await sandbox.server.start();
});
afterAll(async () => sandbox.server.stop());
beforeEach(() => {
	sandbox.reset();
	sandbox.seed(5);
});

function setup(overrides: IDataObject = {}) {
	const store = new CredentialStore();
	const credential = store.add('openVoxApi', sandbox.credentials(overrides) as never);
	// typeVersion 1 unless a test says otherwise: version 2 only changes Create's password default.
	const workflow = (parameters: IDataObject, items: IDataObject[] = [{}], continueOnFail = false, typeVersion = 1) =>
		buildWorkflow(
			[
				source('Items', items),
				{
					name: NODE,
					type: pkg('openVox'),
					parameters: { resource: 'extension', ...parameters },
					credentials: { openVoxApi: credential },
					continueOnFail,
					typeVersion,
				},
			],
			[['Items', NODE]],
		);
	const run = async (parameters: IDataObject, items?: IDataObject[], continueOnFail = false, typeVersion = 1) =>
		await runWorkflow(workflow(parameters, items, continueOnFail, typeVersion), store);
	return { store, credential, workflow, run };
}

const logins = () => sandbox.server.count('POST', '/login');
const calls = (endpoint: string) => sandbox.server.count('POST', `/api/v0.0.1/${endpoint}`);

describe('OpenVox Get Many', () => {
	it('lists extensions as normalised extensions with one login', async () => {
		const { run, store, credential } = setup();
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
		const { run } = setup();
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
		const { run } = setup();
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
		const { run } = setup();
		const result = await run({ operation: 'get', extid: '1001', output: 'raw', includeSecrets: true });
		expect(result.json(NODE)[0]).toMatchObject({ registerpassword: 'Reg1001pw', vmsecret: '100001', userpassword: 'login1001' });
	});

	it('maps errno 10006 to a readable message', async () => {
		const { run } = setup();
		const result = await run({ operation: 'get', extid: '4242' });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('OpenVox extension/query failed: Extension does not exist (errno 10006)');
	});
});

describe('OpenVox Create, Update, Delete', () => {
	it('creates an extension with its settings and returns it as stored', async () => {
		const { run } = setup();
		const result = await run(
			{
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
			},
			[{ ext: '2002', name: 'Ada Lovelace', email: 'ada@example.com' }],
		);
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
		const { run } = setup();
		const result = await run({ operation: 'create', number: '1000', registerpassword: 'abcDEF123' });
		expect(result.error?.message).toBe(
			'OpenVox extension/add failed: Extension configuration failed (for example the number already exists or a value is not allowed) (errno 10017)',
		);
	});

	it('updates settings and renumbers with extnumber', async () => {
		const { run } = setup();
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
		const { run } = setup();
		const result = await run({ operation: 'update', extid: '1001', settings: {} });
		expect(result.error?.message).toBe('Add at least one field under "Settings" to update (item 0)');
		expect(sandbox.server.requests).toHaveLength(0);
	});

	it('deletes one or a comma list in one call', async () => {
		const { run } = setup();
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
		const { run } = setup();
		const result = await run({ operation: 'create', number: '2500', settings: { username: 'Gen User' } }, undefined, false, 2);

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
		const { run } = setup();
		const result = await run(
			{ operation: 'create', passwordMode: 'generate', passwordLength: 31, number: '={{$json.ext}}', output: 'raw', includeSecrets: true },
			[{ ext: '2501' }, { ext: '2502' }],
			false,
			2,
		);

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
		const { run } = setup();
		const result = await run({ operation: 'create', passwordMode: 'set', number: '2503', registerpassword: 'Chosen-Pass-1' }, undefined, false, 2);
		expect(result.status).toBe('success');
		expect(added().registerpassword).toBe('Chosen-Pass-1');
	});

	it('keeps the password of a Create node saved before the option existed (typeVersion 1, no mode)', async () => {
		const { run } = setup();
		// Exactly the parameters such a saved workflow holds: registerpassword, no passwordMode.
		const old = { resource: 'extension', operation: 'create', number: '2504', registerpassword: 'Saved-Earlier-9' };
		const result = await run(old);
		expect(result.status).toBe('success');
		expect(added().registerpassword).toBe('Saved-Earlier-9');
		expect(sandbox.state.extensions.get('2504')!.registerpassword).toBe('Saved-Earlier-9');
	});

	it('shows why version 1 keeps "set": n8n fills a missing mode with the default and drops the hidden password', async () => {
		const { run } = setup();
		const result = await run({ operation: 'create', number: '2505', registerpassword: 'Saved-Earlier-9' }, undefined, false, 2);
		expect(result.status).toBe('success');
		expect(added().registerpassword).not.toBe('Saved-Earlier-9');
		expect(added().registerpassword).toMatch(GENERATED(20));
	});

	it('offers generation on version 1 too when chosen explicitly', async () => {
		const { run } = setup();
		const result = await run({ operation: 'create', passwordMode: 'generate', number: '2506', passwordLength: 12 });
		expect(result.status).toBe('success');
		expect(added().registerpassword).toMatch(GENERATED(12));
	});

	it.each([11, 32, 12.5])('refuses a generated length of %p before any request', async (passwordLength) => {
		const { run } = setup();
		const result = await run({ operation: 'create', number: '2507', passwordLength }, undefined, false, 2);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('The parameter "Generated Password Length" must be a whole number from 12 to 31 in item 0');
		expect(sandbox.server.requests).toHaveLength(0);
	});

	it('Update replaces the password with a generated one, shown only with Include Secrets', async () => {
		const { run } = setup();
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
		const { run } = setup();
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
		const { run } = setup();
		const result = await run(parameters);
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain(message);
		expect(result.error?.message).toContain('(item 0)');
		expect(sandbox.server.requests).toHaveLength(0);
	});
});

describe('OpenVox token handling', () => {
	it.each([
		['timed out (20006)', 'timeout'],
		['erased (20004)', 'erase'],
	] as const)('logs in again exactly once when the token is %s mid-run', async (_label, how) => {
		const { run, store, credential } = setup();
		const items = Array.from({ length: 6 }, (_, i) => ({ n: 1000 + (i % 5) }));
		const first = await run({ operation: 'get', extid: '1000' });
		expect(first.status).toBe('success');
		const oldToken = store.data(credential.id).token;
		sandbox.server.clearLog();
		sandbox.expireTokens(how);
		const result = await run({ operation: 'get', extid: '={{$json.n}}', output: 'raw' }, items);
		expect(result.status).toBe('success');
		expect(result.json(NODE)).toHaveLength(6);
		expect(logins()).toBe(1);
		expect(store.preAuthCount.get(credential.id)).toBe(2);
		const newToken = store.data(credential.id).token;
		expect(newToken).not.toBe(oldToken);
		// 6 items + the one refused request
		expect(calls('extension/query')).toBe(7);
		const queries = sandbox.server.requests.filter((r) => r.path.endsWith('/extension/query'));
		expect(queries[0].query.token).toBe(oldToken);
		expect(queries.slice(1).every((r) => r.query.token === newToken)).toBe(true);

		// The next execution reuses the new token.
		sandbox.server.clearLog();
		await run({ operation: 'getMany', returnAll: true });
		expect(logins()).toBe(0);
	});

	it('expires the token after the configured inactivity and logs in again', async () => {
		const { run } = setup();
		await run({ operation: 'getMany', returnAll: true });
		sandbox.advance(29 * 60_000);
		await run({ operation: 'getMany', returnAll: true });
		expect(logins()).toBe(1);
		sandbox.advance(31 * 60_000);
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.status).toBe('success');
		expect(logins()).toBe(2);
	});

	it('reuses a token that another execution already renewed instead of logging in again', async () => {
		const { run, store, credential } = setup();
		await run({ operation: 'getMany', returnAll: true });
		// Simulate a parallel execution that logged in again after the token lapsed.
		sandbox.expireTokens('erase');
		const other = setup();
		await other.run({ operation: 'getMany', returnAll: true });
		store.update(credential.id, { ...store.data(credential.id), token: other.store.data(other.credential.id).token });
		sandbox.server.clearLog();
		sandbox.state.tokens.clear();
		// Now the stored token is gone as well: exactly one login, not two.
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.status).toBe('success');
		expect(logins()).toBe(1);
	});

	it('uses one login for a 200-item run', async () => {
		sandbox.seed(200, 5000);
		const { run, store, credential } = setup();
		const items = Array.from({ length: 200 }, (_, i) => ({ ext: String(5000 + i) }));
		const result = await run({ operation: 'get', extid: '={{$json.ext}}', output: 'raw' }, items);
		expect(result.status).toBe('success');
		expect(result.json(NODE)).toHaveLength(200);
		expect(result.json(NODE)[199].extnumber).toBe('5199');
		expect(logins()).toBe(1);
		expect(sandbox.state.logins).toHaveLength(1);
		expect(store.preAuthCount.get(credential.id)).toBe(1);
		expect(calls('extension/query')).toBe(200);
	});
});

describe('OpenVox login failures', () => {
	it('fails a wrong password with one login attempt and a clear, secret-free error', async () => {
		const { run, store, credential } = setup({ password: 'wrong-password' });
		const result = await run({ operation: 'getMany', returnAll: true }, [{}, {}, {}]);
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('OpenVox login failed: invalid API username or password (errno 20003)');
		expect(result.error?.description).toContain('locks the client IP out for 10 minutes after 5 failed logins');
		expect(logins()).toBe(1);
		expect(sandbox.state.logins).toEqual([{ username: 'api', ok: false, errno: '20003', format: 'json' }]);
		expect(store.preAuthCount.get(credential.id)).toBe(1);
		const everything = JSON.stringify(result.run.data.resultData);
		expect(everything).not.toContain('wrong-password');
		expect(everything).not.toContain(md5('wrong-password'));
		expect(calls('extensionlist/query')).toBe(0);
	});

	it('with Continue On Fail, tries the login once for the whole run, not once per item', async () => {
		const { run } = setup({ password: 'wrong-password' });
		const items = Array.from({ length: 8 }, () => ({}));
		const result = await run({ operation: 'getMany', returnAll: true }, items, true);
		expect(result.status).toBe('success');
		const out = result.json(NODE);
		expect(out).toHaveLength(8);
		for (const item of out) expect(item.error).toBe('OpenVox login failed: invalid API username or password (errno 20003)');
		expect(out[7].description).toContain('not again for the following items');
		// Eight items would be eight failed logins (a lockout after five) without the per-run memo.
		expect(logins()).toBe(1);
		expect(sandbox.state.lockedUntil).toBe(0);
	});

	it('explains a lockout after five failed logins', async () => {
		const bad = setup({ password: 'nope' });
		for (let i = 0; i < 5; i++) await bad.run({ operation: 'getMany', returnAll: true });
		expect(logins()).toBe(5);
		const good = setup();
		const locked = await good.run({ operation: 'getMany', returnAll: true });
		expect(locked.error?.message).toBe(
			'OpenVox login failed: this client IP is locked out after 5 failed logins; wait 10 minutes before trying again (errno 20002)',
		);
		sandbox.advance(10 * 60_000 + 1);
		const after = await good.run({ operation: 'getMany', returnAll: true });
		expect(after.status).toBe('success');
	});

	it('reads the OpenVox doc example errno 30003 as a possible credential problem', async () => {
		const strict = createOpenVoxSandbox({ badLoginErrno: '30003' });
		await strict.server.start();
		try {
			const store = new CredentialStore();
			const credential = store.add('openVoxApi', strict.credentials({ password: 'x' }) as never);
			expect(await testCredential(store, 'openVoxApi', credential.id)).toEqual({
				status: 'Error',
				message: 'OpenVox login failed: the PBX API service is not running, or the API username or password is wrong (errno 30003)',
			});
		} finally {
			await strict.server.stop();
		}
	});
});

describe('OpenVox credential test', () => {
	it('performs a real login and a read-only call', async () => {
		const { store, credential } = setup();
		expect(await testCredential(store, 'openVoxApi', credential.id)).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(logins()).toBe(1);
		expect(calls('extensionlist/query')).toBe(1);
	});

	it('costs exactly one login attempt for a wrong password', async () => {
		const { store, credential } = setup({ password: 'bad' });
		expect(await testCredential(store, 'openVoxApi', credential.id)).toEqual({
			status: 'Error',
			message: 'OpenVox login failed: invalid API username or password (errno 20003)',
		});
		expect(logins()).toBe(1);
		expect(sandbox.state.logins).toHaveLength(1);
	});

	it('reports a wrong URL without a login loop', async () => {
		const { store, credential } = setup({ url: `${sandbox.server.baseUrl}/nothing-here` });
		const result = await testCredential(store, 'openVoxApi', credential.id);
		expect(result.status).toBe('Error');
		expect(sandbox.server.requests).toHaveLength(1);
	});
});

describe('OpenVox errors, retries and Continue On Fail', () => {
	it('shows unknown errno codes verbatim', async () => {
		const { run } = setup();
		sandbox.server.injectFault({ path: '/extensionlist/query', status: 200, body: { status: 'Failed', errno: '99999' } });
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.error?.message).toBe('OpenVox extensionlist/query failed: errno 99999');
	});

	it('retries a query after a 503 but never an add after a 500', async () => {
		const { run } = setup();
		sandbox.server.injectFault({ path: '/extension/query', status: 503, retryAfter: 0 });
		const query = await run({ operation: 'get', extid: '1000' });
		expect(query.status).toBe('success');
		expect(calls('extension/query')).toBe(2);

		sandbox.server.injectFault({ path: '/extension/add', status: 500, body: 'boom' });
		const add = await run({ operation: 'create', number: '2200', registerpassword: 'abc123' });
		expect(add.status).toBe('error');
		expect(add.error?.message).toBe('OpenVox request failed (HTTP 500): boom');
		expect(calls('extension/add')).toBe(1);
	});

	it('keeps the token out of error messages', async () => {
		const { run, store, credential } = setup();
		await run({ operation: 'getMany', returnAll: true });
		const token = store.data(credential.id).token as string;
		sandbox.server.injectFault({ path: '/extensionlist/query', status: 400, body: `bad request for token=${token}` });
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.error?.message).toBe('OpenVox request failed (HTTP 400): bad request for token=***');
		expect(JSON.stringify(result.run.data.resultData)).not.toContain(token);
	});

	it('turns failing items into error items with Continue On Fail and carries on', async () => {
		const { run } = setup();
		const result = await run(
			{ operation: 'create', number: '={{$json.ext}}', registerpassword: '={{$json.pw}}', output: 'raw' },
			[
				{ ext: '2300', pw: 'good1' },
				{ ext: '2301', pw: 'bad pw' },
				{ ext: '1000', pw: 'good2' },
				{ ext: '2302', pw: 'good3' },
			],
			true,
		);
		expect(result.status).toBe('success');
		const out = result.output(NODE)[0];
		expect(out.map((i) => i.json.extnumber ?? i.json.error)).toEqual([
			'2300',
			'"Register Password" contains a space; the PBX does not allow ;&"\'\\<>`| or spaces (item 1)',
			'OpenVox extension/add failed: Extension configuration failed (for example the number already exists or a value is not allowed) (errno 10017)',
			'2302',
		]);
		expect(out.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(calls('extension/add')).toBe(3);
	});
});

describe('OpenVox XML variant', () => {
	it('runs every operation with type=xml bodies and answers', async () => {
		const { run, store, credential } = setup({ apiFormat: 'xml' });
		const list = await run({ operation: 'getMany', returnAll: true });
		expect(list.json(NODE).map((e) => e.number)).toEqual(['1000', '1001', '1002', '1003', '1004']);
		const login = sandbox.server.requests.find((r) => r.path.endsWith('/login'))!;
		expect(login.query.type).toBe('xml');
		expect(login.text).toBe(
			`<?xml version="1.0" encoding="UTF-8" ?><xml><username>api</username><password>${md5('openvox-pass')}</password><port>8260</port></xml>`,
		);
		expect(sandbox.state.logins[0]).toMatchObject({ ok: true, format: 'xml' });

		const created = await run({
			operation: 'create',
			number: '2400',
			registerpassword: 'Xml-Pass1',
			settings: { username: 'X <ml> & User', hasvoicemail: true },
			output: 'raw',
		});
		expect(created.status).toBe('success');
		const add = sandbox.server.requests.find((r) => r.path.endsWith('/extension/add'))!;
		expect(add.query).toEqual({ type: 'xml', token: store.data(credential.id).token });
		expect(add.text).toContain('<xml><number>2400</number><registerpassword>Xml-Pass1</registerpassword><username>X &lt;ml&gt; &amp; User</username>');
		expect(sandbox.state.extensions.get('2400')).toMatchObject({ username: 'X <ml> & User', registerpassword: 'Xml-Pass1' });
		expect(created.json(NODE)[0]).toMatchObject({ extnumber: '2400', username: 'X <ml> & User', hasvoicemail: 'on' });

		const several = await run({ operation: 'get', extid: '1000,2400' });
		expect(several.json(NODE).map((e) => e.number)).toEqual(['1000', '2400']);

		const updated = await run({ operation: 'update', extid: '2400', settings: { dnd: true } });
		expect(updated.json(NODE)[0]).toMatchObject({ number: '2400' });
		expect(sandbox.state.extensions.get('2400')?.dnd).toBe('on');

		const deleted = await run({ operation: 'delete', number: '2400' });
		expect(deleted.json(NODE)).toEqual([{ deleted: ['2400'], success: true }]);

		const missing = await run({ operation: 'get', extid: '2400' });
		expect(missing.error?.message).toBe('OpenVox extension/query failed: Extension does not exist (errno 10006)');
		expect(logins()).toBe(1);
	});

	it('re-logs in once on an XML token timeout', async () => {
		const { run } = setup({ apiFormat: 'xml' });
		await run({ operation: 'getMany', returnAll: true });
		sandbox.expireTokens('timeout');
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.status).toBe('success');
		expect(logins()).toBe(2);
	});

	it('reads a single-item and an empty XML list', async () => {
		sandbox.reset();
		const { run } = setup({ apiFormat: 'xml' });
		expect((await run({ operation: 'getMany', returnAll: true })).json(NODE)).toEqual([]);
		sandbox.seed(1);
		expect((await run({ operation: 'getMany', returnAll: true })).json(NODE).map((e) => e.number)).toEqual(['1000']);
	});
});

describe('OpenVox over HTTPS with a self-signed certificate', () => {
	const tls = SANDBOX_TLS;

	it('refuses the certificate by default and accepts it with Ignore SSL Issues, login included', async () => {
		const secure = createOpenVoxSandbox({ tls, seed: 2 });
		await secure.server.start();
		try {
			const store = new CredentialStore();
			const strict = store.add('openVoxApi', secure.credentials() as never);
			const lenient = store.add('openVoxApi', secure.credentials({ allowUnauthorizedCerts: true }) as never);
			const workflow = (credential: { id: string; name: string }) =>
				buildWorkflow(
					[
						{
							name: NODE,
							type: pkg('openVox'),
							parameters: { resource: 'extension', operation: 'getMany', returnAll: true },
							credentials: { openVoxApi: credential },
						},
					],
					[],
				);
			const refused = await runWorkflow(workflow(strict), store);
			expect(refused.status).toBe('error');
			expect(refused.error?.message).toContain('TLS certificate is not trusted');
			expect(secure.state.logins).toHaveLength(0);

			const accepted = await runWorkflow(workflow(lenient), store);
			expect(accepted.status).toBe('success');
			expect(accepted.json(NODE).map((e) => e.number)).toEqual(['1000', '1001']);
			expect(secure.state.logins).toEqual([{ username: 'api', ok: true, format: 'json' }]);
			expect(await testCredential(store, 'openVoxApi', lenient.id)).toEqual({ status: 'OK', message: 'Connection successful!' });
		} finally {
			await secure.server.stop();
		}
	});
});
