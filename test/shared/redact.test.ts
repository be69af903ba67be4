import { withoutFields } from '../../nodes/shared/redact';

describe('withoutFields', () => {
	it('copies a record without the named fields, keeping the key order and the original intact', () => {
		const record = { number: '100', sipPassword: 's3cret!', name: 'Ann', pin: '1234' };
		const copy = withoutFields(record, ['sipPassword', 'pin']);
		expect(copy).toEqual({ number: '100', name: 'Ann' });
		expect(Object.keys(copy)).toEqual(['number', 'name']);
		expect(record).toEqual({ number: '100', sipPassword: 's3cret!', name: 'Ann', pin: '1234' });
	});

	it('is shallow: nested objects are not searched', () => {
		expect(withoutFields({ line: { pin: '1' } }, ['pin'])).toEqual({ line: { pin: '1' } });
	});
});
