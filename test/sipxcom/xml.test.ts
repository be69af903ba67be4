import { normaliseMac, stripSecrets } from '../../nodes/SipXcom/helpers/phone';
import { RECORD_SHAPE } from '../../nodes/SipXcom/helpers/record';
import { currentAsWrite } from '../../nodes/SipXcom/helpers/user';
import { appUrl } from '../../nodes/SipXcom/transport/credential';
import {
	buildSoapEnvelope,
	buildUserXml,
	describeXmlError,
	parseNamedList,
	parseRestResult,
	parseSingleUser,
	parseSoapResponse,
	parseUserList,
	soapItems,
	XmlFormatError,
} from '../../nodes/SipXcom/transport/xml';

// The list example of the reference notes (XStream 1.4.8 output).
const LIST = `<user>
  <metadata>
    <totalResults>2</totalResults>
    <currentPage>1</currentPage>
    <totalPages>1</totalPages>
    <resultsPerPage>2</resultsPerPage>
  </metadata>
  <users>
    <user>
      <id>5</id>
      <lastName>Doe</lastName>
      <firstName>John</firstName>
      <userName>200</userName>
      <pin></pin>
      <sipPassword></sipPassword>
      <emailAddress>jd@example.com</emailAddress>
      <groups>
        <group><id>3</id><name>sales</name></group>
      </groups>
      <branch><id>1</id><name>hq</name><description>Head office</description></branch>
      <aliases>
        <alias><alias>2000</alias></alias>
      </aliases>
    </user>
    <user>
      <id>6</id><lastName>Roe</lastName><firstName>Jane</firstName><userName>0201</userName>
      <pin></pin><sipPassword></sipPassword><groups/><aliases/>
    </user>
  </users>
</user>`;

