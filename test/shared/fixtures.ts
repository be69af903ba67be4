/**
 * A test-only credential, node and sandbox that exercise the shared transport and the
 * credentials helper the way vendor nodes use them: a login token in an expirable hidden
 * field (preAuthentication), generic Bearer authentication, and vendorRequest for calls.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IAuthenticateGeneric,
	IExecuteFunctions,
	IHttpRequestHelper,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { VendorApi } from '../../nodes/shared/transport';
import { vendorRequest } from '../../nodes/shared/transport';
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
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const credentials = await this.getCredentials('sandboxTokenApi');
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const method = this.getNodeParameter('method', i) as 'GET' | 'POST';
				const timeout = this.getNodeParameter('timeout', i) as number;
				const response = await vendorRequest.call(
					this,
					sandboxApi,
					{
						method,
						url: `${credentials.url}${this.getNodeParameter('path', i) as string}`,
						body: method === 'GET' ? undefined : items[i].json,
						json: true,
						...(timeout ? { timeout } : {}),
					},
					i,
				);
				out.push({ json: response as never, pairedItem: { item: i } });
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw error;
			}
		}
		return [out];
	}
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
	server.route('GET', '/leak', () => ({ status: 400, body: { message: `password s3cret-pass rejected` } }));
	return { server, state, expireAll: () => state.tokens.clear() };
}
