import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { connectionProblem } from '../../shared/errors';
import { describeFailure } from '../../shared/httpFailure';
import { trimBaseUrl } from '../../shared/url';

/** The credential type of the 3CX node (credentials/ThreeCxApi.credentials.ts). */
export const CREDENTIAL_TYPE = 'threeCxApi';

/** XAPI lives under /xapi/v1 on the PBX (swagger `servers: - url: /xapi/v1`). */
export const XAPI_PATH = '/xapi/v1';

/**
 * The PBX URL without surrounding spaces, a trailing slash or a pasted `/xapi/v1` suffix. The
 * credential's token request uses it; its test request is an expression that computes the
 * same (test/compat/baseUrl.test.ts).
 */
export function threeCxBaseUrl(url: unknown): string {
	return trimBaseUrl(url).replace(/\/xapi\/v1$/i, '');
}

/** What a token belongs to (see tokenFingerprint): the PBX, the Client ID and the secret it was issued for. */
export const threeCxTokenOwner = (credentials: ICredentialDataDecryptedObject) => [
	threeCxBaseUrl(credentials.url),
	credentials.clientId,
	credentials.clientSecret,
];

/** How the token request's own failures begin (the nodes show them as they are, without retrying). */
export const TOKEN_FAILURE = ['3CX rejected the Client ID and Client Secret', 'Cannot reach the PBX at', 'The 3CX token endpoint'];

export const isTokenFailure = (message: string) => TOKEN_FAILURE.some((start) => message.startsWith(start));

/** What the credential test and the nodes show when the token request fails. */
export function tokenFailureMessage(error: unknown, url: string): string {
	const failure = describeFailure(error);
	if (failure.status === 400 || failure.status === 401) {
		return (
			`${TOKEN_FAILURE[0]}. Check the Client ID and the API key (Client Secret) of the API client ` +
			'under Admin Console → Integrations → API, that "XAPI Access Enabled" is on for it, and that no other app uses the ' +
			'same Client ID (3CX allows one active token per client).'
		);
	}
	if (failure.status !== undefined) {
		return `${TOKEN_FAILURE[2]} ${url}/connect/token answered HTTP ${failure.status}; check the PBX URL`;
	}
	// n8n's SSRF protection refused it: the message says which setting allows it; the URL is right.
	if (failure.ssrf) return `${TOKEN_FAILURE[1]} ${url}: ${connectionProblem({ ...failure, url })}.`;
	return (
		`${TOKEN_FAILURE[1]} ${url}: ${connectionProblem(failure)}. ` +
		'Check the PBX URL and port (self-hosted PBXs usually use 5001) and that no firewall blocks n8n.'
	);
}
