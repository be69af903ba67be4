import { trimBaseUrl } from '../../nodes/shared/url';

describe('trimBaseUrl', () => {
	it('drops surrounding spaces and trailing slashes, nothing else', () => {
		expect(trimBaseUrl(' http://pbx:9011/ ')).toBe('http://pbx:9011');
		expect(trimBaseUrl('https://pbx.example.com//')).toBe('https://pbx.example.com');
		expect(trimBaseUrl('https://pbx.example.com/xapi/v1/')).toBe('https://pbx.example.com/xapi/v1');
	});

	it('turns a missing value into an empty string', () => {
		expect(trimBaseUrl(undefined)).toBe('');
		expect(trimBaseUrl(null)).toBe('');
	});
});
