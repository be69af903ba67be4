import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { cloudonixBaseUrl, DEFAULT_BASE_URL } from '../nodes/Cloudonix/transport/credential';
import { checkNeededError, CREDENTIAL_TEST_HEADER, needsCheck, checkConnection } from '../nodes/shared/credentialTest';

/** The domain the Test reads, as the Test's request and the check address it. */
const domainPath = (domain: unknown) => `/customers/self/domains/${encodeURIComponent(String(domain ?? '').trim())}`;

/**
 * Cloudonix REST API key (Bearer). A domain-scoped key is enough for subscribers and is
 * what we recommend. The Test reads the domain (`GET /customers/self/domains/{domain}`, as the
 * open-source OPBX project validates keys), which a domain-scoped key may do while
 * `/customers/self` needs a customer key, after the connection check (nodes/shared/credentialTest.ts)
 * that explains a wrong API Base URL or port instead of showing ECONNREFUSED or ENOTFOUND.
 */
export class CloudonixApi implements ICredentialType {
	name = 'cloudonixApi';

	displayName = 'Cloudonix API';

	// A full URL, as community credentials need; the camelCase form only resolves inside n8n's own docs.
	documentationUrl = 'https://github.com/pbx-sync/n8n-nodes-pbx-sync/blob/main/docs/credentials/cloudonix.md';

	icon = { light: 'file:../nodes/Cloudonix/cloudonix.svg', dark: 'file:../nodes/Cloudonix/cloudonix.dark.svg' } as const;

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A Cloudonix API key (its key ID, 34 characters starting with "XI"). A domain key is enough; create one in the Cloudonix Cockpit under the domain\'s API Keys.',
		},
		{
			displayName: 'Domain',
			name: 'domain',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. mycompany.cloudonix.net',
			description: 'The Cloudonix domain whose subscribers the node manages: its name or its UUID',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			description: 'Use https://api.staging.cloudonix.io for the staging platform',
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
		const baseUrl = cloudonixBaseUrl(credentials.baseUrl);
		const failure = await checkConnection.call(this, credentials, {
			service: 'the Cloudonix API',
			urlField: 'API Base URL',
			baseUrl,
			url: `${baseUrl}${domainPath(credentials.domain)}`,
			headers: { Accept: 'application/json', Authorization: `Bearer ${String(credentials.apiKey ?? '')}` },
			skipSslCertificateValidation: false,
			statusMessages: {
				401: 'The API key was rejected or is not authorized for this domain. Check the API Key and the Domain.',
				403: 'The API key is valid but its scope does not reach this domain (e.g. a subscriber or application key). Use a domain or customer key.',
				404: 'Domain not found. Check the Domain (name or UUID) and the API Base URL.',
			},
		});
		if (failure !== undefined) throw new Error(failure);
		return {};
	}

	/** The API key as a Bearer token on every request. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (needsCheck(credentials, requestOptions)) throw checkNeededError();
		requestOptions.headers = { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.apiKey ?? '')}` };
		return requestOptions;
	}

	/** Reads the domain after the connection check. */
	test: ICredentialTestRequest = {
		request: {
			// The same as cloudonixBaseUrl and domainPath (test/compat/baseUrl.test.ts checks that they agree).
			baseURL: '={{String($credentials.baseUrl || "").trim().replace(/\\/+$/, "") || "https://api.cloudonix.io"}}',
			url: '=/customers/self/domains/{{encodeURIComponent(String($credentials.domain || "").trim())}}',
			headers: { Accept: 'application/json', [CREDENTIAL_TEST_HEADER]: '1' },
		},
	};
}
