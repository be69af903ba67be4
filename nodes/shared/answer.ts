/**
 * What a vendor's answer to a read must look like. A proxy, a maintenance page or a wrong URL
 * can answer HTTP 200 (or 404) with a web page; read as "no records", that page would let a
 * sync deactivate everything. Transports attach an AnswerShape to every read and the kernel
 * (vendorRequest) refuses anything else with an "Unexpected answer" error.
 */
import type { HttpFailure } from './httpFailure';

export interface AnswerShape {
	/** What the answer must be, in the error message: `JSON with "value"`, `XML <users>`. */
	expected: string;
	/** Whether the body (parsed when the shape is JSON) has the shape. */
	matches: (body: unknown) => boolean;
	format: 'json' | 'xml';
	/**
	 * A 404 the vendor documents as "nothing there" (e.g. Cloudonix lists): the read returns
	 * `value` when the 404 body passes `matches`; any other 404 (a proxy's page) is an error.
	 */
	emptyOn404?: { matches: (body: unknown) => boolean; value: unknown };
	/**
	 * A read of one record by its key: the vendor's answer that it has no such record (3CX's 404
	 * with its OData error, sipXconfig's HTTP 400 ERROR_OBJECT_NOT_FOUND). The read returns `value`
	 * instead of failing; any other failure, a web page included, is still an error.
	 */
	absent?: { matches: (failure: HttpFailure) => boolean; value: unknown };
}

function isObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/** A JSON answer as a value: objects as they are, text parsed, anything else undefined. */
export function parseJsonAnswer(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return undefined;
	}
}

/** A JSON object whose `key` is an array (3CX OData collections: `value`). */
export function jsonWithList(key: string): AnswerShape {
	return {
		expected: `JSON with "${key}"`,
		format: 'json',
		matches: (body) => {
			const parsed = parseJsonAnswer(body);
			return isObject(parsed) && Array.isArray(parsed[key]);
		},
	};
}

/** A JSON array (Cloudonix lists). */
export function jsonArray(options: { emptyOn404?: AnswerShape['emptyOn404'] } = {}): AnswerShape {
	return {
		expected: 'a JSON array',
		format: 'json',
		matches: (body) => Array.isArray(parseJsonAnswer(body)),
		emptyOn404: options.emptyOn404,
	};
}

/** A JSON object, optionally one that has all of `keys` (a single record). */
export function jsonObject(keys: string[] = []): AnswerShape {
	return {
		expected: keys.length ? `a JSON object with ${keys.map((k) => `"${k}"`).join(', ')}` : 'a JSON object',
		format: 'json',
		matches: (body) => {
			const parsed = parseJsonAnswer(body);
			return isObject(parsed) && keys.every((key) => key in parsed);
		},
	};
}

/** Any JSON document with this test, described as `expected`. */
export function jsonMatching(expected: string, test: (parsed: unknown) => boolean): AnswerShape {
	return { expected, format: 'json', matches: (body) => test(parseJsonAnswer(body)) };
}

/** The name of an XML document's root element, after the declaration, comments and a doctype. */
export function xmlRootName(text: string): string | undefined {
	const match = /^\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*)*<([A-Za-z_][\w.:-]*)/.exec(text);
	return match?.[1];
}

/** An XML document whose root element is one of `roots` (local names, any namespace prefix). */
export function xmlWithRoot(...roots: string[]): AnswerShape {
	return {
		expected: `XML <${roots.join('> or <')}>`,
		format: 'xml',
		matches: (body) => {
			const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : undefined;
			const root = text === undefined ? undefined : xmlRootName(text);
			return root !== undefined && roots.includes(root.replace(/^[\w.-]+:/, ''));
		},
	};
}

/** Any XML document except a web page (`<html>`), for answers whose root varies. */
export function xmlDocument(): AnswerShape {
	return {
		expected: 'an XML document',
		format: 'xml',
		matches: (body) => {
			const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : undefined;
			const root = text === undefined ? undefined : xmlRootName(text);
			return root !== undefined && root.toLowerCase() !== 'html';
		},
	};
}

/** At most `max` characters of a body, on one line, for an error message. */
export function excerpt(body: unknown, max = 60): string {
	let text: string;
	if (body === undefined || body === null) text = '';
	else if (Buffer.isBuffer(body)) text = body.toString('utf8');
	else if (body instanceof ArrayBuffer) text = Buffer.from(body).toString('utf8');
	else if (typeof body === 'string') text = body;
	else {
		try {
			text = JSON.stringify(body);
		} catch {
			text = String(body);
		}
	}
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > max ? `${line.slice(0, max)}…` : line;
}

/** Why a body may not be the vendor's, from its content type and start. */
export function answerHint(vendor: string, contentType: string, body: unknown): string {
	const start = excerpt(body, 200).toLowerCase();
	if (/html/.test(contentType) || start.startsWith('<!doctype html') || start.startsWith('<html')) {
		return `The answer is a web page, not the ${vendor} API: a proxy or load balancer, a maintenance or login page, or a wrong URL in the credential answered instead. Nothing was changed; check the URL and that the PBX is reachable directly.`;
	}
	if (start === '') {
		return `The answer was empty. Check the URL in the credential and that it points at the ${vendor} API itself, not a proxy in front of it.`;
	}
	return `The answer does not have the shape the ${vendor} API documents. Check that the URL in the credential points at the ${vendor} API (not another service or a proxy) and that the PBX firmware is supported.`;
}
