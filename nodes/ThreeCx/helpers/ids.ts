/** Errors of user-ID input, worded for the user; the caller adds parameter and item. */
export class UserIdError extends Error {}

const INT32_MAX = 2147483647;

/** One user ID as the int32 3CX expects; numeric strings such as "12" are accepted. */
export function toUserId(value: unknown): number {
	const textValue = typeof value === 'string' ? value.trim() : value;
	const n =
		typeof textValue === 'number'
			? textValue
			: typeof textValue === 'string' && /^[+-]?\d+$/.test(textValue)
				? Number(textValue)
				: NaN;
	if (!Number.isInteger(n) || n < 1 || n > INT32_MAX) {
		throw new UserIdError(`${JSON.stringify(value)} is not a user ID (a positive whole number)`);
	}
	return n;
}

/**
 * Reads user IDs from a JSON array (`[12, 34]`, as the 3CX product docs describe the Ids
 * field), a comma or whitespace separated list (`12, 34`), a single number, or an array value
 * an expression produced.
 */
export function parseUserIds(input: unknown): number[] {
	if (Array.isArray(input)) return input.map(toUserId);
	if (typeof input === 'number') return [toUserId(input)];
	if (typeof input !== 'string') throw new UserIdError('expected a JSON array or a comma-separated list of user IDs');
	const trimmed = input.trim();
	if (trimmed === '') return [];
	if (trimmed.startsWith('[')) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(trimmed);
		} catch (error) {
			throw new UserIdError(`not valid JSON (${(error as Error).message}); expected e.g. [123, 456]`);
		}
		if (!Array.isArray(parsed)) throw new UserIdError('expected a JSON array such as [123, 456]');
		return parsed.map(toUserId);
	}
	if (trimmed.startsWith('{') || trimmed.startsWith('"')) {
		throw new UserIdError('expected a JSON array such as [123, 456] or a comma-separated list such as 123, 456');
	}
	return trimmed
		.split(/[\s,;]+/)
		.filter((part) => part !== '')
		.map(toUserId);
}

/** Keeps the first occurrence of each ID. */
export function uniqueIds(ids: number[]): number[] {
	return [...new Set(ids)];
}
