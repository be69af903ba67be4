/** Shortest value treated as a secret; shorter strings would blank out ordinary words. */
const MIN_SECRET_LENGTH = 4;

const MASK = '***';

/** `&<>"'` as XML and HTML write them, named and numeric. */
const XML_ESCAPES: Array<Record<string, string>> = [
	{ '&': '&amp;', '<': '&lt;', '>': '&gt;' },
	{ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' },
	{ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' },
	{ '&': '&#38;', '<': '&#60;', '>': '&#62;', '"': '&#34;', "'": '&#39;' },
	{ '&': '&#x26;', '<': '&#x3C;', '>': '&#x3E;', '"': '&#x22;', "'": '&#x27;' },
];

function xmlEscaped(secret: string, table: Record<string, string>): string {
	return secret.replace(/[&<>"']/g, (c) => table[c] ?? c);
}

/** `%2f` as well as `%2F`: servers and proxies differ in the case of percent escapes. */
function lowerHex(text: string): string {
	return text.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
}

/**
 * The ways a secret can appear in text a server sends back: as typed; URL-encoded the ways
 * clients encode query strings and form bodies (`%20` or `+` for a space, either hex case);
 * JSON-escaped (with and without `\/`); XML/HTML-escaped with named or numeric entities; and
 * base64 (also base64url) of the secret alone. Base64 of `user:secret` (a `Basic` header value)
 * is found by `redactSecrets` decoding base64 runs, since it depends on the user name.
 */
export function secretVariants(secret: string): string[] {
	const variants = new Set<string>([secret]);
	const form = new URLSearchParams({ s: secret }).toString().slice(2);
	for (const encoded of [encodeURIComponent(secret), form, form.replace(/\+/g, '%20'), encodeURI(secret)]) {
		variants.add(encoded);
		variants.add(lowerHex(encoded));
	}
	const json = JSON.stringify(secret).slice(1, -1);
	variants.add(json);
	variants.add(json.replace(/\//g, '\\/'));
	variants.add(json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
	for (const table of XML_ESCAPES) variants.add(xmlEscaped(secret, table));
	const base64 = Buffer.from(secret, 'utf8').toString('base64');
	variants.add(base64);
	variants.add(base64.replace(/=+$/, ''));
	variants.add(Buffer.from(secret, 'utf8').toString('base64url'));
	return [...variants].filter((v) => v.length >= MIN_SECRET_LENGTH);
}

/** Runs of base64 (or base64url) long enough to hold a `user:secret` pair. */
const BASE64_RUN = /[A-Za-z0-9+/_-]{8,}={0,2}/g;

function decodesToSecret(run: string, secrets: string[]): boolean {
	const decoded = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
	return secrets.some((secret) => decoded.includes(secret));
}

/**
 * Replaces every occurrence of each secret in `text` with `***`, in every encoding of
 * `secretVariants`, and any base64 run that decodes to text containing a secret (the value of a
 * `Basic` header a server echoed). Longer variants are replaced first so a secret that contains
 * another is not half-masked.
 */
export function redactSecrets(text: string, secrets: Array<string | undefined | null>): string {
	const plain = [
		...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH)),
	];
	if (!plain.length || !text) return text;
	const variants = [...new Set(plain.flatMap(secretVariants))].sort((a, b) => b.length - a.length);
	let result = text;
	for (const variant of variants) {
		if (result.includes(variant)) result = result.split(variant).join(MASK);
	}
	return result.replace(BASE64_RUN, (run) => (decodesToSecret(run, plain) ? MASK : run));
}

/** Redacts secrets in every string of a JSON-like value, returning a copy. */
export function redactDeep<T>(value: T, secrets: Array<string | undefined | null>): T {
	if (typeof value === 'string') return redactSecrets(value, secrets) as unknown as T;
	if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets)) as unknown as T;
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
			out[k] = redactDeep(v, secrets);
		}
		return out as T;
	}
	return value;
}

/** A shallow copy of a record without the given fields (a vendor's secret fields), in the original key order. */
export function withoutFields<T extends object>(record: T, fields: readonly string[]): T {
	const copy: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(record)) if (!fields.includes(key)) copy[key] = value;
	return copy as T;
}

/** A copy of a JSON-like value without the given fields at any depth (e.g. SIP passwords of phone lines). */
export function withoutFieldsDeep<T>(value: T, fields: readonly string[] | ReadonlySet<string>): T {
	return copyWithout(value, fields instanceof Set ? fields : new Set(fields as readonly string[])) as T;
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * withoutFieldsDeep's walk, with `fields` as a Set; `alsoWithout` drops more keys of the top
 * object only (e.g. OData annotations). `for…in` with the own-property check visits the same keys
 * in the same order as Object.keys, and V8 reads each value through the object's enumeration
 * cache rather than a lookup by name: the copy of a 10,000-user 3CX list costs about half.
 */
export function copyWithout(value: unknown, fields: ReadonlySet<string>, alsoWithout?: (key: string) => boolean): unknown {
	if (Array.isArray(value)) return value.map((entry) => copyWithout(entry, fields));
	if (value === null || typeof value !== 'object') return value;
	const record = value as Record<string, unknown>;
	const copy: Record<string, unknown> = {};
	for (const key in record) {
		if (!hasOwn.call(record, key) || fields.has(key) || alsoWithout?.(key)) continue;
		const entry = record[key];
		// Only objects and arrays need a walk; a 3CX list page is mostly strings and numbers.
		copy[key] = entry !== null && typeof entry === 'object' ? copyWithout(entry, fields) : entry;
	}
	return copy;
}
