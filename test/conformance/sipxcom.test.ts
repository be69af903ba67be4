/**
 * The sipXcom manual's (seed 002, Release 20.04) SOAP envelopes for users and phones and its REST
 * curl examples for branches and phones, replayed verbatim against the sandbox (fixtures/sipxcom).
 * The sandbox is seeded with what the examples refer to: users 211, 221 and 222, the user group
 * Managers, the branches whitehouse and Berlin, the phone model polycom321, and phones
 * 000000000001 (in FirstPhoneGroup) and 0004f280cc95.
 */
import { XMLParser } from 'fast-xml-parser';

import { sandboxPerTest, withSandbox } from '../../dev/harness/sandboxPerTest';
import { sipXcom } from '../../dev/harness/vendors';
import type { SipXcomSandbox } from '../../dev/sandbox/sipxcom';
import { fixture, parseCurl, replayCurl } from './fixtures';

const WHITEHOUSE = {
	name: 'whitehouse',
	description: 'location description field',
	address: { street: '1600 Pennsylvania Avenue NW', city: 'Washington', country: 'US', state: 'DC', zip: '20500', officeDesignation: 'ovaloffice' },
	phoneNumber: '4235551212',
	faxNumber: '4235552323',
};

const parser = new XMLParser({
	ignoreAttributes: true,
	parseTagValue: false,
	removeNSPrefix: true,
	isArray: (name) => ['user', 'groups', 'permissions', 'aliases', 'lines'].includes(name),
});

type Branch = Parameters<SipXcomSandbox['addBranch']>[0];

/** A sandbox with only what the examples refer to. */
const documentedPbx = (branches: Branch[] = [WHITEHOUSE, { name: 'Berlin' }]) => ({
	options: {
		users: 0,
		phones: 0,
		branches,
		userGroups: ['Managers'],
		models: [{ modelId: 'polycom321', label: 'Polycom SoundPoint IP 321/331', vendor: 'Polycom', versions: [] }],
	},
});

function seedDocumented(pbx: SipXcomSandbox): void {
	const managers = pbx.addGroup('Managers').id;
	pbx.addUser({ userName: '211', firstName: 'Marie', lastName: 'Curie' });
	pbx.addUser({ userName: '221', firstName: 'Niels', lastName: 'Bohr', groupIds: [managers] });
	pbx.addUser({ userName: '222', firstName: 'Lise', lastName: 'Meitner', groupIds: [managers] });
	pbx.addPhone({ serialNo: '000000000001', modelId: 'polycom321', groups: ['FirstPhoneGroup'] });
	pbx.addPhone({ serialNo: '0004f280cc95', modelId: 'polycomVVX400' });
}

const documented = sandboxPerTest(sipXcom, documentedPbx());
/** The sandbox the examples are replayed against: the documented one unless a test starts another. */
let sandbox: SipXcomSandbox = documented.sandbox;
beforeEach(() => {
	seedDocumented(documented.sandbox);
	sandbox = documented.sandbox;
});

const soap = async (service: 'UserService' | 'PhoneService', file: string) => {
	const response = await fetch(`${sandbox.server.baseUrl}/sipxconfig/services/${service}`, {
		method: 'POST',
		headers: {
			authorization: `Basic ${Buffer.from(`${sandbox.admin.username}:${sandbox.admin.password}`).toString('base64')}`,
			'content-type': 'text/xml; charset=utf-8',
			soapaction: '""',
		},
		body: fixture('sipxcom', file).text,
	});
	const text = await response.text();
	return { status: response.status, text, body: (parser.parse(text) as { Envelope: { Body: Record<string, unknown> } }).Envelope.Body };
};

/** "Output Parameters: Empty response." */
function expectEmptyResponse(answer: Awaited<ReturnType<typeof soap>>) {
	expect(answer.status).toBe(200);
	expect(answer.body).toEqual('');
}

type SoapUser = { userName: string; lastName?: string; firstName?: string; groups?: string[]; permissions?: string[]; branchName?: string };
const usersOf = (answer: Awaited<ReturnType<typeof soap>>) =>
	((answer.body.FindUserResponse as { users: { user?: SoapUser[] } }).users.user ?? []) as SoapUser[];
type SoapPhone = { serialNumber: string; modelId: string; groups?: string[]; lines?: Array<{ userId: string; uri: string }> };
/** sipxconfig.wsdl names ArrayOfPhones items <user>; the manual's WSDL calls them <item>. */
const phonesOf = (answer: Awaited<ReturnType<typeof soap>>) =>
	((answer.body.FindPhoneResponse as { phones: { user?: SoapPhone[] } }).phones.user ?? []) as SoapPhone[];
const userNamed = (name: string) => [...sandbox.state.users.values()].find((u) => u.userName === name)!;
const groupNames = (name: string) => userNamed(name).groupIds.map((id) => sandbox.state.groups.get(id)!.name);

