import { trimBaseUrl } from '../../shared/url';

/** The credential type of the sipXcom node (credentials/SipXcomApi.credentials.ts). */
export const CREDENTIAL_TYPE = 'sipXcomApi';

/**
 * `https://pbx.example.com`, `https://pbx.example.com/` or `…/sipxconfig` → `https://pbx.example.com/sipxconfig`.
 * The credential's test request is an expression that computes the same (test/compat/baseUrl.test.ts).
 */
export function appUrl(serverUrl: unknown): string {
	const base = trimBaseUrl(serverUrl).replace(/\/sipxconfig$/i, '');
	return `${base}/sipxconfig`;
}
