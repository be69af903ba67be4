/**
 * A test-only credential, node and sandbox that exercise the shared transport and the
 * credentials helper the way vendor nodes use them: a login token in an expirable hidden
 * field (preAuthentication), generic Bearer authentication, and vendorRequest for calls.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IAuthenticateGeneric,
	IExecuteFunctions,
	IHttpRequestHelper,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { AnswerShape } from '../../nodes/shared/answer';
import { jsonArray, jsonWithList, xmlWithRoot } from '../../nodes/shared/answer';
import { readNumber } from '../../nodes/shared/numbers';
import { requestOptionsProperty } from '../../nodes/shared/properties';
import type { VendorApi } from '../../nodes/shared/vendorApi';
import { vendorDelete, vendorRequest } from '../../nodes/shared/transport';
import { SandboxServer } from '../../dev/sandbox/core';

export class SandboxTokenApi implements ICredentialType {
	name = 'sandboxTokenApi';
	displayName = 'Sandbox Token API';
	properties: INodeProperties[] = [
		{ displayName: 'URL', name: 'url', type: 'string', default: '' },
		{ displayName: 'Username', name: 'username', type: 'string', default: '' },
		{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Session Token', name: 'sessionToken', type: 'hidden', typeOptions: { expirable: true }, default: '' },
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const response = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${credentials.url}/login`,
			body: { username: credentials.username, password: credentials.password },
			json: true,
		})) as { token: string };
		return { sessionToken: response.token };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.sessionToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.url}}', url: '/me' },
		rules: [{ type: 'responseCode', properties: { value: 403, message: 'This account may not read /me' } }],
	};
}

export const sandboxApi: VendorApi = {
	displayName: 'Sandbox',
	credentialType: 'sandboxTokenApi',
	secretFields: ['password', 'sessionToken'],
	extractErrorMessage: (body) =>
		body && typeof body === 'object' && 'message' in body ? String((body as { message: unknown }).message) : undefined,
	describeStatus: (status) => (status === 401 ? 'Check the username and password of the credential.' : undefined),
	retry: { baseDelayMs: 10, maxDelayMs: 2000 },
};

/** Sends one request per item: `method` and `path` parameters, JSON body from the item. */
export class SandboxRequest implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Sandbox Request',
		name: 'sandboxRequest',
		group: ['transform'],
		version: 1,
		description: 'Test node',
		defaults: { name: 'Sandbox Request' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sandboxTokenApi', required: true }],
		properties: [
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Path', name: 'path', type: 'string', default: '/items' },
			{ displayName: 'Timeout', name: 'timeout', type: 'number', default: 0 },
			{ displayName: 'Expect', name: 'expect', type: 'string', default: '' },
			{ displayName: 'Body Format', name: 'bodyFormat', type: 'string', default: 'json' },
			{ displayName: 'Request Secret', name: 'secret', type: 'string', default: '' },
			{ displayName: 'Limit', name: 'limit', type: 'number', default: 0 },
			requestOptionsProperty(),
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const credentials = await this.getCredentials('sandboxTokenApi');
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const method = this.getNodeParameter('method', i) as 'GET' | 'POST' | 'DELETE';
				const timeout = this.getNodeParameter('timeout', i) as number;
				const secret = this.getNodeParameter('secret', i) as string;
				const limit =
					this.getNodeParameter('limit', i) === 0
						? undefined
						: readNumber(this, 'limit', i, { displayName: 'Limit', min: 1 });
				const url = `${credentials.url}${this.getNodeParameter('path', i) as string}`;
				if (method === 'DELETE') {
					const outcome = await vendorDelete.call(this, sandboxApi, { url, json: true }, i);
					out.push({ json: { deleted: true, ...(outcome.confirmedBy ? { confirmedBy: outcome.confirmedBy } : {}) }, pairedItem: { item: i } });
					continue;
				}
				const response = await vendorRequest.call(
					this,
					sandboxApi,
					{
						method,
						url,
						...(method === 'GET' ? {} : requestBody(this.getNodeParameter('bodyFormat', i) as string, items[i].json)),
						json: true,
						...(timeout ? { timeout } : {}),
						...(secret ? { secrets: [secret] } : {}),
						expect: shapes[this.getNodeParameter('expect', i) as string],
					},
					i,
				);
				const json = Array.isArray(response) ? { list: response } : (response as object);
				out.push({ json: (limit === undefined ? json : { ...json, limit }) as never, pairedItem: { item: i } });
			} catch (error) {
				if (this.continueOnFail()) {
					const { message, description } = error as Error & { description?: string };
					out.push({ json: { error: message, ...(description ? { description } : {}) }, pairedItem: { item: i } });
					continue;
				}
				throw error;
			}
		}
		return [out];
	}
}

