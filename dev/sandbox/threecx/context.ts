/**
 * What every 3CX entity module builds on: the store, the server, XAPI routes behind the
 * bearer token, OData collection answers and the OData error body
 * `{"error":{"code":"","message","details":[{code,message,target}]}}`.
 */
import type { Handler, SandboxRequest, SandboxResponse, SandboxServer } from '../core';
import type { EntitySet } from './odata';
import { applyQuery, ODataError } from './odata';
import type { ThreeCxState, ThreeCxUser } from './store';
import { authorised } from './token';

export interface ThreeCxContext {
	server: SandboxServer;
	state: ThreeCxState;
	/** Adds an XAPI route (a string pattern is under /xapi/v1): 401 without a valid token, a thrown ODataError answers 400. */
	api(method: string, pattern: string | RegExp, handler: (req: SandboxRequest) => SandboxResponse): void;
	/** An OData collection answer: the query applied to `rows`, `$top` capped at `maxTop`. */
	collection(set: EntitySet, rows: Array<Record<string, unknown>>, req: SandboxRequest, context: string, maxTop?: number): SandboxResponse;
}

export function createContext(server: SandboxServer, state: ThreeCxState): ThreeCxContext {
	const api = (method: string, pattern: string | RegExp, handler: (req: SandboxRequest) => SandboxResponse) => {
		const guarded: Handler = (req) => {
			if (!authorised(state, req)) return { status: 401, body: '' };
			try {
				return handler(req);
			} catch (error) {
				if (error instanceof ODataError) return odataError(400, error.message);
				throw error;
			}
		};
		server.route(method, typeof pattern === 'string' ? `/xapi/v1${pattern}` : pattern, guarded);
	};
	const collection = (set: EntitySet, rows: Array<Record<string, unknown>>, req: SandboxRequest, context: string, maxTop = 100): SandboxResponse => {
		const query = { ...req.query };
		if (query.$top === undefined && state.options.defaultPageSize !== undefined) query.$top = String(state.options.defaultPageSize);
		const result = applyQuery(set, rows, query, { maxTop });
		const body: Record<string, unknown> = { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#${context}` };
		if (result.count !== undefined) body['@odata.count'] = result.count;
		body.value = result.rows;
		return { status: 200, body };
	};
	return { server, state, api, collection };
}

export function odataError(status: number, message: string, details: Array<{ message: string; target?: string }> = []): SandboxResponse {
	return {
		status,
		body: {
			error: { code: '', message, details: details.map((d) => ({ code: '', message: d.message, target: d.target ?? null })) },
		},
	};
}

/** `$select` and `$expand` of a request for one entity, checked against the entity set. */
export function projection(set: EntitySet, req: SandboxRequest): { select: string[]; expand: string[] } {
	const list = (value: string | undefined) => (value ?? '').split(',').map((v) => v.trim()).filter(Boolean);
	const select = list(req.query.$select);
	const expand = list(req.query.$expand);
	const unknown = [...select.filter((name) => !(name in set.schema)), ...expand.filter((name) => !set.navigation.includes(name.replace(/\(.*\)$/, '')))];
	if (unknown.length) {
		throw new ODataError(`The query specified in the URI is not valid. Could not find a property named '${unknown[0]}' on type 'Pbx.${set.entity}'.`);
	}
	return { select, expand };
}

export function validation(target: string, warning: string): SandboxResponse {
	return odataError(400, `${target}:\n${warning}`, [{ message: warning, target }]);
}

/** 404 with the PBX's not-found warning on `target`. */
export const notFound = (target: string): SandboxResponse =>
	odataError(404, 'WARNINGS.XAPI.NOT_FOUND', [{ message: 'WARNINGS.XAPI.NOT_FOUND', target }]);

/** The `ids` of a Pbx action body (Collection(Edm.Int32)). */
export const idList = (req: SandboxRequest): number[] | SandboxResponse => {
	const body = req.body as { ids?: unknown } | undefined;
	if (!body || typeof body !== 'object') return odataError(400, 'The request body is required.');
	if (!('ids' in body)) return validation('ids', 'WARNINGS.XAPI.REQUIRED');
	const ids = body.ids;
	if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'number' || !Number.isInteger(id))) {
		return odataError(400, "The parameter 'ids' is of type 'Collection(Edm.Int32)' and cannot be converted from the value sent.");
	}
	return ids as number[];
};

export const isResponse = (value: unknown): value is SandboxResponse => !!value && typeof value === 'object' && 'status' in value && typeof (value as SandboxResponse).status === 'number';

/** A path under one user, `Users({Id})/<sub>` (functions, actions, navigation collections). */
export const userSub = (sub: string) => new RegExp(`^/xapi/v1/Users\\((?<key>[^/()]*)\\)/${sub.replace(/[.()]/g, '\\$&')}$`);

export const userById = (state: ThreeCxState, key: string): ThreeCxUser | SandboxResponse => {
	if (!/^-?\d+$/.test(key)) return odataError(400, `The key value '${key}' is not a valid value for type 'Edm.Int32'.`);
	return state.users.get(Number(key)) ?? notFound('Id');
};

export const isUser = (value: ThreeCxUser | SandboxResponse): value is ThreeCxUser => 'Id' in value;
