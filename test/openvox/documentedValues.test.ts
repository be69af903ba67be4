/**
 * The OpenVox node never refuses what the PBX documents: the values of OpenVox's own "Add an
 * Extension" example and of its "Query Extension Settings" answer go through the node (in a real
 * workflow run) and reach the sandbox as the field list names them.
 */
import type { IDataObject } from 'n8n-workflow';

import { fixture, parseHttp } from '../conformance/fixtures';
import type { RunOptions } from '../../dev/harness/sandboxPerTest';
import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import { openVox } from '../../dev/harness/vendors';
import { NODE } from './helpers';

const { sandbox, withCredential } = sandboxPerTest(openVox, { seed: 5 });
/** Version 2, the current one; these rules are the same in version 1. */
const run = async (parameters: IDataObject, options?: RunOptions) => await withCredential().run(parameters, { typeVersion: 2, ...options });
const lastBody = (endpoint: string) =>
	JSON.parse([...sandbox.server.requests].reverse().find((r) => r.path.endsWith(`/${endpoint}`))!.text) as Record<string, string>;

/** Every settings field of the documented example, each taken from the item by an expression. */
const SWITCHES = ['hasvoicemail', 'enablevmtoemail', 'noanswerforward', 'busyforward', 'enablemobile', 'ringsimultaneous', 'allowbeingmonitored', 'dnd'];
const fromItem = (fields: string[]) => Object.fromEntries(fields.map((field) => [field, `={{ $json.${field} }}`]));

describe('OpenVox node and the documented example values', () => {
	it('creates extension 2002 from the values of the documented Add request and sends the field list names', async () => {
		const example = JSON.parse(parseHttp(fixture('openvox', 'add-extension-2002.request.http').text).body) as Record<string, string>;
		// The page's e-mail address is an obfuscation artefact of the web site; a real address stands in.
		const item: Record<string, string> = { ...example, email: 'xiaoshao_api2@example.com' };
		const { number, registerpassword, ...settings } = item;
		const result = await run({ operation: 'create', number: '={{ $json.number }}', passwordMode: 'set', registerpassword: '={{ $json.registerpassword }}', settings: fromItem(Object.keys(settings)) }, { items: [item] });
		expect(result.error?.message).toBeUndefined();
		const sent = lastBody('extension/add');
		expect(sent).toMatchObject({ number, registerpassword, monitormode: 'Disabled', maxduration: 'Follow System', ringtimeout: '15' });
		for (const field of SWITCHES) expect(sent[field]).toBe(example[field]);
		expect(sandbox.state.extensions.get('2002')).toMatchObject({ username: 'xiaoshao_api2', monitormode: 'Disabled' });
	});

	it('writes back the values a query answered (monitormode "disable", maxduration "10800") without a change', async () => {
		const read = await run({ operation: 'get', extid: '1000', output: 'raw' });
		const [record] = read.json(NODE);
		expect(record).toMatchObject({ monitormode: 'disable', maxduration: '10800' });
		const result = await run({ operation: 'update', extid: '1000', settings: fromItem(['monitormode', 'maxduration', 'ringtimeout', 'allowbeingmonitored', 'dnd']) }, { items: [record] });
		expect(result.error?.message).toBeUndefined();
		expect(lastBody('extension/update')).toEqual({
			extid: '1000',
			monitormode: 'Disabled',
			maxduration: '10800',
			ringtimeout: record.ringtimeout,
			allowbeingmonitored: record.allowbeingmonitored,
			dnd: record.dnd,
		});
	});

	it.each([
		['Disable', 'Disabled'],
		['disabled', 'Disabled'],
		['DISABLED', 'Disabled'],
		['barge-in', 'Barge-in'],
		['Listen', 'Listen'],
	])('takes monitormode %p and sends %p', async (given, sent) => {
		const result = await run({ operation: 'update', extid: '1001', settings: { monitormode: given } });
		expect(result.error?.message).toBeUndefined();
		expect(lastBody('extension/update').monitormode).toBe(sent);
	});

	it('still refuses values no source documents, naming the field, before any request', async () => {
		const result = await run({ operation: 'update', extid: '1001', settings: { monitormode: 'Sometimes' } });
		expect(result.error?.message).toContain('"Monitor Mode" must be one of');
		const duration = await run({ operation: 'update', extid: '1001', settings: { maxduration: '7200' } });
		expect(duration.error?.message).toContain('"Max Call Duration" must be one of');
		// Case is ignored only where OpenVox's own documents disagree on it (monitormode).
		const caseOfDuration = await run({ operation: 'update', extid: '1001', settings: { maxduration: 'follow system' } });
		expect(caseOfDuration.error?.message).toContain('"Max Call Duration" must be one of');
		expect(sandbox.server.count('POST', '/extension/update')).toBe(0);
	});
});
