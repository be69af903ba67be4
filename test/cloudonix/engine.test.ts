import type { ICredentialType } from 'n8n-workflow';

import { CloudonixApi } from '../../credentials/CloudonixApi.credentials';
import { testCredential } from '../../dev/harness/engine';
import { Cloudonix } from '../../nodes/Cloudonix/Cloudonix.node';
import { CREDENTIAL_TYPE } from '../../nodes/Cloudonix/transport/credential';
import { sandboxPerTest, withSandbox } from '../../dev/harness/sandboxPerTest';
import { cloudonix } from '../../dev/harness/vendors';
import { NODE } from './helpers';
import { CREDENTIAL_TEST_HEADER } from '../../nodes/shared/credentialTest';

const { sandbox, withCredential } = sandboxPerTest(cloudonix, { options: { rateLimit: 1000, rateWindowMs: 1000 } });

const SUBSCRIBERS = '/customers/self/domains/sandbox.cloudonix.net/subscribers';

describe('Cloudonix credential test', () => {
	it('has its own Test, under the credential type the node and its transport use', () => {
		expect(new CloudonixApi().name).toBe(CREDENTIAL_TYPE);
		expect((new CloudonixApi() as ICredentialType).test?.request.headers).toHaveProperty(CREDENTIAL_TEST_HEADER);
		const [entry] = new Cloudonix().description.credentials ?? [];
		expect(entry).toEqual({ name: CREDENTIAL_TYPE, required: true });
	});

	it('accepts a domain key (GET /customers/self/domains/{domain})', async () => {
		const { store, credential } = withCredential();
		expect(await testCredential(store, 'cloudonixApi', credential.id)).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.server.requests[0].path).toBe('/customers/self/domains/sandbox.cloudonix.net');
		expect(sandbox.server.requests[0].headers.authorization).toBe(`Bearer ${sandbox.keys.domain}`);
	});

	it('accepts the domain UUID in place of its name', async () => {
		const { store } = withCredential();
		const credential = store.add('cloudonixApi', { ...sandbox.credentials(), domain: sandbox.domain.uuid });
		expect((await testCredential(store, 'cloudonixApi', credential.id)).status).toBe('OK');
	});

	it('says whether the key or its scope is the problem', async () => {
		const invalid = withCredential({ apiKey: 'XIinvalidinvalidinvalidinvalid0000' });
		expect(await testCredential(invalid.store, 'cloudonixApi', invalid.credential.id)).toEqual({
			status: 'Error',
			message: expect.stringContaining('API key was rejected'),
		});
		const scope = withCredential({ apiKey: sandbox.keys.subscriber });
		expect(await testCredential(scope.store, 'cloudonixApi', scope.credential.id)).toEqual({
			status: 'Error',
			message: expect.stringContaining('scope'),
		});
		const { store } = withCredential();
		const wrongDomain = store.add('cloudonixApi', { ...sandbox.credentials(sandbox.keys.customer), domain: 'nope.example' });
		expect((await testCredential(store, 'cloudonixApi', wrongDomain.id)).message).toContain('Domain not found');
	});

	it('accepts an API Base URL with a trailing slash: the connection check and the Test read the domain, nothing else', async () => {
		const { store } = withCredential();
		const credential = store.add('cloudonixApi', { ...sandbox.credentials(), baseUrl: ` ${sandbox.server.baseUrl}// ` });
		expect(await testCredential(store, 'cloudonixApi', credential.id)).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sandbox.server.requests.map((request) => [request.method, request.path])).toEqual([
			['GET', '/customers/self/domains/sandbox.cloudonix.net'],
			['GET', '/customers/self/domains/sandbox.cloudonix.net'],
		]);
		for (const request of sandbox.server.requests) {
			expect(request.headers.accept).toBe('application/json');
			expect(request.headers.authorization).toBe(`Bearer ${sandbox.keys.domain}`);
			expect(request.headers).not.toHaveProperty(CREDENTIAL_TEST_HEADER);
		}
	});

	it('names the API it cannot reach and what to check for a wrong API Base URL or port', async () => {
		const { store } = withCredential();
		const credential = store.add('cloudonixApi', { ...sandbox.credentials(), baseUrl: 'http://127.0.0.1:1' });
		expect(await testCredential(store, 'cloudonixApi', credential.id)).toEqual({
			status: 'Error',
			message: 'Cannot reach the Cloudonix API at http://127.0.0.1:1: the connection was refused; check the URL and port in the credential.',
		});
	});

	it('says which status an API Base URL that is not Cloudonix answered', async () => {
		sandbox.server.injectFault({ path: '/customers/self/domains/', status: 502 });
		const { store, credential } = withCredential();
		expect(await testCredential(store, 'cloudonixApi', credential.id)).toEqual({
			status: 'Error',
			message: `${sandbox.server.baseUrl}/customers/self/domains/sandbox.cloudonix.net answered HTTP 502; check the API Base URL`,
		});
	});
});

