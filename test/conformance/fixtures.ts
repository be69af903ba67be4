/**
 * Reads the vendors' published examples committed under ./fixtures and replays them over real
 * HTTP. Every fixture starts with a note of its source: `#` lines in .http and .curl files, a
 * leading XML comment in .xml files, a "source" key in .json files. The note is not sent.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

const FIXTURES = join(__dirname, 'fixtures');

export interface Fixture {
	/** The source note, one entry per line. */
	source: string[];
	/** The example as published (cleaned of PDF/HTML artefacts only). */
	text: string;
}

export function fixture(vendor: string, file: string): Fixture {
	const raw = readFileSync(join(FIXTURES, vendor, file), 'utf8');
	if (file.endsWith('.xml')) {
		const match = /^<!--([\s\S]*?)-->\r?\n/.exec(raw);
		if (!match) throw new Error(`${vendor}/${file} has no source comment`);
		return { source: match[1].trim().split('\n'), text: raw.slice(match[0].length) };
	}
	const lines = raw.split('\n');
	const source: string[] = [];
	while (lines.length && lines[0].startsWith('#') && !/^# curl /.test(lines[0])) source.push(lines.shift()!.replace(/^# ?/, ''));
	if (!source.length) throw new Error(`${vendor}/${file} has no source note`);
	return { source, text: lines.join('\n') };
}

export function jsonFixture<T>(vendor: string, file: string): T & { source: string } {
	const parsed = JSON.parse(readFileSync(join(FIXTURES, vendor, file), 'utf8')) as T & { source: string };
	if (typeof parsed.source !== 'string') throw new Error(`${vendor}/${file} has no source`);
	return parsed;
}

export interface HttpMessage {
	/** Request: method and target; response: status. */
	method?: string;
	target?: string;
	status?: number;
	headers: Record<string, string>;
	body: string;
}

/** Parses an HTTP message as the vendor printed it: start line, headers, empty line, body. */
export function parseHttp(text: string): HttpMessage {
	const lines = text.replace(/\r\n/g, '\n').split('\n');
	const start = lines.shift() ?? '';
	const headers: Record<string, string> = {};
	while (lines.length && lines[0].trim() !== '') {
		const line = lines.shift()!;
		const colon = line.indexOf(':');
		headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	lines.shift();
	const body = lines.join('\n').trim();
	const status = /^HTTP\/1\.[01] (\d{3})/.exec(start);
	if (status) return { status: Number(status[1]), headers, body };
	const [method, target] = start.split(' ');
	return { method, target, headers, body };
}

export interface Answer {
	status: number;
	headers: Headers;
	text: string;
}

/**
 * Sends a request to the sandbox with the example's method, path, query, headers and body; the
 * example's Host header names the vendor's lab machine and is left to fetch.
 */
export async function replay(baseUrl: string, request: HttpMessage, overrideHeaders: Record<string, string> = {}): Promise<Answer> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(request.headers)) if (name !== 'host') headers[name] = value;
	const response = await fetch(`${baseUrl}${request.target}`, {
		method: request.method,
		headers: { ...headers, ...overrideHeaders },
		body: request.body === '' ? undefined : request.body,
	});
	return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Splits a shell command line into words (single and double quotes, backslash-newline). */
export function shellWords(command: string): string[] {
	const words: string[] = [];
	let current = '';
	let quote: string | undefined;
	let inWord = false;
	const text = command.replace(/\\\n/g, ' ');
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quote) {
			if (ch === quote) quote = undefined;
			else current += ch;
		} else if (ch === '"' || ch === "'") {
			quote = ch;
			inWord = true;
		} else if (/\s/.test(ch)) {
			if (inWord) words.push(current);
			current = '';
			inWord = false;
		} else {
			current += ch;
			inWord = true;
		}
	}
	if (inWord) words.push(current);
	return words;
}

export interface CurlRequest {
	method: string;
	url: URL;
	headers: Record<string, string>;
	body?: string;
}

/** Reads the curl options the vendors' examples use: -k, -v, -X, -H, -d, -u and the URL. */
export function parseCurl(command: string): CurlRequest {
	const words = shellWords(command.replace(/^#\s*/, '').trim());
	if (words.shift() !== 'curl') throw new Error(`Not a curl command: ${command}`);
	let method: string | undefined;
	let url: URL | undefined;
	let body: string | undefined;
	const headers: Record<string, string> = {};
	while (words.length) {
		const word = words.shift()!;
		if (word === '-k' || word === '-v') continue;
		if (word === '-X') method = words.shift();
		else if (word === '-H') {
			const header = words.shift()!;
			const colon = header.indexOf(':');
			headers[header.slice(0, colon).trim().toLowerCase()] = header.slice(colon + 1).trim();
		} else if (word === '-d') body = words.shift();
		else if (word === '-u') continue;
		else if (/^https?:\/\//.test(word)) url = new URL(word);
		else throw new Error(`Unexpected curl option ${word}`);
	}
	if (!url) throw new Error(`No URL in ${command}`);
	return { method: method ?? (body !== undefined ? 'POST' : 'GET'), url, headers, body };
}

/**
 * Sends a curl example to the sandbox: the example's path, query, method, headers and body; its
 * host is replaced by the sandbox and the credentials in its URL by the given ones.
 */
export async function replayCurl(baseUrl: string, curl: CurlRequest, auth: { username: string; password: string }): Promise<Answer> {
	const headers: Record<string, string> = {
		...curl.headers,
		authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`,
	};
	const response = await fetch(`${baseUrl}${curl.url.pathname}${curl.url.search}`, { method: curl.method, headers, body: curl.body });
	return { status: response.status, headers: response.headers, text: await response.text() };
}
