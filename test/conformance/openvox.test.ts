/**
 * OpenVox's published API examples, replayed verbatim against the sandbox (fixtures/openvox: the
 * "Add an Extension" page of seed 004, and the login, heartbeat, logout, list, query and delete
 * examples the project's OpenVox notes quote from help.openvox.cn and its Chinese copy).
 */
import { XMLParser } from 'fast-xml-parser';

import { sandboxPerTest, withSandbox } from '../../dev/harness/sandboxPerTest';
import { openVox } from '../../dev/harness/vendors';
import { md5 } from '../../dev/sandbox/openvox';
import { fixture, jsonFixture, parseHttp, replay } from './fixtures';

/** The token of the documented login answer; the request examples all carry it. */
const EXAMPLE_TOKEN = '813b621cfe8eecf445a2ce1f4a079ffe';
const xml = new XMLParser({ parseTagValue: false, ignoreDeclaration: true, ignoreAttributes: false, trimValues: true });

const { sandbox } = sandboxPerTest(openVox, { options: { username: 'xiaoshao', password: '123456' } });
const request = (file: string) => parseHttp(fixture('openvox', file).text);
const documented = (file: string) => parseHttp(fixture('openvox', file).text);
const send = async (file: string) => await replay(sandbox.server.baseUrl, request(file));
/** As if the documented login had answered the documented token. */
const issueExampleToken = () => sandbox.state.tokens.set(EXAMPLE_TOKEN, { lastUsed: Date.now(), username: 'xiaoshao' });

beforeEach(() => issueExampleToken());

/** The headers every documented answer carries. */
function expectDocumentedHeaders(headers: Headers, example = documented('add-extension.response.json.http')) {
	expect(headers.get('access-control-allow-origin')).toBe(example.headers['access-control-allow-origin']);
	expect(headers.get('access-control-allow-methods')).toBe(example.headers['access-control-allow-methods']);
}

