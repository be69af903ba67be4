import { MacAddressError, normaliseMac, sameMac } from '../../nodes/shared/mac';

describe('normaliseMac', () => {
	it.each([
		['80:5E:C0:A1:B2:C3'],
		['80-5e-c0-a1-b2-c3'],
		['805e.c0a1.b2c3'],
		['805EC0A1B2C3'],
		['  805ec0a1b2c3 '],
	])('reads %s as 12 lower-case hex digits', (input) => {
		expect(normaliseMac(input)).toBe('805ec0a1b2c3');
	});

	it.each([[''], ['805ec0a1b2c'], ['805ec0a1b2c3d'], ['80:5e-c0:a1:b2:c3'], ['80:5E:C0:A1:B2:G3'], ['805e:c0a1:b2c3'], [-12345], [1.5], [1234567890123], [NaN]])('refuses %p', (input) => {
		expect(() => normaliseMac(input)).toThrow(MacAddressError);
	});

	it('reads a number as the MAC its digits are, with the leading zeros a number loses', () => {
		expect(normaliseMac(1565123456)).toBe('001565123456');
		expect(normaliseMac(805123456789)).toBe('805123456789');
	});

	it.each([
		['000000000000', 'all zeros'],
		['FF:FF:FF:FF:FF:FF', 'the broadcast address'],
		['01:00:5E:00:00:FB', 'a multicast address (its first octet 01 is odd)'],
		['33-33-00-00-00-01', 'a multicast address (its first octet 33 is odd)'],
	])('refuses %s: %s, not a phone', (input, why) => {
		expect(() => normaliseMac(input)).toThrow(`"${input}" is ${why}, not the address of a phone (a unicast hardware address)`);
	});

	it('compares MACs the PBX returns in any notation', () => {
		expect(sameMac('80:5E:C0:A1:B2:C3', '805ec0a1b2c3')).toBe(true);
		expect(sameMac('805ec0a1b2c3', '805ec0a1b2c4')).toBe(false);
		expect(sameMac(undefined, '')).toBe(false);
	});
});
