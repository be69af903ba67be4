/**
 * Options › Dry Run on every sipXcom write and Options › Only If Unchanged on user update and
 * delete, through real workflow runs; the sandbox's request log proves no write was sent
 * (FindUser, a SOAP POST, only reads and goes through).
 */
import type { IDataObject } from 'n8n-workflow';

import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { sipXcom } from '../../dev/harness/vendors';

const NODE = sipXcom.node;
const { sandbox, server, run } = sandboxPerTest(sipXcom, { options: { users: 3, phones: 2 } });

const writes = () =>
	server.requests.filter((request) => request.method !== 'GET' && !(request.method === 'POST' && /FindUser/.test(request.text)));

const user = () => sandbox.usersByName()[0];
const phone = () => [...sandbox.state.phones.values()][0];

const ROWS: Array<[string, string, () => IDataObject, string]> = [
	['user', 'create', () => ({ userName: '0778', additionalFields: { firstName: 'Dry' } }), 'create'],
	['user', 'update', () => ({ userId: String(user().id), updateFields: { firstName: 'Changed' } }), 'update'],
	['user', 'delete', () => ({ userId: String(user().id) }), 'delete'],
	['phone', 'create', () => ({ serialNumber: '00:04:F2:00:00:AA', modelId: 'polycomVVX400' }), 'create'],
	['phone', 'delete', () => ({ phoneId: String(phone().id) }), 'delete'],
	['phone', 'sendProfiles', () => ({ phones: String(phone().id), restart: true }), 'sendProfiles'],
	['userBulk', 'manage', () => ({ searchBy: 'byUserName', searchValue: user().userName, change: 'addGroup', group: 'vip', maxMatches: 10 }), 'manage'],
];

describe('sipXcom Dry Run: every write operation plans and sends no write', () => {
	it.each(ROWS)('%s › %s', async (resource, operation, parameters, action) => {
		const result = await run({ resource, operation, ...parameters(), options: { dryRun: true } });
		expect(result.error?.message).toBeUndefined();
		const [plan] = result.json(NODE);
		expect(plan).toMatchObject({ dryRun: true, action, requests: [expect.objectContaining({ method: expect.stringMatching(/POST|PUT|DELETE/) })] });
		expect(writes()).toEqual([]);
	});

	it('Update names the user and shows the fields it would send, without secrets', async () => {
		const { id, userName } = user();
		const result = await run({ resource: 'user', operation: 'update', userId: String(id), updateFields: { sipPassword: 'Dry-Secret-77' }, options: { dryRun: true } });
		const [plan] = result.json(NODE);
		expect(plan).toMatchObject({ action: 'update', target: { number: userName, id: String(id) }, requests: [{ method: 'PUT', path: `/sipxconfig/rest/user/${id}` }] });
		expect(JSON.stringify(plan)).not.toContain('Dry-Secret-77');
		expect(writes()).toEqual([]);
	});
});

describe('sipXcom Only If Unchanged', () => {
	it.each([
		['update', { updateFields: { firstName: 'Changed' } }, 'PUT'],
		['delete', {}, 'DELETE'],
	])('%s: applied when unchanged, refused and not written after another writer changed the user', async (operation, parameters, method) => {
		const target = user();
		const expected = { number: target.userName, firstName: target.firstName };
		const applied = await run({ resource: 'user', operation, userId: String(target.id), ...parameters, options: { onlyIfUnchanged: expected } });
		expect(applied.error?.message).toBeUndefined();
		expect(writes().map((request) => request.method)).toEqual([method]);

		server.clearLog();
		const next = user();
		next.firstName = 'Someone Else';
		const refused = await run(
			{ resource: 'user', operation, userId: String(next.id), ...parameters, options: { onlyIfUnchanged: { number: next.userName, firstName: 'Was Before' } } },
			{ continueOnFail: true },
		);
		expect(refused.json(NODE)[0].error).toBe(`sipXcom user ${next.userName} changed since it was compared: firstName (was "Was Before", now "Someone Else")`);
		expect(writes()).toEqual([]);
	});
});
