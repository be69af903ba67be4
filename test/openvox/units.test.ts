import { ERRNO_MESSAGES, errnoMessage, loginFailedMessage } from '../../nodes/OpenVox/transport/errno';
import { parseAnswer } from '../../nodes/OpenVox/transport/api';
import { buildOpenVoxXml, parseOpenVoxXml } from '../../nodes/OpenVox/transport/xml';
import {
	FieldError,
	parseNumberList,
	settingsToBody,
	validateRegisterPassword,
} from '../../nodes/OpenVox/helpers/fields';
import { normaliseRecord as toNormalised, shapeRecord } from '../../nodes/OpenVox/helpers/record';
import { REGISTER_PASSWORD_LENGTH } from '../../nodes/OpenVox/helpers/password';
import { OpenVox } from '../../nodes/OpenVox/OpenVox.node';
import { generatePassword } from '../../nodes/shared/password';
import { toXml } from '../../dev/sandbox/openvox';

describe('OpenVox errno table', () => {
	it('maps known codes and shows unknown ones verbatim', () => {
		expect(errnoMessage('10006')).toBe('Extension does not exist (errno 10006)');
		expect(errnoMessage(20006)).toBe('Token timed out (errno 20006)');
		expect(errnoMessage('77777')).toBe('errno 77777');
		expect(errnoMessage(undefined)).toBe('the PBX answered "Failed" without an errno');
		expect(Object.keys(ERRNO_MESSAGES)).toContain('30003');
	});

	it('words login failures for both the Yeastar and the OpenVox reading', () => {
		expect(loginFailedMessage('20003')).toBe('OpenVox login failed: invalid API username or password (errno 20003)');
		expect(loginFailedMessage('30003')).toContain('or the API username or password is wrong');
		expect(loginFailedMessage('20015')).toBe(
			'OpenVox login failed: This client IP is not in the allowed IP list of the PBX API settings (errno 20015)',
		);
	});
});

describe('OpenVox XML', () => {
	it('reads the documented list answer into the JSON shape', () => {
		const xml = `<?xml version="1.0" encoding="utf-8"?>
<xml>
  <status>Success</status>
  <extlist>
    <item id="1"><extnumber>101</extnumber><status>Registered</status><type>pjsip</type><username>xiaoshaokun</username><agentid></agentid></item>
    <item id="0"><extnumber>100</extnumber><status>Unavailable</status><type>pjsip</type><username>100</username><agentid></agentid></item>
  </extlist>
</xml>`;
		expect(parseOpenVoxXml(xml)).toEqual({
			status: 'Success',
			extlist: [
				{ extnumber: '100', status: 'Unavailable', type: 'pjsip', username: '100', agentid: '' },
				{ extnumber: '101', status: 'Registered', type: 'pjsip', username: 'xiaoshaokun', agentid: '' },
			],
		});
	});

	it('reads single-item, empty and failure answers', () => {
		expect(parseOpenVoxXml('<xml><status>Success</status><extinfos><item id="0"><extnumber>1</extnumber></item></extinfos></xml>')).toEqual({
			status: 'Success',
			extinfos: [{ extnumber: '1' }],
		});
		expect(parseOpenVoxXml('<xml><status>Success</status><extlist></extlist></xml>')).toEqual({ status: 'Success', extlist: [] });
		expect(parseOpenVoxXml('<xml><status>Failed</status><errno>20004</errno></xml>')).toEqual({ status: 'Failed', errno: '20004' });
		expect(() => parseOpenVoxXml('<xml><status>')).toThrow('malformed XML');
		expect(() => parseOpenVoxXml('<root/>')).toThrow('no <xml> root');
	});

	it('round-trips a request body with escaping and keeps numbers as strings', () => {
		const body = { number: '0101', username: 'A & <B>', maxregistrations: 3 };
		const xml = buildOpenVoxXml(body);
		expect(xml).toBe(
			'<?xml version="1.0" encoding="UTF-8" ?><xml><number>0101</number><username>A &amp; &lt;B&gt;</username><maxregistrations>3</maxregistrations></xml>',
		);
		expect(parseOpenVoxXml(xml)).toEqual({ number: '0101', username: 'A & <B>', maxregistrations: '3' });
		expect(parseOpenVoxXml(toXml({ status: 'Success', extinfos: [{ a: '1' }, { a: '2' }] }))).toEqual({
			status: 'Success',
			extinfos: [{ a: '1' }, { a: '2' }],
		});
	});

	it('parses answers whatever the Content-Type said', () => {
		expect(parseAnswer('{"status":"Success","token":"abc"}')).toEqual({ status: 'Success', token: 'abc' });
		expect(parseAnswer(Buffer.from('<xml><status>Success</status></xml>'))).toEqual({ status: 'Success' });
		expect(() => parseAnswer('<html')).toThrow();
		expect(() => parseAnswer('')).toThrow('empty answer');
		expect(() => parseAnswer('Bad Gateway')).toThrow('neither JSON nor XML');
	});
});

