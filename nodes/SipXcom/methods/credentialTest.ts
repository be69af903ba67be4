import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { credentialTestRead } from '../../shared/credentialTest';
import { appUrl } from '../transport/credential';

/**
 * The credential's Test: one read of the admin-only `/rest/user`, so a normal user account
 * fails too. A function, so that a self-signed certificate (sipXcom's default) is explained
 * and points to Ignore SSL Issues instead of showing DEPTH_ZERO_SELF_SIGNED_CERT.
 */
export async function sipXcomApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const baseUrl = appUrl(data.serverUrl);
	return await credentialTestRead.call(this, {
		service: 'the sipXcom server',
		urlField: 'Server URL',
		baseUrl,
		url: `${baseUrl}/rest/user`,
		qs: { page: 1, pagesize: 1 },
		headers: { Accept: 'text/xml' },
		auth: { user: String(data.username ?? ''), pass: String(data.password ?? '') },
		allowUnauthorizedCerts: data.allowUnauthorizedCerts === true,
		statusMessages: {
			401: 'Wrong username or password, or the account lacks admin rights (the sipXconfig APIs need an administrator such as superadmin)',
			403: 'This account lacks admin rights; use an administrator such as superadmin',
			404: 'No sipXconfig found at this Server URL (expected /sipxconfig/rest/user)',
		},
	});
}
