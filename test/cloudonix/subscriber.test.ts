import { PASSWORD_ALPHABET } from '../../nodes/shared/password';
import { isDuplicateError } from '../../nodes/Cloudonix/helpers/client';
import { normaliseRecord as toNormalisedExtension, shapeRecord as shapeSubscriber } from '../../nodes/Cloudonix/helpers/record';
import { generateSipPassword, subscriberName, subscriberPassword, updateBody } from '../../nodes/Cloudonix/helpers/subscriber';
import { cloudonixApi } from '../../nodes/Cloudonix/transport/api';
import { msisdnHasPrefix } from '../../nodes/Cloudonix/transport/filters';

const sub = {
	id: 12,
	domainId: 4,
	msisdn: '1001',
	uuid: 'u-12',
	active: false,
	sipPassword: 'Secret-Pass-1',
	profile: { displayName: 'Ann Smith', email: 'ann@example.com' },
};

// The generator itself is tested in test/shared/password.test.ts; these pin Cloudonix's range.
describe('generateSipPassword', () => {
	it('uses the documented alphabet and length and always mixes classes', () => {
		for (let i = 0; i < 200; i++) {
			const password = generateSipPassword(12);
			expect(password).toHaveLength(12);
			expect([...password].every((c) => PASSWORD_ALPHABET.includes(c))).toBe(true);
			expect(password).toMatch(/[A-Z]/);
			expect(password).toMatch(/[a-z]/);
			expect(password).toMatch(/[2-9]/);
			expect(password).not.toMatch(/[0O1lI]/);
		}
		expect(generateSipPassword()).toHaveLength(20);
		expect(new Set(Array.from({ length: 100 }, () => generateSipPassword())).size).toBe(100);
	});

	it('rejects lengths outside 12–64', () => {
		expect(() => generateSipPassword(11)).toThrow(RangeError);
		expect(() => generateSipPassword(65)).toThrow(RangeError);
		expect(() => generateSipPassword(12.5)).toThrow(RangeError);
	});
});

describe('subscriber mapping', () => {
	it('reads both password spellings and both name keys', () => {
		expect(subscriberPassword(sub)).toBe('Secret-Pass-1');
		expect(subscriberPassword({ 'sip-password': 'Legacy-1' })).toBe('Legacy-1');
		expect(subscriberName({ profile: { name: 'Bob' } })).toBe('Bob');
		expect(subscriberName({ profile: null })).toBeUndefined();
	});

	it('normalises to the package extension shape without secrets', () => {
		expect(toNormalisedExtension(sub, false)).toEqual({
			number: '1001',
			name: 'Ann Smith',
			email: 'ann@example.com',
			enabled: false,
			status: 'inactive',
			id: '12',
			source: 'cloudonix',
			raw: { id: 12, domainId: 4, msisdn: '1001', uuid: 'u-12', active: false, profile: sub.profile },
		});
		expect(toNormalisedExtension({ ...sub, msisdn: 12127773456 }, true).number).toBe('12127773456');
		expect((toNormalisedExtension(sub, true).raw as Record<string, unknown>).sipPassword).toBe('Secret-Pass-1');
		expect(shapeSubscriber({ ...sub, 'sip-password': 'x-legacy' }, 'raw', false)).not.toHaveProperty('sip-password');
	});

	it('matches MSISDN prefixes ignoring a leading +', () => {
		expect(msisdnHasPrefix('+12125550100', '1212')).toBe(true);
		expect(msisdnHasPrefix('12125550100', '+1212')).toBe(true);
		expect(msisdnHasPrefix('2125550100', '1')).toBe(false);
	});
});

describe('updateBody', () => {
	it('sends only the fields set, with the merged profile', () => {
		expect(updateBody({ profile: { displayName: 'New' } }, sub, false)).toEqual({
			profile: { displayName: 'New', email: 'ann@example.com' },
		});
		expect(updateBody({ active: true }, undefined, false)).toEqual({ active: true });
	});

	it('leaves out what already matches when asked (upsert)', () => {
		expect(updateBody({ sipPassword: 'Secret-Pass-1', active: false, profile: { displayName: 'Ann Smith' } }, sub, true)).toEqual({});
		expect(updateBody({ sipPassword: 'Other', active: false }, sub, true)).toEqual({ sipPassword: 'Other' });
	});
});

describe('Cloudonix error handling', () => {
	it('extracts {status:false,message}, {error} and text bodies', () => {
		expect(cloudonixApi.extractErrorMessage!({ status: false, message: 'Nope' }, 400)).toBe('Nope');
		expect(cloudonixApi.extractErrorMessage!({ error: 'Bad' }, 400)).toBe('Bad');
		expect(cloudonixApi.extractErrorMessage!('{"message":"In text"}', 400)).toBe('In text');
		expect(cloudonixApi.extractErrorMessage!('<html>oops</html>', 502)).toBeUndefined();
	});

	it('hints at the key for 401 and the scope for 403', () => {
		expect(cloudonixApi.describeStatus!(401)).toContain('API Key');
		expect(cloudonixApi.describeStatus!(403)).toContain('scope');
	});

	it('recognises duplicate answers', () => {
		const error = (httpCode: string, message: string) => Object.assign(new Error(message), { httpCode });
		expect(isDuplicateError(error('409', 'x'))).toBe(true);
		expect(isDuplicateError(error('400', 'Subscriber already exists'))).toBe(true);
		expect(isDuplicateError(error('400', 'msisdn is required'))).toBe(false);
		expect(isDuplicateError(error('404', 'exists'))).toBe(false);
	});
});
