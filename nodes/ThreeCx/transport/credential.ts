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
