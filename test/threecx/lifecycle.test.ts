/**
 * 3CX joiner / leaver actions on users: Send Welcome Email, Regenerate Credentials (one and
 * many), Update Many (Pbx.MultiUserUpdate) with its guard, Get / Set Forwarding.
 */
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { threeCx } from '../../dev/harness/vendors';
import { locator, NODE } from './helpers';

const { sandbox, run } = sandboxPerTest(threeCx, { seed: 12, typeVersion: 2 });
const posts = (path: string) => sandbox.server.requests.filter((r) => r.method === 'POST' && r.path.includes(path));

describe('3CX Send Welcome Email', () => {
	it('posts Pbx.SendWelcomeEmail without a body for the user found by number', async () => {
		const result = await run({ operation: 'sendWelcomeEmail', user: locator('number', '103') });
		expect(result.json(NODE)).toEqual([{ id: '4', number: '103', welcomeEmailSent: true }]);
		expect(posts('SendWelcomeEmail').map((r) => [r.path, r.text])).toEqual([['/xapi/v1/Users(4)/Pbx.SendWelcomeEmail', '']]);
		expect(sandbox.state.welcomeEmails).toEqual([4]);
	});

	it('a user without e-mail is refused by the PBX; a dropped connection is not retried', async () => {
		sandbox.state.users.get(4)!.EmailAddress = '';
		const noEmail = await run({ operation: 'sendWelcomeEmail', user: locator('id', '4') });
		expect(noEmail.error?.message).toBe('3CX request failed (HTTP 400): EmailAddress: WARNINGS.XAPI.REQUIRED');
		sandbox.server.injectFault({ method: 'POST', path: 'SendWelcomeEmail', dropAfterHandling: true });
		const dropped = await run({ operation: 'sendWelcomeEmail', user: locator('id', '5') });
		expect(dropped.status).toBe('error');
		expect(posts('Users(5)/Pbx.SendWelcomeEmail')).toHaveLength(1);
		expect(sandbox.state.welcomeEmails).toEqual([5]); // sent once, never twice
	});
});

describe('3CX Regenerate Credentials', () => {
	it('regenerates the chosen credentials of one user with every option explicit, without outputting them', async () => {
		const before = { ...sandbox.state.users.get(3)! };
		const result = await run({ operation: 'regenerate', user: locator('number', '102'), regenerate: ['SipAuth', 'VoicemailPIN'], sendWelcomeEmail: false });
		expect(result.json(NODE)).toEqual([{ id: '3', number: '102', regenerated: ['SipAuth', 'VoicemailPIN'], welcomeEmailSent: false }]);
		expect(JSON.parse(posts('Pbx.Regenerate')[0].text)).toEqual({
			opts: { ConfigurationLink: false, DeskphonePassword: false, RpsKey: false, SipAuth: true, VoicemailPIN: true, WebclientPassword: false, SendWelcomeEmail: false },
		});
		const after = sandbox.state.users.get(3)!;
		expect(after.AuthPassword).not.toBe(before.AuthPassword);
		expect(after.VMPIN).not.toBe(before.VMPIN);
		expect(after.AccessPassword).toBe(before.AccessPassword);
		expect(JSON.stringify(result.run.data)).not.toContain(after.AuthPassword);
	});

	it('nothing chosen is an error before any request', async () => {
		const result = await run({ operation: 'regenerate', user: locator('id', '3'), regenerate: [], sendWelcomeEmail: false });
		expect(result.error?.message).toBe('Nothing to regenerate in item 0: choose at least one entry under "Regenerate"');
		expect(sandbox.server.requests).toHaveLength(0);
	});

	it('regenerates for many users in one Pbx.RegeneratePasswords request with the spec\'s "Ids"', async () => {
		const result = await run({ operation: 'regenerateMany', idSource: 'inputItems', idField: 'id', regenerate: ['SipAuth'], sendWelcomeEmail: true }, { items: [{ id: 2 }, { id: '3' }, { id: 2 }] });
		expect(result.json(NODE)).toEqual([{ ids: [2, 3], count: 2, regenerated: ['SipAuth'], welcomeEmailSent: true }]);
		expect(JSON.parse(posts('RegeneratePasswords')[0].text)).toMatchObject({ Ids: [2, 3], opts: { SipAuth: true, SendWelcomeEmail: true } });
		expect(sandbox.state.welcomeEmails).toEqual([2, 3]);
	});

	it('the guard stops a batch larger than Maximum Users before the request', async () => {
		const result = await run({ operation: 'regenerateMany', idSource: 'list', ids: '1,2,3', regenerate: ['SipAuth'], maxUsers: 2 });
		expect(result.error?.message).toBe('Refusing to regenerate credentials for 3 users in one run: "Maximum Users" is 2');
		expect(posts('RegeneratePasswords')).toHaveLength(0);
	});

	it('an unknown ID fails the whole batch on the PBX; a 500 is not repeated', async () => {
		const unknown = await run({ operation: 'regenerateMany', idSource: 'list', ids: '[1, 999]', regenerate: ['SipAuth'] });
		expect(unknown.error?.message).toBe('3CX request failed (HTTP 400): Ids: WARNINGS.XAPI.NOT_FOUND');
		sandbox.server.injectFault({ method: 'POST', path: 'RegeneratePasswords', status: 500 });
		const failed = await run({ operation: 'regenerateMany', idSource: 'list', ids: '1', regenerate: ['SipAuth'] });
		expect(failed.status).toBe('error');
		expect(posts('RegeneratePasswords')).toHaveLength(2);
	});
});

