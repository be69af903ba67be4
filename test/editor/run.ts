/// <reference lib="dom" />
/**
 * Driver for `npm run test:editor` (scripts/test-editor.sh): the package in a real n8n editor,
 * driven in headless Chromium (Debian's package, through puppeteer-core) as a user would.
 *
 *   run.ts prepare --cache <n8n cache> --work <temp dir>   packs and installs the package
 *   run.ts run --cache <n8n cache> --work <temp dir>       starts everything and checks:
 *
 *  - every node, with every resource and operation of its newest version, opens its panel
 *    without an error notification;
 *  - every dropdown filled from the PBX lists exactly the sandbox's entries;
 *  - each credential's Test (on Save) fails with our message for a wrong secret and succeeds
 *    with the sandbox's values;
 *  - the flagship example runs from the editor's Execute Workflow button.
 *
 * Screenshots go to <work>/screenshots (kept with PBX_SYNC_N8N_KEEP=1).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';

import { argument } from '../../dev/harness/cli';
import { PACKAGE_NAME } from '../../dev/harness/registry';
import { packInto, packageJson } from '../n8n/pack';
import { RealN8n } from '../n8n/realN8n';
import { OWNER } from '../n8n/server';
import type { EditorSetup, NodeWorkflow, Sandboxes } from './setup';
import { FLAGSHIP_ID, startEditorSetup } from './setup';

const CHROMIUM = process.env.PBX_SYNC_CHROMIUM ?? '/usr/bin/chromium';
/** Generous: on a busy 2-core machine one editor page can take half a minute to boot. */
const TIMEOUT_MS = 180_000;

const failures: string[] = [];
let checks = 0;
function fail(message: string): void {
	checks++;
	failures.push(message);
	console.error(`  FAIL ${message}`);
}
function pass(message: string): void {
	checks++;
	console.log(`  ok   ${message}`);
}

/** What each loadOptions method must list: the sandbox's own entries, by the label the node gives them. */
function expectedEntries(sandboxes: Sandboxes): Record<string, string[]> {
	const { threeCx, openVox, sipXcom } = sandboxes;
	const byName = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b));
	return {
		getGroups: byName(threeCx.state.groups.map((group) => `${group.Name} (${group.Number})`)),
		getBranches: byName([...sipXcom.state.branches.values()].map((branch) => branch.name)),
		getBranchNames: byName([...sipXcom.state.branches.values()].map((branch) => branch.name)),
		getUserGroups: byName([...sipXcom.state.groups.values()].map((group) => group.name)),
		getPhoneModels: byName(sipXcom.state.models.map((model) => model.label ?? model.modelId)),
		// "1000 – User 1000 (Registered)": the number leads every label.
		getExtensions: [...openVox.state.extensions.keys()].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })),
	};
}

/** Per credential type: the secret field, and what the Test must say when that secret is wrong. */
const CREDENTIAL_TESTS: Record<string, { secretField: string; wrongSecret: string; message: RegExp }> = {
	threeCxApi: { secretField: 'clientSecret', wrongSecret: 'not-the-api-key', message: /3CX rejected the Client ID and Client Secret.*XAPI Access Enabled/ },
	cloudonixApi: { secretField: 'apiKey', wrongSecret: 'XIwrongwrongwrongwrongwrongwrongwr', message: /API key was rejected/i },
	openVoxApi: { secretField: 'password', wrongSecret: 'not-the-password', message: /OpenVox login failed: invalid API username or password/ },
	sipXcomApi: { secretField: 'password', wrongSecret: 'not-the-password', message: /Wrong username or password/i },
};

const pause = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

class Editor {
	private shots = 0;

	constructor(
		readonly page: Page,
		readonly baseUrl: string,
		readonly screenshotDir: string,
	) {}

	async screenshot(label: string): Promise<string> {
		const file = path.join(this.screenshotDir, `${String(++this.shots).padStart(3, '0')}-${label.replace(/[^\w.-]+/g, '_')}.png`);
		await this.page.screenshot({ path: file as `${string}.png` });
		return file;
	}

