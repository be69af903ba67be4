import { createHash } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { OPENVOX_API_PREFIX, openVoxBaseUrl, openVoxTokenOwner } from '../nodes/OpenVox/transport/credential';
import { LOGIN_FAILED_PREFIX, loginFailedMessage } from '../nodes/OpenVox/transport/errno';
import { buildOpenVoxXml, parseOpenVoxXml } from '../nodes/OpenVox/transport/xml';
import { foreignTokenError, tokenFingerprint } from '../nodes/shared/tokenFingerprint';
import { connectionProblem } from '../nodes/shared/errors';
import { describeFailure } from '../nodes/shared/httpFailure';

/**
 * Marks the request of the credential's Test, so that it logs in with what the user typed
 * (see authenticate); the header itself never leaves n8n.
 */
const TEST_LOGIN_HEADER = 'x-openvox-test-login';

/** Credential data that preAuthentication has just logged in with, for the request being sent. */
const loggedInJustNow = new WeakSet<ICredentialDataDecryptedObject>();

/** How long a login may take; it is never retried (see preAuthentication). */
const LOGIN_TIMEOUT_MS = 20_000;

function parseLoginAnswer(raw: unknown): IDataObject {
	if (raw !== null && typeof raw === 'object' && !Buffer.isBuffer(raw)) return raw as IDataObject;
	const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw ?? '');
	const trimmed = text.trim();
	if (trimmed.startsWith('<')) return parseOpenVoxXml(trimmed);
	try {
		return JSON.parse(trimmed) as IDataObject;
	} catch {
		throw new Error(`${LOGIN_FAILED_PREFIX}: the PBX did not answer with JSON or XML; check the PBX API URL (HTTP API port 9011 by default)`);
	}
}

export class OpenVoxApi implements ICredentialType {
	name = 'openVoxApi';

	displayName = 'OpenVox API';

	// A community package needs a full URL: n8n resolves a camelCase slug against docs.n8n.io.
	documentationUrl = 'https://github.com/pbx-sync/n8n-nodes-pbx-sync/blob/main/docs/credentials/openvox.md';

