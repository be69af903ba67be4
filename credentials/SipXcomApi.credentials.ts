import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { appUrl } from '../nodes/SipXcom/transport/credential';
import {
	checkNeededError,
	CREDENTIAL_TEST_HEADER,
	needsCheck,
	checkConnection,
} from '../nodes/shared/credentialTest';

/**
 * sipXcom / sipXecs admin access (sipXconfig): HTTP Basic as an administrator such as
 * superadmin. The REST (`/sipxconfig/rest`, `/sipxconfig/api`) and SOAP (`/sipxconfig/services`)
 * admin APIs all require ROLE_ADMIN. Servers usually run with a self-signed certificate.
 * The Test reads the admin-only `/rest/user` after the connection check (nodes/shared/credentialTest.ts),
 * which says what a certificate, connection or SSRF problem means.
 */
export class SipXcomApi implements ICredentialType {
	name = 'sipXcomApi';

	displayName = 'sipXcom API';

	documentationUrl = 'https://github.com/pbx-sync/n8n-nodes-pbx-sync/blob/main/docs/credentials/sipxcom.md';

	icon = { light: 'file:../nodes/SipXcom/sipxcom.svg', dark: 'file:../nodes/SipXcom/sipxcom.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Server URL',
			name: 'serverUrl',
			type: 'string',
			default: '',
			placeholder: 'https://pbx.example.com',
			required: true,
			description:
				'Address of the sipXcom server as you open it in a browser. The node adds /sipxconfig itself; a URL that already ends in /sipxconfig works too.',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: 'superadmin',
			required: true,
			description: 'An administrator account (e.g. superadmin). Normal user accounts cannot use the admin APIs.',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			// n8n's own name for this switch in its credentials. Until 1.0.0 it was allowUnauthorizedCerts,
			// which n8n's scanner reads as a secret ("cert"); saved credentials turn it on again (CHANGELOG).
			name: 'ignoreSSLIssues',
			type: 'boolean',
			default: false,
			description:
				'Whether to connect even if the server certificate cannot be verified, e.g. the self-signed certificate sipXcom installs by default. Leave off when the server has a trusted certificate.',
			hint: 'Credentials saved before version 1.0.0 of this package must turn this on again',
		},
		{
			// Not stored and never empty: it only makes n8n run preAuthentication, the Test's
			// connection check, when the Test asks for it (nodes/shared/credentialTest.ts).
			displayName: 'Connection Check',
			name: 'connectionCheck',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: 'onTest',
		},
	];

	/** The Test's connection check (see nodes/shared/credentialTest.ts); stores nothing. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const baseUrl = appUrl(credentials.serverUrl);
		const failure = await checkConnection.call(this, credentials, {
			service: 'the sipXcom server',
			urlField: 'Server URL',
			baseUrl,
			url: `${baseUrl}/rest/user`,
			qs: { page: 1, pagesize: 1 },
			headers: { Accept: 'text/xml' },
			auth: { username: String(credentials.username ?? ''), password: String(credentials.password ?? '') },
			skipSslCertificateValidation: credentials.ignoreSSLIssues === true,
			statusMessages: {
				401: 'Wrong username or password, or the account lacks admin rights (the sipXconfig APIs need an administrator such as superadmin)',
				403: 'This account lacks admin rights; use an administrator such as superadmin',
				404: 'No sipXconfig found at this Server URL (expected /sipxconfig/rest/user)',
			},
		});
		if (failure !== undefined) throw new Error(failure);
		return {};
	}

	/** Basic auth on every request, plus the certificate choice of the user. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (needsCheck(credentials, requestOptions)) throw checkNeededError();
		return {
			...requestOptions,
			auth: { username: String(credentials.username ?? ''), password: String(credentials.password ?? '') },
			skipSslCertificateValidation: credentials.ignoreSSLIssues === true,
		};
	}

	/** One page of one user from the admin-only /rest/user, after the connection check. */
	test: ICredentialTestRequest = {
		request: {
			// The same as appUrl (test/compat/baseUrl.test.ts checks that they agree).
			baseURL: '={{String($credentials.serverUrl || "").trim().replace(/\\/+$/, "").replace(/\\/sipxconfig$/i, "") + "/sipxconfig"}}',
			url: '/rest/user',
			qs: { page: 1, pagesize: 1 },
			headers: { Accept: 'text/xml', [CREDENTIAL_TEST_HEADER]: '1' },
		},
	};
}
