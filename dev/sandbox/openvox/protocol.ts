/**
 * How every OpenVox call is answered: a POST to `/api/v0.0.1/<name>` answered with HTTP 200 and
 * a body status of "Success" or "Failed" + errno (Yeastar S-Series v1.1.0 codes, which OpenVox
 * copies), in JSON (`type=json`) or XML (`type=xml`, `<xml>` root, `<item id="N">` lists), with
 * the token checked (and its idle timer refreshed) unless the endpoint is the login.
 */
import { createHash } from 'crypto';
import { XMLParser } from 'fast-xml-parser';

import type { SandboxRequest, SandboxResponse, SandboxServer } from '../core';
import type { OpenVoxConfig, OpenVoxSandboxState } from './store';
import { now } from './store';

export const API_PREFIX = '/api/v0.0.1';

export const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

const xmlParser = new XMLParser({ parseTagValue: false, ignoreDeclaration: true, trimValues: true });

function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The documented XML answer shape: `<xml>` root, lists as `<item id="N">`. */
export function toXml(body: Record<string, unknown>): string {
	const render = (value: unknown): string => {
		if (Array.isArray(value)) return value.map((entry, id) => `<item id="${id}">${render(entry)}</item>`).join('');
		if (value !== null && typeof value === 'object') {
			return Object.entries(value as Record<string, unknown>)
				.map(([key, entry]) => `<${key}>${render(entry)}</${key}>`)
				.join('');
		}
		return escapeXml(value === undefined || value === null ? '' : String(value));
	};
	return `<?xml version="1.0" encoding="utf-8"?>\n<xml>${render(body)}</xml>`;
}

export const formatOf = (req: SandboxRequest) => (req.query.type === 'xml' ? 'xml' : 'json');
export const answer = (req: SandboxRequest, body: Record<string, unknown>): SandboxResponse => {
	const headers = {
		'Access-control-allow-origin': '*',
		'Access-control-allow-methods': 'GET, POST, OPTIONS, PUT, DELETE',
	};
	return formatOf(req) === 'xml'
		? { status: 200, headers: { ...headers, 'Content-Type': 'text/xml; charset=utf-8' }, body: toXml(body) }
		: { status: 200, headers: { ...headers, 'Content-Type': 'application/json' }, body };
};
export const failed = (req: SandboxRequest, errno: string) => answer(req, { status: 'Failed', errno });

/** Reads a JSON or XML body (doc examples sometimes send XML with a JSON content type). */
const readBody = (req: SandboxRequest): Record<string, unknown> | undefined => {
	const text = req.text.trim();
	if (text === '') return {};
	if (text.startsWith('<')) {
		try {
			const parsed = xmlParser.parse(text) as { xml?: Record<string, unknown> | string };
			if (parsed.xml === undefined) return undefined;
			return parsed.xml === '' ? {} : (parsed.xml as Record<string, unknown>);
		} catch {
			return undefined;
		}
	}
	try {
		const parsed = JSON.parse(text) as unknown;
		return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
};

/** Checks ?token=; refreshes its idle timer. Returns an errno on failure. */
const checkToken = (state: OpenVoxSandboxState, config: OpenVoxConfig, req: SandboxRequest): string | undefined => {
	const token = req.query.token;
	if (!token) return '20005';
	const entry = state.tokens.get(token);
	if (!entry) return '20004';
	if (now(state) - entry.lastUsed > config.tokenIdleMs) {
		state.tokens.delete(token);
		return '20006';
	}
	entry.lastUsed = now(state);
	return undefined;
};

export interface OpenVoxContext {
	server: SandboxServer;
	state: OpenVoxSandboxState;
	config: OpenVoxConfig;
	/** Adds the endpoint `/api/v0.0.1/<name>`: POST only, a readable body, a live token unless `needsToken` is false. */
	endpoint(name: string, handler: Endpoint, needsToken?: boolean): void;
}

export type Endpoint = (req: SandboxRequest, body: Record<string, unknown>) => SandboxResponse;

export function createContext(server: SandboxServer, state: OpenVoxSandboxState, config: OpenVoxConfig): OpenVoxContext {
	const endpoint = (name: string, handler: Endpoint, needsToken = true) => {
		server.route('*', `${API_PREFIX}/${name}`, (req) => {
			if (req.method !== 'POST') return failed(req, '20001');
			const body = readBody(req);
			if (body === undefined) return failed(req, formatOf(req) === 'xml' ? '10002' : '30001');
			if (needsToken) {
				const errno = checkToken(state, config, req);
				if (errno) return failed(req, errno);
			}
			return handler(req, body);
		});
	};
	return { server, state, config, endpoint };
}
