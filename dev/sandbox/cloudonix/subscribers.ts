/**
 * The subscriber resource as SPEC25 (cloudonix-openapi.yaml) and DOCS describe it, under every
 * documented spelling of its path:
 * - List → plain JSON array, or 404 "No subscribers found" when the domain has none.
 * - Create → 200 with the object (not 201); the create body has no `active`, so new
 *   subscribers are always active. Duplicate MSISDN → 409 `{status:false,message}` (the real
 *   answer is UNCONFIRMED; the node also recognises 400/500 with an "exists" message).
 * - Update → PUT, partial; `profile` is REPLACED (merge/replace is UNCONFIRMED, the sandbox
 *   takes the harsher reading); booleans sent as strings → 400 (SPEC25's example of a 400).
 * - Delete → 204; unknown id → 404.
 * - `{subscriber-id}` accepts an id or an MSISDN; a numeric value that is an id wins (the
 *   real precedence is UNCONFIRMED; this is the case that can fool a client).
 */
import type { SandboxServer } from '../core';
import { authorise, customerMatches, failure, guard, json } from './access';
import type { CloudonixState } from './store';
import { add, byMsisdn, lookup, now, view } from './store';

export function subscriberRoutes(server: SandboxServer, state: CloudonixState): void {
	function readPassword(body: Record<string, unknown>): unknown {
		return body.sipPassword !== undefined ? body.sipPassword : body['sip-password'];
	}

	const base = '/customers/:customer/domains/:domain';
	/**
	 * SPEC25's explicit path `/customers/{customer-id}/domains/{domain-id}/subscribers[/{subscriber-id}]`
	 * and the other spellings Cloudonix documents for the same resource: SPEC25's intro gives
	 * `/customer/{id}/domain/{id}/{resource}`, `/domain/{id}/{resource}`, and for a domain key
	 * `/domain/self/{resource}` and `/{resource}`; DOCS add `/tenants/{name}/domains/{domain}/…`
	 * and `/domains/{domain}/…`. The intro's resource names are singular, the paths plural.
	 */
	const domainPrefix = '(?:(?:/(?:customers?|tenants)/(?<customer>[^/]+))?/domains?/(?<domain>[^/]+))?';
	const subscribers = new RegExp(`^${domainPrefix}/subscribers?/?$`);
	const subscriber = new RegExp(`^${domainPrefix}/subscribers?/(?<subscriber>[^/]+)/?$`);

	server.route('GET', '/customers/:customer', (req) => {
		const auth = authorise(state, req, 'customer');
		if ('status' in auth) return auth;
		return customerMatches(state, req.params.customer) ? json(200, state.domain.tenant) : failure(404, 'Customer not found');
	});

	server.route('GET', base, (req) => guard(state, req, () => json(200, state.domain)));

	server.route('GET', subscribers, (req) =>
		guard(state, req, () =>
			state.subscribers.size ? json(200, [...state.subscribers.values()].map((sub) => view(state, sub))) : failure(404, 'No subscribers found'),
		),
	);

	server.route('POST', subscribers, (req) =>
		guard(state, req, () => {
			const body = req.body as Record<string, unknown> | undefined;
			if (!body || typeof body !== 'object' || Array.isArray(body)) return failure(400, 'Request body must be a JSON object');
			const { profile } = body;
			// SPEC25 types msisdn as a string, yet its own example (12127773456) is a YAML number;
			// the sandbox takes both and stores the string.
			const msisdn = typeof body.msisdn === 'number' && Number.isSafeInteger(body.msisdn) ? String(body.msisdn) : body.msisdn;
			const password = readPassword(body);
			if (typeof msisdn !== 'string' || msisdn.trim() === '') return failure(400, 'msisdn is required and must be a string');
			if (typeof password !== 'string' || password === '') return failure(400, 'sipPassword is required and must be a string');
			if (profile !== undefined && (profile === null || typeof profile !== 'object' || Array.isArray(profile))) {
				return failure(400, 'profile must be an object');
			}
			if (byMsisdn(state, msisdn)) {
				state.duplicateRejections++;
				return failure(409, `Subscriber with msisdn ${msisdn} already exists`);
			}
			state.createsByMsisdn.set(msisdn, (state.createsByMsisdn.get(msisdn) ?? 0) + 1);
			return json(200, view(state, add(state, msisdn, password, (profile as Record<string, unknown>) ?? {})));
		}),
	);

	server.route('GET', subscriber, (req) =>
		guard(state, req, () => {
			const sub = lookup(state, req.params.subscriber);
			return sub ? json(200, view(state, sub)) : failure(404, 'No subscribers found');
		}),
	);

	server.route('PUT', subscriber, (req) =>
		guard(state, req, () => {
			const sub = lookup(state, req.params.subscriber);
			if (!sub) return failure(404, 'Subscriber not found');
			const body = req.body as Record<string, unknown> | undefined;
			if (!body || typeof body !== 'object' || Array.isArray(body)) return failure(400, 'Request body must be a JSON object');
			// SPEC25's update body is the whole subscriberObject, readOnly fields included (id, domainId,
			// uuid, createdAt, modifiedAt, deletedAt): they are ignored, as OpenAPI readOnly means.
			if (body.msisdn !== undefined && String(body.msisdn) !== sub.msisdn) return failure(400, 'msisdn can not be changed');
			if (body.active !== undefined && typeof body.active !== 'boolean') return failure(400, 'active must be a boolean');
			const password = readPassword(body);
			if (password !== undefined && (typeof password !== 'string' || password === '')) {
				return failure(400, 'sipPassword must be a non-empty string');
			}
			if (body.profile !== undefined && (body.profile === null || typeof body.profile !== 'object' || Array.isArray(body.profile))) {
				return failure(400, 'profile must be an object');
			}
			if (typeof body.active === 'boolean') sub.active = body.active;
			if (typeof password === 'string') sub.sipPassword = password;
			if (body.profile !== undefined) sub.profile = { ...(body.profile as Record<string, unknown>) };
			sub.modifiedAt = now();
			return json(200, view(state, sub));
		}),
	);

	server.route('DELETE', subscriber, (req) =>
		guard(state, req, () => {
			const sub = lookup(state, req.params.subscriber);
			if (!sub) return failure(404, 'Subscriber not Found');
			state.subscribers.delete(sub.id);
			return { status: 204 };
		}),
	);
}
