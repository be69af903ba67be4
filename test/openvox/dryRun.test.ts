/**
 * Options › Dry Run on every OpenVox write and Options › Only If Unchanged on update and delete,
 * through real workflow runs; every OpenVox call is a POST, so the log is read by endpoint: the
 * two queries are reads, the login is what every read needs too.
 */
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { openVox } from '../../dev/harness/vendors';

const NODE = openVox.node;
const { sandbox, run } = sandboxPerTest(openVox, { seed: 5 });

const WRITE_ENDPOINTS = /\/extension\/(add|update|delete)$/;
const writes = () => sandbox.server.requests.filter((request) => WRITE_ENDPOINTS.test(request.path));

describe('OpenVox Dry Run', () => {
	it('Create: action create and the add call without the password', async () => {
		const result = await run({ operation: 'create', number: '2500', registerpassword: 'Str0ng!Pass#2024', settings: { username: 'Dry Run' }, options: { dryRun: true } });
		const [plan] = result.json(NODE);
		expect(plan).toMatchObject({ dryRun: true, action: 'create', requests: [{ method: 'POST', path: expect.stringMatching(/extension\/add/) }] });
		expect(JSON.stringify(plan)).not.toContain('Str0ng!Pass#2024');
		expect(writes()).toEqual([]);
	});

	it('Update: the changed settings, from what to what', async () => {
		const before = sandbox.state.extensions.get('1001')!;
		const result = await run({ operation: 'update', extid: '1001', settings: { username: 'Renamed' }, options: { dryRun: true } });
		const [plan] = result.json(NODE);
		expect(plan).toMatchObject({
			dryRun: true,
			action: 'update',
			target: { number: '1001' },
			requests: [{ method: 'POST', body: { extid: '1001', username: 'Renamed' } }],
			changes: [{ field: 'username', from: before.username, to: 'Renamed' }],
		});
		expect(writes()).toEqual([]);
		expect(sandbox.state.extensions.get('1001')!.username).toBe(before.username);
	});

	it('Delete: action delete; a missing extension fails as in a real run', async () => {
		const result = await run({ operation: 'delete', number: '1002', options: { dryRun: true } });
		expect(result.json(NODE)[0]).toMatchObject({ dryRun: true, action: 'delete', target: { number: '1002' }, requests: [{ body: { number: '1002' } }] });
		const missing = await run({ operation: 'delete', number: '1999', options: { dryRun: true } });
		expect(missing.error?.message).toBe('OpenVox extension/query failed: Extension does not exist (errno 10006)');
		expect(writes()).toEqual([]);
		expect(sandbox.state.extensions.has('1002')).toBe(true);
	});
});

describe('OpenVox Only If Unchanged', () => {
	it.each([
		['update', { extid: '1001', settings: { username: 'Renamed' } }],
		['delete', { number: '1001' }],
	])('%s: applied when unchanged, refused and not written when another writer changed it', async (operation, parameters) => {
		const record = sandbox.state.extensions.get('1001')!;
		const applied = await run({ operation, ...parameters, options: { onlyIfUnchanged: { name: record.username } } });
		expect(applied.error?.message).toBeUndefined();
		expect(writes()).toHaveLength(1);

		sandbox.server.clearLog();
		const other = sandbox.state.extensions.get('1003')!;
		const was = other.username;
		other.username = 'Someone Else';
		const target = operation === 'update' ? { extid: '1003', settings: { username: 'Renamed' } } : { number: '1003' };
		const refused = await run({ operation, ...target, options: { onlyIfUnchanged: { name: was } } }, { continueOnFail: true });
		expect(refused.json(NODE)[0].error).toBe(`OpenVox extension 1003 changed since it was compared: name (was ${JSON.stringify(was)}, now "Someone Else")`);
		expect(writes()).toEqual([]);
	});
});
