import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { trimBaseUrl } from '../../shared/url';

/** The credential type of the OpenVox node (credentials/OpenVoxApi.credentials.ts). */
export const CREDENTIAL_TYPE = 'openVoxApi';

/** Every endpoint, the login included, lives under this path of the PBX API port. */
export const OPENVOX_API_PREFIX = '/api/v0.0.1';

/**
 * `http://pbx:9011/` → `http://pbx:9011`. The credential's login uses it; its test request is
 * an expression that computes the same (test/compat/baseUrl.test.ts).
 */
export function openVoxBaseUrl(url: unknown): string {
	return trimBaseUrl(url);
}

/** What a token belongs to (see tokenFingerprint): the PBX and the API user it was issued for. */
export const openVoxTokenOwner = (credentials: ICredentialDataDecryptedObject) => [
	openVoxBaseUrl(credentials.url),
	credentials.username,
	credentials.password,
];
