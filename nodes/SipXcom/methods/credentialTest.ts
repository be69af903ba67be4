import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { connectionProblem, describeFailure } from '../../shared/transport';
import { appUrl } from '../transport/credential';

/** What each answer of `/rest/user` (ROLE_ADMIN only) says about the credential. */
const STATUS_MESSAGES: Record<number, string> = {
	401: 'Wrong username or password, or the account lacks admin rights (the sipXconfig APIs need an administrator such as superadmin)',
	403: 'This account lacks admin rights; use an administrator such as superadmin',
	404: 'No sipXconfig found at this Server URL (expected /sipxconfig/rest/user)',
};

const TEST_TIMEOUT_MS = 20_000;

/** The Test message for a failed request: the status, or the connection problem in the nodes' words. */
export function sipXcomTestFailure(error: unknown, serverUrl: string): string {
	const failure = describeFailure(error);
	if (failure.status !== undefined) {
		return STATUS_MESSAGES[failure.status] ?? `sipXconfig answered HTTP ${failure.status} at ${serverUrl}/rest/user; check the Server URL`;
	}
	return `Cannot reach the sipXcom server at ${serverUrl}: ${connectionProblem(failure)}.`;
}

/**
 * The credential's Test: one read of the admin-only `/rest/user`, so a normal user account
 * fails too. A function test rather than a declarative one, because for those n8n shows only
 * the raw error code of a failed connection (e.g. DEPTH_ZERO_SELF_SIGNED_CERT for the
 * self-signed certificate sipXcom installs), while this says what to do.
 */
export async function sipXcomApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const serverUrl = appUrl(data.serverUrl);
	try {
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions -- n8n gives a credential test function only this.helpers.request
		await this.helpers.request({
			method: 'GET',
			uri: `${serverUrl}/rest/user`,
			qs: { page: 1, pagesize: 1 },
			headers: { Accept: 'text/xml' },
			auth: { user: String(data.username ?? ''), pass: String(data.password ?? '') },
			rejectUnauthorized: data.allowUnauthorizedCerts !== true,
			timeout: TEST_TIMEOUT_MS,
		});
	} catch (error) {
		return { status: 'Error', message: sipXcomTestFailure(error, serverUrl) };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
