/**
 * The example workflows `npm run test:n8n` runs in a real n8n (and the jest example tests
 * can reuse through `check`). Adding a case is one entry:
 *
 *   {
 *     name: '3CX to Cloudonix sync',
 *     example: '3cx-to-cloudonix.json',          // file in examples/
 *     async start() {                             // sandboxes on ephemeral loopback ports
 *       const threeCx = createThreeCxSandbox(); await threeCx.server.start();
 *       return {
 *         credentials: { threeCxApi: threeCx.credentials },   // type -> data (loopback URL)
 *         state: { threeCx },
 *         stop: () => threeCx.server.stop(),
 *       };
 *     },
 *     check(run, { threeCx }) {                   // throw (node:assert) on a wrong result
 *       assert.deepStrictEqual(run.json('Create').map((e) => e.number), ['103']);
 *       assert.strictEqual(threeCx.state.users.size, 4);
 *     },
 *   },
 *
 * Triggers other than the Manual Trigger (Schedule, Webhook…) are replaced by one, or with
 * `triggerOutput` by an Edit Fields node emitting that one item (the jest example tests use a
 * Code node, which n8n 1.123's `n8n execute` cannot reference with `$('…')`; see
 * dev/harness/examples.ts); credentials referenced in the workflow are pointed at credentials
 * created from `credentials`.
 */
import * as assert from 'assert';
import type { ICredentialDataDecryptedObject, IDataObject, IRun } from 'n8n-workflow';

import type { WorkflowJson } from '../../dev/harness/engine';
import { withDryRun } from '../../dev/harness/examples';
import { createCloudonixSandbox } from '../../dev/sandbox/cloudonix';
import type { CloudonixSandbox } from '../../dev/sandbox/cloudonix';
import { createOpenVoxSandbox } from '../../dev/sandbox/openvox';
import type { OpenVoxSandbox } from '../../dev/sandbox/openvox';
import { DOMAIN_DIDS, seedMigrationAuditSample, seedNightlySync } from '../../dev/sandbox/scenarios';
import type { NightlySyncExpectation } from '../../dev/sandbox/scenarios';
import { createSipXcomSandbox } from '../../dev/sandbox/sipxcom';
import type { SipXcomSandbox } from '../../dev/sandbox/sipxcom';
import { createThreeCxSandbox } from '../../dev/sandbox/threecx';
import type { ThreeCxSandbox } from '../../dev/sandbox/threecx';
import { tokenFingerprint as fingerprint } from '../../nodes/shared/tokenFingerprint';
import { threeCxTokenOwner } from '../../nodes/ThreeCx/transport/credential';

/** What a case sees of a finished run: the same shape as the jest harness's WorkflowResult. */
export interface RunView {
	status: string;
	/** The whole run (execution data), e.g. to prove a secret appears nowhere in it. */
	run: IRun;
	/** JSON of the items one output of a node produced (last run); [] if it did not run. */
	json(nodeName: string, outputIndex?: number): IDataObject[];
}

export interface CaseEnvironment<State> {
	/** Credential data per credential type, as a user would type it (URLs on 127.0.0.1). */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Handed to `check`, e.g. the sandboxes, to assert on their state after the run. */
	state: State;
	stop(): Promise<void>;
}

export interface N8nCase<State = undefined> {
	name: string;
	/** Workflow file in examples/ (with `workflow`, only a label). */
	example: string;
	/** A workflow built for the case (e.g. with the sandbox's URL) instead of the example file. */
	workflow?(state: State): WorkflowJson;
	/** Starts what the workflow talks to. Omit for workflows that need nothing. */
	start?(): Promise<CaseEnvironment<State>>;
	/** Throws if the run's result (or the sandboxes' state) is wrong. */
	check(run: RunView, state: State): void | Promise<void>;
	/**
	 * Items the example's trigger emits (e.g. a webhook's request): the trigger becomes a Code
	 * node returning them behind a Manual Trigger, as in the jest example tests.
	 */
	triggerOutput?: IDataObject[];
	/** Set when the run is expected to fail; `check` then sees the failed run. */
	expectFailure?: boolean;
	/** Changes the loaded workflow before it runs, e.g. to feed an example data that trips a guard. */
	prepare?(workflow: WorkflowJson): WorkflowJson;
}

/** Keeps each case's State type while collecting them in one list. */
function defineCase<State>(testCase: N8nCase<State>): N8nCase<unknown> {
	return testCase as N8nCase<unknown>;
}


const numbers = (items: IDataObject[], field = 'number') => items.map((item) => item[field]);

interface Startable {
	server: { start(port?: number): Promise<unknown>; stop(): Promise<unknown> };
}

/** Starts the sandboxes on ephemeral loopback ports; `stop` stops them all. */
async function startSandboxes(...sandboxes: Startable[]): Promise<() => Promise<void>> {
	for (const sandbox of sandboxes) await sandbox.server.start();
	return async () => {
		for (const sandbox of sandboxes) await sandbox.server.stop();
	};
}