describe('Subscriber: Get Many', () => {
	it('returns normalised extensions without SIP passwords', async () => {
		sandbox.seed(3);
		const { run } = withCredential();
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.status).toBe('success');
		const out = result.json(NODE);
		expect(out).toHaveLength(3);
		expect(out[0]).toEqual({
			number: '1000',
			name: 'Subscriber 1000',
			enabled: true,
			status: 'active',
			id: '1',
			source: 'cloudonix',
			raw: expect.objectContaining({ msisdn: '1000', id: 1, profile: { displayName: 'Subscriber 1000' } }),
		});
		expect(JSON.stringify(out)).not.toContain('Seed-1000');
		expect(sandbox.server.count('GET', SUBSCRIBERS)).toBe(1);
	});

	it('treats a 404 on an empty domain as no subscribers', async () => {
		const { run } = withCredential();
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.status).toBe('success');
		expect(result.json(NODE)).toEqual([]);
		expect(sandbox.server.requests[0].status).toBe(404);
	});

	it('applies Limit, Active Only, MSISDN Prefix and Max MSISDN Length', async () => {
		sandbox.seed(30); // every 10th is inactive: 1009, 1019, 1029
		sandbox.add('972501234567', 'Phone-Number-1', {});
		const { run } = withCredential();
		const limited = await run({ operation: 'getAll', returnAll: false, limit: 5 });
		expect(limited.json(NODE).map((e) => e.number)).toEqual(['1000', '1001', '1002', '1003', '1004']);
		const filtered = await run({ operation: 'getAll', returnAll: true, filters: { activeOnly: true, msisdnPrefix: '+101' } });
		expect(filtered.json(NODE).map((e) => e.number)).toEqual(['1010', '1011', '1012', '1013', '1014', '1015', '1016', '1017', '1018']);
		const short = await run({ operation: 'getAll', returnAll: true, filters: { maxMsisdnLength: 5 } });
		expect(short.json(NODE)).toHaveLength(30);
	});

	it('reads legacy "sip-password" responses and outputs raw records with passwords only when asked', async () => {
		await withSandbox(cloudonix, { options: { legacyPasswordField: true, rateLimit: 1000, rateWindowMs: 1000 }, seed: 1 }, async (legacy) => {
			const hidden = await legacy.run({ operation: 'getAll', returnAll: true, output: 'raw' });
			expect(hidden.json(NODE)[0]).not.toHaveProperty('sip-password');
			const shown = await legacy.run({ operation: 'getAll', returnAll: true, output: 'raw', options: { includeSecrets: true } });
			expect(shown.json(NODE)[0]['sip-password']).toBe('Seed-1000-Pw9x');
		});
	});
});

