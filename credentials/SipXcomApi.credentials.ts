import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/**
 * sipXcom / sipXecs admin access (sipXconfig): HTTP Basic as an administrator such as
 * superadmin. The REST (`/sipxconfig/rest`, `/sipxconfig/api`) and SOAP (`/sipxconfig/services`)
 * admin APIs all require ROLE_ADMIN. Servers usually run with a self-signed certificate.
 */
export class SipXcomApi implements ICredentialType {
	name = 'sipXcomApi';

	displayName = 'sipXcom API';

	// The rule expects a main-repo doc slug; a community package must link to its own docs.
	// eslint-disable-next-line n8n-nodes-base/cred-class-field-documentation-url-miscased -- a community package links to its own README, not an n8n docs slug
	documentationUrl = 'https://github.com/pbx-sync/n8n-nodes-pbx-sync#sipxcom';

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
		// eslint-disable-next-line @n8n/community-nodes/credential-password-field -- a yes/no switch, not a secret: the rule reads "Cert" in n8n's own name for Ignore SSL Issues, which saved credentials keep
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'allowUnauthorizedCerts',
			type: 'boolean',
			default: false,
			description:
				'Whether to connect even if the server certificate cannot be verified, e.g. the self-signed certificate sipXcom installs by default. Leave off when the server has a trusted certificate.',
		},
	];

	/** Basic auth on every request, plus the certificate choice of the user. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return {
			...requestOptions,
			auth: { username: String(credentials.username ?? ''), password: String(credentials.password ?? '') },
			skipSslCertificateValidation: credentials.allowUnauthorizedCerts === true,
		};
	}

	// `/rest/user` needs ROLE_ADMIN, so a normal user account fails the test too.
	test: ICredentialTestRequest = {
		request: {
			// The same as appUrl (test/compat/baseUrl.test.ts checks that they agree).
			baseURL:
				'={{String($credentials.serverUrl || "").trim().replace(/\\/+$/, "").replace(/\\/sipxconfig$/i, "") + "/sipxconfig"}}',
			url: '/rest/user',
			qs: { page: 1, pagesize: 1 },
			headers: { Accept: 'text/xml' },
			skipSslCertificateValidation: '={{$credentials.allowUnauthorizedCerts === true}}',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Wrong username or password, or the account lacks admin rights (the sipXconfig APIs need an administrator such as superadmin)',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'This account lacks admin rights; use an administrator such as superadmin',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'No sipXconfig found at this Server URL (expected /sipxconfig/rest/user)',
				},
			},
		],
	};
}