describe('OpenVox Login', () => {
	it('accepts the documented JSON login (MD5 password, numeric urltag) and answers a 32-hex token', async () => {
		sandbox.state.tokens.clear();
		const answer = await send('login.request.http');
		const example = JSON.parse(documented('login.response.json.http').body) as Record<string, string>;
		const body = JSON.parse(answer.text) as Record<string, string>;
		expect(answer.status).toBe(documented('login.response.json.http').status);
		expect(Object.keys(body).sort()).toEqual(Object.keys(example).sort());
		expect(body.status).toBe(example.status);
		expect(body.token).toMatch(/^[0-9a-f]{32}$/);
		expect(JSON.parse(request('login.request.http').body).password).toBe(md5('123456'));
	});

	it('accepts the documented XML login (XML content type, XML declaration with a space)', async () => {
		await withSandbox(openVox, { options: { username: 'api', password: '123456' } }, async ({ sandbox: xmlSandbox }) => {
			const answer = await replay(xmlSandbox.server.baseUrl, request('login.request.xml.http'));
			expect(answer.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
			const body = (xml.parse(answer.text) as { xml: Record<string, string> }).xml;
			expect(body.status).toBe('Success');
			expect(body.token).toMatch(/^[0-9a-f]{32}$/);
		});
	});

	it('answers a wrong password with the documented failure shape', async () => {
		const wrong = request('login.request.http');
		wrong.body = wrong.body.replace(md5('123456'), md5('wrong'));
		const answer = await replay(sandbox.server.baseUrl, wrong);
		const example = JSON.parse(documented('login-failed.response.json.http').body) as Record<string, string>;
		const body = JSON.parse(answer.text) as Record<string, string>;
		expect(answer.status).toBe(200);
		expect(Object.keys(body).sort()).toEqual(Object.keys(example).sort());
		expect(body.status).toBe('Failed');
		// OpenVox's example shows 30003; Yeastar's table (20003) is the sandbox's default.
		expect(body.errno).toBe('20003');
	});

	it('answers the documented 30003 when told to', async () => {
		await withSandbox(openVox, { options: { username: 'xiaoshao', password: 'other', badLoginErrno: '30003' } }, async ({ sandbox: strict }) => {
			const answer = await replay(strict.server.baseUrl, request('login.request.http'));
			expect(JSON.parse(answer.text)).toEqual(JSON.parse(documented('login-failed.response.json.http').body));
		});
	});

	it('accepts the documented heartbeat and logout (token only, no type)', async () => {
		const heartbeat = await send('heartbeat.request.http');
		expect(JSON.parse(heartbeat.text)).toEqual({ status: 'Success' });
		const logout = await send('logout.request.http');
		expect(JSON.parse(logout.text)).toEqual({ status: 'Success' });
		expect(sandbox.state.tokens.has(EXAMPLE_TOKEN)).toBe(false);
	});
});

describe('OpenVox Add an Extension', () => {
	it('accepts the documented request for extension 2002 (monitormode "Disable") and answers the documented JSON', async () => {
		const answer = await send('add-extension-2002.request.http');
		const example = documented('add-extension.response.json.http');
		expect(answer.status).toBe(example.status);
		expect(answer.headers.get('content-type')).toBe(example.headers['content-type']);
		expectDocumentedHeaders(answer.headers);
		expect(JSON.parse(answer.text)).toEqual(JSON.parse(example.body));
		const stored = sandbox.state.extensions.get('2002')!;
		expect(stored).toMatchObject({ username: 'xiaoshao_api2', monitormode: 'Disable', maxduration: 'Follow System', ringtimeout: '15' });
		// The query answer names the add parameters differently ("moblie", "userpassword").
		expect(stored).toMatchObject({ moblie: '18088861612', userpassword: '12345678qW@' });
	});

	it('answers the documented XML for type=xml', async () => {
		const xmlRequest = request('add-extension-2002.request.http');
		xmlRequest.target = xmlRequest.target!.replace('type=json', 'type=xml');
		const answer = await replay(sandbox.server.baseUrl, xmlRequest);
		const example = documented('add-extension.response.xml.http');
		expectDocumentedHeaders(answer.headers, example);
		expect(answer.text.split('\n')[0]).toBe(example.body.split('\n')[0]);
		expect(xml.parse(answer.text)).toEqual(xml.parse(example.body));
	});

	it.each(['Disable', 'disable', 'Disabled', 'DISABLED', 'Barge-in', 'barge-in'])('accepts monitormode %p', async (mode) => {
		const add = request('add-extension-2002.request.http');
		add.body = add.body.replace('"monitormode":"Disable"', `"monitormode":"${mode}"`);
		expect(JSON.parse((await replay(sandbox.server.baseUrl, add)).text)).toEqual({ status: 'Success' });
	});

	it('still refuses a value no source documents', async () => {
		const add = request('add-extension-2002.request.http');
		add.body = add.body.replace('"monitormode":"Disable"', '"monitormode":"Sometimes"');
		expect(JSON.parse((await replay(sandbox.server.baseUrl, add)).text)).toEqual({ status: 'Failed', errno: '10017' });
	});
});

describe('OpenVox Query, Modify and Delete', () => {
	beforeEach(() => sandbox.seed(2));

	it('answers the extension list in the documented JSON shape', async () => {
		const answer = await send('extensionlist-query.request.http');
		const example = JSON.parse(documented('extensionlist-query.response.json.http').body) as { extlist: Array<Record<string, unknown>> };
		const body = JSON.parse(answer.text) as { status: string; extlist: Array<Record<string, unknown>> };
		expect(body.status).toBe('Success');
		expect(body.extlist).toHaveLength(2);
		for (const item of body.extlist) {
			expect(Object.keys(item).sort()).toEqual(Object.keys(example.extlist[0]).sort());
			for (const value of Object.values(item)) expect(typeof value).toBe('string');
		}
	});

	it('answers the extension list in the documented XML shape (<item id="N">)', async () => {
		const list = request('extensionlist-query.request.http');
		list.target = list.target!.replace('type=json', 'type=xml');
		const answer = await replay(sandbox.server.baseUrl, list);
		const example = xml.parse(documented('extensionlist-query.response.xml.http').body) as {
			xml: { extlist: { item: Record<string, string> } };
		};
		const body = xml.parse(answer.text) as { xml: { status: string; extlist: { item: Array<Record<string, string>> } } };
		expect(body.xml.status).toBe('Success');
		expect(body.xml.extlist.item.map((i) => i['@_id'])).toEqual(['0', '1']);
		expect(Object.keys(body.xml.extlist.item[0]).sort()).toEqual(Object.keys(example.xml.extlist.item).sort());
	});

	it('answers the settings query with the documented keys and the documented spellings', async () => {
		const documentedKeys = jsonFixture<{ exampleKeys: string[]; exampleValues: Record<string, string>; tableKeys: string[] }>(
			'openvox',
			'extension-query.answer-keys.json',
		);
		const answer = await send('extension-query.request.http');
		const body = JSON.parse(answer.text) as { status: string; extinfos: Array<Record<string, unknown>> };
		expect(body.status).toBe('Success');
		expect(body.extinfos.map((e) => e.extnumber)).toEqual(['1000', '1001']);
		const allowed = new Set([...documentedKeys.exampleKeys, ...documentedKeys.tableKeys]);
		for (const info of body.extinfos) {
			for (const key of documentedKeys.exampleKeys) expect(info).toHaveProperty(key);
			for (const key of Object.keys(info)) expect(allowed.has(key)).toBe(true);
			expect(info.type).toBe(documentedKeys.exampleValues.type);
			expect(info.monitormode).toBe(documentedKeys.exampleValues.monitormode);
			expect(info.maxduration).toBe(documentedKeys.exampleValues.maxduration);
		}
	});

	it('takes the values the query answered back unchanged (monitormode "disable", maxduration "10800")', async () => {
		await send('add-extension-2002.request.http');
		const answer = await send('extension-update.request.http');
		expect(JSON.parse(answer.text)).toEqual({ status: 'Success' });
		expect(sandbox.state.extensions.get('2002')).toMatchObject({ monitormode: 'disable', maxduration: '10800' });
	});

	it('deletes extension 2002 as documented (JSON and XML answers)', async () => {
		await send('add-extension-2002.request.http');
		const answer = await send('extension-delete.request.http');
		expect(JSON.parse(answer.text)).toEqual({ status: 'Success' });
		expect(sandbox.state.extensions.has('2002')).toBe(false);
		await send('add-extension-2002.request.http');
		const xmlDelete = request('extension-delete.request.http');
		xmlDelete.target = xmlDelete.target!.replace('type=json', 'type=xml');
		const xmlAnswer = await replay(sandbox.server.baseUrl, xmlDelete);
		expect(xml.parse(xmlAnswer.text)).toEqual(xml.parse(documented('add-extension.response.xml.http').body));
	});

	it('keeps its fault injection in front of the documented examples', async () => {
		sandbox.server.injectFault({ path: '/extension/add', status: 503 });
		expect((await send('add-extension-2002.request.http')).status).toBe(503);
		expect(JSON.parse((await send('add-extension-2002.request.http')).text)).toEqual({ status: 'Success' });
	});
});
