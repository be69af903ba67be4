import { createHmac } from 'crypto';

/** The credential data a fingerprint covers, as text. */
const ownerValues = (credentialData: unknown[]) => credentialData.map((value) => String(value ?? ''));

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
		.update(JSON.stringify(ownerValues(credentialData)))
		.digest('hex');
}

interface CheckedFingerprint {
	token: string;
	fingerprint: string;
	owner: string[];
}

/**
 * The fingerprint check that passed last for a credential data object, with what it checked.
 * Keyed by the object, so an entry lives only as long as the object that n8n (or, for a node
 * run's requests, the shared transport) hands to `authenticate`; it never crosses executions,
 * and it holds only values that the object itself holds.
 */
const checked = new WeakMap<object, CheckedFingerprint>();

/**
 * Whether `fingerprint` is the fingerprint of `token` for `credentialData`, for a credential's
 * `authenticate`. The HMAC runs once per credential data object and token: a node run hands the
 * same object to every request (nodes/shared/transport.ts), and any change to the token, the
 * fingerprint or the data checks again.
 */
export function fingerprintMatches(credentials: object, token: string, fingerprint: unknown, credentialData: unknown[]): boolean {
	if (token === '' || typeof fingerprint !== 'string') return false;
	const owner = ownerValues(credentialData);
	const last = checked.get(credentials);
	if (
		last !== undefined &&
		last.token === token &&
		last.fingerprint === fingerprint &&
		last.owner.length === owner.length &&
		last.owner.every((value, index) => value === owner[index])
	) {
		return true;
	}
	if (fingerprint !== tokenFingerprint(token, owner)) return false;
	checked.set(credentials, { token, fingerprint, owner });
	return true;
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
