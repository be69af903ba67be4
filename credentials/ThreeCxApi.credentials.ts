import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { foreignTokenError, tokenFingerprint } from '../nodes/shared/tokenFingerprint';
import { threeCxBaseUrl, threeCxTokenOwner, tokenFailureMessage } from '../nodes/ThreeCx/transport/credential';

/**
 * 3CX V20 Configuration API (XAPI). OAuth2 client credentials: the token comes from
 * `POST {url}/connect/token` (form body, not under /xapi/v1) and is kept in the expirable
 * hidden field `accessToken`, so n8n reuses it across items and executions and asks for a new
 * one only when the field is empty or a request answered 401 (then n8n retries that request
 * once). The PBX allows one active token per client ID, so this credential never mints tokens
 * ahead of time or in parallel; `expires_in` (minutes before 20.0.9, seconds since) is
 * therefore never used to schedule anything, which makes its unit irrelevant. The token is only
 * sent with the URL, Client ID and secret that obtained it (`tokenFingerprint`), so a credential
 * test checks what the user typed, and an edited PBX URL never receives the old PBX's token.
 */
export class ThreeCxApi implements ICredentialType {
	name = 'threeCxApi';

	displayName = '3CX API';

	// eslint-disable-next-line n8n-nodes-base/cred-class-field-documentation-url-miscased -- a community package links to its own README, not an n8n docs slug
	documentationUrl = 'https://github.com/pbx-sync/n8n-nodes-pbx-sync/blob/main/docs/credentials/3cx.md';

	icon = { light: 'file:../nodes/ThreeCx/threeCx.svg', dark: 'file:../nodes/ThreeCx/threeCx.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'PBX URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://pbx.example.com:5001',
			description:
				'Address of the 3CX web client, with the port when it is not 443 (self-hosted PBXs often use 5001). Without /xapi/v1.',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 900',
			description:
				'The Client ID (a DN such as 900) of the API client created under Admin Console → Integrations → API with "XAPI Access Enabled"',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'The API key of the API client',
			hint: 'The API key 3CX shows once when you create the API client',
			description: 'The API key 3CX showed once when the API client was created',
		},
		// eslint-disable-next-line @n8n/community-nodes/credential-password-field -- a yes/no switch, not a secret: the rule reads "Cert" in n8n's own name for Ignore SSL Issues, which saved credentials keep
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'allowUnauthorizedCerts',
			type: 'boolean',
			default: false,
			description:
				'Whether to connect even if the PBX certificate cannot be validated (self-signed certificates on self-hosted PBXs)',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
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

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const form = new URLSearchParams({
			client_id: String(credentials.clientId ?? ''),
			client_secret: String(credentials.clientSecret ?? ''),
			grant_type: 'client_credentials',
		});
		const options: IHttpRequestOptions = {
			method: 'POST',
			url: `${threeCxBaseUrl(credentials.url)}/connect/token`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body: form.toString(),
			json: true,
			timeout: 20_000,
			skipSslCertificateValidation: credentials.allowUnauthorizedCerts === true,
		};
		let response: IDataObject | string;
		try {
			response = (await this.helpers.httpRequest(options)) as IDataObject | string;
		} catch (error) {
			// A plain Error, never the 401 itself: n8n would otherwise ask for a token again.
			throw new Error(tokenFailureMessage(error, threeCxBaseUrl(credentials.url)));
		}
		const body = (typeof response === 'string' ? safeJson(response) : response) as IDataObject | undefined;
		const token = body?.access_token;
		if (typeof token !== 'string' || token === '') {
			throw new Error('The 3CX token endpoint answered without an access_token; check the PBX URL');
		}
		return { accessToken: token, tokenFingerprint: tokenFingerprint(token, threeCxTokenOwner(credentials)) };
	}

	/** Refuses a token obtained with other credential data; n8n then requests one with the current data. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const token = String(credentials.accessToken ?? '');
		if (credentials.tokenFingerprint !== tokenFingerprint(token, threeCxTokenOwner(credentials))) throw foreignTokenError();
		requestOptions.headers = { ...requestOptions.headers, Authorization: `Bearer ${credentials.accessToken}` };
		if (credentials.allowUnauthorizedCerts === true) requestOptions.skipSslCertificateValidation = true;
		return requestOptions;
	}

	// GET /Defs?$select=Id works for the System Admin and System Owner roles and returns the
	// PBX version in the X-3CX-Version header.
	test: ICredentialTestRequest = {
		request: {
			// The same as threeCxBaseUrl (test/compat/baseUrl.test.ts checks that they agree).
			baseURL: '={{String($credentials.url || "").trim().replace(/\\/+$/, "").replace(/\\/xapi\\/v1$/i, "")}}',
			url: '/xapi/v1/Defs',
			qs: { $select: 'Id' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'The API client may not read the configuration; give it the System Admin or System Owner role',
				},
			},
		],
	};
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
