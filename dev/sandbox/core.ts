/**
 * A small framework for loopback vendor sandboxes: real HTTP(S) on 127.0.0.1 with an
 * ephemeral (or fixed) port, a router, a request log, fault injection, and hooks that run test
 * code while a request is in flight. Vendor sandboxes add their routes on top; tests, the demo
 * and `npm run sandbox` share them.
 */
import { readFileSync } from 'fs';
import * as http from 'http';
import * as https from 'https';
import type { AddressInfo, Socket } from 'net';
import { join } from 'path';

export type Query = Record<string, string>;

export interface SandboxRequest {
	method: string;
	/** Path without the query string, percent-decoded. */
	path: string;
	/** Path as sent, before decoding (OData keys such as `Users(Number='1')` need it). */
	rawPath: string;
	query: Query;
	/** Every value of repeated query parameters. */
	queryAll: Record<string, string[]>;
	headers: http.IncomingHttpHeaders;
	rawBody: Buffer;
	/** The body as text. */
	text: string;
	/** JSON or form bodies parsed; otherwise undefined. */
	body: unknown;
	/** Path parameters captured by the route pattern. */
	params: Record<string, string>;
}

export interface SandboxResponse {
	status: number;
	headers?: Record<string, string>;
	/** Objects are sent as JSON; strings and buffers as they are. */
	body?: unknown;
}

export type Handler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

export interface Fault {
	/** Only requests with this method (default any). */
	method?: string;
	/** Only requests whose path contains this string or matches this expression. */
	path?: string | RegExp;
	/** Skip this many matching requests before the fault starts (default 0). */
	after?: number;
	/** How many matching requests the fault affects (default 1). */
	times?: number;
	/** Answer with this status instead of handling the request. */
	status?: number;
	/** Retry-After header to send with the status. */
	retryAfter?: string | number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Destroy the socket without an answer. */
	drop?: boolean;
	/** Handle the request normally (its effect is applied), then destroy the socket without the answer. */
	dropAfterHandling?: boolean;
	/** Wait this long first; combined with no status, the request is then handled normally. */
	delayMs?: number;
	/** Accept the request and never answer (the socket stays open until the client gives up or the server stops). */
	stall?: boolean;
	/**
	 * Answer HTTP 500 with the request reflected as plain text: request line with the raw query,
	 * every header (Authorization included) and the raw body, as careless servers and proxies do.
	 */
	echo?: boolean;
}

/**
 * Test code that runs while a request the vendor logic handles is in flight: the PBX changing
 * under a client (another writer, an admin in the console). Matching works like a Fault's, but
 * counts only requests that reach the vendor logic (not those a fault answered).
 */
export interface Hook {
	/** Only requests with this method (default any). */
	method?: string;
	/** Only requests whose path contains this string or matches this expression. */
	path?: string | RegExp;
	/** Only requests this accepts, e.g. `(req) => req.query.$skip === '100'` for a second page. */
	when?: (req: SandboxRequest) => boolean;
	/** Skip this many matching requests before the hook starts (default 0). */
	after?: number;
	/** How many matching requests run the hook (default 1; `Infinity` for all). */
	times?: number;
	/** Runs before the vendor logic handles the request: what it reads or writes already sees the change. */
	before?: (req: SandboxRequest) => void | Promise<void>;
	/**
	 * Runs after the vendor logic handled the request, before the answer is sent: the request's
	 * effect is applied, then the change lands before the client reads the answer. It may change `res`.
	 */
	beforeAnswer?: (req: SandboxRequest, res: SandboxResponse) => void | Promise<void>;
}

/** A hook as set: how often it ran, and a way to remove it early. */
export interface HookHandle {
	readonly ran: number;
	remove(): void;
}

/** A web page answering instead of the vendor, e.g. `htmlPage(200, 'Maintenance')` or a proxy's 404. */
export function htmlPage(status: number, title: string): Fault {
	return {
		status,
		headers: { 'Content-Type': 'text/html; charset=utf-8' },
		body: `<html><head><title>${title}</title></head><body><h1>${title}</h1><p>Please try again later.</p></body></html>`,
	};
}

/** Hosts a sandbox may listen on: it stays on this machine. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

export interface LoggedRequest {
	method: string;
	path: string;
	query: Query;
	headers: http.IncomingHttpHeaders;
	text: string;
	status: number | 'dropped' | 'stalled';
	/** Whether an injected fault answered instead of the vendor logic. */
	faulted: boolean;
	/** When the request arrived (ms since epoch), e.g. to check a rate limit over a run. */
	at: number;
}

interface Route {
	method: string;
	pattern: RegExp;
	names: string[];
	handler: Handler;
}

interface ActiveFault extends Fault {
	seen: number;
	used: number;
}

interface ActiveHook extends Hook {
	seen: number;
	ran: number;
}