	icon = { light: 'file:../nodes/OpenVox/openVox.svg', dark: 'file:../nodes/OpenVox/openVox.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'PBX API URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: 'http://192.168.1.100:9011',
			description:
				'Address of the PBX HTTP API, including the port. UC-series PBXs serve the API on port 9011 by default.',
			required: true,
		},
		{
			displayName: 'API Username',
			name: 'username',
			type: 'string',
			default: '',
			description: 'The API username set on the PBX API page (System Management › API)',
			required: true,
		},
		{
			displayName: 'API Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The API password. Only its MD5 digest is sent to the PBX, as the API requires.',
			required: true,
		},
		{
			displayName: 'Event Report Port',
			name: 'reportPort',
			type: 'string',
			default: '8260',
			description:
				'Port the login declares for the PBX event reports (the API requires it). n8n does not listen for reports, so any free port works; 8260 is the value of the OpenVox examples.',
		},
		{
			displayName: 'API Format',
			name: 'apiFormat',
			type: 'options',
			options: [
				{ name: 'JSON', value: 'json' },
				{ name: 'XML', value: 'xml' },
			],
			default: 'json',
			description: 'JSON works on current firmware; choose XML for firmware that only answers the XML variant (type=xml)',
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			// n8n's own name for this switch in its credentials. Until 1.0.0 it was allowUnauthorizedCerts,
			// which n8n's scanner reads as a secret ("cert"); saved credentials turn it on again (CHANGELOG).
			name: 'ignoreSSLIssues',
			type: 'boolean',
			default: false,
			description: 'Whether to connect even if the PBX presents a self-signed or otherwise untrusted TLS certificate',
			hint: 'Credentials saved before version 1.0.0 of this package must turn this on again',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Token Fingerprint',
			name: 'tokenFingerprint',
			type: 'hidden',
			typeOptions: { password: true },
			default: '',
		},
	];

	/**
	 * Logs in and stores the token. n8n calls this when the token field is empty (first use,
	 * or the node blanked it after the PBX reported errno 20004/20006) and persists the result,
	 * so one token serves every item and execution until it lapses (30 minutes idle).
	 * A rejected login throws a plain Error, never one with an HTTP 401: n8n would otherwise
	 * log in a second time, and 5 failures lock the client IP out for 10 minutes. The token is
	 * stored with the fingerprint of the URL, username and password that obtained it.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const format = credentials.apiFormat === 'xml' ? 'xml' : 'json';
		const fields: IDataObject = {
			username: String(credentials.username ?? ''),
			password: createHash('md5')
				.update(String(credentials.password ?? ''), 'utf8')
				.digest('hex'),
			port: String(credentials.reportPort || '8260'),
		};
		let raw: unknown;
		try {
			raw = await this.helpers.httpRequest({
				method: 'POST',
				url: `${openVoxBaseUrl(credentials.url)}${OPENVOX_API_PREFIX}/login`,
				qs: { type: format },
				headers: {
					'Content-Type': `application/${format}; charset=utf-8`,
				},
				body: format === 'xml' ? buildOpenVoxXml(fields) : JSON.stringify(fields),
				json: false,
				encoding: 'text',
				skipSslCertificateValidation: credentials.ignoreSSLIssues === true,
				timeout: LOGIN_TIMEOUT_MS,
			});
		} catch (error) {
			const status = (error as { response?: { status?: number } }).response?.status;
			// OpenVox answers 200 even for a failed login; any other status comes from something in
			// between (proxy, wrong port). Drop the response so n8n does not treat a 401 as "log in again".
			if (status !== undefined) {
				throw new Error(`${LOGIN_FAILED_PREFIX}: HTTP ${status} from the login URL; check the PBX API URL`);
			}
			// No answer (timeout, dropped connection): the PBX may have counted a failed login, so this
			// is never retried either; a plain Error with the prefix tells the transport so.
			const failure = describeFailure(error);
			const reason = /timeout|ETIMEDOUT|ECONNABORTED/i.test(`${failure.code ?? ''} ${failure.message}`)
				? `the PBX did not answer within ${LOGIN_TIMEOUT_MS / 1000} s`
				: connectionProblem({ ...failure, url: failure.url ?? openVoxBaseUrl(credentials.url) });
			throw new Error(
				`${LOGIN_FAILED_PREFIX}: ${reason} (1 attempt; a login is not repeated, since 5 failed logins lock this client IP out for 10 minutes)`,
			);
		}
		const answer = parseLoginAnswer(raw);
		if (answer.status === 'Success' && typeof answer.token === 'string' && answer.token !== '') {
			loggedInJustNow.add(credentials);
			return { token: answer.token, tokenFingerprint: tokenFingerprint(answer.token, openVoxTokenOwner(credentials)) };
		}
		throw new Error(loginFailedMessage(answer.errno));
	}

	/**
	 * Adds `?token=`, but only a token obtained with the current URL, username and password:
	 * for any other, n8n logs in once with the current data (see foreignTokenError), so a
	 * token never reaches another PBX and a wrong password fails the credential test. The
	 * Test's own request asks for a login the same way unless one just happened for it: a
	 * stored token may have lapsed on the PBX (30 minutes unused, answered with HTTP 200 and
	 * an errno, which n8n cannot recognise), and the Test should check what the user typed.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const isTest = requestOptions.headers?.[TEST_LOGIN_HEADER] !== undefined;
		if (isTest) delete requestOptions.headers![TEST_LOGIN_HEADER];
		const token = String(credentials.token ?? '');
		const foreign = credentials.tokenFingerprint !== tokenFingerprint(token, openVoxTokenOwner(credentials));
		if (foreign || (isTest && !loggedInJustNow.has(credentials))) throw foreignTokenError();
		requestOptions.qs = { ...requestOptions.qs, token };
		return requestOptions;
	}

	/** Lists extensions (read-only) after exactly one login with the data the user typed (see authenticate). */
	test: ICredentialTestRequest = {
		request: {
			// The same as openVoxBaseUrl (test/compat/baseUrl.test.ts checks that they agree).
			baseURL: '={{String($credentials.url || "").trim().replace(/\\/+$/, "")}}',
			url: `${OPENVOX_API_PREFIX}/extensionlist/query`,
			method: 'POST',
			qs: { type: '={{$credentials.apiFormat}}' },
			headers: { [TEST_LOGIN_HEADER]: '1' },
			skipSslCertificateValidation: '={{$credentials.ignoreSSLIssues}}',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status',
					value: 'Failed',
					message: 'The PBX accepted the login but refused to list extensions; check the API settings of the PBX',
				},
			},
		],
	};
}
