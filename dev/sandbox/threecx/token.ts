/**
 * Connecting: the OAuth2 client-credentials token endpoint (one active token per client, real
 * expiry, `expires_in` in seconds or minutes), the check every XAPI route makes, and the Defs
 * probe that answers the PBX version.
 */
import type { SandboxRequest } from '../core';
import type { ThreeCxContext } from './context';
import type { ThreeCxState } from './store';

/** The text fields of a multipart/form-data body, or undefined for any other content type. */
function multipartFields(req: SandboxRequest): Record<string, string> | undefined {
	const boundary = /^multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;]+))/i.exec(req.headers['content-type'] ?? '');
	if (!boundary) return undefined;
	const fields: Record<string, string> = {};
	for (const part of req.text.split(`--${boundary[1] ?? boundary[2]}`)) {
		const split = part.indexOf('\r\n\r\n');
		if (split < 0) continue;
		const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(part.slice(0, split));
		if (name) fields[name[1]] = part.slice(split + 4).replace(/\r\n$/, '');
	}
	return fields;
}

export function tokenRoutes({ server, state, api }: ThreeCxContext): void {
	// The token endpoint is at the host root, not under /xapi/v1.
	server.route('POST', '/connect/token', (req) => {
		// 3CX documents the urlencoded form; its own tutorial (3cx/xapi-tutorial auth.ts) posts a
		// FormData, which fetch sends as multipart/form-data, and live PBXs accept it. Both are read.
		const form = (multipartFields(req) ?? req.body ?? {}) as Record<string, string>;
		if (!form.client_id || !form.client_secret || form.grant_type !== 'client_credentials') {
			return { status: 400, body: { error: 'invalid_request', error_description: 'The mandatory client_id, client_secret or grant_type parameter is missing.' } };
		}
		if (form.client_id !== state.options.clientId || form.client_secret !== state.options.clientSecret) {
			return { status: 401, body: { error: 'unauthorized', error_description: 'The request requires valid user authentication.' } };
		}
		const token = `xapi-${++state.tokensIssued}-${Math.random().toString(36).slice(2, 12)}`;
		// One active token per client: a new token replaces (revokes) the previous one.
		state.tokens.set(form.client_id, { token, expiresAt: Date.now() + state.options.tokenLifetimeSeconds * 1000 });
		const lifetime = state.options.tokenLifetimeSeconds;
		const expiresIn = state.options.expiresInUnit === 'minutes' ? Math.max(1, Math.round(lifetime / 60)) : lifetime;
		return { status: 200, body: { token_type: 'Bearer', expires_in: expiresIn, access_token: token, refresh_token: null } };
	});

	// The connectivity probe.
	api('GET', '/Defs', (req) => {
		const select = (req.query.$select ?? '').split(',').filter(Boolean);
		const defs: Record<string, unknown> = { Id: 1, Codecs: [], TimeZones: [] };
		const body: Record<string, unknown> = { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#Defs` };
		for (const key of select.length ? select : Object.keys(defs)) body[key] = defs[key];
		return { status: 200, headers: { 'X-3CX-Version': state.options.version }, body };
	});
}

/** Whether the request carries a live token (and counts it against `expireAfterRequests`). */
export function authorised(state: ThreeCxState, req: SandboxRequest): boolean {
	if (state.rejectAllTokens) return false;
	const presented = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
	const now = Date.now();
	const valid = [...state.tokens.values()].some((t) => t.token === presented && t.expiresAt > now);
	if (!valid) return false;
	if (state.expireAfterRequests !== undefined) {
		if (state.expireAfterRequests <= 0) {
			state.tokens.clear();
			state.expireAfterRequests = undefined;
			return false;
		}
		state.expireAfterRequests--;
	}
	return true;
}

/** Expire every token now (as if its lifetime ran out). */
export function expireTokens(state: ThreeCxState): void {
	for (const entry of state.tokens.values()) entry.expiresAt = 0;
}
