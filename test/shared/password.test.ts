import {
	PASSWORD_ALPHABET,
	PASSWORD_DIGITS,
	PASSWORD_LOWER,
	PASSWORD_UPPER,
	generatePassword,
	isPasswordLengthInRange,
} from '../../nodes/shared/password';

const CLOUDONIX = { min: 12, max: 64, default: 20 };

describe('generatePassword', () => {
	it('has an alphabet of letters and digits without look-alikes', () => {
		expect(PASSWORD_ALPHABET).toHaveLength(57);
		expect(new Set(PASSWORD_ALPHABET).size).toBe(57);
		expect(PASSWORD_ALPHABET).toMatch(/^[A-Za-z2-9]+$/);
		expect(PASSWORD_ALPHABET).not.toMatch(/[0O1lI]/);
		expect(PASSWORD_UPPER + PASSWORD_LOWER + PASSWORD_DIGITS).toBe(PASSWORD_ALPHABET);
	});

	it('uses the alphabet and the asked length and always mixes classes', () => {
		for (const length of [3, 12, 20, 31, 64]) {
			for (let i = 0; i < 100; i++) {
				const password = generatePassword({ min: 3, max: 64, default: 20 }, length);
				expect(password).toHaveLength(length);
				expect([...password].every((c) => PASSWORD_ALPHABET.includes(c))).toBe(true);
				expect(password).toMatch(/[A-Z]/);
				expect(password).toMatch(/[a-z]/);
				expect(password).toMatch(/[2-9]/);
				expect(password).not.toMatch(/[0O1lI]/);
			}
		}
	});

	it('uses the range default and never repeats', () => {
		expect(generatePassword(CLOUDONIX)).toHaveLength(20);
		expect(generatePassword({ min: 12, max: 31, default: 16 })).toHaveLength(16);
		expect(new Set(Array.from({ length: 100 }, () => generatePassword(CLOUDONIX))).size).toBe(100);
	});

	it('does not always put the guaranteed classes first (Fisher–Yates)', () => {
		// With a 3-character password the first character is a digit about a third of the time.
		const firsts = new Set(Array.from({ length: 200 }, () => generatePassword({ min: 3, max: 3, default: 3 })[0]));
		expect([...firsts].some((c) => PASSWORD_DIGITS.includes(c))).toBe(true);
		expect([...firsts].some((c) => PASSWORD_LOWER.includes(c))).toBe(true);
	});

	it("rejects lengths outside the caller's range and impossible ranges", () => {
		expect(() => generatePassword(CLOUDONIX, 11)).toThrow(RangeError);
		expect(() => generatePassword(CLOUDONIX, 65)).toThrow(RangeError);
		expect(() => generatePassword(CLOUDONIX, 12.5)).toThrow(RangeError);
		expect(() => generatePassword({ min: 12, max: 31, default: 20 }, 32)).toThrow('from 12 to 31');
		expect(() => generatePassword({ min: 2, max: 10, default: 5 })).toThrow(RangeError);
		expect(() => generatePassword({ min: 20, max: 10, default: 15 })).toThrow(RangeError);
		expect(isPasswordLengthInRange(31, { min: 12, max: 31 })).toBe(true);
		expect(isPasswordLengthInRange(32, { min: 12, max: 31 })).toBe(false);
		expect(isPasswordLengthInRange(Number.NaN, { min: 12, max: 31 })).toBe(false);
	});
});