describe('sipXcom XML mapping', () => {
	it('parses the XStream list with metadata; single-element lists stay lists; numbers stay strings', () => {
		const page = parseUserList(LIST);
		expect(page.metadata).toEqual({ totalResults: 2, currentPage: 1, totalPages: 1, resultsPerPage: 2 });
		expect(page.users[0]).toEqual({
			id: 5,
			lastName: 'Doe',
			firstName: 'John',
			userName: '200',
			pin: '',
			sipPassword: '',
			emailAddress: 'jd@example.com',
			groups: [{ id: 3, name: 'sales' }],
			branch: { id: 1, name: 'hq', description: 'Head office' },
			aliases: ['2000'],
		});
		expect(page.users[1]).toMatchObject({ id: 6, userName: '0201', groups: [], aliases: [] });
		expect(page.users[1].branch).toBeUndefined();
	});

	it('parses a list with one user and an empty list', () => {
		const one = parseUserList(
			'<user><metadata><totalResults>1</totalResults></metadata><users><user><id>1</id><userName>1</userName></user></users></user>',
		);
		expect(one.users).toHaveLength(1);
		expect(parseUserList('<user><metadata><totalResults>0</totalResults></metadata><users/></user>').users).toEqual([]);
	});

	it('rejects what is not sipXconfig XML', () => {
		expect(() => parseUserList('{"user":{}}')).toThrow(XmlFormatError);
		expect(() => parseUserList('<user><users>')).toThrow(XmlFormatError);
		expect(() => parseSingleUser('<response><code>X</code></response>')).toThrow(XmlFormatError);
	});

	it('builds write bodies whose values survive a round trip, entities and all', () => {
		const values = {
			userName: '2&3',
			firstName: `<b>"Zoë" & 'Ann'</b>`,
			lastName: '山田 ]]> &amp;',
			emailAddress: 'x@y',
			groupIds: [3, 4],
			branchId: 1,
			aliases: ['a&b', '<c>'],
		};
		const xml = buildUserXml(values);
		expect(xml).toContain('<groups><group><id>3</id></group><group><id>4</id></group></groups><branch><id>1</id></branch>');
		expect(xml).not.toContain('<b>');
		const back = parseSingleUser(xml);
		expect(back).toMatchObject({
			userName: '2&3',
			firstName: values.firstName,
			lastName: values.lastName,
			aliases: ['a&b', '<c>'],
			branch: { id: 1 },
			groups: [{ id: 3 }, { id: 4 }],
		});
		// Numeric character references decode too.
		expect(parseSingleUser('<user><firstName>Ren&#233;e &#x263A;</firstName></user>').firstName).toBe('Renée ☺');
	});

	it('omits absent lists (which sipXconfig clears) and sends empty pin/sipPassword (which it keeps)', () => {
		expect(buildUserXml({ userName: '200' })).toBe('<user><userName>200</userName><pin></pin><sipPassword></sipPassword></user>');
		const user = parseUserList(LIST).users[0];
		expect(buildUserXml(currentAsWrite(user))).toBe(
			'<user><userName>200</userName><pin></pin><sipPassword></sipPassword><lastName>Doe</lastName><firstName>John</firstName>' +
				'<emailAddress>jd@example.com</emailAddress><groups><group><id>3</id></group></groups><branch><id>1</id></branch>' +
				'<aliases><alias><alias>2000</alias></alias></aliases></user>',
		);
	});

	it('reads <response> results and describes errors', () => {
		const created = '<?xml version="1.0" encoding="UTF-8"?><response><code>SUCCESS_CREATED</code><message>Created</message><data><id>12</id></data></response>';
		expect(parseRestResult(created)).toMatchObject({ code: 'SUCCESS_CREATED', message: 'Created', id: '12' });
		const failed =
			'<response><code>ERROR_VALIDATION_FAILED</code><message>Failed input validation</message><data><string>userName</string><additionalMessage>must not be empty</additionalMessage></data></response>';
		expect(describeXmlError(failed)).toBe('ERROR_VALIDATION_FAILED: Failed input validation (must not be empty)');
		expect(parseRestResult('<user/>')).toBeUndefined();
		expect(parseRestResult('not xml')).toBeUndefined();
	});

	it('builds SOAP envelopes with a qualified wrapper and unqualified children', () => {
		expect(buildSoapEnvelope('ManageUser', { search: { byGroup: 'a&b' }, edit: [{ property: 'lastName', value: 'x' }], deleteUser: true })).toBe(
			'<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:cs="http://www.sipfoundry.org/2007/08/21/ConfigService">' +
				'<soapenv:Body><cs:ManageUser><search><byGroup>a&amp;b</byGroup></search><edit><property>lastName</property><value>x</value></edit>' +
				'<deleteUser>true</deleteUser></cs:ManageUser></soapenv:Body></soapenv:Envelope>',
		);
	});

	it('parses FindUserResponse items named <user> (WSDL) or <item> (older Axis WSDL), nils dropped', () => {
		const response = (tag: string) =>
			`<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>` +
			`<ns1:FindUserResponse xmlns:ns1="http://www.sipfoundry.org/2007/08/21/ConfigService"><users xmlns="">` +
			`<${tag}><userName>200</userName><lastName xsi:nil="true"/><aliases>2000</aliases><groups>sales</groups><groups>vip</groups></${tag}>` +
			`</users></ns1:FindUserResponse></soapenv:Body></soapenv:Envelope>`;
		for (const tag of ['user', 'item']) {
			const { body, operation } = parseSoapResponse(response(tag));
			expect(operation).toBe('FindUserResponse');
			expect(soapItems(body, 'users')).toEqual([
				{ userName: '200', aliases: ['2000'], groups: ['sales', 'vip'], permissions: [] },
			]);
		}
		const empty = parseSoapResponse('<s:Envelope xmlns:s="x"><s:Body/></s:Envelope>');
		expect(empty.body).toEqual({});
	});

	it('parses SOAP faults', () => {
		const fault =
			'<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault><faultcode>soapenv:Server.userException</faultcode>' +
			'<faultstring>Branch not found: x</faultstring><detail><ns1:hostname xmlns:ns1="http://xml.apache.org/axis/">pbx</ns1:hostname></detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>';
		expect(parseSoapResponse(fault).fault).toEqual({
			faultcode: 'soapenv:Server.userException',
			faultstring: 'Branch not found: x',
			detail: 'pbx',
		});
		expect(describeXmlError(fault)).toBe('SOAP fault soapenv:Server.userException: Branch not found: x (pbx)');
	});

	it('reads named lists for dropdowns (branches, user groups)', () => {
		const branches =
			'<branch><metadata><totalResults>1</totalResults></metadata><branches><branch><id>1</id><name>whitehouse</name>' +
			'<description>location</description><address><id>1</id><street>x</street></address></branch></branches></branch>';
		expect(parseNamedList(branches)).toEqual([{ id: 1, name: 'whitehouse', description: 'location' }]);
	});

	it('normalises URLs, MACs, secrets and the extension shape', () => {
		expect(appUrl('https://pbx.example.com')).toBe('https://pbx.example.com/sipxconfig');
		expect(appUrl(' https://pbx.example.com/sipxconfig/ ')).toBe('https://pbx.example.com/sipxconfig');
		expect(normaliseMac('00:04:F2:AE:48:38')).toBe('0004f2ae4838');
		expect(normaliseMac('0004.f2ae.4838')).toBe('0004f2ae4838');
		expect(normaliseMac('0004f2ae483')).toBeUndefined();
		expect(stripSecrets({ a: 1, pin: 'x', lines: [{ uri: 'u', password: 'p' }], pintoken: 't' })).toEqual({ a: 1, lines: [{ uri: 'u' }] });
		expect(RECORD_SHAPE.normalise({ userName: '0200', firstName: 'A', aliases: [] }, {})).toEqual({
			number: '0200',
			name: 'A',
			firstName: 'A',
			aliases: [],
			source: 'sipxcom',
			raw: {},
		});
	});
});
