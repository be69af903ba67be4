/**
 * MAC addresses of phones (3CX phone operations, sipXcom phone Create). Errors of MAC address
 * input, worded for the user; the caller adds parameter and item.
 */
export class MacAddressError extends Error {}

/** 12 digits: the most a MAC written only with decimal digits can have. */
const MAC_DIGITS = 12;

/**
 * A MAC address given as a number (an expression over JSON or CSV data read `001565123456` as
 * the number 1565123456): its digits, with the leading zeros the number lost.
 */
function macFromNumber(input: number): string {
	const digits = Number.isSafeInteger(input) && input >= 0 ? String(input) : '';
	if (digits === '' || digits.length > MAC_DIGITS) {
		throw new MacAddressError(`${input} is not a MAC address (12 hex digits, e.g. 80:5E:C0:A1:B2:C3)`);
	}
	return digits.padStart(MAC_DIGITS, '0');
}

/**
 * A MAC address in any common notation (`80:5E:C0:A1:B2:C3`, `80-5e-c0-a1-b2-c3`,
 * `805e.c0a1.b2c3`, `805EC0A1B2C3`, or a number whose digits are the MAC) as the 12 lower-case
 * hex digits without separators that Pbx.Phone.MacAddress holds. Anything else (wrong length,
 * non-hex digits, mixed groupings such as `80:5e-c0…`) is refused, never guessed; so is an
 * address no phone can have: all zeros, the broadcast address, a multicast (group) address.
 */
export function normaliseMac(input: unknown): string {
	const text = typeof input === 'number' ? macFromNumber(input) : typeof input === 'string' ? input.trim() : '';
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
	const mac = text.replace(/[:.-]/g, '').toLowerCase();
	refuseNonUnicast(mac, input);
	return mac;
}

/**
 * Refuses a MAC (12 lower-case hex digits) that no phone can have: all zeros, the broadcast
 * address, a multicast (group) address. `input` is what the user gave, quoted in the message.
 */
export function refuseNonUnicast(mac: string, input: unknown): void {
	const notAPhone = (why: string) => new MacAddressError(`${JSON.stringify(input)} is ${why}, not the address of a phone (a unicast hardware address)`);
	if (mac === '000000000000') throw notAPhone('all zeros');
	if (mac === 'ffffffffffff') throw notAPhone('the broadcast address');
	// The lowest bit of the first octet marks a group (multicast) address (IEEE 802).
	if (parseInt(mac.slice(0, 2), 16) % 2 === 1) throw notAPhone(`a multicast address (its first octet ${mac.slice(0, 2)} is odd)`);
}

/** Whether two MACs the PBX returned (in whatever notation) are the same device. */
export function sameMac(a: unknown, b: unknown): boolean {
	const canonical = (value: unknown) =>
		typeof value === 'string' ? value.replace(/[^0-9a-f]/gi, '').toLowerCase() : '';
	const left = canonical(a);
	return left !== '' && left === canonical(b);
}