	async signIn(): Promise<void> {
		await this.page.goto(`${this.baseUrl}/signin`, { waitUntil: 'domcontentloaded' });
		const email = await this.page.waitForSelector('input[type=email], input[name=emailOrLdapLoginId]');
		await email!.type(OWNER.email);
		await this.page.type('input[type=password]', OWNER.password);
		await this.page.keyboard.press('Enter');
		await this.page.waitForFunction(() => !location.pathname.startsWith('/signin'));
	}

	async openWorkflow(id: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workflow/${id}`, { waitUntil: 'domcontentloaded' });
		await this.page.waitForSelector('[data-test-id="canvas-node"]');
	}

	/** Error notifications (toasts) on screen now, by their text. */
	async errorNotifications(): Promise<string[]> {
		return await this.page.$$eval('.el-notification', (elements) =>
			elements
				.filter((element) => (element as HTMLElement).offsetParent !== null && /error/i.test(element.className + element.innerHTML.slice(0, 400)))
				.map((element) => element.textContent?.trim() ?? ''),
		);
	}

	async dismissNotifications(): Promise<void> {
		for (const close of await this.page.$$('.el-notification .el-notification__closeBtn')) await close.click().catch(() => undefined);
	}

	async openNode(name: string): Promise<void> {
		const node = await this.page.waitForSelector(`[data-test-id="canvas-node"][data-node-name="${name}"] [data-test-id="canvas-default-node"]`);
		await node!.click({ count: 2 });
		await this.page.waitForSelector('[data-test-id="ndv"] [data-test-id="node-parameters"]');
	}

	async closeNode(): Promise<void> {
		await this.page.click('[data-test-id="ndv-close-button"]');
		await this.page.waitForSelector('[data-test-id="ndv"]', { hidden: true });
	}

	/** Opens a dropdown of the open panel and returns the labels it lists (after it loaded). */
	async dropdownEntries(parameterName: string): Promise<string[]> {
		await this.page.click(`[data-test-id="ndv"] [data-test-id="parameter-input-${parameterName}"]`);
		const visible = () =>
			this.page.$$eval('.el-select-dropdown__item', (items) =>
				items.filter((item) => (item as HTMLElement).offsetParent !== null).map((item) => item.textContent?.trim() ?? ''),
			);
		// The options come from the PBX: wait until the list stops being empty or loading.
		await this.page.waitForFunction(
			() =>
				Array.from(document.querySelectorAll('.el-select-dropdown__item, .el-select-dropdown__empty')).some(
					(item) => (item as HTMLElement).offsetParent !== null,
				),
		);
		const entries = await visible();
		await this.page.keyboard.press('Escape');
		return entries;
	}

	/** In the credential dialog: types a secret, saves (which tests the credential) and returns the banner's text. */
	async saveCredentialWith(field: string, secret: string, expectSuccess: boolean): Promise<string> {
		const modal = '[data-test-id="editCredential-modal"]';
		const input = (await this.page.waitForSelector(`${modal} [data-test-id="${field}"] input`)) as ElementHandle<HTMLInputElement>;
		await input.click({ count: 3 });
		await this.page.keyboard.press('Backspace');
		await input.type(secret);
		// The dialog takes the value when the field loses focus.
		await this.page.keyboard.press('Tab');
		await pause(1000);
		await this.page.waitForSelector(`${modal} [data-test-id="credential-save-button"]:not([disabled])`);
		await this.page.click(`${modal} [data-test-id="credential-save-button"]`);
		const banner = await this.page.waitForFunction(
			(selector: string, success: boolean) => {
				const tags = Array.from(document.querySelectorAll(`${selector} .el-tag`)).filter(
					(tag) => (tag as HTMLElement).offsetParent !== null && (tag as HTMLElement).style.display !== 'none',
				);
				const wanted = tags.find((tag) => tag.classList.contains(success ? 'el-tag--success' : 'el-tag--danger') && /connect|tested/i.test(tag.textContent ?? ''));
				return wanted ? (wanted.textContent ?? '').trim() : false;
			},
			{},
			modal,
			expectSuccess,
		);
		let text = (await banner.jsonValue()) as string;
		if (!expectSuccess) {
			// "Couldn't connect with these settings — More details": the details hold our message.
			const details = await this.page.$(`${modal} ::-p-text(More details)`);
			if (details) {
				await details.click();
				await pause(500);
				text = await this.page.$eval(modal, (element) => element.textContent ?? '');
			}
		}
		return text.replace(/\s+/g, ' ');
	}

	async closeCredential(): Promise<void> {
		await this.page.click('[data-test-id="editCredential-modal"] .el-dialog__headerbtn, [data-test-id="editCredential-modal"] [aria-label="Close"]').catch(async () => {
			await this.page.keyboard.press('Escape');
		});
		await this.page.waitForSelector('[data-test-id="editCredential-modal"]', { hidden: true }).catch(() => undefined);
	}
}

async function checkNodeWorkflow(editor: Editor, workflow: NodeWorkflow, expected: Record<string, string[]>, setup: EditorSetup): Promise<void> {
	console.log(`\n${workflow.displayName} (v${workflow.version}): ${workflow.nodes.length} panel(s)`);
	await editor.openWorkflow(workflow.id);
	await editor.screenshot(`${workflow.displayName}-canvas`);
	for (const node of workflow.nodes) {
		const label = `${workflow.displayName} ${node.name}`;
		try {
			await editor.openNode(node.name);
			await pause(300);
			const errors = await editor.errorNotifications();
			if (errors.length > 0) fail(`${label}: the panel shows an error notification: ${errors.join(' | ')}`);
			else pass(`${label}: panel opens without an error notification`);
			for (const dropdown of node.dropdowns) {
				const entries = await editor.dropdownEntries(dropdown.name);
				const wanted = expected[dropdown.method];
				const shown = dropdown.method === 'getExtensions' ? entries.map((entry) => entry.split(' ')[0]) : entries;
				if (!wanted) fail(`${label}: no expectation for dropdown method ${dropdown.method}`);
				else if (JSON.stringify(shown) !== JSON.stringify(wanted)) {
					fail(`${label}: ${dropdown.displayName} lists ${JSON.stringify(entries)}, the sandbox has ${JSON.stringify(wanted)}`);
				} else pass(`${label}: ${dropdown.displayName} lists the sandbox's ${wanted.length} entries`);
			}
			await editor.dismissNotifications();
			await editor.closeNode();
		} catch (error) {
			await editor.screenshot(`${label}-failed`).catch(() => undefined);
			fail(`${label}: ${(error as Error).message.split('\n')[0]}`);
			await editor.page.keyboard.press('Escape').catch(() => undefined);
		}
	}
	const credential = setup.credentials.find((c) => workflow.nodes.length > 0 && c.type === credentialTypeOf(workflow, setup));
	if (credential) await checkCredential(editor, workflow, credential.type);
}