describe('sipXcom SOAP UserService (manual §13.4)', () => {

	it('AddUser: adds user 223 with its PIN, SIP password, group, branch Berlin and permissions', async () => {
		expectEmptyResponse(await soap('UserService', 'add-user-223.xml'));
		const found = usersOf(await soap('UserService', 'find-user-223.xml'));
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({ userName: '223', lastName: 'Einstein', firstName: 'Albert', branchName: 'Berlin', groups: ['Managers'] });
		expect(found[0].permissions).toHaveLength(11);
		expect(userNamed('223')).toMatchObject({ pin: '1234', sipPassword: '4567', emailAddress: 'albertE@yahoo.com' });
	});

	it('FindUser: all users, members of Managers, user 223, and user names with 22', async () => {
		await soap('UserService', 'add-user-223.xml');
		expect(usersOf(await soap('UserService', 'find-user-all.xml')).map((u) => u.userName)).toEqual(['211', '221', '222', '223']);
		expect(usersOf(await soap('UserService', 'find-user-by-group-managers.xml')).map((u) => u.userName)).toEqual(['221', '222', '223']);
		expect(usersOf(await soap('UserService', 'find-user-223.xml')).map((u) => u.userName)).toEqual(['223']);
		// The manual says "begins with 22"; byFuzzyUserNameOrAlias matches anywhere in the name or an alias.
		expect(usersOf(await soap('UserService', 'find-user-fuzzy-22.xml')).map((u) => u.userName)).toEqual(['221', '222', '223']);
	});

	it('FindUser answers User elements of the WSDL only, pintoken instead of the PIN', async () => {
		await soap('UserService', 'add-user-223.xml');
		const [user] = usersOf(await soap('UserService', 'find-user-223.xml'));
		const wsdl = ['userName', 'pintoken', 'lastName', 'firstName', 'sipPassword', 'aliases', 'emailAddress', 'groups', 'permissions', 'branchName'];
		for (const key of Object.keys(user)) expect(wsdl).toContain(key);
		expect(user).toMatchObject({ userName: '223', sipPassword: '4567', pintoken: expect.stringMatching(/^[0-9a-f]{32}$/) });
		expect(user).not.toHaveProperty('pin');
	});

	it('ManageUser: removes the users with 22 from Managers', async () => {
		expectEmptyResponse(await soap('UserService', 'manage-user-remove-group.xml'));
		expect(groupNames('221')).toEqual([]);
		expect(groupNames('222')).toEqual([]);
	});

	it("ManageUser: sets every Manager's lastName to SuperDog and firstName to I am (comments in the envelope)", async () => {
		expectEmptyResponse(await soap('UserService', 'manage-user-edit-names.xml'));
		for (const name of ['221', '222']) expect(userNamed(name)).toMatchObject({ lastName: 'SuperDog', firstName: 'I am' });
		expect(userNamed('211')).toMatchObject({ lastName: 'Curie', firstName: 'Marie' });
	});

	// Broken as published: both examples for user 211 lack the <search> opening tag, so they are not
	// well-formed XML and no server can run them as printed.
	it.skip('ManageUser: adds user 211 to Managers (manage-user-add-group-211.xml, broken as published: no <search> opening tag)', async () => {
		expectEmptyResponse(await soap('UserService', 'manage-user-add-group-211.xml'));
	});
	it.skip('ManageUser: moves user 211 to branch Berlin (manage-user-update-branch-211.xml, broken as published: no <search> opening tag)', async () => {
		expectEmptyResponse(await soap('UserService', 'manage-user-update-branch-211.xml'));
	});

	it('answers the two broken examples with a SOAP fault and changes nothing', async () => {
		for (const file of ['manage-user-add-group-211.xml', 'manage-user-update-branch-211.xml']) {
			const answer = await soap('UserService', file);
			expect(answer.status).toBe(500);
			expect(answer.body).toHaveProperty('Fault');
		}
		expect(groupNames('211')).toEqual([]);
		expect(userNamed('211').branchId).toBeUndefined();
	});
});

