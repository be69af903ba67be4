import { trimBaseUrl } from '../../shared/url';

/** The credential type of the Cloudonix node (credentials/CloudonixApi.credentials.ts). */
export const CREDENTIAL_TYPE = 'cloudonixApi';

/** Cloudonix's production API; staging is https://api.staging.cloudonix.io. */
export const DEFAULT_BASE_URL = 'https://api.cloudonix.io';

/**
 * The credential's API Base URL without spaces or trailing slashes, production when empty. The
 * credential's test request is an expression that computes the same (test/compat/baseUrl.test.ts).
 */
export function cloudonixBaseUrl(url: unknown): string {
	return trimBaseUrl(url) || DEFAULT_BASE_URL;
}
