/**
 * Who may do what: `Authorization: Bearer <key>`; unknown key → 401, key of another domain → 401
 * ("not authorized to interact with the requested object"), key outside its scope → 403 (a
 * domain key on customer resources, a subscriber key on domain resources); the customer and
 * domain in the path (or "the magic self"); and the per-domain sliding-window rate limit → 429.
 */
import type { SandboxRequest, SandboxResponse } from '../core';
import type { CloudonixState, KeyInfo } from './store';

const RETRY_AFTER_SLACK_MS = 5;

export const json = (status: number, body?: unknown): SandboxResponse => ({ status, body });
export const failure = (status: number, message: string): SandboxResponse => json(status, { status: false, message });

export function authorise(state: CloudonixState, req: SandboxRequest, need: 'customer' | 'domain'): SandboxResponse | KeyInfo {
	const header = String(req.headers.authorization ?? '');
	const match = /^Bearer\s+(\S+)$/i.exec(header);
	if (!match) return failure(401, 'Missing or malformed Authorization header');
	const info = state.keyInfo.get(match[1]);
	if (!info) return failure(401, 'Invalid API key');
	if (info.scope === 'customer') return info;
	if (need === 'customer' || info.scope === 'subscriber') {
		return failure(403, 'The API key scope does not allow access to this resource');
	}
	return info;
}

function domainMatches({ domain }: CloudonixState, ref: string): boolean {
	return ref === domain.domain || ref === domain.uuid || ref === String(domain.id);
}

export function customerMatches({ domain }: CloudonixState, ref: string): boolean {
	return ref === 'self' || ref === String(domain.tenantId) || ref === domain.tenant.name;
}

/** Sliding-window limit per domain; every authorised request to the domain counts. */
function rateLimited(state: CloudonixState): SandboxResponse | undefined {
	const wall = Date.now();
	if (wall < state.retryNotBefore) state.earlyRetries++;
	const t = state.rateClockStepMs === undefined ? wall : (state.rateClock += state.rateClockStepMs);
	while (state.recent.length && t - state.recent[0] >= state.rateWindowMs) state.recent.shift();
	if (state.recent.length >= state.rateLimit) {
		state.rateLimited++;
		const response = failure(429, 'Too many requests');
		if (state.retryAfter !== undefined) {
			response.headers = { 'Retry-After': String(state.retryAfter) };
			// Timers and Date.now() round differently by a millisecond or two.
			state.retryNotBefore = wall + state.retryAfter * 1000 - RETRY_AFTER_SLACK_MS;
		}
		return response;
	}
	state.recent.push(t);
	return undefined;
}

/** Auth, customer/domain resolution and rate limit shared by every domain route. */
export function guard(state: CloudonixState, req: SandboxRequest, handler: () => SandboxResponse): SandboxResponse {
	const auth = authorise(state, req, 'domain');
	if ('status' in auth) return auth;
	if (!customerMatches(state, req.params.customer ?? 'self')) return failure(404, 'Customer not found');
	// "The magic self": with a domain key, `self` (or no domain at all) is the key's own domain.
	if (req.params.domain === undefined || req.params.domain === 'self') {
		if (auth.scope !== 'domain') return failure(404, 'Domain not found');
		req.params.domain = auth.domain!;
	}
	if (!domainMatches(state, req.params.domain)) {
		return auth.scope === 'customer' ? failure(404, 'Domain not found') : failure(401, 'The API key is not authorized for this domain');
	}
	if (auth.scope === 'domain' && auth.domain !== state.domain.domain) {
		return failure(401, 'The API key is not authorized for this domain');
	}
	return rateLimited(state) ?? handler();
}
