import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/**
 * sipXcom / sipXecs admin access (sipXconfig): HTTP Basic as an administrator such as
 * superadmin. The REST (`/sipxconfig/rest`, `/sipxconfig/api`) and SOAP (`/sipxconfig/services`)
 * admin APIs all require ROLE_ADMIN. Servers usually run with a self-signed certificate.
 * The Test is the sipXcom node's function `sipXcomApiTest` (nodes/SipXcom/methods/credentialTest.ts),
 * which can say what a certificate or connection problem means.
 */
export class SipXcomApi implements ICredentialType {
	name = 'sipXcomApi';

	displayName = 'sipXcom API';

	// The rule expects a main-repo doc slug; a community package must link to its own docs.
	// eslint-disable-next-line n8n-nodes-base/cred-class-field-documentation-url-miscased -- a community package links to its own README, not an n8n docs slug
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
}
