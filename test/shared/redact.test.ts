import type { IDataObject } from 'n8n-workflow';

import { parseNumber } from '../../nodes/shared/numbers';
import { normalisedExtension } from '../../nodes/shared/extension';
import type { RecordShape } from '../../nodes/shared/output';
import { cleanRecord } from '../../nodes/shared/output';
import { redactSecrets, withoutFields, withoutFieldsDeep } from '../../nodes/shared/redact';

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

describe('redactSecrets knows the encodings a server may echo', () => {
	const secret = 'p@ss w/rd&<"x">+ü';
	const cases: Array<[string, string]> = [
		['plain', `password=${secret}`],
		['URL-encoded (%20)', `q=${encodeURIComponent(secret)}`],
		['form-encoded (+ for space)', new URLSearchParams({ password: secret }).toString()],
		['lower-case percent escapes', `q=${encodeURIComponent(secret).toLowerCase()}`],
		['JSON-escaped', JSON.stringify({ password: secret })],
		['JSON-escaped with \\/', JSON.stringify({ password: secret }).replace(/\//g, '\\/')],
		['XML-escaped', '<password>p@ss w/rd&amp;&lt;"x"&gt;+ü</password>'],
		['XML-escaped with entities for quotes', '<a b="p@ss w/rd&amp;&lt;&quot;x&quot;&gt;+ü"/>'],
		['numeric character references', 'p@ss w/rd&#38;&#60;&#34;x&#34;&#62;+ü'],
		['base64 of the secret', Buffer.from(secret).toString('base64')],
		['a Basic header value (base64 of user:secret)', `Authorization: Basic ${Buffer.from(`superadmin:${secret}`).toString('base64')}`],
		['base64url of user:secret', Buffer.from(`u:${secret}`).toString('base64url')],
	];
	it.each(cases)('masks the secret %s', (_, text) => {
		const redacted = redactSecrets(text, [secret]);
		expect(redacted).toContain('***');
		expect(redacted).not.toContain('w/rd');
		expect(redacted).not.toContain('w%2Frd');
		expect(redacted).not.toContain(Buffer.from(secret).toString('base64').slice(0, 8));
	});

	it('leaves other text and short values alone', () => {
		expect(redactSecrets('Basic YWRtaW46b3RoZXI= and plain words', [secret])).toBe('Basic YWRtaW46b3RoZXI= and plain words');
		expect(redactSecrets('pin 123 of 1234', ['123'])).toBe('pin 123 of 1234');
	});
});

describe('parseNumber', () => {
	const rule = { displayName: 'Limit', min: 1 };
	it.each([
		[5, 5],
		['25', 25],
		[' 7 ', 7],
	])('accepts %p', (value, expected) => expect(parseNumber(value, rule)).toBe(expected));
	it.each([['abc'], [null], [undefined], [''], [-5], [2.5], [0], [NaN], [Infinity], ['1e3'], [true], [[1]], [{}]])(
		'refuses %p',
		(value) => expect(typeof parseNumber(value, rule)).toBe('string'),
	);
	it('allows 0 where it means something and fractions when asked', () => {
		expect(parseNumber(0, { displayName: 'Skip' })).toBe(0);
		expect(parseNumber('0.5', { displayName: 'Ratio', fractions: true })).toBe(0.5);
		expect(typeof parseNumber(70000, { displayName: 'Port', min: 1, max: 65535 })).toBe('string');
	});
});

describe('withoutFieldsDeep', () => {
	it('removes the fields at every depth, in objects and arrays, keeping key order and the original intact', () => {
		const record = {
			Id: 1,
			AuthPassword: 'sip-secret',
			Phones: [{ MacAddress: '001122334455', ProvisioningLinkExt: 'https://pbx/provisioning/abc/x.xml', Settings: { Secret: 's', Codec: 'g722' } }],
			Empty: null,
			Tags: ['a', 'b'],
			Name: 'Ann',
		};
		const before = JSON.parse(JSON.stringify(record)) as unknown;
		const copy = withoutFieldsDeep(record, ['AuthPassword', 'ProvisioningLinkExt', 'Secret']);
		expect(copy).toStrictEqual({ Id: 1, Phones: [{ MacAddress: '001122334455', Settings: { Codec: 'g722' } }], Empty: null, Tags: ['a', 'b'], Name: 'Ann' });
		expect(Object.keys(copy)).toEqual(['Id', 'Phones', 'Empty', 'Tags', 'Name']);
		expect(record).toStrictEqual(before);
		expect(copy.Phones).not.toBe(record.Phones);
		expect(copy.Tags).not.toBe(record.Tags);
	});
});

describe('cleanRecord', () => {
	const shape: RecordShape = {
		secretFields: ['AuthPassword', 'Secret'],
		nested: true,
		isAnnotation: (key) => key.startsWith('@odata.'),
		normalise: (record, raw) => ({ number: String(record.Number), source: 'test', raw }),
	};
	const record = () => ({
		'@odata.etag': 'W/"1"',
		Id: 7,
		Number: '107',
		AuthPassword: 'sip-secret',
		Phones: [{ '@odata.etag': 'W/"2"', MacAddress: '001122334455', Settings: { Secret: 's', Codec: 'g722' } }],
		Empty: null,
		Name: 'Ann',
	});

	it('drops secrets at any depth and the annotations of the record itself, in the key order of the record, leaving it intact', () => {
		const original = record();
		const copy = cleanRecord(original, shape, false);
		expect(copy).toStrictEqual({
			Id: 7,
			Number: '107',
			Phones: [{ '@odata.etag': 'W/"2"', MacAddress: '001122334455', Settings: { Codec: 'g722' } }],
			Empty: null,
			Name: 'Ann',
		});
		expect(Object.keys(copy)).toEqual(['Id', 'Number', 'Phones', 'Empty', 'Name']);
		expect(original).toStrictEqual(record());
		expect(copy.Phones).not.toBe(original.Phones);
	});

	it('keeps the secrets with Include Secrets and still drops the annotations', () => {
		const { '@odata.etag': _etag, ...withoutAnnotation } = record();
		expect(cleanRecord(record(), shape, true)).toStrictEqual(withoutAnnotation);
	});

	it('copies the record\'s own fields only', () => {
		const inherited = Object.assign(Object.create({ Inherited: 'from the prototype' }) as IDataObject, { Id: 1, AuthPassword: 'x' });
		expect(cleanRecord(inherited, shape, false)).toStrictEqual({ Id: 1 });
		expect(normalisedExtension({ ...{ number: '1', source: 'test', raw: {} }, name: undefined })).toStrictEqual({ number: '1', source: 'test', raw: {} });
	});
});