export const compareExtensionsExample = defineCase({
	name: 'Compare Extensions routes sample extensions to Create, Import, Nothing To Do and Update',
	example: 'compare-extensions.json',
	check(run) {
		assert.strictEqual(run.status, 'success');
		assert.deepStrictEqual(numbers(run.json('Create')), ['100', '103'], 'Create (Local Only)');
		assert.deepStrictEqual(numbers(run.json('Import')), ['104'], 'Import (Remote Only)');
		assert.deepStrictEqual(numbers(run.json('Nothing To Do'), 'key'), ['101'], 'Nothing To Do (Synced)');
		const update = run.json('Update');
		assert.deepStrictEqual(numbers(update, 'key'), ['102'], 'Update (Changed)');
		assert.deepStrictEqual(
			update[0].differences,
			[{ field: 'email', local: 'cid@example.com', remote: 'cid.moss@example.com' }],
			'Update carries the differences',
		);
		// Key normalisation: the remote's number 101 and " 102 " matched the local "101" and "102".
		assert.deepStrictEqual((update[0].remote as IDataObject).number, ' 102 ');
	},
});

export const multiSiteReport = defineCase({
	name: 'composite key (site + number) and a Summary turned into a report',
	example: 'multi-site-sync-report.json',
	check(run) {
		assert.strictEqual(run.status, 'success');
		const keys = (node: string) => run.json(node).map((item) => item.key ?? `${item.site ?? item.tenant} / ${item.number ?? item.extension}`);
		assert.deepStrictEqual(keys('To Create'), ['HQ / 105', 'Branch / 105'], 'To Create (Local Only)');
		assert.deepStrictEqual(keys('To Review'), ['hq / 199'], 'To Review (Remote Only)');
		assert.deepStrictEqual(keys('In Sync'), ['hq / 100', 'hq / 101', 'hq / 102', 'hq / 104', 'branch / 100', 'branch / 102', 'branch / 103', 'branch / 104']);
		assert.deepStrictEqual(
			run.json('To Update').map((item) => [item.key, item.changedFields]),
			[
				['hq / 103', ['email']],
				['branch / 101', ['name']],
			],
			'To Update (Changed) with changedFields',
		);
		assert.deepStrictEqual(run.json('Format Report'), [
			{
				subject: 'Directory → PBX check: 2 to create, 2 to update, 1 to review',
				text: [
					'Directory → PBX check: OK',
					'Directory: 12 people; PBX: 11 extensions',
					'To create: 2',
					'To update: 2',
					'To review (only on the PBX): 1',
					'In sync: 8',
				].join('\n'),
			},
		]);
		assert.deepStrictEqual(run.json('Send Report'), run.json('Format Report'));
	},
});

