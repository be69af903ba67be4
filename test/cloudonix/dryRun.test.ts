/**
 * Options › Dry Run and Options › Only If Unchanged on every Cloudonix write, through real
 * workflow runs against the sandbox; its request log proves that no write reached it.
 */
import type { IDataObject } from 'n8n-workflow';

import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { cloudonix } from '../../dev/harness/vendors';
import { NODE } from './helpers';

const pbx = sandboxPerTest(cloudonix, { options: { rateLimit: 1000, rateWindowMs: 1000 } });
const { sandbox } = pbx;

const SUBSCRIBERS = '/customers/self/domains/sandbox.cloudonix.net/subscribers';
const WRITES = /^(POST|PUT|PATCH|DELETE)$/;

function writes() {
	return sandbox.server.requests.filter((request) => WRITES.test(request.method));
}

function seedTwo() {
	const ann = sandbox.add('1001', 'Ann-Secret-Pass-1', { displayName: 'Ann Smith', email: 'ann@example.com' }, true);
	const bob = sandbox.add('1002', 'Bob-Secret-Pass-2', { displayName: 'Bob Jones' }, true);
	return { ann, bob };
}

describe('Cloudonix Dry Run: the plan, and no write in the request log', () => {
	it('Create: action create, the target and the POST without the SIP password; an existing MSISDN fails as in a real run', async () => {
		seedTwo();
		const result = await pbx.run(
			{
				operation: 'create',
				msisdn: '={{ $json.number }}',
				passwordMode: 'set',
				sipPassword: 'New-Secret-Pass-9',
				additionalFields: { displayName: 'Cy New', active: false },
				options: { dryRun: true },
			},
			{ items: [{ number: '1003' }, { number: '1001' }], continueOnFail: true },
		);
		expect(result.status).toBe('success');
		const [plan, taken] = result.json(NODE);
		expect(plan).toEqual({
			dryRun: true,
			action: 'create',
			target: { number: '1003' },
			requests: [
				{ method: 'POST', path: SUBSCRIBERS, body: { msisdn: '1003', sipPassword: '***', profile: { displayName: 'Cy New' } } },
				{ method: 'PUT', path: `${SUBSCRIBERS}/{id}`, body: { active: false } },
			],
		});
		expect(taken.error).toBe('A Cloudonix subscriber with MSISDN 1001 already exists (ID 1)');
		expect(JSON.stringify(result.json(NODE))).not.toContain('New-Secret-Pass-9');
		expect(writes()).toEqual([]);
		expect(sandbox.byMsisdn('1003')).toBeUndefined();
	});

	it('Create with a generated password: the password never shows', async () => {
		const result = await pbx.run({ operation: 'create', msisdn: '2001', options: { dryRun: true } });
		const [plan] = result.json(NODE);
		expect((plan.requests as IDataObject[])[0].body).toEqual({ msisdn: '2001', sipPassword: '***' });
		expect(writes()).toEqual([]);
	});

	it('Update: action update with the fields that would change, from what to what', async () => {
		seedTwo();
		const result = await pbx.run({
			operation: 'update',
			msisdn: '1001',
			updateFields: { displayName: 'Ann Smith-Jones', active: false, sipPassword: 'Changed-Pass-77' },
			options: { dryRun: true },
		});
		expect(result.status).toBe('success');
		const [plan] = result.json(NODE);
		expect(plan).toEqual({
			dryRun: true,
			action: 'update',
			target: { number: '1001', id: '1' },
			requests: [
				{
					method: 'PUT',
					path: `${SUBSCRIBERS}/1`,
					body: { sipPassword: '***', active: false, profile: { displayName: 'Ann Smith-Jones', email: 'ann@example.com' } },
				},
			],
			changes: [
				{ field: 'sipPassword', from: '***', to: '***' },
				{ field: 'active', from: true, to: false },
				{ field: 'profile.displayName', from: 'Ann Smith', to: 'Ann Smith-Jones' },
			],
		});
		expect(JSON.stringify(plan)).not.toMatch(/Changed-Pass-77|Ann-Secret-Pass-1/);
		expect(writes()).toEqual([]);
		expect(sandbox.byMsisdn('1001')?.active).toBe(true);
	});

	it('Update by Subscriber ID reads the record for its changes; a missing subscriber fails as in a real run', async () => {
		seedTwo();
		const result = await pbx.run(
			{ operation: 'update', findBy: 'id', subscriberId: '={{ $json.id }}', updateFields: { active: false }, options: { dryRun: true } },
			{ items: [{ id: '2' }, { id: '99' }], continueOnFail: true },
		);
		const [plan, missing] = result.json(NODE);
		expect(plan).toMatchObject({ action: 'update', target: { number: '1002', id: '2' }, changes: [{ field: 'active', from: true, to: false }] });
		expect(missing.error).toContain('404');
		expect(writes()).toEqual([]);
	});

	it('Update with bad input fails before any request, as in a real run', async () => {
		const result = await pbx.run({ operation: 'update', msisdn: '1001', updateFields: {}, options: { dryRun: true } });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('No fields to update in item 0');
		expect(sandbox.server.requests).toEqual([]);
	});

	it('Create or Update: create, update with its changes, and none when nothing would change', async () => {
		seedTwo();
		const result = await pbx.run(
			{
				operation: 'upsert',
				msisdn: '={{ $json.number }}',
				passwordMode: 'generate',
				additionalFields: { displayName: '={{ $json.name }}' },
				options: { dryRun: true },
			},
			{ items: [{ number: '1003', name: 'Cy New' }, { number: '1001', name: 'Ann Smith-Jones' }, { number: '1002', name: 'Bob Jones' }] },
		);
		expect(result.status).toBe('success');
		const [create, update, none] = result.json(NODE);
		expect(create).toMatchObject({ action: 'create', target: { number: '1003' }, requests: [{ method: 'POST', path: SUBSCRIBERS }] });
		expect(update).toMatchObject({
			action: 'update',
			target: { number: '1001', id: '1' },
			requests: [{ method: 'PUT', path: `${SUBSCRIBERS}/1` }],
			changes: [{ field: 'profile.displayName', from: 'Ann Smith', to: 'Ann Smith-Jones' }],
		});
		expect(none).toEqual({ dryRun: true, action: 'none', target: { number: '1002', id: '2' }, requests: [] });
		expect(writes()).toEqual([]);
	});

	it.each([
		['activate', false, { field: 'active', from: false, to: true }],
		['deactivate', true, { field: 'active', from: true, to: false }],
	])('%s: its own action and the active field', async (operation, active, change) => {
		sandbox.add('1001', 'Ann-Secret-Pass-1', { displayName: 'Ann Smith' }, active);
		const result = await pbx.run({ operation, msisdn: '1001', options: { dryRun: true } });
		expect(result.json(NODE)).toEqual([
			{ dryRun: true, action: operation, target: { number: '1001', id: '1' }, requests: [{ method: 'PUT', path: `${SUBSCRIBERS}/1`, body: { active: !active } }], changes: [change] },
		]);
		expect(writes()).toEqual([]);
		expect(sandbox.byMsisdn('1001')?.active).toBe(active);
	});

	it('Delete: action delete and the DELETE; the subscriber stays', async () => {
		seedTwo();
		const result = await pbx.run({ operation: 'delete', msisdn: '1002', options: { dryRun: true } });
		expect(result.json(NODE)).toEqual([{ dryRun: true, action: 'delete', target: { number: '1002', id: '2' }, requests: [{ method: 'DELETE', path: `${SUBSCRIBERS}/2` }] }]);
		expect(writes()).toEqual([]);
		expect(sandbox.byMsisdn('1002')).toBeDefined();
	});

	it('is set by expression per item: one item rehearsed, the other written', async () => {
		seedTwo();
		const result = await pbx.run(
			{ operation: 'deactivate', msisdn: '={{ $json.number }}', options: { dryRun: '={{ $json.rehearse }}' } },
			{ items: [{ number: '1001', rehearse: true }, { number: '1002', rehearse: false }] },
		);
		const [plan, written] = result.json(NODE);
		expect(plan).toMatchObject({ dryRun: true, action: 'deactivate' });
		expect(written).toMatchObject({ number: '1002', enabled: false });
		expect(writes().map((request) => [request.method, request.path])).toEqual([['PUT', `${SUBSCRIBERS}/2`]]);
		expect(sandbox.byMsisdn('1001')?.active).toBe(true);
	});

	it('off by default: a saved workflow without the option writes as before', async () => {
		seedTwo();
		const result = await pbx.run({ operation: 'deactivate', msisdn: '1001' });
		expect(result.json(NODE)[0]).toMatchObject({ number: '1001', enabled: false });
		expect(writes()).toHaveLength(1);
	});
});

