import type { ICredentialTestFunctions, IDataObject, INodeCredentialTestResult } from 'n8n-workflow';

import { connectionProblem } from './errors';
import { describeFailure } from './httpFailure';

/** One read that proves a credential works, and what its answers mean. */
export interface CredentialTestRead {
	/** What the user connects to, e.g. "the sipXcom server". */
	service: string;
	/** Where the user typed the address, e.g. "Server URL". */
	urlField: string;
	/** The address as the nodes use it; named in connection failures. */
	baseUrl: string;
	url: string;
	qs?: IDataObject;
	headers: IDataObject;
	auth?: { user: string; pass: string };
	allowUnauthorizedCerts: boolean;
	/** The message for each HTTP status that says something about the credential. */
	statusMessages: Record<number, string>;
}

const TEST_TIMEOUT_MS = 20_000;

/** The Test message for a failed read: the status, or the connection problem in the nodes' words. */
export function credentialTestFailure(error: unknown, read: CredentialTestRead): string {
	const failure = describeFailure(error);
	if (failure.status !== undefined) {
		return read.statusMessages[failure.status] ?? `${read.url} answered HTTP ${failure.status}; check the ${read.urlField}`;
	}
	return `Cannot reach ${read.service} at ${read.baseUrl}: ${connectionProblem(failure)}.`;
}

/**
 * A credential Test as a function (a node's `testedBy`), for credentials without a token: for
 * a declarative test n8n shows only the raw code of a failed connection (e.g.
 * DEPTH_ZERO_SELF_SIGNED_CERT or ECONNREFUSED), while this says what it means and what to do,
 * with the words the nodes use. Sent once, never retried.
 */
export async function credentialTestRead(
	this: ICredentialTestFunctions,
	read: CredentialTestRead,
): Promise<INodeCredentialTestResult> {
	try {
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions -- n8n gives a credential test function only this.helpers.request
		await this.helpers.request({
			method: 'GET',
			uri: read.url,
			qs: read.qs,
			headers: read.headers,
			auth: read.auth,
			rejectUnauthorized: !read.allowUnauthorizedCerts,
			timeout: TEST_TIMEOUT_MS,
		});
	} catch (error) {
		return { status: 'Error', message: credentialTestFailure(error, read) };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
