/**
 * 3CX's token request in both encodings 3CX uses (the urlencoded form of the docs and the
 * multipart/form-data its own tutorial sends) and the users/departments behaviour of the
 * tutorial's specs, replayed against the sandbox (fixtures/threecx).
 */
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { threeCx } from '../../dev/harness/vendors';
import { fixture, jsonFixture, parseHttp } from './fixtures';

const { sandbox } = sandboxPerTest(threeCx);

const withCredentials = (text: string) =>
	text.replace('<Client ID/DN>', sandbox.state.options.clientId).replace('<API key>', sandbox.state.options.clientSecret);

const documentedToken = () => JSON.parse(parseHttp(fixture('threecx', 'token.response.http').text).body) as Record<string, unknown>;

function expectDocumentedToken(body: Record<string, unknown>) {
	const example = documentedToken();
	expect(Object.keys(body).sort()).toEqual(Object.keys(example).sort());
	for (const [key, value] of Object.entries(example)) expect(typeof body[key]).toBe(typeof value);
	expect(body.token_type).toBe(example.token_type);
	expect(body.refresh_token).toBeNull();
}

async function urlencodedToken(): Promise<Response> {
	const request = parseHttp(withCredentials(fixture('threecx', 'token.urlencoded.http').text));
	return await fetch(`${sandbox.server.baseUrl}${request.target}`, {
		method: request.method,
		headers: { 'content-type': request.headers['content-type'] },
		body: request.body,
	});
}

/** What 3cx/xapi-tutorial auth.ts does: a FormData posted with fetch. */
async function multipartToken(fields = jsonFixture<{ fields: Array<[string, string]> }>('threecx', 'token.multipart.json').fields) {
	const form = new FormData();
	for (const [name, value] of fields) form.append(name, withCredentials(value));
	return await fetch(`${sandbox.server.baseUrl}/connect/token`, { method: 'POST', body: form });
}

describe('3CX token request', () => {
	it('accepts the documented application/x-www-form-urlencoded request', async () => {
		const response = await urlencodedToken();
		expect(response.status).toBe(200);
		expectDocumentedToken((await response.json()) as Record<string, unknown>);
		expect(sandbox.server.requests[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
	});

	it("accepts the tutorial's multipart/form-data request", async () => {
		const response = await multipartToken();
		expect(response.status).toBe(200);
		expectDocumentedToken((await response.json()) as Record<string, unknown>);
		expect(sandbox.server.requests[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
	});

	it('still refuses a multipart request without grant_type, and a wrong secret', async () => {
		const missing = await multipartToken([
			['client_id', '<Client ID/DN>'],
			['client_secret', '<API key>'],
		]);
		expect(missing.status).toBe(400);
		expect(((await missing.json()) as { error: string }).error).toBe('invalid_request');
		const wrong = await multipartToken([
			['client_id', '<Client ID/DN>'],
			['client_secret', 'not-the-key'],
			['grant_type', 'client_credentials'],
		]);
		expect(wrong.status).toBe(401);
	});

	it('answers a multipart token that works on the XAPI', async () => {
		const { access_token } = (await (await multipartToken()).json()) as { access_token: string };
		const users = await fetch(`${sandbox.server.baseUrl}/xapi/v1/Users?$select=Id`, { headers: { authorization: `Bearer ${access_token}` } });
		expect(users.status).toBe(200);
	});
});

interface Step {
	name: string;
	method: string;
	path: string;
	body?: unknown;
	status: number;
	saveAs?: 'user' | 'group';
	member?: boolean;
}

describe('3CX users and departments (3cx/xapi-tutorial specs)', () => {
	const { steps } = jsonFixture<{ steps: Step[] }>('threecx', 'users-departments.json');

	it('replays every step with the answer the tutorial expects', async () => {
		// The tutorial's PBX already has extension 100 (the "another Number" it tries to take).
		sandbox.seedUsers(1);
		const { access_token } = (await (await urlencodedToken()).json()) as { access_token: string };
		const saved: Record<string, Record<string, unknown>> = {};
		/** "{user.Id}" → the saved value, keeping its type when it is the whole string. */
		const fill = (value: unknown): unknown => {
			if (typeof value === 'string') {
				const whole = /^\{(\w+)\.(\w+)\}$/.exec(value);
				if (whole) return saved[whole[1]][whole[2]];
				return value.replace(/\{(\w+)\.(\w+)\}/g, (_, entity: string, key: string) => String(saved[entity][key]));
			}
			if (Array.isArray(value)) return value.map(fill);
			if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
			return value;
		};
		for (const step of steps) {
			const response = await fetch(`${sandbox.server.baseUrl}${fill(step.path) as string}`, {
				method: step.method,
				headers: { authorization: `Bearer ${access_token}`, ...(step.body !== undefined ? { 'content-type': 'application/json' } : {}) },
				body: step.body !== undefined ? JSON.stringify(fill(step.body)) : undefined,
			});
			expect({ step: step.name, status: response.status }).toEqual({ step: step.name, status: step.status });
			const text = await response.text();
			if (step.status === 200) expect(Array.isArray((JSON.parse(text) as { value?: unknown }).value) || 'Id' in JSON.parse(text)).toBe(true);
			if (step.saveAs) {
				saved[step.saveAs] = JSON.parse(text) as Record<string, unknown>;
				expect(saved[step.saveAs].Number).toEqual(expect.any(String));
			}
			if (step.member !== undefined) {
				const user = sandbox.state.users.get(saved.user.Id as number)!;
				expect({ step: step.name, member: user.Groups.some((g) => g.GroupId === saved.group.Id) }).toEqual({ step: step.name, member: step.member });
			}
		}
		expect([...sandbox.state.users.values()].map((u) => u.Number)).toEqual(['100']);
		expect(sandbox.state.groups.some((g) => g.Name === 'Group 1')).toBe(false);
	});

	it('keeps the other members of a department when one user changes its own Groups', async () => {
		sandbox.seedUsers(3);
		const { access_token } = (await (await urlencodedToken()).json()) as { access_token: string };
		const [first, second] = [...sandbox.state.users.values()];
		await fetch(`${sandbox.server.baseUrl}/xapi/v1/Users(${first.Id})`, {
			method: 'PATCH',
			headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ Groups: [{ GroupId: second.Groups[0].GroupId, Rights: { RoleName: 'users' } }] }),
		});
		expect(second.Groups.map((g) => g.GroupId)).toEqual([first.Groups[0].GroupId]);
	});
});
