/**
 * What the sipXcom modules share: HTTP Basic for the admin (a normal user is refused on the admin
 * APIs with 401, as sipXconfig does), routes behind it, and small readers for parsed XML.
 */
import { XMLBuilder } from 'fast-xml-parser';

import type { SandboxRequest, SandboxResponse, SandboxServer } from '../core';
import type { SipXcomState } from './store';
import { REALM } from './store';

export const SIPXCOM_ADMIN = { username: 'superadmin', password: 'Sup3r&Secret!' };
export const SIPXCOM_NON_ADMIN = { username: '201', password: 'user-201-pass' };

/** Where sipXconfig serves its APIs. */
export const BASE = '/sipxconfig';

export interface SipXcomContext {
	server: SandboxServer;
	state: SipXcomState;
	/** Adds a route only the admin may use. */
	route(method: string, pattern: string | RegExp, handler: (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>): void;
}

export function createContext(server: SandboxServer, state: SipXcomState): SipXcomContext {
	const route: SipXcomContext['route'] = (method, pattern, handler) => {
		server.route(method, pattern, async (req) => refuse(req) ?? (await handler(req)));
	};
	return { server, state, route };
}

/** Returns a 401 answer for anyone but the admin, else undefined. */
const refuse = (req: SandboxRequest): SandboxResponse | undefined => {
	const header = req.headers.authorization ?? '';
	const decoded = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : '';
	const sep = decoded.indexOf(':');
	const username = sep >= 0 ? decoded.slice(0, sep) : '';
	const password = sep >= 0 ? decoded.slice(sep + 1) : '';
	if (username === SIPXCOM_ADMIN.username && password === SIPXCOM_ADMIN.password) return undefined;
	const isUser = username === SIPXCOM_NON_ADMIN.username && password === SIPXCOM_NON_ADMIN.password;
	return {
		status: 401,
		headers: { 'WWW-Authenticate': `Basic realm="${REALM}"`, 'Content-Type': 'text/html;charset=utf-8' },
		body: `<html><head><title>Error 401</title></head><body><h2>HTTP ERROR 401</h2><p>${
			isUser ? 'Access is denied' : 'Bad credentials'
		}</p></body></html>`,
	};
};

/** Compact XML with attributes, as RestUtilities and Axis write it. */
export const compact = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: false, suppressBooleanAttributes: false });

export type Obj = Record<string, unknown>;
export const obj = (v: unknown): Obj | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v]);
export const str = (v: unknown): string | undefined => (v === undefined || v === null || typeof v === 'object' ? undefined : String(v));

export const isResponse = (v: unknown): v is SandboxResponse => !!v && typeof v === 'object' && 'status' in v;
