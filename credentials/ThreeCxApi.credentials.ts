import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { checkNeededError, CREDENTIAL_TEST_HEADER, markChecked, needsCheck } from '../nodes/shared/credentialTest';
import { fingerprintMatches, foreignTokenError, tokenFingerprint } from '../nodes/shared/tokenFingerprint';
import { describeFailure } from '../nodes/shared/httpFailure';
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
 * The Test runs preAuthentication every time (nodes/shared/credentialTest.ts): a stored token that
 * still belongs to the data is only tried, so a Test never takes the token from running workflows.
 */
export class ThreeCxApi implements ICredentialType {
	name = 'threeCxApi';

	displayName = '3CX API';

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
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			// n8n's own name for this switch in its credentials. Until 1.0.0 it was allowUnauthorizedCerts,
			// which n8n's scanner reads as a secret ("cert"); saved credentials turn it on again (CHANGELOG).
			name: 'ignoreSSLIssues',
			type: 'boolean',
			default: false,
			description:
				'Whether to connect even if the PBX certificate cannot be validated (self-signed certificates on self-hosted PBXs)',
			hint: 'Credentials saved before version 1.0.0 of this package must turn this on again',
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
		if (await storedTokenWorks.call(this, credentials)) {
			markChecked(credentials);
			return {};
		}
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
			skipSslCertificateValidation: credentials.ignoreSSLIssues === true,
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
		markChecked(credentials);
		return { accessToken: token, tokenFingerprint: tokenFingerprint(token, threeCxTokenOwner(credentials)) };
	}

	/** Refuses a token obtained with other credential data; n8n then requests one with the current data. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (needsCheck(credentials, requestOptions)) throw checkNeededError();
		if (!tokenBelongsToData(credentials)) throw foreignTokenError();
		requestOptions.headers = { ...requestOptions.headers, Authorization: `Bearer ${credentials.accessToken}` };
		if (credentials.ignoreSSLIssues === true) requestOptions.skipSslCertificateValidation = true;
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
			headers: { [CREDENTIAL_TEST_HEADER]: '1' },
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

function tokenBelongsToData(credentials: ICredentialDataDecryptedObject): boolean {
	return fingerprintMatches(credentials, String(credentials.accessToken ?? ''), credentials.tokenFingerprint, threeCxTokenOwner(credentials));
}

/**
 * In a Test (the only time preAuthentication runs while the stored token still belongs to the
 * data): tries the stored token on the Test's own read, so a Test does not mint a new token,
 * which would end the one 3CX allows the workflows using this client. False when there is none
 * or the PBX refused it (401): then a new one is requested. A failed connection is the Test's
 * answer, in the nodes' words; any other status is left to the Test's request and its rules.
 */
async function storedTokenWorks(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<boolean> {
	if (!tokenBelongsToData(credentials)) return false;
	const url = threeCxBaseUrl(credentials.url);
	try {
		await this.helpers.httpRequest({
			method: 'GET',
			url: `${url}/xapi/v1/Defs`,
			qs: { $select: 'Id' },
			headers: { Authorization: `Bearer ${String(credentials.accessToken)}`, Accept: 'application/json' },
			timeout: 20_000,
			skipSslCertificateValidation: credentials.ignoreSSLIssues === true,
		});
		return true;
	} catch (error) {
		const status = describeFailure(error).status;
		if (status === 401) return false;
		if (status !== undefined) return true;
		throw new Error(tokenFailureMessage(error, url));
	}
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
