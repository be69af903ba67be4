import { MacAddressError, normaliseMac, sameMac } from '../../nodes/ThreeCx/helpers/mac';

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

	it.each([[''], ['805ec0a1b2c'], ['805ec0a1b2c3d'], ['80:5e-c0:a1:b2:c3'], ['80:5E:C0:A1:B2:G3'], ['805e:c0a1:b2c3'], [12345]])('refuses %p', (input) => {
		expect(() => normaliseMac(input)).toThrow(MacAddressError);
	});

	it('compares MACs the PBX returns in any notation', () => {
		expect(sameMac('80:5E:C0:A1:B2:C3', '805ec0a1b2c3')).toBe(true);
		expect(sameMac('805ec0a1b2c3', '805ec0a1b2c4')).toBe(false);
		expect(sameMac(undefined, '')).toBe(false);
	});
});
