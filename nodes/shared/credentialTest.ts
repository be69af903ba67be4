import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { connectionProblem } from './errors';
import { describeFailure } from './httpFailure';

/**
 * A credential's Test in words the nodes use. n8n gives a credential test function only the
 * deprecated `helpers.request`, and shows only the raw code (ECONNREFUSED,
 * DEPTH_ZERO_SELF_SIGNED_CERT) when a declarative test cannot connect. So each credential has
 * a declarative `test` whose request carries CREDENTIAL_TEST_HEADER; its `authenticate` asks n8n
 * (with a 401-shaped error) to run `preAuthentication` first, where `helpers.httpRequest` reads
 * the same resource and words what went wrong: wrong secret, unreachable or refused address,
 * untrusted certificate, n8n's SSRF protection. Executions never send the header, so they
 * never run the check.
 */
export const CREDENTIAL_TEST_HEADER = 'x-pbx-sync-credential-test';

/** One read that proves a credential works, and what its answers mean. */
export interface CredentialCheck {
	/** What the user connects to, e.g. "the sipXcom server". */
	service: string;
	/** Where the user typed the address, e.g. "Server URL". */
	urlField: string;
	/** The address as the nodes use it; named in connection failures. */
	baseUrl: string;
	url: string;
	qs?: IDataObject;
	headers: IDataObject;
	auth?: { username: string; password: string };
	skipSslCertificateValidation: boolean;
	/** The message for each HTTP status that says something about the credential. */
	statusMessages: Record<number, string>;
}

const CHECK_TIMEOUT_MS = 20_000;

/** Credential data whose check passed for the request being sent (see needsCheck). */
const checkedJustNow = new WeakSet<ICredentialDataDecryptedObject>();

/** The Test message for a failed read: the status, or the connection problem in the nodes' words. */
export function credentialCheckFailure(error: unknown, check: CredentialCheck): string {
	const failure = describeFailure(error);
	if (failure.status !== undefined) {
		return check.statusMessages[failure.status] ?? `${check.url} answered HTTP ${failure.status}; check the ${check.urlField}`;
	}
	return `Cannot reach ${check.service} at ${check.baseUrl}: ${connectionProblem({ ...failure, url: failure.url ?? check.url })}.`;
}

/**
 * The check, for a credential's `preAuthentication`: one GET, sent once, never retried. Returns
 * the Test's message when it failed; the credential throws it as a plain Error (no HTTP status,
 * so n8n shows it as it is and asks nothing more).
 */
export async function checkConnection(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	check: CredentialCheck,
): Promise<string | undefined> {
	try {
		await this.helpers.httpRequest({
			method: 'GET',
			url: check.url,
			qs: check.qs,
			headers: check.headers,
			auth: check.auth,
			skipSslCertificateValidation: check.skipSslCertificateValidation,
			timeout: CHECK_TIMEOUT_MS,
		});
	} catch (error) {
		return credentialCheckFailure(error, check);
	}
	markChecked(credentials);
	return undefined;
}

/** Lets the Test's request through once for this credential data (see needsCheck). */
export function markChecked(credentials: ICredentialDataDecryptedObject): void {
	checkedJustNow.add(credentials);
}

/**
 * For a credential's `authenticate`: removes the Test marker (it never leaves n8n) and says
 * whether the Test's request must wait for the check. The caller then throws
 * checkNeededError(), which n8n answers as an expired credential: it runs preAuthentication
 * once and sends the request again.
 */
export function needsCheck(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): boolean {
	const headers = requestOptions.headers;
	if (headers?.[CREDENTIAL_TEST_HEADER] === undefined) return false;
	if (!checkedJustNow.has(credentials)) return true;
	delete headers[CREDENTIAL_TEST_HEADER];
	checkedJustNow.delete(credentials);
	return false;
}

/** Shaped like an HTTP 401, so n8n runs preAuthentication (the check) and retries once. */
export function checkNeededError(): Error {
	return Object.assign(new Error('The credential Test checks the connection first'), {
		response: { status: 401, statusText: 'Unauthorized', headers: {} },
	});
}
