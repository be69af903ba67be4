/**
 * A credential's base URL as the user typed it, without surrounding spaces or trailing
 * slashes (`' http://pbx:9011/ '` → `'http://pbx:9011'`), so paths can be appended with `/`.
 * Vendor suffixes a user may paste (3CX `/xapi/v1`, sipXcom `/sipxconfig`) are the vendor's business.
 */
export function trimBaseUrl(url: unknown): string {
	return String(url ?? '')
		.trim()
		.replace(/\/+$/, '');
}