describe('3CX Update Many', () => {
	it('disables many leavers in one Pbx.MultiUserUpdate request', async () => {
		const items = [{ id: '1' }, { id: '2' }, { id: '3' }];
		const result = await run({ operation: 'updateMany', idSource: 'inputItems', idField: 'id', updateFields: { Enabled: false, HideInPhonebook: true } }, { items });
		expect(result.json(NODE)).toEqual([{ ids: [1, 2, 3], count: 3, updated: { Enabled: false, HideInPhonebook: true } }]);
		expect(result.output(NODE)[0][0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(JSON.parse(posts('MultiUserUpdate')[0].text)).toEqual({ ids: [1, 2, 3], user: { Enabled: false, HideInPhonebook: true } });
		for (const id of [1, 2, 3]) expect(sandbox.state.users.get(id)).toMatchObject({ Enabled: false, HideInPhonebook: true });
		expect(sandbox.state.users.get(4)!.Enabled).toBe(true);
	});

	it('refuses per-user and unknown properties, and an empty update, before any request', async () => {
		const number = await run({ operation: 'updateMany', idSource: 'list', ids: '1', updateFields: { additionalJson: '{"Groups": []}' } });
		expect(number.error?.message).toBe('"Groups" cannot be set for many users at once (item 0)');
		const unknown = await run({ operation: 'updateMany', idSource: 'list', ids: '1', updateFields: { additionalJson: '{"FirstName": "A"}' } });
		expect(unknown.error?.message).toBe('"FirstName" is not a property 3CX can update for many users (Pbx.MultiEditUserData), in item 0');
		const empty = await run({ operation: 'updateMany', idSource: 'list', ids: '1', updateFields: {} });
		expect(empty.error?.message).toBe('Nothing to update in item 0: add at least one field under "Update Fields"');
		expect(posts('MultiUserUpdate')).toHaveLength(0);
	});

	it('the guard stops a run that would disable more users than Maximum Users', async () => {
		sandbox.seedUsers(120, 500);
		const items = [...sandbox.state.users.keys()].map((id) => ({ id }));
		const disabled = () => [...sandbox.state.users.values()].filter((u) => u.Enabled === false).length;
		const disabledBefore = disabled();
		const result = await run({ operation: 'updateMany', idSource: 'inputItems', idField: 'id', updateFields: { Enabled: false } }, { items });
		expect(result.error?.message).toBe('Refusing to update 132 users in one run: "Maximum Users" is 100');
		expect(posts('MultiUserUpdate')).toHaveLength(0);
		expect(disabled()).toBe(disabledBefore);
	});
});

describe('3CX Get / Set Forwarding', () => {
	it('gets the five forwarding profiles of a user, one item each', async () => {
		const result = await run({ operation: 'getForwarding', user: locator('number', '104') });
		const profiles = result.json(NODE);
		expect(profiles.map((p) => p.Name)).toEqual(['Available', 'Away', 'Out of office', 'Custom 1', 'Custom 2']);
		expect(profiles[0]).toMatchObject({ userId: '5', AvailableRoute: { NoAnswerInternal: { To: 'VoiceMail', Number: '104' } } });
	});

	it('forwards every call of a leaver to the manager\'s extension in all profiles (read-modify-write)', async () => {
		const result = await run({ operation: 'setForwarding', user: locator('number', '104'), destinationType: 'extension', destinationNumber: '200', options: { noAnswerTimeout: 5 } });
		expect(result.json(NODE)).toEqual([
			{ id: '5', forwardTo: 'Extension 200', destination: { To: 'Extension', Number: '200' }, profiles: ['Available', 'Away', 'Out of office', 'Custom 1', 'Custom 2'] },
		]);
		const patch = sandbox.server.requests.find((r) => r.method === 'PATCH')!;
		expect(patch.path).toBe('/xapi/v1/Users(5)');
		const body = JSON.parse(patch.text) as { ForwardingProfiles: Array<Record<string, unknown>> };
		expect(body.ForwardingProfiles.map((p) => p.Id)).toEqual([50, 51, 52, 53, 54]);
		for (const profile of sandbox.state.users.get(5)!.ForwardingProfiles) {
			expect(profile.NoAnswerTimeout).toBe(5);
			expect(profile.AvailableRoute).toMatchObject({ NoAnswerInternal: { To: 'Extension', Number: '200' }, NotRegisteredExternal: { To: 'Extension', Number: '200' }, BusyAllCalls: true });
			expect(profile.AwayRoute).toMatchObject({ AllHoursInternal: true, External: { To: 'Extension', Number: '200' } });
		}
	});

	it('forwards chosen profiles to an external number, normalising the notation', async () => {
		await run({ operation: 'setForwarding', user: locator('id', '5'), destinationType: 'external', destinationExternal: '+49 (151) 123-456', profiles: ['Away'] });
		const [available, away] = sandbox.state.users.get(5)!.ForwardingProfiles;
		expect(away.AwayRoute).toMatchObject({ Internal: { To: 'External', External: '+49151123456' } });
		expect(available.AvailableRoute).toMatchObject({ NoAnswerInternal: { To: 'VoiceMail' } });
	});

	it('sends calls back to the own voicemail', async () => {
		await run({ operation: 'setForwarding', user: locator('id', '5'), destinationType: 'extension', destinationNumber: '200' });
		const result = await run({ operation: 'setForwarding', user: locator('id', '5'), destinationType: 'voicemail' });
		expect(result.json(NODE)[0]).toMatchObject({ forwardTo: 'VoiceMail 104' });
		expect(sandbox.state.users.get(5)!.ForwardingProfiles[0].AvailableRoute).toMatchObject({ BusyInternal: { To: 'VoiceMail', Number: '104' } });
	});

	it('checks the destination before any request, and a profile the PBX lacks before any change', async () => {
		const bad = await run({ operation: 'setForwarding', user: locator('id', '5'), destinationType: 'extension', destinationNumber: 'boss' });
		expect(bad.error?.message).toBe('"Extension Number" must be an extension number (digits) in item 0, got "boss"');
		expect(sandbox.server.requests).toHaveLength(0);
		sandbox.state.users.get(5)!.ForwardingProfiles.splice(3, 2);
		const missing = await run({ operation: 'setForwarding', user: locator('id', '5'), destinationType: 'extension', destinationNumber: '200' });
		expect(missing.error?.message).toBe('User 5 has no forwarding profile named "Custom 1", "Custom 2" (item 0)');
		expect(sandbox.server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
	});
});
