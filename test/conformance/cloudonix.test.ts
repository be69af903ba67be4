/**
 * The subscriber examples of the Cloudonix OpenAPI document (SPEC25), replayed against the sandbox:
 * the create body and the subscriber object as the spec's examples give them, every documented
 * answer of the five subscriber operations, the canonical URLs of the spec's intro and the
 * documented error conventions (fixtures/cloudonix).
 */
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { cloudonix } from '../../dev/harness/vendors';
import { jsonFixture } from './fixtures';

interface Examples {
	paths: { collection: string; item: string };
	customerIdDefault: string;
	subscriberCreateObject: Record<string, unknown>;
	subscriberObject: Record<string, unknown>;
	subscriberObjectTypes: Record<string, string>;
	responses: Record<string, Record<string, string>>;
}
interface Conventions {
	canonicalUrls: Record<string, string>;
	errors: Record<string, string>;
}

const examples = jsonFixture<Examples>('cloudonix', 'subscriber-examples.json');
const conventions = jsonFixture<Conventions>('cloudonix', 'api-conventions.json');
const { sandbox } = sandboxPerTest(cloudonix, { options: { rateLimit: 1000 } });

const fill = (path: string, subscriberId = '') =>
	path
		.replace('{customer-id}', examples.customerIdDefault)
		.replace('{domain-id}', sandbox.domain.domain)
		.replace('{subscriber-id}', subscriberId);

async function call(method: string, path: string, body?: unknown, key = sandbox.keys.domain) {
	const response = await fetch(`${sandbox.server.baseUrl}${path}`, {
		method,
		headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
		body: body !== undefined ? JSON.stringify(body) : undefined,
	});
	const text = await response.text();
	return { status: response.status, text, json: text ? (JSON.parse(text) as unknown) : undefined };
}

/** A subscriber object with the properties and types subscriberObject documents. */
function expectSubscriberObject(value: unknown) {
	const record = value as Record<string, unknown>;
	expect(Object.keys(record).sort()).toEqual(Object.keys(examples.subscriberObjectTypes).sort());
	for (const [key, type] of Object.entries(examples.subscriberObjectTypes)) {
		const v = record[key];
		if (type === 'integer') expect(Number.isInteger(v)).toBe(true);
		else if (type === 'object') expect(v !== null && typeof v === 'object' && !Array.isArray(v)).toBe(true);
		else if (type.startsWith('date-time')) {
			if (type.endsWith('nullable') && v === null) continue;
			expect(v).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
		} else expect(typeof v).toBe(type);
	}
	// Every property the example gives has the example's type (msisdn aside: see below).
	for (const [key, v] of Object.entries(examples.subscriberObject)) {
		if (key !== 'msisdn') expect(typeof record[key]).toBe(typeof v);
	}
}

describe('Cloudonix Create subscriber (subscriberCreate)', () => {
	it("accepts the spec's example body verbatim (msisdn as the YAML number) and answers 200 with a subscriber object", async () => {
		const created = await call('POST', fill(examples.paths.collection), examples.subscriberCreateObject);
		expect(created.status).toBe(Number(Object.keys(examples.responses.subscriberCreate)[0]));
		expectSubscriberObject(created.json);
		// msisdn is typed string: the number of the example is stored and answered as a string.
		expect((created.json as Record<string, unknown>).msisdn).toBe(String(examples.subscriberCreateObject.msisdn));
		expect((created.json as Record<string, unknown>).active).toBe(examples.subscriberObject.active);
	});

	it('accepts the same body with msisdn as a string', async () => {
		const body = { ...examples.subscriberCreateObject, msisdn: String(examples.subscriberCreateObject.msisdn) };
		expect((await call('POST', fill(examples.paths.collection), body)).status).toBe(200);
	});
});