describe('Subscriber: Get', () => {
	it('gets by MSISDN and by ID', async () => {
		sandbox.seed(3);
		const { run } = withCredential();
		const byMsisdn = await run({ operation: 'get', findBy: 'msisdn', msisdn: '1001' });
		expect(byMsisdn.json(NODE)).toEqual([expect.objectContaining({ number: '1001', id: '2' })]);
		const byId = await run({ operation: 'get', findBy: 'id', subscriberId: '3', output: 'raw' });
		expect(byId.json(NODE)).toEqual([expect.objectContaining({ msisdn: '1002', id: 3 })]);
		expect(byId.json(NODE)[0]).not.toHaveProperty('sipPassword');
	});

	it('does not confuse an MSISDN with a subscriber ID that has the same digits', async () => {
		// Subscriber ID 7 exists; MSISDN "7" belongs to another subscriber.
		sandbox.seed(7, 100);
		sandbox.add('7', 'Seven-Pass-77', { displayName: 'Seven' });
		const { run } = withCredential();
		const result = await run({ operation: 'get', findBy: 'msisdn', msisdn: '7' });
		expect(result.json(NODE)).toEqual([expect.objectContaining({ number: '7', name: 'Seven', id: '8' })]);
	});

	it('fails clearly for an unknown subscriber, and honours Continue On Fail', async () => {
		sandbox.seed(1);
		const { run } = withCredential();
		const byMsisdn = await run({ operation: 'get', findBy: 'msisdn', msisdn: '5555' });
		expect(byMsisdn.status).toBe('error');
		expect(byMsisdn.error?.message).toBe('No Cloudonix subscriber with MSISDN 5555 in domain "sandbox.cloudonix.net"');
		const byId = await run({ operation: 'get', findBy: 'id', subscriberId: '999' });
		expect(byId.error?.message).toBe('Cloudonix request failed (HTTP 404): No subscribers found');
		const tolerant = await run({ operation: 'get', findBy: 'msisdn', msisdn: '={{ $json.n }}' }, { items: [{ n: '1000' }, { n: '5555' }, { n: '1000' }], continueOnFail: true });
		expect(tolerant.status).toBe('success');
		const out = tolerant.json(NODE);
		expect(out[0]).toEqual(expect.objectContaining({ number: '1000' }));
		expect(out[1]).toEqual({
			error: 'No Cloudonix subscriber with MSISDN 5555 in domain "sandbox.cloudonix.net"',
			description: 'Check the value, and the Domain in the credential.',
		});
		expect(out[2]).toEqual(expect.objectContaining({ number: '1000' }));
		expect(tolerant.output(NODE)[0][1].pairedItem).toEqual({ item: 1 });
	});

	it('rejects a non-numeric Subscriber ID before any request', async () => {
		const { run } = withCredential();
		const result = await run({ operation: 'get', findBy: 'id', subscriberId: 'abc' });
		expect(result.error?.message).toContain('"Subscriber ID" must be a numeric subscriber ID in item 0');
		expect(sandbox.server.requests).toHaveLength(0);
	});
});

