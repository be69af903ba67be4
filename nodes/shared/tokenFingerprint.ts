import { createHmac } from 'crypto';

/**
 * Binds a stored token to the credential data that obtained it (URL, client ID or username,
 * secret). n8n reuses a stored token, in a credential test too, and logs in again only when
 * the token field is empty or a request answered 401; without this, a token obtained with the
 * old secret would pass the test of a wrong new one, and an edited URL would receive the token
 * meant for the old server. Keyed with the token, so the stored value reveals nothing about
 * the secret without it.
 */
export function tokenFingerprint(token: string, credentialData: unknown[]): string {
	return createHmac('sha256', token)
		.update(JSON.stringify(credentialData.map((value) => String(value ?? ''))))
		.digest('hex');
}

/**
 * Thrown by a credential's `authenticate` for a token that belongs to other credential data
 * (or was stored before fingerprints existed). It is shaped like an HTTP 401 so that n8n
 * answers it as it answers an expired token: it runs preAuthentication once with the current
 * data and sends the request with the new token. No request leaves with the old token.
 */
export function foreignTokenError(): Error {
	return Object.assign(new Error('The stored token was obtained with other credential data; a new one is needed'), {
		response: { status: 401, statusText: 'Unauthorized', headers: {} },
	});
}