describe('Cloudonix Only If Unchanged', () => {
	const expectedAnn = { name: 'Ann Smith', enabled: true, 'profile.email': 'ann@example.com' };

	it.each([
		['update', { updateFields: { displayName: 'Ann Smith-Jones' } }, 'PUT'],
		['deactivate', {}, 'PUT'],
		['activate', {}, 'PUT'],
		['delete', {}, 'DELETE'],
		['upsert', { passwordMode: 'generate', additionalFields: { displayName: 'Ann Smith-Jones' } }, 'PUT'],
	])('%s: applied when the subscriber is as compared', async (operation, parameters, method) => {
		seedTwo();
		const result = await pbx.run({ operation, msisdn: '1001', ...parameters, options: { onlyIfUnchanged: JSON.stringify(expectedAnn) } });
		expect(result.status).toBe('success');
		expect(writes().map((request) => [request.method, request.path])).toEqual([[method, `${SUBSCRIBERS}/1`]]);
	});

	it.each([
		['update', { updateFields: { displayName: 'Ann Smith-Jones' } }],
		['deactivate', {}],
		['activate', {}],
		['delete', {}],
		['upsert', { passwordMode: 'generate', additionalFields: { displayName: 'Ann Smith-Jones' } }],
	])('%s: refused and not written when the PBX changed the subscriber after it was read; the other item goes on', async (operation, parameters) => {
		const { ann } = seedTwo();
		// Another writer renames Ann and deactivates her right after the node's first read answered.
		sandbox.server.hook({
			method: 'GET',
			beforeAnswer: () => {
				ann.profile = { ...ann.profile, displayName: 'Ann Other' };
				ann.active = false;
			},
		});
		const result = await pbx.run(
			{ operation, msisdn: '={{ $json.number }}', ...parameters, options: { onlyIfUnchanged: '={{ $json.expected }}' } },
			{
				items: [
					{ number: '1001', expected: expectedAnn },
					{ number: '1002', expected: { name: 'Bob Jones', enabled: true } },
				],
				continueOnFail: true,
			},
		);
		expect(result.status).toBe('success');
		const [refused] = result.json(NODE);
		expect(refused.error).toBe('Cloudonix subscriber 1001 changed since it was compared: name (was "Ann Smith", now "Ann Other"), enabled (was true, now false)');
		expect(refused.description).toContain('Nothing was written for this item');
		expect(writes().map((request) => request.path)).toEqual([`${SUBSCRIBERS}/2`]);
		expect(ann.profile.displayName).toBe('Ann Other');
	});

	it('fails the run without Continue On Fail, and says so when the subscriber is gone', async () => {
		seedTwo();
		sandbox.server.hook({ method: 'GET', beforeAnswer: () => void sandbox.state.subscribers.delete(1) });
		const result = await pbx.run({ operation: 'deactivate', msisdn: '1001', options: { onlyIfUnchanged: { enabled: true } } });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Cloudonix subscriber 1001 changed since it was compared: it no longer exists');
		expect(writes()).toEqual([]);
	});

	it('Create or Update does not create a subscriber that was compared as existing and is gone now', async () => {
		const result = await pbx.run({ operation: 'upsert', msisdn: '1001', options: { onlyIfUnchanged: { name: 'Ann Smith' } } });
		expect(result.error?.message).toBe('Cloudonix subscriber 1001 changed since it was compared: it no longer exists');
		expect(writes()).toEqual([]);
	});

	it('masks secret fields in the message and rejects a value that is not a JSON object before any request', async () => {
		seedTwo();
		const secret = await pbx.run({ operation: 'deactivate', msisdn: '1001', options: { onlyIfUnchanged: { sipPassword: 'Old-Secret-Pass' } } });
		expect(secret.error?.message).toBe('Cloudonix subscriber 1001 changed since it was compared: sipPassword (was ***, now ***)');
		expect(`${secret.error?.message} ${secret.error?.description}`).not.toMatch(/Old-Secret-Pass|Ann-Secret-Pass-1/);
		sandbox.server.clearLog();
		const bad = await pbx.run({ operation: 'deactivate', msisdn: '1001', options: { onlyIfUnchanged: '[1]' } });
		expect(bad.error?.message).toBe('The option "Only If Unchanged" must be a JSON object in item 0');
		expect(sandbox.server.requests).toEqual([]);
	});

	it('with Dry Run: the check runs, and a changed subscriber fails the rehearsal too', async () => {
		const { ann } = seedTwo();
		ann.active = false;
		const result = await pbx.run({ operation: 'delete', msisdn: '1001', options: { dryRun: true, onlyIfUnchanged: { enabled: true } } });
		expect(result.error?.message).toBe('Cloudonix subscriber 1001 changed since it was compared: enabled (was true, now false)');
		expect(writes()).toEqual([]);
	});
});