/** Whether a fault or hook applies to a request by method and path. */
function matches(filter: { method?: string; path?: string | RegExp }, method: string, path: string): boolean {
	if (filter.method && filter.method.toUpperCase() !== method) return false;
	return !filter.path || (typeof filter.path === 'string' ? path.includes(filter.path) : filter.path.test(path));
}

/**
 * The committed self-signed test certificate for 127.0.0.1/localhost (see tls/README.md): what a
 * PBX with its factory certificate looks like to a client.
 */
export const SANDBOX_TLS = {
	key: readFileSync(join(__dirname, 'tls', 'key.pem')),
	cert: readFileSync(join(__dirname, 'tls', 'cert.pem')),
};

export interface SandboxOptions {
	/** Serve HTTPS with this key and certificate. */
	tls?: { key: string | Buffer; cert: string | Buffer };
}

function compile(pattern: string): { regex: RegExp; names: string[] } {
	const names: string[] = [];
	const source = pattern
		.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
		.replace(/:(\w+)/g, (_, name: string) => {
			names.push(name);
			return '([^/]+)';
		});
	return { regex: new RegExp(`^${source}/?$`), names };
}

function parseBody(text: string, contentType: string | undefined): unknown {
	if (!text) return undefined;
	if (contentType?.includes('application/json')) {
		try {
			return JSON.parse(text);
		} catch {
			return undefined;
		}
	}
	if (contentType?.includes('application/x-www-form-urlencoded')) {
		return Object.fromEntries(new URLSearchParams(text));
	}
	return undefined;
}

export class SandboxServer {
	readonly requests: LoggedRequest[] = [];
	private readonly routes: Route[] = [];
	private faults: ActiveFault[] = [];
	private hooks: ActiveHook[] = [];
	private server?: http.Server;
	private readonly sockets = new Set<Socket>();
	private notFoundHandler: Handler = (req) => ({ status: 404, body: { message: `No route for ${req.method} ${req.path}` } });
	baseUrl = '';

	constructor(
		readonly name: string,
		private readonly options: SandboxOptions = {},
	) {}

	/** Adds a route; `pattern` is a path with `:name` segments or a regular expression. */
	route(method: string, pattern: string | RegExp, handler: Handler): this {
		const compiled = typeof pattern === 'string' ? compile(pattern) : { regex: pattern, names: [] };
		this.routes.push({ method: method.toUpperCase(), pattern: compiled.regex, names: compiled.names, handler });
		return this;
	}

	notFound(handler: Handler): this {
		this.notFoundHandler = handler;
		return this;
	}

	injectFault(fault: Fault): this {
		this.faults.push({ ...fault, seen: 0, used: 0 });
		return this;
	}

	clearFaults(): void {
		this.faults = [];
	}

	/** Runs test code while matching requests are in flight (see Hook); stays until it ran `times` times or is removed. */
	hook(hook: Hook): HookHandle {
		const active: ActiveHook = { ...hook, seen: 0, ran: 0 };
		this.hooks.push(active);
		return {
			get ran() {
				return active.ran;
			},
			remove: () => {
				this.hooks = this.hooks.filter((h) => h !== active);
			},
		};
	}

	clearHooks(): void {
		this.hooks = [];
	}

	clearLog(): void {
		this.requests.length = 0;
	}

	/** Requests matching a method and path fragment, for assertions. */
	count(method: string, path: string | RegExp = ''): number {
		return this.requests.filter(
			(r) => r.method === method.toUpperCase() && (typeof path === 'string' ? r.path.includes(path) : path.test(r.path)),
		).length;
	}

