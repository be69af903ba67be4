import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { sipXcom } from '../../dev/harness/vendors';

const NODE = sipXcom.node;
const { sandbox, run } = sandboxPerTest(sipXcom, { options: { users: 5, phones: 5 } });

describe('sipXcom Phone (/api/phones, JSON) through the engine', () => {
	it('Get Many pages with start/limit; Return All and limit; line passwords are stripped', async () => {
		sandbox.seedPhones(225);
		const all = await run({ resource: 'phone', operation: 'getMany', returnAll: true });
		expect(all.status).toBe('success');
		const phones = all.json(NODE);
		expect(phones).toHaveLength(230);
		expect(phones[0]).toMatchObject({ id: 1, serialNo: '0004f2ae4838', model: { modelId: 'acmePhoneStandard' } });
		expect((phones[0].lines as Array<Record<string, unknown>>)[0]).toMatchObject({ user: '200', uri: 'sip:200@example.org' });
		expect(JSON.stringify(phones)).not.toContain('sip-secret');
		expect(sandbox.server.requests.map((r) => r.query.start)).toEqual(['0', '100', '200']);
		expect(sandbox.server.requests[0].headers.accept).toBe('application/json');

		sandbox.server.clearLog();
		const some = await run({ resource: 'phone', operation: 'getMany', returnAll: false, limit: 3 });
		expect(some.json(NODE).map((p) => p.id)).toEqual([1, 2, 3]);
		expect(sandbox.server.requests[0].query).toEqual({ start: '0', limit: '3' });
	});

	it('gets a phone by ID or by MAC in any notation', async () => {
		for (const phoneId of ['2', '00:04:F2:AE:48:39', '0004-f2ae-4839']) {
			const result = await run({ resource: 'phone', operation: 'get', phoneId });
			expect(result.json(NODE)[0]).toMatchObject({ id: 2, serialNo: '0004f2ae4839' });
		}
		const missing = await run({ resource: 'phone', operation: 'get', phoneId: 'ffffffffffff' });
		expect(missing.error?.message).toBe('sipXcom request failed (HTTP 404): not found');
		expect(missing.error?.description).toContain('the record does not exist');
		const bad = await run({ resource: 'phone', operation: 'get', phoneId: 'desk-7' });
		expect(bad.error?.message).toBe('"Phone ID or MAC" value "desk-7" is neither a phone ID nor a MAC address (item 0)');
	});

	it('creates a phone from MAC, model, description and device version', async () => {
		const result = await run({
			resource: 'phone',
			operation: 'create',
			serialNumber: '00:04:F2:00:00:AA',
			modelId: 'polycomVVX400',
			additionalFields: { description: 'Reception & lobby', deviceVersion: 'polycom5.0.X' },
		});
		expect(result.status).toBe('success');
		expect(result.json(NODE)[0]).toMatchObject({
			serialNo: '0004f20000aa',
			description: 'Reception & lobby',
			deviceVersion: 'polycom5.0.X',
			model: { modelId: 'polycomVVX400', label: 'Polycom VVX 400' },
		});
		const post = sandbox.server.requests.find((r) => r.method === 'POST')!;
		expect(JSON.parse(post.text)).toEqual({
			serialNo: '0004f20000aa',
			model: { modelId: 'polycomVVX400' },
			description: 'Reception & lobby',
			deviceVersion: 'polycom5.0.X',
		});

		const duplicate = await run({
			resource: 'phone',
			operation: 'create',
			serialNumber: '0004f20000aa',
			modelId: 'polycomVVX400',
		});
		expect(duplicate.error?.message).toBe('sipXcom request failed (HTTP 400): Duplicate serial number: 0004f20000aa');
		const badMac = await run({ resource: 'phone', operation: 'create', serialNumber: '12345', modelId: 'x' });
		expect(badMac.error?.message).toBe('"MAC Address" value "12345" is not a MAC address (item 0)');
	});

	it.each([
		['FF:FF:FF:FF:FF:FF', 'the broadcast address'],
		['01:00:5E:00:00:FB', 'a multicast address (its first octet 01 is odd)'],
		['33-33-00-00-00-01', 'a multicast address (its first octet 33 is odd)'],
		['0000-0000-0000', 'all zeros'],
	])('Create refuses %s before any request, naming the parameter and the item: %s', async (mac, why) => {
		const result = await run({ resource: 'phone', operation: 'create', serialNumber: mac, modelId: 'polycomVVX400' }, { items: [{}, {}], continueOnFail: true });
		expect(result.json(NODE).map((item) => item.error)).toEqual(
			[0, 1].map((item) => `"MAC Address" in item ${item} "${mac}" is ${why}, not the address of a phone (a unicast hardware address)`),
		);
		expect(sandbox.server.requests).toHaveLength(0);
		expect(sandbox.state.phones.size).toBe(5);
	});

	it('deletes a phone', async () => {
		const result = await run({ resource: 'phone', operation: 'delete', phoneId: '0004f2ae4838' });
		expect(result.json(NODE)).toEqual([{ phone: '0004f2ae4838', deleted: true }]);
		expect(sandbox.state.phones.has(1)).toBe(false);
	});

	it('sends profiles to several phones per item, with and without restart', async () => {
		const result = await run({ resource: 'phone', operation: 'sendProfiles', phones: '={{ $json.phones }}', restart: '={{ $json.restart }}' }, {
				items: [
					{ phones: '0004f2ae4838, 00:04:f2:ae:48:39\n3', restart: false },
					{ phones: ['4', '0004f2ae483c'], restart: true },
				],
			});
		expect(result.status).toBe('success');
		expect(result.json(NODE)).toEqual([
			{ phone: '0004f2ae4838', profileSent: true, restarted: false },
			{ phone: '0004f2ae4839', profileSent: true, restarted: false },
			{ phone: '3', profileSent: true, restarted: false },
			{ phone: '4', profileSent: true, restarted: true },
			{ phone: '0004f2ae483c', profileSent: true, restarted: true },
		]);
		expect(sandbox.state.profilesSent).toEqual([
			{ serialNo: '0004f2ae4838', restart: false },
			{ serialNo: '0004f2ae4839', restart: false },
			{ serialNo: '0004f2ae483a', restart: false },
			{ serialNo: '0004f2ae483b', restart: true },
			{ serialNo: '0004f2ae483c', restart: true },
		]);
		expect(sandbox.server.requests.map((r) => `${r.method} ${r.path}`)).toContain(
			'PUT /sipxconfig/api/phones/4/sendProfile/restart',
		);
	});

	it('tries every phone, then reports which failed (or lists them with Continue On Fail)', async () => {
		const failed = await run({
			resource: 'phone',
			operation: 'sendProfiles',
			phones: '1, 99, 2',
			restart: true,
		});
		expect(failed.status).toBe('error');
		expect(failed.error?.message).toBe('Sending profiles failed for 1 of 3 phones (99): sipXcom request failed (HTTP 404): not found');
		expect(failed.error?.description).toBe('Profiles were sent to: 1, 2.');
		expect(sandbox.state.profilesSent).toHaveLength(2);

		const continued = await run({ resource: 'phone', operation: 'sendProfiles', phones: '1, 99' }, { continueOnFail: true });
		expect(continued.json(NODE)).toEqual([
			{ phone: '1', profileSent: true, restarted: false },
			{ phone: '99', profileSent: false, restarted: false, error: 'sipXcom request failed (HTTP 404): not found' },
		]);
		const invalid = await run({ resource: 'phone', operation: 'sendProfiles', phones: '1, lobby' });
		expect(invalid.error?.message).toContain('"Phones" value "lobby" is neither a phone ID nor a MAC address');
		expect(sandbox.state.profilesSent).toHaveLength(3);
	});

	it('retries a dropped connection on a profile send without restart, not with restart', async () => {
		sandbox.server.injectFault({ path: '/sendProfile', drop: true });
		const resend = await run({ resource: 'phone', operation: 'sendProfiles', phones: '1' });
		expect(resend.status).toBe('success');
		expect(sandbox.server.count('PUT', '/sendProfile')).toBe(2);

		sandbox.server.clearLog();
		sandbox.server.injectFault({ path: '/sendProfile', drop: true });
		const restart = await run({ resource: 'phone', operation: 'sendProfiles', phones: '1', restart: true });
		expect(restart.status).toBe('error');
		expect(restart.error?.message).toContain('the connection was closed before the server answered');
		expect(sandbox.server.count('PUT', '/sendProfile')).toBe(1);
	});
});