describe('sipXcom SOAP PhoneService (manual §13.6)', () => {

	it('AddPhone: adds polycom321 000000000002 with line 221 in FirstPhoneGroup', async () => {
		expectEmptyResponse(await soap('PhoneService', 'add-phone.xml'));
		const phone = [...sandbox.state.phones.values()].find((p) => p.serialNo === '000000000002')!;
		expect(phone).toMatchObject({ modelId: 'polycom321', description: 'SOAP added phone', groups: ['FirstPhoneGroup'] });
		expect(phone.lines).toEqual([expect.objectContaining({ user: '221', uri: '221@Uniteme.ezuce.com', userId: userNamed('221').id })]);
	});

	it('FindPhone: all phones, the phones of FirstPhoneGroup, and MAC 000000000001', async () => {
		await soap('PhoneService', 'add-phone.xml');
		expect(phonesOf(await soap('PhoneService', 'find-phone-all.xml')).map((p) => p.serialNumber)).toEqual([
			'000000000001',
			'0004f280cc95',
			'000000000002',
		]);
		const inGroup = phonesOf(await soap('PhoneService', 'find-phone-by-group.xml'));
		expect(inGroup.map((p) => p.serialNumber)).toEqual(['000000000001', '000000000002']);
		expect(inGroup[1]).toMatchObject({ modelId: 'polycom321', groups: ['FirstPhoneGroup'], lines: [{ userId: '221', uri: '221@Uniteme.ezuce.com' }] });
		expect(phonesOf(await soap('PhoneService', 'find-phone-by-serial.xml')).map((p) => p.serialNumber)).toEqual(['000000000001']);
	});

	it('ManagePhone: adds line 221 to the phones of FirstPhoneGroup, generates their profiles and restarts them', async () => {
		expectEmptyResponse(await soap('PhoneService', 'manage-phone-add-line.xml'));
		const phone = [...sandbox.state.phones.values()].find((p) => p.serialNo === '000000000001')!;
		expect(phone.lines.map((l) => [l.user, l.uri])).toEqual([['221', '221@Uniteme.ezuce.com']]);
		expect(sandbox.state.profilesSent).toEqual([{ serialNo: '000000000001', restart: true }]);
	});

	it('ManagePhone: takes the phones out of FirstPhoneGroup without deleting them', async () => {
		expectEmptyResponse(await soap('PhoneService', 'manage-phone-remove-group.xml'));
		expect([...sandbox.state.phones.values()].map((p) => [p.serialNo, p.groups])).toEqual([
			['000000000001', []],
			['0004f280cc95', []],
		]);
	});

	it('ManagePhone: deletes the phones of FirstPhoneGroup and no other', async () => {
		expectEmptyResponse(await soap('PhoneService', 'manage-phone-delete.xml'));
		expect([...sandbox.state.phones.values()].map((p) => p.serialNo)).toEqual(['0004f280cc95']);
	});
});

describe('sipXcom REST curl examples (manual §12.3, §12.15.1)', () => {
	const xml = new XMLParser({ parseTagValue: false });
	const curl = (file: string) => parseCurl(fixture('sipxcom', file).text.trim());
	const send = async (file: string) => {
		const request = curl(file);
		// The examples log in as superadmin with the password "password"; the sandbox's admin stands in.
		expect(request.url.username).toBe('superadmin');
		return await replayCurl(sandbox.server.baseUrl, request, sandbox.admin);
	};
	const documentedAnswer = (file: string) => xml.parse(fixture('sipxcom', file).text) as Record<string, unknown>;

	it('GET /rest/branch answers the documented list document', async () => {
		await withSandbox(sipXcom, documentedPbx([WHITEHOUSE]), async (whitehouseOnly) => {
			seedDocumented(whitehouseOnly.sandbox);
			sandbox = whitehouseOnly.sandbox;
			const answer = await send('branch-list.curl');
			expect(answer.status).toBe(200);
			expect(xml.parse(answer.text)).toMatchObject(documentedAnswer('branch-list.response.xml'));
		});
	});

	it('PUT /rest/branch with the JSON body answers the documented SUCCESS_CREATED document (id 3)', async () => {
		const answer = await send('branch-create.curl');
		expect(answer.text).toBe(fixture('sipxcom', 'branch-create.response.xml').text.trim());
		expect(sandbox.state.branches.get(3)).toMatchObject({
			name: 'libofcongress',
			description: 'library of congress',
			address: { street: '101 Independence Ave SE', city: 'Washington', state: 'DC', zip: '20540' },
		});
	});

	it('GET /rest/branch/1 answers the documented branch document', async () => {
		const answer = await send('branch-get.curl');
		expect(answer.status).toBe(200);
		expect(xml.parse(answer.text)).toEqual(documentedAnswer('branch-get.response.xml'));
	});

	it('PUT /api/phones/{MAC}/sendProfile/restart sends the profile and restarts the phone', async () => {
		const answer = await send('phone-send-profile-restart.curl');
		expect(answer.status).toBe(200);
		expect(sandbox.state.profilesSent).toEqual([{ serialNo: '0004f280cc95', restart: true }]);
	});

	it('keeps its fault injection in front of the documented examples', async () => {
		sandbox.server.injectFault({ path: '/rest/branch', status: 503 });
		expect((await send('branch-get.curl')).status).toBe(503);
		expect((await send('branch-get.curl')).status).toBe(200);
	});
});