/** The answer shapes the test node can ask for, by its Expect parameter. */
const shapes: Record<string, AnswerShape | undefined> = {
	'': undefined,
	list: jsonWithList('value'),
	array: jsonArray({ emptyOn404: { matches: (body) => typeof body === 'object' && body !== null && 'message' in body, value: [] } }),
	xml: xmlWithRoot('items'),
};

/** A body as JSON, a form (`a=b&c=d`) or XML text with the item's fields as elements. */
function requestBody(format: string, fields: object): { body: IDataObject | string; headers?: Record<string, string> } {
	const entries = Object.entries(fields).map(([key, value]): [string, string] => [key, String(value)]);
	if (format === 'form') {
		return {
			body: new URLSearchParams(entries).toString(),
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		};
	}
	if (format === 'xml') {
		const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
		return {
			body: `<item>${entries.map(([key, value]) => `<${key}>${escape(value)}</${key}>`).join('')}</item>`,
			headers: { 'Content-Type': 'text/xml' },
		};
	}
	if (format === 'basic') {
		const [user, secret] = entries.map(([, value]) => value);
		return { body: {}, headers: { 'X-Upstream-Authorization': `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}` } };
	}
	return { body: fields as IDataObject };
}

/** A sandbox with a login, a token that can be expired, and an items resource. */
export function tokenSandbox() {
	const server = new SandboxServer('token');
	const state = { tokens: new Set<string>(), issued: 0, created: [] as unknown[] };
	server.route('POST', '/login', (req) => {
		const body = req.body as { username?: string; password?: string };
		if (body?.username !== 'admin' || body?.password !== 's3cret-pass') {
			return { status: 401, body: { message: 'Bad username or password' } };
		}
		const token = `tok-${++state.issued}-abcdef`;
		state.tokens.add(token);
		return { status: 200, body: { token } };
	});
	const authorised = (header: string | undefined) => state.tokens.has((header ?? '').replace(/^Bearer /, ''));
	server.route('GET', '/me', (req) => (authorised(req.headers.authorization) ? { status: 200, body: { user: 'admin' } } : { status: 401, body: { message: 'Token expired' } }));
	server.route('GET', '/items/:id', (req) =>
		authorised(req.headers.authorization)
			? { status: 200, body: { id: req.params.id } }
			: { status: 401, body: { message: 'Token expired' } },
	);
	server.route('POST', '/items', (req) => {
		if (!authorised(req.headers.authorization)) return { status: 401, body: { message: 'Token expired' } };
		state.created.push(req.body);
		return { status: 201, body: { created: req.body } };
	});
	const items = new Set(['1', '2', '3', '7']);
	server.route('DELETE', '/items/:id', (req) => {
		if (!authorised(req.headers.authorization)) return { status: 401, body: { message: 'Token expired' } };
		if (!items.delete(req.params.id)) return { status: 404, body: { message: 'No such item' } };
		return { status: 204 };
	});
	server.route('GET', '/list', () => ({ status: 200, body: { value: [{ id: 1 }, { id: 2 }] } }));
	server.route('GET', '/array', () => ({ status: 200, body: [{ id: 1 }] }));
	server.route('GET', '/empty-array', () => ({ status: 404, body: { message: 'No subscribers' } }));
	server.route('GET', '/xml', () => ({ status: 200, headers: { 'Content-Type': 'text/xml' }, body: '<?xml version="1.0"?><items><item/></items>' }));
	server.route('GET', '/leak', () => ({ status: 400, body: { message: `password s3cret-pass rejected` } }));
	return {
		server,
		state,
		expireAll: () => state.tokens.clear(),
		resetItems: () => ['1', '2', '3', '7'].forEach((id) => items.add(id)),
	};
}