function credentialTypeOf(workflow: NodeWorkflow, setup: EditorSetup): string | undefined {
	const vendor = workflow.type.slice(PACKAGE_NAME.length + 1).toLowerCase();
	return setup.credentials.find((c) => c.type.toLowerCase() === `${vendor}api`)?.type;
}

/** From the first node's panel: the credential's pencil opens its dialog; a wrong, then the right secret is saved. */
async function checkCredential(editor: Editor, workflow: NodeWorkflow, type: string): Promise<void> {
	const test = CREDENTIAL_TESTS[type];
	const right = String(credentialData(type)[test.secretField]);
	try {
		await editor.openNode(workflow.nodes[0].name);
		await editor.page.click('[data-test-id="ndv"] [data-test-id="credential-edit-button"]');
		const wrong = await editor.saveCredentialWith(test.secretField, test.wrongSecret, false);
		await editor.screenshot(`${type}-wrong-secret`);
		if (wrong.includes(test.wrongSecret)) fail(`${type}: the failed test shows the secret`);
		if (test.message.test(wrong)) pass(`${type}: a wrong secret fails the test with "${excerpt(wrong, test.message)}"`);
		else fail(`${type}: with a wrong secret the dialog says "${wrong.slice(0, 400)}", expected ${String(test.message)}`);
		const ok = await editor.saveCredentialWith(test.secretField, right, true);
		await editor.screenshot(`${type}-tested`);
		pass(`${type}: the sandbox's values pass the test ("${ok}")`);
		await editor.closeCredential();
		await editor.closeNode().catch(() => undefined);
	} catch (error) {
		await editor.screenshot(`${type}-credential-failed`).catch(() => undefined);
		fail(`${type}: credential test in the editor: ${(error as Error).message.split('\n')[0]}`);
	}
}

