/**
 * Lifecycle values that cannot be right are refused before anything is written, naming the
 * parameter and the item; a number given where text is expected is read as the user meant it
 * (issue 21, point 6).
 */
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { threeCx } from '../../dev/harness/vendors';
import { locator, NODE } from './helpers';

const { sandbox, server, run } = sandboxPerTest(threeCx, { seed: 12, typeVersion: 3 });

const writes = () => server.requests.filter((r) => r.method !== 'GET' && r.path.startsWith('/xapi/'));
const TEMPLATE = 'yealinkT4x.ph.xml';
const assign = (macAddress: string) => ({ resource: 'phone', operation: 'assign', user: locator('id', '2'), macAddress, templateName: TEMPLATE });

describe('3CX phone MAC addresses', () => {
	it('a MAC given as a number (leading zeros lost on the way) is assigned as the MAC its digits are', async () => {
		const result = await run(assign('={{ 1565123456 }}'));
		expect(result.error?.message ?? result.status).toBe('success');
		expect(result.json(NODE)[0]).toMatchObject({ changed: true, phone: { MacAddress: '001565123456' } });
		expect(sandbox.state.users.get(2)!.Phones.map((p) => p.MacAddress)).toEqual(['001565123456']);
	});

	it.each([
		['FF:FF:FF:FF:FF:FF', 'the broadcast address'],
		['01:00:5E:00:00:FB', 'a multicast address (its first octet 01 is odd)'],
		['00:00:00:00:00:00', 'all zeros'],
	])('%s is refused before any request: %s', async (mac, why) => {
		const result = await run(assign(mac), { items: [{}, {}], continueOnFail: true });
		expect(result.json(NODE).map((item) => item.error)).toEqual(
			[0, 1].map((item) => `"MAC Address" in item ${item} "${mac}" is ${why}, not the address of a phone (a unicast hardware address)`),
		);
		expect(server.requests).toHaveLength(0);
	});

	it('Remove From User, Reboot and Reprovision refuse such an address too', async () => {
		for (const parameters of [
			{ resource: 'phone', operation: 'remove', user: locator('id', '2'), phonesToRemove: 'mac', macAddress: 'ffffffffffff' },
			{ resource: 'phone', operation: 'reboot', macAddress: '0180c2000000' },
			{ resource: 'phone', operation: 'reprovision', macAddress: '000000000000' },
		]) {
			const result = await run(parameters);
			expect(result.error?.message).toMatch(/^"MAC Address" in item 0 ".+" is .+, not the address of a phone/);
		}
		expect(server.requests).toHaveLength(0);
	});
});

describe('3CX Set Forwarding values', () => {
	const forward = { operation: 'setForwarding', destinationType: 'extension', profiles: ['Available'] };

	it('a forward to the user\'s own extension is refused before any write, by number or by ID', async () => {
		const byNumber = await run({ ...forward, user: locator('number', '101'), destinationNumber: '101' });
		expect(byNumber.error?.message).toBe('"Extension Number" in item 0 is the user\'s own extension (101): a forward to itself forwards nothing');
		const byId = await run({ ...forward, user: locator('id', '2'), destinationNumber: '={{ 101 }}' }, { continueOnFail: true });
		expect(byId.json(NODE)[0].error).toBe('"Extension Number" in item 0 is the user\'s own extension (101): a forward to itself forwards nothing');
		expect(writes()).toHaveLength(0);
	});

	it.each([
		['={{ -5 }}', '-5'],
		['={{ 0 }}', '0'],
		['={{ 601 }}', '601'],
		['={{ "soon" }}', '"soon"'],
		['={{ 2.5 }}', '2.5'],
	])('No Answer Timeout %s is refused before any request', async (noAnswerTimeout, shown) => {
		const result = await run({ ...forward, user: locator('id', '2'), destinationNumber: '105', options: { noAnswerTimeout } });
		expect(result.error?.message).toBe(`No Answer Timeout (Seconds) must be a whole number from 1 to 600; item 0 has ${shown}`);
		expect(server.requests).toHaveLength(0);
	});

	it('No Answer Timeout given as text is the number it says', async () => {
		const result = await run({ ...forward, user: locator('id', '2'), destinationNumber: '105', options: { noAnswerTimeout: '={{ "30" }}' } });
		expect(result.error?.message ?? result.status).toBe('success');
		expect(sandbox.state.users.get(2)!.ForwardingProfiles.find((p) => p.Name === 'Available')!.NoAnswerTimeout).toBe(30);
	});
});
