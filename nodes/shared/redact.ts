/** Shortest value treated as a secret; shorter strings would blank out ordinary words. */
const MIN_SECRET_LENGTH = 4;

/**
 * Replaces every occurrence of each secret in `text` with `***`.
 * Longer secrets are replaced first so a secret that contains another is not half-masked.
 */
export function redactSecrets(text: string, secrets: Array<string | undefined | null>): string {
	const values = secrets
		.filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH)
		.sort((a, b) => b.length - a.length);
	let result = text;
	for (const secret of values) {
		result = result.split(secret).join('***');
	}
	return result;
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
export function withoutFieldsDeep<T>(value: T, fields: readonly string[]): T {
	if (Array.isArray(value)) return value.map((entry) => withoutFieldsDeep(entry, fields)) as unknown as T;
	if (value === null || typeof value !== 'object') return value;
	const copy: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
		if (!fields.includes(key)) copy[key] = withoutFieldsDeep(entry, fields);
	}
	return copy as T;
}