	/**
	 * Listens on `host` (loopback unless `beyondLoopback` is set: only `npm run sandbox -- --host`
	 * asks for that, since the sandboxes' credentials are public).
	 */
	async start(port = 0, host = '127.0.0.1', { beyondLoopback = false } = {}): Promise<string> {
		if (!beyondLoopback && !LOOPBACK_HOSTS.has(host)) throw new Error(`Sandboxes listen on loopback only, not on ${host}`);
		const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
			void this.handle(req, res);
		};
		this.server = this.options.tls
			? https.createServer({ key: this.options.tls.key, cert: this.options.tls.cert }, listener)
			: http.createServer(listener);
		this.server.on('connection', (socket: Socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		this.server.on('secureConnection', (socket: Socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		try {
			await new Promise<void>((resolve, reject) => {
				this.server!.once('error', reject);
				this.server!.listen(port, host, () => resolve());
			});
		} catch (error) {
			this.server = undefined; // never listened: nothing for stop() to close
			throw error;
		}
		const address = this.server.address() as AddressInfo;
		this.baseUrl = `${this.options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
		return this.baseUrl;
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}

	private takeFault(method: string, path: string): ActiveFault | undefined {
		for (const fault of this.faults) {
			if (!matches(fault, method, path)) continue;
			fault.seen++;
			if (fault.seen <= (fault.after ?? 0)) continue;
			if (fault.used >= (fault.times ?? 1)) continue;
			fault.used++;
			return fault;
		}
		return undefined;
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const url = new URL(req.url ?? '/', 'http://sandbox');
		const method = (req.method ?? 'GET').toUpperCase();
		let path: string;
		try {
			path = decodeURIComponent(url.pathname);
		} catch {
			path = url.pathname;
		}
		const query: Query = {};
		const queryAll: Record<string, string[]> = {};
		for (const [key, value] of url.searchParams) {
			query[key] = value;
			(queryAll[key] = queryAll[key] ?? []).push(value);
		}
		const text = rawBody.toString('utf8');
		const entry: LoggedRequest = { method, path, query, headers: req.headers, text, status: 0, faulted: false, at: Date.now() };
		this.requests.push(entry);

		const fault = this.takeFault(method, path);
		if (fault?.stall) {
			entry.status = 'stalled';
			entry.faulted = true;
			return;
		}
		if (fault?.echo) {
			entry.status = 500;
			entry.faulted = true;
			const headerLines = Object.entries(req.headers).map(([name, value]) => `${name}: ${String(value)}`);
			this.send(res, { status: 500, body: `Internal error while handling\n${method} ${req.url}\n${headerLines.join('\n')}\n\n${text}` });
			return;
		}
		if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
		if (fault?.drop) {
			entry.status = 'dropped';
			entry.faulted = true;
			req.socket.destroy();
			return;
		}
		let response: SandboxResponse;
		if (fault?.dropAfterHandling) {
			await this.handleWithHooks(this.sandboxRequest(req, method, path, url, query, queryAll, rawBody, text));
			entry.status = 'dropped';
			entry.faulted = true;
			req.socket.destroy();
			return;
		}
		if (fault?.status) {
			entry.faulted = true;
			const headers: Record<string, string> = { ...(fault.headers ?? {}) };
			if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
			response = { status: fault.status, headers, body: fault.body ?? { message: `Injected ${fault.status}` } };
		} else {
			response = await this.handleWithHooks(this.sandboxRequest(req, method, path, url, query, queryAll, rawBody, text));
		}
		entry.status = response.status;
		this.send(res, response);
	}

	private sandboxRequest(
		req: http.IncomingMessage,
		method: string,
		path: string,
		url: URL,
		query: Query,
		queryAll: Record<string, string[]>,
		rawBody: Buffer,
		text: string,
	): SandboxRequest {
		return {
			method,
			path,
			rawPath: url.pathname,
			query,
			queryAll,
			headers: req.headers,
			rawBody,
			text,
			body: parseBody(text, req.headers['content-type']),
			params: {},
		};
	}

	/** The vendor logic's answer, with the hooks that match run before it and before it is sent. */
	private async handleWithHooks(request: SandboxRequest): Promise<SandboxResponse> {
		const due = this.hooks.filter((hook) => {
			if (!matches(hook, request.method, request.path) || (hook.when && !hook.when(request))) return false;
			hook.seen++;
			if (hook.seen <= (hook.after ?? 0) || hook.ran >= (hook.times ?? 1)) return false;
			hook.ran++;
			return true;
		});
		try {
			for (const hook of due) await hook.before?.(request);
			const response = await this.dispatch(request);
			for (const hook of due) await hook.beforeAnswer?.(request, response);
			return response;
		} catch (error) {
			return { status: 500, body: { message: `Sandbox hook error: ${(error as Error).message}` } };
		}
	}

	private async dispatch(request: SandboxRequest): Promise<SandboxResponse> {
		for (const route of this.routes) {
			if (route.method !== request.method && route.method !== '*') continue;
			const match = route.pattern.exec(request.path);
			if (!match) continue;
			route.names.forEach((name, i) => (request.params[name] = match[i + 1]));
			if (!route.names.length && match.groups) Object.assign(request.params, match.groups);
			try {
				return await route.handler(request);
			} catch (error) {
				return { status: 500, body: { message: `Sandbox error: ${(error as Error).message}` } };
			}
		}
		return await this.notFoundHandler(request);
	}

	private send(res: http.ServerResponse, response: SandboxResponse): void {
		const headers: Record<string, string> = { ...(response.headers ?? {}) };
		let payload: string | Buffer | undefined;
		if (response.body === undefined || response.body === null) {
			payload = undefined;
		} else if (typeof response.body === 'string' || Buffer.isBuffer(response.body)) {
			payload = response.body;
		} else {
			payload = JSON.stringify(response.body);
			headers['Content-Type'] = headers['Content-Type'] ?? 'application/json; charset=utf-8';
		}
		if (payload !== undefined && !headers['Content-Type']) headers['Content-Type'] = 'text/plain; charset=utf-8';
		res.writeHead(response.status, headers);
		res.end(payload);
	}
}
