import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { credentialTestRead } from '../../shared/credentialTest';
import { cloudonixBaseUrl } from '../transport/credential';

/**
 * The credential's Test: reads the domain (`GET /customers/self/domains/{domain}`, as the
 * open-source OPBX project validates keys), which a domain-scoped key may do while
 * `/customers/self` needs a customer key. A function, so that a wrong API Base URL or port
 * is explained instead of showing ECONNREFUSED or ENOTFOUND.
 */
export async function cloudonixApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const baseUrl = cloudonixBaseUrl(data.baseUrl);
	return await credentialTestRead.call(this, {
		service: 'the Cloudonix API',
		urlField: 'API Base URL',
		baseUrl,
		url: `${baseUrl}/customers/self/domains/${encodeURIComponent(String(data.domain ?? '').trim())}`,
		headers: { Accept: 'application/json', Authorization: `Bearer ${String(data.apiKey ?? '')}` },
		allowUnauthorizedCerts: false,
		statusMessages: {
			401: 'The API key was rejected or is not authorized for this domain. Check the API Key and the Domain.',
			403: 'The API key is valid but its scope does not reach this domain (e.g. a subscriber or application key). Use a domain or customer key.',
			404: 'Domain not found. Check the Domain (name or UUID) and the API Base URL.',
		},
	});
}