describe('Subscriber: Create', () => {
	it('creates with a generated strong password and a display name in the profile', async () => {
		const { run } = withCredential();
		const result = await run({ operation: 'create', msisdn: '2001', additionalFields: { displayName: 'Ann Smith', profile: '{"dept":"Sales"}' } });
		expect(result.status).toBe('success');
		const stored = sandbox.byMsisdn('2001')!;
		expect(stored.sipPassword).toMatch(/^[A-Za-z0-9]{20}$/);
		expect(stored.sipPassword).toMatch(/[A-Z]/);
		expect(stored.sipPassword).toMatch(/[a-z]/);
		expect(stored.sipPassword).toMatch(/[0-9]/);
		expect(stored.profile).toEqual({ displayName: 'Ann Smith', dept: 'Sales' });
		expect(result.json(NODE)).toEqual([expect.objectContaining({ number: '2001', name: 'Ann Smith', enabled: true })]);
		expect(JSON.stringify(result.run.data.resultData)).not.toContain(stored.sipPassword);
		const body = JSON.parse(sandbox.server.requests[0].text);
		expect(Object.keys(body).sort()).toEqual(['msisdn', 'profile', 'sipPassword']);
	});

	it('creates with a set password and shows it only with Include Secrets', async () => {
		const { run } = withCredential();
		const result = await run({
				operation: 'create',
				msisdn: '2002',
				passwordMode: 'set',
				sipPassword: 'Given-Pass-2002',
				output: 'raw',
				options: { includeSecrets: true },
			});
		expect(result.json(NODE)[0]).toEqual(expect.objectContaining({ msisdn: '2002', sipPassword: 'Given-Pass-2002' }));
	});

	it('creates an inactive subscriber as create + update (the create body has no "active")', async () => {
		const { run } = withCredential();
		const result = await run({ operation: 'create', msisdn: '2003', additionalFields: { active: false } });
		expect(result.json(NODE)[0]).toEqual(expect.objectContaining({ enabled: false, status: 'inactive' }));
		expect(sandbox.byMsisdn('2003')!.active).toBe(false);
		expect(sandbox.server.requests.map((r) => r.method)).toEqual(['POST', 'PUT']);
		expect(JSON.parse(sandbox.server.requests[0].text)).not.toHaveProperty('active');
	});

	it('reports an existing MSISDN as such (Cloudonix answers 409)', async () => {
		sandbox.seed(1, 2004);
		const { run } = withCredential();
		const result = await run({ operation: 'create', msisdn: '2004' });
		expect(result.error?.message).toBe('A Cloudonix subscriber with MSISDN 2004 already exists (ID 1)');
		expect(sandbox.list()).toHaveLength(1);
	});

	it('rejects bad input before any request', async () => {
		const { run } = withCredential();
		const empty = await run({ operation: 'create', msisdn: ' ' });
		expect(empty.error?.message).toBe('The parameter "MSISDN" is empty in item 0');
		const spaces = await run({ operation: 'create', msisdn: '10 01' });
		expect(spaces.error?.message).toContain('"MSISDN" is not a valid MSISDN in item 0');
		const profile = await run({ operation: 'create', msisdn: '1001', additionalFields: { profile: '[1]' } });
		expect(profile.error?.message).toBe('The parameter "Profile (JSON)" must be a JSON object in item 0');
		const password = await run({ operation: 'create', msisdn: '1001', passwordMode: 'set', sipPassword: '={{ "" }}' });
		expect(password.error?.message).toBe('The parameter "Password" is empty in item 0');
		const length = await run({ operation: 'create', msisdn: '1001', additionalFields: { passwordLength: 6 } });
		expect(length.error?.message).toContain('"Generated Password Length" must be a whole number from 12 to 64');
		expect(sandbox.server.requests).toHaveLength(0);
	});

	it('re-sends a create that never reached Cloudonix only after checking the MSISDN', async () => {
		const { run } = withCredential();
		sandbox.server.injectFault({ method: 'POST', path: SUBSCRIBERS, drop: true, times: 1 });
		const result = await run({ operation: 'create', msisdn: '2005' });
		expect(result.status).toBe('success');
		expect(sandbox.state.createsByMsisdn.get('2005')).toBe(1);
		expect(sandbox.server.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST dropped', 'GET 404', 'POST 200']);
	});

	it('does not create twice when Cloudonix applied the create but the answer was lost', async () => {
		const { run } = withCredential();
		sandbox.server.injectFault({ method: 'POST', path: SUBSCRIBERS, dropAfterHandling: true, times: 1 });
		const result = await run({ operation: 'create', msisdn: '2007', additionalFields: { displayName: 'Lost Answer' } });
		expect(result.status).toBe('success');
		expect(result.json(NODE)).toEqual([expect.objectContaining({ number: '2007', name: 'Lost Answer' })]);
		expect(sandbox.state.createsByMsisdn.get('2007')).toBe(1);
		expect(sandbox.server.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST dropped', 'GET 200']);
	});

	it('checks the MSISDN after a 500 on create instead of blindly retrying', async () => {
		const { run } = withCredential();
		sandbox.server.injectFault({ method: 'POST', path: SUBSCRIBERS, status: 500, times: 1 });
		const result = await run({ operation: 'create', msisdn: '2008' });
		expect(result.status).toBe('success');
		expect(sandbox.server.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 500', 'GET 404', 'POST 200']);
		expect(sandbox.state.createsByMsisdn.get('2008')).toBe(1);
	});

	it('keeps the SIP password out of error messages', async () => {
		const { run } = withCredential();
		sandbox.server.injectFault({
			method: 'POST',
			path: SUBSCRIBERS,
			status: 400,
			body: { status: false, message: 'sipPassword Leaky-Pass-123 is too weak' },
		});
		const result = await run({ operation: 'create', msisdn: '2006', passwordMode: 'set', sipPassword: 'Leaky-Pass-123' });
		expect(result.error?.message).toBe('Cloudonix request failed (HTTP 400): sipPassword *** is too weak');
		// The node's own parameters hold the password the user typed; everything else must not.
		const { node, ...error } = result.run.data.resultData.error as unknown as Record<string, unknown>;
		expect(node).toBeDefined();
		expect(JSON.stringify(error)).not.toContain('Leaky-Pass-123');
	});
});

describe('Subscriber: Update, Deactivate, Activate, Delete', () => {
	it('sends only the fields the user set, merging the profile', async () => {
		sandbox.seed(2);
		sandbox.byMsisdn('1001')!.profile = { displayName: 'Old', dept: 'Ops' };
		const { run } = withCredential();
		const result = await run({ operation: 'update', findBy: 'msisdn', msisdn: '1001', updateFields: { displayName: 'New Name' } });
		expect(result.json(NODE)).toEqual([expect.objectContaining({ number: '1001', name: 'New Name' })]);
		const put = sandbox.server.requests.find((r) => r.method === 'PUT')!;
		expect(put.path).toBe(`${SUBSCRIBERS}/2`);
		expect(JSON.parse(put.text)).toEqual({ profile: { displayName: 'New Name', dept: 'Ops' } });
		expect(sandbox.byMsisdn('1001')!.profile).toEqual({ displayName: 'New Name', dept: 'Ops' });
	});

	it('updates the password and active flag by ID with one request', async () => {
		sandbox.seed(1);
		const { run } = withCredential();
		const result = await run({ operation: 'update', findBy: 'id', subscriberId: '1', updateFields: { sipPassword: 'Brand-New-Pw-1', active: false } });
		expect(result.status).toBe('success');
		expect(sandbox.server.requests).toHaveLength(1);
		expect(JSON.parse(sandbox.server.requests[0].text)).toEqual({ sipPassword: 'Brand-New-Pw-1', active: false });
		expect(sandbox.byMsisdn('1000')).toEqual(expect.objectContaining({ sipPassword: 'Brand-New-Pw-1', active: false }));
	});

	it('requires at least one update field', async () => {
		const { run } = withCredential();
		const result = await run({ operation: 'update', findBy: 'id', subscriberId: '1', updateFields: {} });
		expect(result.error?.message).toBe('No fields to update in item 0');
		expect(sandbox.server.requests).toHaveLength(0);
	});

	it('deactivates and activates by MSISDN, listing once for many items', async () => {
		sandbox.seed(5);
		const { run } = withCredential();
		const items = [{ n: '1000' }, { n: '1002' }, { n: '1004' }];
		const off = await run({ operation: 'deactivate', findBy: 'msisdn', msisdn: '={{ $json.n }}' }, { items: items });
		expect(off.json(NODE).map((e) => [e.number, e.enabled])).toEqual([
			['1000', false],
			['1002', false],
			['1004', false],
		]);
		expect(sandbox.server.count('GET', SUBSCRIBERS)).toBe(1);
		expect(sandbox.server.count('PUT', SUBSCRIBERS)).toBe(3);
		expect(sandbox.list().map((s) => s.active)).toEqual([false, true, false, true, false]);
		const on = await run({ operation: 'activate', findBy: 'msisdn', msisdn: '1002' });
		expect(on.json(NODE)[0]).toEqual(expect.objectContaining({ number: '1002', enabled: true }));
		expect(sandbox.list().filter((s) => s.active)).toHaveLength(3);
	});

	it('deletes (204) and fails clearly on an unknown ID', async () => {
		sandbox.seed(2);
		const { run } = withCredential();
		const result = await run({ operation: 'delete', findBy: 'msisdn', msisdn: '1001' });
		expect(result.json(NODE)).toEqual([{ deleted: true, id: '2', msisdn: '1001' }]);
		expect(sandbox.server.requests.at(-1)!.status).toBe(204);
		expect(sandbox.list().map((s) => s.msisdn)).toEqual(['1000']);
		const unknown = await run({ operation: 'delete', findBy: 'id', subscriberId: '42' });
		expect(unknown.error?.message).toBe('Cloudonix request failed (HTTP 404): Subscriber not Found');
		expect(unknown.error?.description).toContain('check the subscriber ID or MSISDN');
	});
});

describe('Subscriber: Create or Update', () => {
	it('creates missing, updates changed, skips unchanged with one list and a checked write per change', async () => {
		sandbox.seed(3); // 1000, 1001, 1002 named "Subscriber N"
		const { run } = withCredential();
		const items = [
			{ number: '1000', name: 'Subscriber 1000' }, // unchanged
			{ number: '1001', name: 'Bob Renamed' }, // changed
			{ number: '3001', name: 'New Person' }, // missing
		];
		const result = await run({ operation: 'upsert', msisdn: '={{ $json.number }}', additionalFields: { displayName: '={{ $json.name }}' } }, { items: items });
		expect(result.status).toBe('success');
		expect(result.json(NODE).map((e) => [e.number, e.name, e.action])).toEqual([
			['1000', 'Subscriber 1000', 'unchanged'],
			['1001', 'Bob Renamed', 'updated'],
			['3001', 'New Person', 'created'],
		]);
		// The list; the profile change is a merge, read fresh, written and read back (issue 21); the create.
		expect(sandbox.server.requests.map((r) => r.method)).toEqual(['GET', 'GET', 'PUT', 'GET', 'POST']);
		// A generated password is for new subscribers only; existing ones keep theirs.
		expect(sandbox.byMsisdn('1001')!.sipPassword).toBe('Seed-1001-Pw9x');
		expect(JSON.parse(sandbox.server.requests[2].text)).toEqual({ profile: { displayName: 'Bob Renamed' } });
	});

	it('sets a given password and active flag on existing subscribers only where they differ', async () => {
		sandbox.seed(2);
		const { run } = withCredential();
		const result = await run({
				operation: 'upsert',
				msisdn: '1000',
				passwordMode: 'set',
				sipPassword: 'Seed-1000-Pw9x',
				additionalFields: { active: false },
			});
		expect(result.json(NODE)[0].action).toBe('updated');
		expect(JSON.parse(sandbox.server.requests[1].text)).toEqual({ active: false });
	});

	it('turns a duplicate answer into an update (concurrent create)', async () => {
		const { run } = withCredential();
		sandbox.server.injectFault({ method: 'GET', path: SUBSCRIBERS, status: 404, body: { status: false, message: 'No subscribers found' } });
		sandbox.add('4002', 'Other-Worker-Pw2', {});
		const result = await run({ operation: 'upsert', msisdn: '4002', additionalFields: { displayName: 'Mine' } });
		expect(result.json(NODE)[0]).toEqual(expect.objectContaining({ number: '4002', action: 'updated' }));
		expect(sandbox.server.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['GET 404', 'POST 409', 'GET 200', 'PUT 200', 'GET 200']);
		expect(sandbox.state.duplicateRejections).toBe(1);
	});
});

describe('errors', () => {
	it('says when the key is invalid or its scope is wrong', async () => {
		sandbox.seed(1);
		const invalid = withCredential({ apiKey: 'XIinvalidinvalidinvalidinvalid0000' });
		const bad = await invalid.run({ operation: 'getAll', returnAll: true });
		expect(bad.error?.message).toBe('Cloudonix request failed (HTTP 401): Invalid API key');
		expect(bad.error?.description).toContain('Check "API Key" and "Domain"');
		expect(JSON.stringify(bad.run.data.resultData)).not.toContain('XIinvalidinvalidinvalidinvalid0000');
		const scoped = withCredential({ apiKey: sandbox.keys.subscriber });
		const wrong = await scoped.run({ operation: 'getAll', returnAll: true });
		expect(wrong.error?.message).toBe('Cloudonix request failed (HTTP 403): The API key scope does not allow access to this resource');
		expect(wrong.error?.description).toContain('its scope does not allow this');
		const other = withCredential({ apiKey: sandbox.keys.otherDomain });
		const otherDomain = await other.run({ operation: 'getAll', returnAll: true });
		expect(otherDomain.error?.message).toBe('Cloudonix request failed (HTTP 401): The API key is not authorized for this domain');
	});

	it('retries 429 and 5xx on reads without failing', async () => {
		sandbox.seed(2);
		const { run } = withCredential();
		sandbox.server.injectFault({ path: SUBSCRIBERS, status: 429, retryAfter: 0, times: 2 });
		sandbox.server.injectFault({ path: SUBSCRIBERS, status: 503, retryAfter: 0, times: 1 });
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.json(NODE)).toHaveLength(2);
		expect(sandbox.server.count('GET', SUBSCRIBERS)).toBe(4);
	});

	it('reads {status:false,message} bodies and plain-text errors', async () => {
		const { run } = withCredential();
		sandbox.server.injectFault({ path: SUBSCRIBERS, status: 400, body: { status: false, message: 'active must be a boolean' } });
		const result = await run({ operation: 'getAll', returnAll: true });
		expect(result.error?.message).toBe('Cloudonix request failed (HTTP 400): active must be a boolean');
		sandbox.server.injectFault({ path: SUBSCRIBERS, status: 400, body: 'Bad things' });
		const text = await run({ operation: 'getAll', returnAll: true });
		expect(text.error?.message).toBe('Cloudonix request failed (HTTP 400): Bad things');
	});
});