describe('Cloudonix subscriber list, get, update and delete', () => {
	it('answers an empty domain with the documented 404 "No subscribers found"', async () => {
		const list = await call('GET', fill(examples.paths.collection));
		expect(list.status).toBe(404);
		expect(list.json).toEqual({ status: false, message: examples.responses.subscribersList['404'] });
	});

	it('lists subscribers as a plain array of subscriber objects', async () => {
		await call('POST', fill(examples.paths.collection), examples.subscriberCreateObject);
		const list = await call('GET', fill(examples.paths.collection));
		expect(list.status).toBe(200);
		expect(Array.isArray(list.json)).toBe(true);
		for (const item of list.json as unknown[]) expectSubscriberObject(item);
	});

	it('gets a subscriber by id and by MSISDN ("Subscriber ID or subscriber MSISDN")', async () => {
		const created = (await call('POST', fill(examples.paths.collection), examples.subscriberCreateObject)).json as Record<string, unknown>;
		for (const ref of [String(created.id), String(examples.subscriberCreateObject.msisdn)]) {
			const got = await call('GET', fill(examples.paths.item, ref));
			expect(got.status).toBe(200);
			expectSubscriberObject(got.json);
		}
		const missing = await call('GET', fill(examples.paths.item, '999999'));
		expect(missing.status).toBe(404);
		expect(missing.json).toEqual({ status: false, message: examples.responses.subscriberGet['404'] });
	});

	it("accepts the spec's subscriberObject example as the update body (readOnly fields included) and answers 200", async () => {
		const created = (await call('POST', fill(examples.paths.collection), examples.subscriberCreateObject)).json as Record<string, unknown>;
		const updated = await call('PUT', fill(examples.paths.item, String(created.id)), examples.subscriberObject);
		expect(updated.status).toBe(Number(Object.keys(examples.responses.subscriberUpdate)[0]));
		expectSubscriberObject(updated.json);
		// readOnly values of the example are not taken over.
		expect(updated.json).toMatchObject({ id: created.id, uuid: created.uuid, domainId: sandbox.domain.id, createdAt: created.createdAt });
	});

	it('answers a boolean sent as a string with 400, the example the spec gives for 400', async () => {
		const created = (await call('POST', fill(examples.paths.collection), examples.subscriberCreateObject)).json as Record<string, unknown>;
		const bad = await call('PUT', fill(examples.paths.item, String(created.id)), { active: 'true' });
		expect(bad.status).toBe(400);
		expect(bad.json).toEqual({ status: false, message: expect.any(String) });
		expect(conventions.errors['400']).toContain('specifying a `boolean` value');
	});

	it('deletes with the documented 204 No Content, then answers 404 "Subscriber not Found"', async () => {
		const created = (await call('POST', fill(examples.paths.collection), examples.subscriberCreateObject)).json as Record<string, unknown>;
		const deleted = await call('DELETE', fill(examples.paths.item, String(created.id)));
		expect(deleted.status).toBe(204);
		expect(deleted.text).toBe('');
		const again = await call('DELETE', fill(examples.paths.item, String(created.id)));
		expect(again.status).toBe(404);
		expect(again.json).toEqual({ status: false, message: examples.responses.subscriberDelete['404'] });
	});
});

describe('Cloudonix canonical URLs and scopes', () => {
	const canonical = (template: string, id = '') =>
		template
			.replace('{customer-id}', String(sandbox.domain.tenantId))
			.replace('{domain-id}', sandbox.domain.domain)
			.replace('{resource-id}', id)
			.replace(/\/$/, '');

	it.each(['subscriber', 'subscribers'])('answers every documented URL form for the %s resource', async (resource) => {
		const created = (await call('POST', fill(examples.paths.collection), examples.subscriberCreateObject)).json as Record<string, unknown>;
		for (const [form, template] of Object.entries(conventions.canonicalUrls)) {
			const key = form.startsWith('domainToken') || form === 'domain' ? sandbox.keys.domain : sandbox.keys.customer;
			const item = await call('GET', canonical(template.replace('{resource}', resource), String(created.id)), undefined, key);
			expect({ form, status: item.status }).toEqual({ form, status: 200 });
			expect((item.json as Record<string, unknown>).id).toBe(created.id);
			const list = await call('GET', canonical(template.replace('{resource}', resource)).replace(/\/$/, ''), undefined, key);
			expect({ form, status: list.status, isArray: Array.isArray(list.json) }).toEqual({ form, status: 200, isArray: true });
		}
	});

	it('answers 403 when the key has the wrong scope, 401 for a key of another domain', async () => {
		expect((await call('GET', fill(examples.paths.collection), undefined, sandbox.keys.subscriber)).status).toBe(403);
		expect((await call('GET', fill(examples.paths.collection), undefined, sandbox.keys.otherDomain)).status).toBe(401);
		// `self` as the domain means the key's own domain, which a customer key does not have.
		expect((await call('GET', '/domain/self/subscribers', undefined, sandbox.keys.customer)).status).toBe(404);
	});

	it('keeps its fault injection in front of the documented examples', async () => {
		sandbox.server.injectFault({ method: 'POST', path: '/subscribers', status: 500, body: { status: false, message: 'Request Failed' } });
		const failed = await call('POST', fill(examples.paths.collection), examples.subscriberCreateObject);
		expect(failed.status).toBe(500);
		expect(sandbox.state.subscribers.size).toBe(0);
	});
});
