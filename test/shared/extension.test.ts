import { displayName, normalisedExtension } from '../../nodes/shared/extension';

describe('displayName', () => {
	it.each([
		['Ann', 'Lee', 'Ann Lee'],
		['  Ann ', ' Lee  ', 'Ann Lee'],
		['Ann', undefined, 'Ann'],
		[undefined, 'Lee', 'Lee'],
		['   ', 'Lee', 'Lee'],
		['Ann', '', 'Ann'],
		['', '  ', undefined],
		[undefined, undefined, undefined],
		[42, 'Lee', 'Lee'],
		[null, { name: 'x' }, undefined],
	])('joins %p and %p as %p', (first, last, expected) => {
		expect(displayName(first, last)).toBe(expected);
	});
});

describe('normalisedExtension', () => {
	it('drops undefined fields and keeps the order and every other value (null, false, empty text)', () => {
		const out = normalisedExtension({ number: '100', name: undefined, email: '', enabled: false, status: null as unknown as string, id: '7', source: '3cx', raw: {} });
		expect(out).toStrictEqual({ number: '100', email: '', enabled: false, status: null, id: '7', source: '3cx', raw: {} });
		expect(Object.keys(out)).toEqual(['number', 'email', 'enabled', 'status', 'id', 'source', 'raw']);
	});
});