describe('OpenVox field rules', () => {
	it('accepts register passwords within the documented rules', () => {
		expect(() => validateRegisterPassword('12345133333323123qW@')).not.toThrow();
		expect(() => validateRegisterPassword('x'.repeat(31))).not.toThrow();
	});

	it.each([';', '&', '"', "'", '\\', '<', '>', '`', '|', ' '])('refuses %j in a register password', (character) => {
		expect(() => validateRegisterPassword(`ab${character}cd`)).toThrow(FieldError);
	});

	it('refuses blank and over-long register passwords', () => {
		expect(() => validateRegisterPassword('')).toThrow('"Register Password" cannot be blank');
		expect(() => validateRegisterPassword('x'.repeat(32))).toThrow('at most 31');
	});

	it('turns UI settings into the documented API values', () => {
		expect(
			settingsToBody({
				hasvoicemail: true,
				dnd: false,
				maxregistrations: 2,
				ringtimeout: '120',
				maxduration: 'Unlimited',
				monitormode: 'Barge-in',
				noanswerforward: true,
				ntransferto: 'Extension',
				ntransferext: '6000',
				email: '',
				callerid: '',
			}),
		).toEqual({
			hasvoicemail: 'on',
			dnd: 'off',
			maxregistrations: '2',
			ringtimeout: '120',
			maxduration: 'Unlimited',
			monitormode: 'Barge-in',
			noanswerforward: 'on',
			ntransferto: 'Extension',
			ntransferext: '6000',
			callerid: '',
		});
	});

	it('takes the spellings OpenVox documents besides its field list and sends the field list values', () => {
		// Add example: "Disable"; query answer: "disable" and "10800".
		expect(settingsToBody({ monitormode: 'Disable', maxduration: '10800' })).toEqual({ monitormode: 'Disabled', maxduration: '10800' });
		expect(settingsToBody({ monitormode: 'disable' })).toEqual({ monitormode: 'Disabled' });
		expect(settingsToBody({ monitormode: 'barge-IN' })).toEqual({ monitormode: 'Barge-in' });
	});

	it.each([
		[{ ringtimeout: '45' }, '"Ring Timeout" must be one of 15, 30, 60, 120, 300; got "45"'],
		[{ maxduration: '7200' }, '"Max Call Duration" must be one of'],
		[{ monitormode: 'Sometimes' }, '"Monitor Mode" must be one of Disabled, Extensive, Listen, Whisper, Barge-in'],
		[{ maxregistrations: 0 }, '"Max Registrations" must be a whole number from 1 to 99'],
		[{ btransfernum: '1234567890123456' }, '"Busy Number" must be digits only, at most 15'],
		[{ dnd: 'maybe' }, '"Do Not Disturb" must be on or off'],
		[{ email: 'not-an-address' }, '"Email" is not an email address'],
		[{ busyforward: true, btransferto: 'Extension' }, '"Busy Extension" is required when "Busy Destination" is Extension'],
		[{ extnumber: '12x' }, '"New Extension Number" must be an extension number'],
	])('refuses %j', (settings, message) => {
		expect(() => settingsToBody(settings)).toThrow(message);
	});

	it('parses comma lists of extension numbers', () => {
		expect(parseNumberList(' 101, 102 ,,103', 'number')).toEqual(['101', '102', '103']);
		expect(() => parseNumberList(' , ', 'number', 'Extension Numbers')).toThrow('"Extension Numbers" is empty');
		expect(() => parseNumberList('all', 'number', 'Extension Numbers')).toThrow('got "all"');
	});
});

describe('OpenVox output', () => {
	const record = {
		extnumber: '101',
		username: 'xiaoshaokun',
		type: 'pjsip',
		status: 'Registered',
		email: 'a@b.c',
		moblie: '18088861612',
		registerpassword: 'secret1',
		userpassword: 'secret2',
		loginpassword: 'secret3',
		vmsecret: '888888',
	};

	it('normalises with the moblie spelling and without secrets', () => {
		expect(toNormalised(record, false)).toEqual({
			number: '101',
			name: 'xiaoshaokun',
			email: 'a@b.c',
			mobile: '18088861612',
			status: 'Registered',
			id: '101',
			source: 'openvox',
			raw: { extnumber: '101', username: 'xiaoshaokun', type: 'pjsip', status: 'Registered', email: 'a@b.c', moblie: '18088861612' },
		});
		expect(shapeRecord(record, 'raw', true)).toEqual(record);
	});
});

describe('OpenVox generated register passwords', () => {
	it('meet the register-password rules at every length the node allows (12–31)', () => {
		expect(REGISTER_PASSWORD_LENGTH).toEqual({ min: 12, max: 31, default: 20 });
		for (let length = REGISTER_PASSWORD_LENGTH.min; length <= REGISTER_PASSWORD_LENGTH.max; length++) {
			for (let i = 0; i < 50; i++) {
				const password = generatePassword(REGISTER_PASSWORD_LENGTH, length);
				expect(password).toHaveLength(length);
				expect(() => validateRegisterPassword(password)).not.toThrow();
			}
		}
	});

	it('declare Register Password Mode per node version: "set" for version 1, "generate" from version 2 (3 too)', () => {
		const node = new OpenVox().description;
		expect(node.version).toEqual([1, 2, 3]);
		expect(node.defaultVersion).toBe(3);
		const modes = node.properties.filter((p) => p.name === 'passwordMode');
		expect(modes.map((p) => [p.displayOptions?.show?.['@version'], p.default])).toEqual([
			[[1], 'set'],
			[[{ _cnd: { gte: 2 } }], 'generate'],
		]);
		const password = node.properties.find((p) => p.name === 'registerpassword')!;
		expect(password.displayOptions?.show).toMatchObject({ operation: ['create'], passwordMode: ['set'] });
		expect(modes[1].options!.map((o) => (o as { name: string }).name)).toEqual(['Generate a Strong Password', 'Set a Password']);
	});
});