let credentialValues: Record<string, Record<string, unknown>> = {};
const credentialData = (type: string) => credentialValues[type] ?? {};

function excerpt(text: string, pattern: RegExp): string {
	const match = pattern.exec(text);
	return match ? text.slice(match.index, match.index + 160).trim() : text.slice(0, 160);
}

/** The flagship from the editor: Execute Workflow, then the execution n8n saved must have succeeded. */
async function checkFlagship(editor: Editor, setup: EditorSetup): Promise<void> {
	console.log('\nFlagship example from the editor:');
	try {
		await editor.openWorkflow(FLAGSHIP_ID);
		await editor.screenshot('flagship-canvas');
		const before = (await setup.server.executions(FLAGSHIP_ID)).length;
		await editor.page.click('[data-test-id="execute-workflow-button"]');
		await editor.page.waitForFunction(
			() => document.querySelectorAll('[data-test-id="canvas-node-status-success"]').length >= 6,
			{ timeout: TIMEOUT_MS },
		);
		const errors = await editor.errorNotifications();
		if (errors.length > 0) fail(`flagship: error notification after the run: ${errors.join(' | ')}`);
		await editor.screenshot('flagship-run');
		const executions = await setup.server.waitForExecutions(FLAGSHIP_ID, before + 1, TIMEOUT_MS);
		const last = executions[executions.length - 1];
		if (last.status !== 'success') fail(`flagship: the run from the editor ended ${last.status}`);
		else pass('flagship: Execute Workflow in the editor runs every node successfully');
		const subscribers = setup.sandboxes.cloudonix.state.subscribers.size;
		await editor.openNode('Compare Extensions');
		await pause(500);
		await editor.screenshot('flagship-compare-extensions-output');
		await editor.closeNode();
		pass(`flagship: Cloudonix sandbox now has ${subscribers} subscribers`);
	} catch (error) {
		await editor.screenshot('flagship-failed').catch(() => undefined);
		fail(`flagship: ${(error as Error).message.split('\n')[0]}`);
	}
}

async function launch(work: string): Promise<Browser> {
	if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
	return await puppeteer.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			`--user-data-dir=${fs.mkdtempSync(path.join(work, 'chromium-'))}`,
		],
	});
}

async function main(): Promise<void> {
	const phase = process.argv[2];
	const n8n = new RealN8n(argument('cache'), argument('work'));
	if (phase === 'prepare') {
		const packDir = path.join(n8n.workDir, 'pack');
		fs.mkdirSync(packDir, { recursive: true });
		n8n.installTarball(packInto(packDir), packageJson().name);
		return;
	}
	if (phase !== 'run') throw new Error('usage: run.ts prepare|run --cache <dir> --work <dir>');
	const started = Date.now();
	const screenshotDir = path.join(n8n.workDir, 'screenshots');
	fs.mkdirSync(screenshotDir, { recursive: true });

	const setup = await startEditorSetup(n8n);
	console.log(`n8n editor on ${setup.server.baseUrl} (ready after ${((Date.now() - started) / 1000).toFixed(0)} s)`);
	credentialValues = Object.fromEntries(setup.credentials.map((c) => [c.type, c.data]));
	let browser: Browser | undefined;
	try {
		browser = await launch(n8n.workDir);
		const page = await browser.newPage();
		page.setDefaultTimeout(TIMEOUT_MS);
		page.setDefaultNavigationTimeout(TIMEOUT_MS);
		await page.setViewport({ width: 1280, height: 800 });
		const editor = new Editor(page, setup.server.baseUrl, screenshotDir);
		await editor.signIn();
		const expected = expectedEntries(setup.sandboxes);
		for (const workflow of setup.nodeWorkflows) await checkNodeWorkflow(editor, workflow, expected, setup);
		await checkFlagship(editor, setup);
	} catch (error) {
		fail((error as Error).message);
	} finally {
		await browser?.close();
		await setup.stop();
	}
	console.log(`\nScreenshots: ${screenshotDir}`);
	console.log(`Editor test: ${checks - failures.length} passed, ${failures.length} failed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	if (failures.length > 0) process.exitCode = 1;
}

main().catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exitCode = 1;
});
