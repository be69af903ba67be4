/** Errors of MAC address input, worded for the user; the caller adds parameter and item. */
export class MacAddressError extends Error {}

/**
 * A MAC address in any common notation (`80:5E:C0:A1:B2:C3`, `80-5e-c0-a1-b2-c3`,
 * `805e.c0a1.b2c3`, `805EC0A1B2C3`) as the 12 lower-case hex digits without separators that
 * Pbx.Phone.MacAddress holds. Anything else (wrong length, non-hex digits, mixed groupings
 * such as `80:5e-c0…`) is refused, never guessed.
 */
export function normaliseMac(input: unknown): string {
	const text = typeof input === 'string' ? input.trim() : '';
	if (text === '') throw new MacAddressError('is empty; expected a MAC address such as 80:5E:C0:A1:B2:C3');
	const notations = [
		/^[0-9a-f]{12}$/i,
		/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i,
		/^[0-9a-f]{2}(-[0-9a-f]{2}){5}$/i,
		/^[0-9a-f]{4}(\.[0-9a-f]{4}){2}$/i,
	];
	if (!notations.some((pattern) => pattern.test(text))) {
		throw new MacAddressError(
			`${JSON.stringify(input)} is not a MAC address (12 hex digits, e.g. 80:5E:C0:A1:B2:C3, 80-5E-C0-A1-B2-C3, 805e.c0a1.b2c3 or 805EC0A1B2C3)`,
		);
	}
	return text.replace(/[:.-]/g, '').toLowerCase();
}

/** Whether two MACs the PBX returned (in whatever notation) are the same device. */
export function sameMac(a: unknown, b: unknown): boolean {
	const canonical = (value: unknown) =>
		typeof value === 'string' ? value.replace(/[^0-9a-f]/gi, '').toLowerCase() : '';
	const left = canonical(a);
	return left !== '' && left === canonical(b);
}