/** The multi-site example when the directory's Branch export failed: only HQ people arrive. */
export const multiSiteGuard = defineCase({
	name: 'composite key with the Safety guard tripping: half the directory missing stops the run',
	example: 'multi-site-sync-report.json',
	expectFailure: true,
	prepare(workflow) {
		const directory = workflow.nodes.find((node) => node.name === 'Directory (Two Sites)')!;
		const code = String(directory.parameters.jsCode);
		directory.parameters = { ...directory.parameters, jsCode: code.replace(/\n {2}\['Branch'[^\n]*/g, '') };
		return workflow;
	},
	check(run) {
		assert.strictEqual(run.status, 'error');
		const error = run.run.data.resultData.error as { message?: string; description?: string; node?: { name?: string } } | undefined;
		assert.strictEqual(error?.node?.name, 'Compare Extensions');
		assert.strictEqual(
			error?.message,
			'Safety stop: Remote Only would be 6 of 11 items in the Remote input (54.5 %), above the limit of 10 % of the Remote input (1 item). Nothing was passed on.',
		);
		assert.match(String(error?.description), /Safety → Allow This Run/);
		assert.strictEqual(run.json('Directory (Two Sites)').length, 6);
		for (const node of ['To Create', 'To Review', 'In Sync', 'To Update', 'Format Report', 'Send Report']) {
			assert.deepStrictEqual(run.json(node), [], `${node} did not run`);
		}
	},
});

const nightlySync = defineCase<{ threeCx: ThreeCxSandbox; cloudonix: CloudonixSandbox; expected: NightlySyncExpectation }>({
	name: 'nightly sync with Settings › Dry Run off creates missing Cloudonix subscribers, updates changed ones, lists orphans',
	example: 'nightly-3cx-cloudonix-sync.json',
	prepare: (workflow) => withDryRun(workflow, false),
	async start() {
		const threeCx = createThreeCxSandbox();
		const cloudonix = createCloudonixSandbox(); // Cloudonix's real limit: 10 requests per 3 s
		const stop = await startSandboxes(threeCx, cloudonix);
		const expected = seedNightlySync(threeCx, cloudonix);
		return {
			credentials: { threeCxApi: threeCx.credentials(), cloudonixApi: cloudonix.credentials() },
			state: { threeCx, cloudonix, expected },
			stop,
		};
	},
	check(run, { threeCx, cloudonix, expected }) {
		const keys = (node: string, output = 0) => run.json(node, output).map((item) => String(item.number ?? item.key));
		assert.deepStrictEqual(keys('Compare Extensions', 0), expected.localOnly, 'Local Only');
		assert.deepStrictEqual(keys('Compare Extensions', 1), expected.remoteOnly, 'Remote Only');
		assert.deepStrictEqual(keys('Compare Extensions', 2), expected.synced, 'Synced');
		assert.deepStrictEqual(keys('Compare Extensions', 3), expected.changed, 'Changed');
		assert.deepStrictEqual(keys('Create Missing Subscribers'), expected.localOnly);
		assert.ok(run.json('Create Missing Subscribers').every((s) => s.action === 'created'), 'every missing subscriber created');
		assert.deepStrictEqual(keys('Update Changed Subscribers'), expected.changed);
		assert.ok(run.json('Update Changed Subscribers').every((s) => s.action === 'updated'), 'every changed subscriber updated');
		assert.deepStrictEqual(keys('Orphaned Subscribers to Review'), expected.remoteOnly);
		// Generated SIP passwords stay out of the execution data.
		assert.doesNotMatch(JSON.stringify(run.run.data.resultData), /sipPassword|Seed-1\d\d-Pw9x/);
		// Cloudonix now mirrors 3CX: every extension once, same name and enabled state.
		for (const user of threeCx.state.users.values()) {
			const subscriber = cloudonix.byMsisdn(user.Number);
			assert.ok(subscriber, `subscriber ${user.Number} exists`);
			assert.strictEqual(subscriber.profile.displayName, `${user.FirstName} ${user.LastName}`);
			assert.strictEqual(subscriber.active, user.Enabled, `subscriber ${user.Number} active`);
		}
		assert.ok([...cloudonix.state.createsByMsisdn.values()].every((count) => count === 1), 'each subscriber created once');
		assert.strictEqual(cloudonix.state.duplicateRejections, 0);
		for (const number of [...expected.remoteOnly, ...DOMAIN_DIDS]) {
			assert.strictEqual(cloudonix.byMsisdn(number)?.active, true, `${number} left alone`);
		}
		assert.strictEqual(threeCx.state.tokensIssued, 1, 'one 3CX token for the run');
	},
});

/** The flagship as imported: Settings › Dry Run on, so the Cloudonix nodes plan and write nothing. */
const nightlySyncDryRun = defineCase<{ cloudonix: CloudonixSandbox; expected: NightlySyncExpectation }>({
	name: 'nightly sync as imported (Settings › Dry Run on) plans every create and update and writes nothing',
	example: 'nightly-3cx-cloudonix-sync.json',
	async start() {
		const threeCx = createThreeCxSandbox();
		const cloudonix = createCloudonixSandbox();
		const stop = await startSandboxes(threeCx, cloudonix);
		const expected = seedNightlySync(threeCx, cloudonix);
		return { credentials: { threeCxApi: threeCx.credentials(), cloudonixApi: cloudonix.credentials() }, state: { cloudonix, expected }, stop };
	},
	check(run, { cloudonix, expected }) {
		const plan = (node: string) => run.json(node).map((item) => `${(item.target as IDataObject).number} ${String(item.dryRun)} ${String(item.action)}`);
		assert.deepStrictEqual(plan('Create Missing Subscribers'), expected.localOnly.map((number) => `${number} true create`));
		assert.deepStrictEqual(plan('Update Changed Subscribers'), expected.changed.map((number) => `${number} true update`));
		assert.deepStrictEqual(cloudonix.server.requests.filter((request) => request.method !== 'GET').map((request) => request.path), [], 'no write reached Cloudonix');
	},
});

/** One number on demand: the Webhook's request comes from an Edit Fields node; Dry Run unless the request says apply. */
const syncOneExtension = defineCase<{ cloudonix: CloudonixSandbox }>({
	name: 'sync one extension: the trace of a renamed number and its update, applied on request',
	example: 'sync-one-extension.json',
	triggerOutput: [{ body: { number: '103', apply: true }, headers: {}, params: {}, query: {} }],
	async start() {
		const threeCx = createThreeCxSandbox();
		const cloudonix = createCloudonixSandbox();
		const stop = await startSandboxes(threeCx, cloudonix);
		seedNightlySync(threeCx, cloudonix);
		return { credentials: { threeCxApi: threeCx.credentials(), cloudonixApi: cloudonix.credentials() }, state: { cloudonix }, stop };
	},
	check(run, { cloudonix }) {
		const [answer] = run.json('Trace and Result');
		assert.strictEqual(answer.outcome, 'changed');
		assert.strictEqual(answer.dryRun, false);
		assert.ok((answer.trace as string[]).includes('Outcome: Changed (differs in name)'), JSON.stringify(answer.trace));
		assert.strictEqual((answer.result as IDataObject).action, 'updated');
		assert.doesNotMatch(cloudonix.byMsisdn('103')!.profile.displayName as string, /old name/);
	},
});

const reprovisionDepartmentPhones = defineCase<{ threeCx: ThreeCxSandbox }>({
	name: 'reprovisions the phones of every enabled Sales user in one request',
	example: '3cx-reprovision-department-phones.json',
	async start() {
		const threeCx = createThreeCxSandbox();
		const stop = await startSandboxes(threeCx);
		threeCx.seedUsers(400);
		return { credentials: { threeCxApi: threeCx.credentials() }, state: { threeCx }, stop };
	},
	check(run, { threeCx }) {
		const expected = [...threeCx.state.users.values()]
			.filter((u) => u.Enabled && u.Groups.some((g) => g.GroupId === 2))
			.map((u) => u.Id)
			.sort((a, b) => a - b);
		assert.ok(expected.length > 50, 'the seed has more than one page of Sales users');
		assert.deepStrictEqual(threeCx.state.reprovisionCalls, [expected]);
		assert.deepStrictEqual(run.json('Reprovision their phones'), [{ reprovisioned: true, ids: expected, count: expected.length }]);
		assert.strictEqual(threeCx.server.count('POST', '/connect/token'), 1);
	},
});

const exportExtensions = defineCase<{ threeCx: ThreeCxSandbox }>({
	name: 'exports the extensions as a dated CSV file and one item per extension',
	example: '3cx-export-extensions.json',
	async start() {
		const threeCx = createThreeCxSandbox();
		const stop = await startSandboxes(threeCx);
		threeCx.seedUsers(12);
		return { credentials: { threeCxApi: threeCx.credentials() }, state: { threeCx }, stop };
	},
	check(run) {
		const items = run.json('Export extensions');
		assert.deepStrictEqual(numbers(items, 'Number'), Array.from({ length: 12 }, (_, i) => String(100 + i)));
		assert.ok(items.every((item) => !('AuthPassword' in item)), 'no AuthPassword in the output');
		const [first] = run.run.data.resultData.runData['Export extensions'][0].data!.main[0]!;
		assert.match(String(first.binary?.data?.fileName), /^extensions-\d{4}-\d{2}-\d{2}\.csv$/);
		assert.strictEqual(first.binary?.data?.mimeType, 'text/csv');
	},
});

const cloudonixSyncExtensions = defineCase<{ cloudonix: CloudonixSandbox }>({
	name: 'creates missing, updates changed and deactivates orphaned Cloudonix subscribers',
	example: 'cloudonix-sync-extensions.json',
	async start() {
		const cloudonix = createCloudonixSandbox();
		const stop = await startSandboxes(cloudonix);
		cloudonix.seed(2); // 1000 "Subscriber 1000" (in sync), 1001 "Subscriber 1001" (renamed locally)
		cloudonix.add('1099', 'Orphan-Pass-99', { displayName: 'Gone Person' });
		cloudonix.add('97250123456', 'Phone-Number-1', {}); // a phone number, not an extension: left alone
		return { credentials: { cloudonixApi: cloudonix.credentials() }, state: { cloudonix }, stop };
	},
	check(run, { cloudonix }) {
		const created = run.json('Create Missing Subscribers');
		assert.deepStrictEqual(created.map((e) => [e.number, e.action, e.enabled]), [
			['1002', 'created', true],
			['1003', 'created', false],
		]);
		// The generated password is shown where the example asks for it (Include Secrets).
		assert.strictEqual((created[0].raw as IDataObject).sipPassword, cloudonix.byMsisdn('1002')!.sipPassword);
		assert.deepStrictEqual(run.json('Update Changed Subscribers').map((e) => [e.number, e.name, e.action]), [['1001', 'Bob Jones', 'updated']]);
		assert.deepStrictEqual(run.json('Deactivate Orphaned Subscribers').map((e) => [e.number, e.enabled]), [['1099', false]]);
		assert.deepStrictEqual(numbers(run.json('Already in Sync'), 'key'), ['1000']);
		assert.deepStrictEqual(cloudonix.list().map((s) => [s.msisdn, s.profile.displayName ?? null, s.active]), [
			['1000', 'Subscriber 1000', true],
			['1001', 'Bob Jones', true],
			['1002', 'Cid Newman', true],
			['1003', 'Dee Quiet', false],
			['1099', 'Gone Person', false],
			['97250123456', null, true],
		]);
		assert.strictEqual(cloudonix.byMsisdn('1001')!.sipPassword, 'Seed-1001-Pw9x', 'an update keeps the SIP password');
	},
});

const openVoxNewHires = defineCase<{ openVox: OpenVoxSandbox }>({
	name: 'creates the sample new hires on OpenVox and reads their settings back with one login',
	example: 'openvox-new-hire-extensions.json',
	async start() {
		const openVox = createOpenVoxSandbox({ seed: 3 });
		const stop = await startSandboxes(openVox);
		return { credentials: { openVoxApi: openVox.credentials() as ICredentialDataDecryptedObject }, state: { openVox }, stop };
	},
	check(run, { openVox }) {
		assert.deepStrictEqual(
			run.json('Read Back Settings').map((e) => [e.number, e.name, e.email, e.source]),
			[
				['2101', 'Ada Lovelace', 'ada@example.com', 'openvox'],
				['2102', 'Grace Hopper', 'grace@example.com', 'openvox'],
			],
		);
		const extension = openVox.state.extensions.get('2101')!;
		for (const [field, value] of Object.entries({
			registerpassword: 'Ada-2101-Sip!',
			vmsecret: '2468',
			hasvoicemail: 'on',
			enablevmtoemail: 'on',
			ringtimeout: '30',
			maxregistrations: '2',
		})) {
			assert.strictEqual(extension[field as keyof typeof extension], value, `2101 ${field}`);
		}
		// Passwords and PINs stay on the PBX, not in the read-back items (only the items: the run
		// data around them holds timestamps, which may contain "2468" by chance).
		const output = JSON.stringify(run.run.data.resultData.runData['Read Back Settings'].map((task) => task.data));
		assert.ok(!output.includes('Ada-2101-Sip!') && !output.includes('2468'), 'no secrets in Read Back Settings');
		assert.strictEqual(openVox.server.count('POST', '/login'), 1);
	},
});

/**
 * The same example against firmware that only answers the XML variant (`type=xml`): every
 * request body is built and every answer parsed by the bundled fast-xml-parser, which is what
 * proves the installed package (with no node_modules of its own) still has its XML library.
 */
const openVoxNewHiresXml = defineCase<{ openVox: OpenVoxSandbox }>({
	name: 'creates the sample new hires on OpenVox over the XML API variant (type=xml)',
	example: 'openvox-new-hire-extensions.json',
	async start() {
		const openVox = createOpenVoxSandbox({ seed: 3 });
		const stop = await startSandboxes(openVox);
		const credentials = openVox.credentials({ apiFormat: 'xml' }) as ICredentialDataDecryptedObject;
		return { credentials: { openVoxApi: credentials }, state: { openVox }, stop };
	},
	check(run, { openVox }) {
		assert.deepStrictEqual(
			run.json('Read Back Settings').map((e) => [e.number, e.name, e.email]),
			[
				['2101', 'Ada Lovelace', 'ada@example.com'],
				['2102', 'Grace Hopper', 'grace@example.com'],
			],
		);
		const requests = openVox.server.requests;
		assert.ok(requests.length > 0 && requests.every((r) => r.query.type === 'xml'), 'every request used type=xml');
		assert.ok(
			requests.filter((r) => r.method === 'POST').every((r) => r.text.trimStart().startsWith('<')),
			'every request body is XML',
		);
	},
});

const GENERATED_OPENVOX_PASSWORD = /^[A-HJ-NP-Za-km-z2-9]{20}$/;

const onboardingWebhook = defineCase<{ openVox: OpenVoxSandbox; cloudonix: CloudonixSandbox }>({
	name: 'a new-hire request creates the OpenVox extension and the Cloudonix subscriber, without secrets in the answer',
	example: 'onboarding-webhook.json',
	prepare: (workflow) => withDryRun(workflow, false),
	// What the Webhook node emits for a POST with this JSON body.
	triggerOutput: [
		{
			body: { extension: '205', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
			headers: { 'content-type': 'application/json' },
			params: {},
			query: {},
		},
	],
	async start() {
		const openVox = createOpenVoxSandbox({ seed: 3 });
		const cloudonix = createCloudonixSandbox();
		const stop = await startSandboxes(openVox, cloudonix);
		return {
			credentials: { openVoxApi: openVox.credentials() as ICredentialDataDecryptedObject, cloudonixApi: cloudonix.credentials() },
			state: { openVox, cloudonix },
			stop,
		};
	},
	check(run, { openVox, cloudonix }) {
		const extension = openVox.state.extensions.get('205');
		assert.ok(extension, 'OpenVox extension 205 created');
		assert.deepStrictEqual(
			[extension.extnumber, extension.username, extension.callerid, extension.email, extension.hasvoicemail, extension.enablevmtoemail],
			['205', 'Ada Lovelace', '205', 'ada@example.com', 'on', 'on'],
		);
		assert.match(String(extension.registerpassword), GENERATED_OPENVOX_PASSWORD);
		const subscriber = cloudonix.byMsisdn('205');
		assert.ok(subscriber, 'Cloudonix subscriber 205 created');
		assert.strictEqual(subscriber.active, true);
		assert.deepStrictEqual(
			{ ...subscriber.profile },
			{ displayName: 'Ada Lovelace', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', openvoxExtension: '205' },
		);
		assert.match(subscriber.sipPassword, /^[A-Za-z0-9]{20}$/);
		// The webhook answers with the last node's first item.
		const response = run.json('Create Cloudonix Subscriber');
		assert.strictEqual(response.length, 1);
		assert.deepStrictEqual(
			[response[0].number, response[0].name, response[0].email, response[0].enabled, response[0].id, response[0].source],
			['205', 'Ada Lovelace', 'ada@example.com', true, String(subscriber.id), 'cloudonix'],
		);
		assert.deepStrictEqual(numbers(run.json('Create OpenVox Extension')), ['205']);
		const everything = JSON.stringify(run.run.data);
		assert.ok(!everything.includes(String(extension.registerpassword)), 'no OpenVox register password in the execution data');
		assert.ok(!everything.includes(subscriber.sipPassword), 'no Cloudonix SIP password in the execution data');
	},
});

const sipXcomDirectoryAudit = defineCase<{ sipXcom: SipXcomSandbox }>({
	name: 'compares sipXcom users (over HTTPS with a self-signed certificate) with a company directory',
	example: 'sipxcom-directory-audit.json',
	async start() {
		// HTTPS with the committed self-signed test certificate: the credential's
		// ignoreSSLIssues (set by credentials() for a TLS sandbox) must reach the request.
		const sipXcom = createSipXcomSandbox({ users: 5, phones: 0, tls: true });
		const stop = await startSandboxes(sipXcom);
		const credentials = sipXcom.credentials();
		assert.ok(credentials.serverUrl.startsWith('https://') && credentials.ignoreSSLIssues);
		return { credentials: { sipXcomApi: credentials }, state: { sipXcom }, stop };
	},
	check(run, { sipXcom }) {
		const [onlyPbx, onlyDirectory, synced, changed] = [0, 1, 2, 3].map((output) => run.json('Compare Extensions', output));
		assert.deepStrictEqual(numbers(onlyPbx), ['203', '204']);
		assert.deepStrictEqual(onlyDirectory, [{ number: '205', name: 'Dana Scully' }]);
		assert.deepStrictEqual(numbers(synced, 'key'), ['200', '202']);
		assert.deepStrictEqual(numbers(changed, 'key'), ['201']);
		assert.ok(JSON.stringify(changed[0]).includes('Jane Løvik'));
		assert.ok(sipXcom.server.requests.length > 0 && sipXcom.server.requests.every((r) => r.method === 'GET'));
	},
});

/** The migration audit's Summary for seedMigrationAuditSample. */
export const AUDIT_SUMMARY = {
	localOnly: 2,
	remoteOnly: 2,
	synced: 2,
	changed: 2,
	localTotal: 6,
	remoteTotal: 6,
	leftOutLocal: 0,
	leftOutRemote: 0,
	safety: { status: 'passed', reasons: [] },
};

const migrationAudit = defineCase<{ sipXcom: SipXcomSandbox; threeCx: ThreeCxSandbox }>({
	name: 'sorts sipXcom and 3CX users into not yet migrated, only on 3CX, migrated, migrated with differences',
	example: 'sipxcom-to-3cx-migration-audit.json',
	async start() {
		const sipXcom = createSipXcomSandbox({ users: 0, phones: 0 });
		const threeCx = createThreeCxSandbox();
		const stop = await startSandboxes(sipXcom, threeCx);
		seedMigrationAuditSample(sipXcom, threeCx);
		return {
			credentials: { sipXcomApi: sipXcom.credentials(), threeCxApi: threeCx.credentials() },
			state: { sipXcom, threeCx },
			stop,
		};
	},
	check(run, { sipXcom, threeCx }) {
		assert.strictEqual(run.json('sipXcom Users').length, 6);
		assert.strictEqual(run.json('3CX Users').length, 6);
		const notYetOn3cx = run.json('Not yet on 3CX');
		assert.deepStrictEqual(numbers(notYetOn3cx), ['203', '207']);
		assert.ok(notYetOn3cx.every((u) => u.source === 'sipxcom'));
		assert.deepStrictEqual(run.json('Only on 3CX').map((u) => [u.number, u.name, u.source]), [
			['300', 'Ivy North', '3cx'],
			['301', 'Jon South', '3cx'],
		]);
		assert.deepStrictEqual(numbers(run.json('Migrated'), 'key'), ['200', '204']);
		assert.deepStrictEqual(run.json('Migrated with differences').map((m) => [m.key, m.differences]), [
			['201', [{ field: 'name', local: 'Ben Ortiz', remote: 'Benjamin Ortiz' }]],
			['202', [{ field: 'email', local: 'cara@example.com', remote: 'cara.diaz@example.com' }]],
		]);
		assert.deepStrictEqual(run.json('Migrated with differences').map((m) => m.changedFields), [['name'], ['email']]);
		assert.deepStrictEqual(run.json('Audit Summary'), [AUDIT_SUMMARY]);
		for (const [output, node] of ['Not yet on 3CX', 'Only on 3CX', 'Migrated', 'Migrated with differences', 'Audit Summary'].entries()) {
			assert.deepStrictEqual(run.json(node), run.json('Compare Extensions', output), `${node} shows Compare Extensions output ${output}`);
		}
		// Audit only: nothing was written to either PBX.
		assert.ok(sipXcom.server.requests.every((r) => r.method === 'GET'));
		assert.deepStrictEqual(threeCx.server.requests.filter((r) => r.method !== 'GET').map((r) => r.path), ['/connect/token']);
	},
});

/**
 * One HTTP Request node using our credential as a predefined credential type ("Authentication:
 * Predefined Credential Type"), the way a user reaches an endpoint the nodes do not cover.
 */
function httpRequestWorkflow(nodeName: string, credentialType: string, request: IDataObject): WorkflowJson {
	return {
		name: `HTTP Request with the ${credentialType} credential`,
		nodes: [
			{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'http',
				name: nodeName,
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [240, 0],
				parameters: { authentication: 'predefinedCredentialType', nodeCredentialType: credentialType, options: {}, ...request },
				credentials: { [credentialType]: { id: 'placeholder', name: credentialType } },
			},
		],
		connections: { Start: { main: [[{ node: nodeName, type: 'main', index: 0 }]] } },
	} as WorkflowJson;
}

const STALE_3CX_TOKEN = 'xapi-stale-token-from-an-earlier-run';

const httpRequestThreeCx = defineCase<{ threeCx: ThreeCxSandbox }>({
	name: '3CX API credential in the HTTP Request node: a stale access token is refreshed and the request repeated',
	example: 'HTTP Request node',
	async start() {
		const threeCx = createThreeCxSandbox();
		const stop = await startSandboxes(threeCx);
		// A token the PBX no longer accepts, as n8n keeps it between executions (with the
		// fingerprint of the credential data that obtained it, so it is sent).
		const credentials = threeCx.credentials();
		const tokenFingerprint = fingerprint(STALE_3CX_TOKEN, threeCxTokenOwner(credentials));
		return { credentials: { threeCxApi: { ...credentials, accessToken: STALE_3CX_TOKEN, tokenFingerprint } }, state: { threeCx }, stop };
	},
	workflow: ({ threeCx }) =>
		httpRequestWorkflow('3CX Users', 'threeCxApi', { url: `${threeCx.server.baseUrl}/xapi/v1/Users?$select=Number&$orderby=Number` }),
	check(run, { threeCx }) {
		const [answer] = run.json('3CX Users');
		const expected = [...threeCx.state.users.values()].map((user) => user.Number).sort();
		assert.deepStrictEqual((answer.value as IDataObject[]).map((user) => user.Number), expected);
		assert.strictEqual(threeCx.server.count('POST', '/connect/token'), 1, 'one new token');
		assert.deepStrictEqual(
			threeCx.server.requests.filter((r) => r.path === '/xapi/v1/Users').map((r) => [r.status, r.headers.authorization === `Bearer ${STALE_3CX_TOKEN}`]),
			[
				[401, true],
				[200, false],
			],
			'the stale token answered 401, the repeated request carried the new one',
		);
	},
});

const httpRequestCloudonix = defineCase<{ cloudonix: CloudonixSandbox }>({
	name: 'Cloudonix API credential in the HTTP Request node: bearer API key',
	example: 'HTTP Request node',
	async start() {
		const cloudonix = createCloudonixSandbox();
		const stop = await startSandboxes(cloudonix);
		cloudonix.seed(3);
		return { credentials: { cloudonixApi: cloudonix.credentials() }, state: { cloudonix }, stop };
	},
	workflow: ({ cloudonix }) => {
		const { baseUrl, domain } = cloudonix.credentials();
		return httpRequestWorkflow('Cloudonix Subscribers', 'cloudonixApi', { url: `${baseUrl}/customers/self/domains/${domain}/subscribers` });
	},
	check(run, { cloudonix }) {
		const msisdns = run.json('Cloudonix Subscribers').map((subscriber) => subscriber.msisdn);
		assert.ok(msisdns.length > 0);
		assert.deepStrictEqual(msisdns, [...cloudonix.state.subscribers.values()].map((subscriber) => subscriber.msisdn));
		const [request] = cloudonix.server.requests;
		assert.strictEqual(request.headers.authorization, `Bearer ${cloudonix.credentials().apiKey}`);
	},
});

const httpRequestOpenVox = defineCase<{ openVox: OpenVoxSandbox }>({
	name: 'OpenVox API credential in the HTTP Request node: login token in the query',
	example: 'HTTP Request node',
	async start() {
		const openVox = createOpenVoxSandbox({ seed: 3 });
		const stop = await startSandboxes(openVox);
		return { credentials: { openVoxApi: openVox.credentials() as ICredentialDataDecryptedObject }, state: { openVox }, stop };
	},
	workflow: ({ openVox }) =>
		httpRequestWorkflow('OpenVox Extensions', 'openVoxApi', {
			method: 'POST',
			url: `${openVox.server.baseUrl}/api/v0.0.1/extensionlist/query?type=json`,
		}),
	check(run, { openVox }) {
		const [answer] = run.json('OpenVox Extensions');
		assert.strictEqual(answer.status, 'Success');
		assert.deepStrictEqual((answer.extlist as IDataObject[]).map((e) => e.extnumber), [...openVox.state.extensions.keys()]);
		assert.strictEqual(openVox.server.count('POST', '/login'), 1, 'one login');
	},
});

const httpRequestSipXcom = defineCase<{ sipXcom: SipXcomSandbox }>({
	name: 'sipXcom API credential in the HTTP Request node: HTTP Basic as the administrator',
	example: 'HTTP Request node',
	async start() {
		const sipXcom = createSipXcomSandbox({ users: 2, phones: 3 });
		const stop = await startSandboxes(sipXcom);
		return { credentials: { sipXcomApi: sipXcom.credentials() }, state: { sipXcom }, stop };
	},
	workflow: ({ sipXcom }) => httpRequestWorkflow('sipXcom Phones', 'sipXcomApi', { url: `${sipXcom.server.baseUrl}/sipxconfig/api/phones` }),
	check(run, { sipXcom }) {
		const [answer] = run.json('sipXcom Phones');
		assert.strictEqual((answer.phones as IDataObject[]).length, 3);
		assert.strictEqual(sipXcom.server.requests[0].status, 200);
	},
});

const threeCxOnboarding = defineCase<{ threeCx: ThreeCxSandbox; cloudonix: CloudonixSandbox }>({
	name: '3CX onboarding: next free number, department, queue, ring group, desk phone, welcome e-mail and Cloudonix subscriber, without secrets',
	example: '3cx-onboarding.json',
	triggerOutput: [
		{
			body: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', departmentId: 3, queue: '800', ringGroup: '801', phoneMac: '80:5E:C0:11:22:33', phoneTemplate: 'yealinkT4x.ph.xml' },
			headers: { 'content-type': 'application/json' },
			params: {},
			query: {},
		},
	],
	async start() {
		const threeCx = createThreeCxSandbox();
		const cloudonix = createCloudonixSandbox();
		const stop = await startSandboxes(threeCx, cloudonix);
		threeCx.seedUsers(5);
		threeCx.state.users.delete(3); // 102 is the first free number
		threeCx.addQueue({ Name: 'Support', Number: '800', agents: ['100', '101'] });
		threeCx.addRingGroup({ Name: 'Support Hotline', Number: '801', members: ['101'] });
		return { credentials: { threeCxApi: threeCx.credentials(), cloudonixApi: cloudonix.credentials() }, state: { threeCx, cloudonix }, stop };
	},
	check(run, { threeCx, cloudonix }) {
		const user = [...threeCx.state.users.values()].find((u) => u.EmailAddress === 'ada@example.com');
		assert.ok(user, '3CX user created');
		assert.strictEqual(user.Number, '102');
		assert.deepStrictEqual(
			user.Groups.map((g) => g.GroupId),
			[1, 3],
		);
		assert.deepStrictEqual(
			threeCx.state.queues[0].Agents.map((a) => a.Number),
			['100', '101', '102'],
			'an agent of the queue, the others kept',
		);
		assert.deepStrictEqual(
			threeCx.state.ringGroups[0].Members.map((m) => m.Number),
			['101', '102'],
			'a member of the ring group, the others kept',
		);
		assert.deepStrictEqual(
			user.Phones.map((p) => [p.MacAddress, p.TemplateName]),
			[['805ec0112233', 'yealinkT4x.ph.xml']],
		);
		assert.deepStrictEqual(threeCx.state.welcomeEmails, [user.Id]);
		const subscriber = cloudonix.byMsisdn('102');
		assert.ok(subscriber, 'Cloudonix subscriber 102 created');
		assert.strictEqual(subscriber.active, true);
		assert.deepStrictEqual(numbers(run.json('Create Cloudonix Subscriber')), ['102']);
		assert.strictEqual(threeCx.server.count('POST', '/connect/token'), 1);
		const everything = JSON.stringify(run.run.data);
		for (const secret of [user.AuthPassword, user.AccessPassword, subscriber.sipPassword, '/provisioning/']) {
			assert.ok(!everything.includes(secret), 'no credentials or provisioning links in the execution data');
		}
	},
});

const threeCxOffboarding = defineCase<{ threeCx: ThreeCxSandbox; cloudonix: CloudonixSandbox; before: { AuthPassword: string } }>({
	name: '3CX offboarding: disable by number, off every queue and ring group, forward to the manager, new SIP credentials, phones removed, Cloudonix deactivated',
	example: '3cx-offboarding.json',
	triggerOutput: [{ body: { extension: '104', managerExtension: '200' }, headers: { 'content-type': 'application/json' }, params: {}, query: {} }],
	async start() {
		const threeCx = createThreeCxSandbox();
		const cloudonix = createCloudonixSandbox();
		const stop = await startSandboxes(threeCx, cloudonix);
		threeCx.seedUsers(5);
		threeCx.seedUsers(1, 200);
		threeCx.addQueue({ Name: 'Support', Number: '800', agents: ['103', '104'] });
		threeCx.addRingGroup({ Name: 'Reception', Number: '801', members: ['104', '200'] });
		const leaver = threeCx.state.users.get(5)!;
		leaver.Phones = [{ Id: 90, MacAddress: '805ec0a1b2c1', Name: 'Desk', TemplateName: 'yealinkT4x.ph.xml', Interface: null, ProvisioningLinkExt: 'x', ProvisioningLinkLocal: 'y' }];
		cloudonix.add('104', 'Leaver-104-Pw9x', { displayName: 'Leaver' }, true);
		return {
			credentials: { threeCxApi: threeCx.credentials(), cloudonixApi: cloudonix.credentials() },
			state: { threeCx, cloudonix, before: { AuthPassword: leaver.AuthPassword } },
			stop,
		};
	},
	check(run, { threeCx, cloudonix, before }) {
		const leaver = threeCx.state.users.get(5);
		assert.ok(leaver, 'the leaver is disabled, not deleted');
		assert.deepStrictEqual([leaver.Enabled, leaver.HideInPhonebook, leaver.Phones.length], [false, true, 0]);
		assert.deepStrictEqual(
			[threeCx.state.queues[0].Agents.map((a) => a.Number), threeCx.state.ringGroups[0].Members.map((m) => m.Number)],
			[['103'], ['200']],
			'off the queue and the ring group, the others kept',
		);
		for (const profile of leaver.ForwardingProfiles) {
			assert.deepStrictEqual((profile.AwayRoute as { Internal: unknown }).Internal, { To: 'Extension', Number: '200' });
		}
		assert.notStrictEqual(leaver.AuthPassword, before.AuthPassword);
		assert.strictEqual(cloudonix.byMsisdn('104')?.active, false);
		assert.strictEqual(threeCx.state.users.get(4)?.Enabled, true, 'nobody else touched');
		const everything = JSON.stringify(run.run.data);
		assert.ok(!everything.includes(leaver.AuthPassword) && !everything.includes('Leaver-104-Pw9x'), 'no credentials in the execution data');
	},
});

export const cases: Array<N8nCase<unknown>> = [
	compareExtensionsExample,
	multiSiteReport,
	multiSiteGuard,
	nightlySync,
	nightlySyncDryRun,
	syncOneExtension,
	reprovisionDepartmentPhones,
	exportExtensions,
	cloudonixSyncExtensions,
	openVoxNewHires,
	openVoxNewHiresXml,
	onboardingWebhook,
	sipXcomDirectoryAudit,
	migrationAudit,
	httpRequestThreeCx,
	httpRequestCloudonix,
	httpRequestOpenVox,
	httpRequestSipXcom,
	threeCxOnboarding,
	threeCxOffboarding,
];
