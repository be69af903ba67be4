/// <reference lib="dom" />
/**
 * Driver for `npm run test:editor` (scripts/test-editor.sh): the package in a real n8n editor,
 * driven in headless Chromium (Debian's package, through puppeteer-core) as a user would.
 *
 *   run.ts prepare --cache <n8n cache> --work <temp dir>   packs and installs the package
 *   run.ts run --cache <n8n cache> --work <temp dir>       starts everything and checks:
 *
 *  - every node, with every resource and operation of its newest version, opens its panel
 *    without an error notification (one canvas holds them all, see setup.ts);
 *  - every dropdown and resource locator ("From list") filled from the PBX lists exactly the
 *    sandbox's entries, in order;
 *  - each credential's Test (on Save) fails with our message for a wrong secret, without
 *    showing it, and succeeds with the sandbox's values;
 *  - the nodes panel finds the package's five nodes, and the flagship example runs from the
 *    editor's Execute Workflow button.
 *
 * Every step waits for what the editor shows (selectors, no request in flight, a list that
 * finished loading, the answer to the credential test request) with a short timeout, so a
 * failing step fails in seconds with a screenshot and the page's HTML next to it; the run then
 * goes on with the next panel.
 * Screenshots go to <work>/screenshots (kept with PBX_SYNC_N8N_KEEP=1).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Browser, ElementHandle, HTTPRequest, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';

import { argument } from '../../dev/harness/cli';
import { packInto } from '../n8n/pack';
import { RealN8n } from '../n8n/realN8n';
import { OWNER } from '../n8n/server';
import type { EditorSetup, RemoteList } from './setup';
import { FLAGSHIP_ID, PANELS_NAME, startEditorSetup } from './setup';

const CHROMIUM = process.env.PBX_SYNC_CHROMIUM ?? '/usr/bin/chromium';
/** One step (a click and what it leads to); the editor answers loopback requests well within it. */
const STEP_TIMEOUT_MS = 20_000;
/** The first load of the editor's bundle, and a workflow run, on a busy 2-core machine. */
const LOAD_TIMEOUT_MS = 120_000;

const NDV = '[data-test-id="ndv"]';
const CREDENTIAL_MODAL = '[data-test-id="editCredential-modal"]';

/** Per credential type: the secret field, and what the Test must say when that secret is wrong. */
const CREDENTIAL_TESTS: Record<string, { secretField: string; wrongSecret: string; message: RegExp }> = {
	threeCxApi: { secretField: 'clientSecret', wrongSecret: 'not-the-api-key', message: /3CX rejected the Client ID and Client Secret.*XAPI Access Enabled/ },
	cloudonixApi: { secretField: 'apiKey', wrongSecret: 'XIwrongwrongwrongwrongwrongwrongwr', message: /API key was rejected/i },
	openVoxApi: { secretField: 'password', wrongSecret: 'not-the-password', message: /OpenVox login failed: invalid API username or password/ },
	sipXcomApi: { secretField: 'password', wrongSecret: 'not-the-password', message: /Wrong username or password/i },
};

/** What the nodes panel must find for "PBX" (the nodes' alias). */
const PACKAGE_NODES = ['3CX', 'Cloudonix', 'Compare Extensions', 'OpenVox', 'sipXcom'];

class Report {
	readonly failures: string[] = [];
	checks = 0;

	fail(message: string): void {
		this.checks++;
		this.failures.push(message);
		console.error(`  FAIL ${message}`);
	}

	pass(message: string): void {
		this.checks++;
		console.log(`  ok   ${message}`);
	}

	expectSame(label: string, shown: string[], wanted: string[] | undefined): void {
		if (!wanted) this.fail(`${label}: no expectation for this list`);
		else if (JSON.stringify(shown) !== JSON.stringify(wanted)) this.fail(`${label} lists ${JSON.stringify(shown)}, the sandbox has ${JSON.stringify(wanted)}`);
		else this.pass(`${label} lists the sandbox's ${wanted.length} entries`);
	}
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

class Editor {
	private shots = 0;
	/** Requests of the page that have not finished yet, by their URL. */
	private readonly inFlight = new Map<HTTPRequest, string>();

	constructor(
		readonly page: Page,
		readonly baseUrl: string,
		readonly screenshotDir: string,
	) {
		page.on('request', (request) => this.inFlight.set(request, `${request.method()} ${request.url()}`));
		for (const done of ['requestfinished', 'requestfailed'] as const) page.on(done, (request) => this.inFlight.delete(request));
		// A new document: the old one's requests were cancelled, and Chromium does not report them.
		page.on('framenavigated', (frame) => frame === page.mainFrame() && this.inFlight.clear());
	}

	async screenshot(label: string): Promise<string> {
		const file = path.join(this.screenshotDir, `${String(++this.shots).padStart(3, '0')}-${label.replace(/[^\w.-]+/g, '_')}.png`);
		await this.page.screenshot({ path: file as `${string}.png` });
		return file;
	}

	/** A failed step: its screenshot and the page's HTML, to find what the editor showed instead. */
	async keepEvidence(label: string): Promise<void> {
		const file = await this.screenshot(`${label}-failed`).catch(() => undefined);
		if (file) fs.writeFileSync(file.replace(/\.png$/, '.html'), await this.page.content().catch(() => ''));
	}

	async signIn(): Promise<void> {
		await this.page.goto(`${this.baseUrl}/signin`, { waitUntil: 'domcontentloaded' });
		const email = await this.page.waitForSelector('input[type=email], input[name=emailOrLdapLoginId]', { timeout: LOAD_TIMEOUT_MS });
		await email!.type(OWNER.email);
		await this.page.type('input[type=password]', OWNER.password);
		await this.page.keyboard.press('Enter');
		await this.page.waitForFunction(() => !location.pathname.startsWith('/signin'), { timeout: LOAD_TIMEOUT_MS });
	}

	/**
	 * Opens a workflow from the Overview's list, as a user does (no page load: the editor's bundle
	 * is loaded once), and waits until its canvas shows all `nodeCount` nodes.
	 */
	async openWorkflow(name: string, nodeCount: number): Promise<void> {
		// Signing in lands on the Overview; from a workflow, its sidebar entry leads back.
		if (!(await this.page.evaluate(() => location.pathname.startsWith('/home')))) {
			await (await this.page.waitForSelector('[data-test-id="project-home-menu-item"]'))!.click();
		}
		// The list re-renders while it loads (a found card can be replaced before the click): the
		// click goes to where the card is, and is repeated until the editor has left the list.
		const cardCenter = (wanted: string) => {
			const card = Array.from(document.querySelectorAll('[data-test-id="workflow-card-name"]')).find((element) => element.textContent?.trim() === wanted);
			const box = card?.getBoundingClientRect();
			return box && box.width > 0 ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : false;
		};
		for (let attempt = 1; ; attempt++) {
			const center = (await (await this.page.waitForFunction(cardCenter, {}, name)).jsonValue()) as { x: number; y: number };
			await this.page.mouse.click(center.x, center.y);
			try {
				await this.page.waitForFunction(() => location.pathname.startsWith('/workflow/'), { timeout: 5000 });
				break;
			} catch (error) {
				if (attempt === 3) throw new Error(`the workflow "${name}" did not open from the Overview list`, { cause: error });
			}
		}
		await this.page.waitForFunction((count: number) => document.querySelectorAll('[data-test-id="canvas-node"]').length >= count, { timeout: LOAD_TIMEOUT_MS }, nodeCount);
	}

	/** Waits until the editor has no request to the server in flight (option lists, credential tests). */
	async settle(): Promise<void> {
		const deadline = Date.now() + STEP_TIMEOUT_MS;
		let idleSince = this.inFlight.size === 0 ? Date.now() : undefined;
		while (idleSince === undefined || Date.now() - idleSince < 250) {
			if (Date.now() > deadline) throw new Error(`requests still open after ${STEP_TIMEOUT_MS / 1000} s: ${[...this.inFlight.values()].join(', ')}`);
			await new Promise((resolve) => setTimeout(resolve, 50));
			if (this.inFlight.size > 0) idleSince = undefined;
			else idleSince ??= Date.now();
		}
	}

	/** Error notifications (toasts) on screen now, by their text. */
	async errorNotifications(): Promise<string[]> {
		return await this.page.$$eval('.el-notification', (elements) =>
			elements
				.filter((element) => element.checkVisibility() && element.querySelector('.el-notification--error') !== null)
				.map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim()),
		);
	}

	async dismissNotifications(): Promise<void> {
		for (const close of await this.page.$$('.el-notification .el-notification__closeBtn')) await close.click().catch(() => undefined);
	}

	/** Double-clicks a node on the canvas and waits for its panel (the panel's title is the node's name). */
	async openNode(name: string): Promise<void> {
		const node = await this.page.waitForSelector(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
		await node!.click({ count: 2 });
		await this.page.waitForFunction(
			(ndv: string, title: string) => {
				const dialog = document.querySelector(ndv);
				const panel = dialog?.querySelector('[data-test-id="node-parameters"]');
				const heading = dialog?.querySelector('[data-test-id="node-title-container"]');
				// Open, showing this node, and done sliding in (a click during the transition can lose its focus).
				const moving = dialog?.getAnimations({ subtree: true }).some((animation) => animation.playState === 'running' && animation.effect?.getTiming().iterations !== Infinity);
				return panel?.checkVisibility() === true && heading?.textContent?.includes(title) === true && !moving;
			},
			{},
			NDV,
			name,
		);
		await this.settle();
	}

	async closeNode(): Promise<void> {
		await this.page.click(`${NDV} [data-test-id="ndv-close-button"]`);
		await this.page.waitForSelector(NDV, { hidden: true });
	}

	/** Back to the bare canvas after a failed step: closes a credential dialog and a panel if open. */
	async reset(): Promise<void> {
		await this.page.keyboard.press('Escape').catch(() => undefined);
		if (await this.visible(CREDENTIAL_MODAL)) await this.closeCredential().catch(() => undefined);
		if (await this.visible(NDV)) await this.closeNode().catch(() => undefined);
	}

	async visible(selector: string): Promise<boolean> {
		return await this.page.$$eval(selector, (elements) => elements.some((element) => element.checkVisibility()));
	}

	/** The entries a remote list of the open panel shows, once it has finished loading. */
	async listEntries(list: RemoteList): Promise<string[]> {
		return list.kind === 'locator' ? await this.locatorEntries(list.name) : await this.dropdownEntries(list.name);
	}

	/** Opens an options dropdown of the open panel and returns its labels once loaded. */
	private async dropdownEntries(parameterName: string): Promise<string[]> {
		const input = `${NDV} [data-test-id="parameter-input-${parameterName}"] input`;
		const { listId, placeholder } = await this.page.$eval(input, (element) => ({
			listId: element.getAttribute('aria-controls'),
			placeholder: (element as HTMLInputElement).placeholder,
		}));
		// A list that failed to load is a plain input saying so ("Error fetching options from …").
		if (!listId) throw new Error(`the ${parameterName} dropdown shows "${placeholder}" instead of its options`);
		await this.clickUntil(input, (selector) => document.querySelector(selector)?.getAttribute('aria-expanded') === 'true', input);
		// Loaded: the list is open, n8n no longer says "Loading options", and it has entries or says it has none.
		const state = await this.page.waitForFunction(
			(id: string, selector: string) => {
				const list = document.getElementById(id);
				const field = document.querySelector(selector) as HTMLInputElement | null;
				if (!list?.checkVisibility() || /loading/i.test(field?.placeholder ?? '')) return false;
				// An entry shows its name (the headline) over its description.
				const items = Array.from(list.querySelectorAll('.el-select-dropdown__item')).map((item) =>
					((item.querySelector('.option-headline') ?? item).textContent ?? '').trim(),
				);
				const empty = list.closest('.el-select-dropdown')?.querySelector('.el-select-dropdown__empty');
				return items.length > 0 || empty ? items : false;
			},
			{},
			listId,
			input,
		);
		const entries = (await state.jsonValue()) as string[];
		await this.page.keyboard.press('Escape');
		await this.page.waitForFunction((id: string) => document.getElementById(id)?.checkVisibility() !== true, {}, listId);
		return entries;
	}

	/**
	 * Clicks until the click has taken effect: a click that lands while the editor moves the
	 * focus (a panel re-rendering after its options loaded) is lost, or opens a dropdown and at
	 * once closes it again.
	 */
	private async clickUntil(target: string, done: (argument: string) => boolean, argument: string): Promise<void> {
		for (let attempt = 1; ; attempt++) {
			await this.page.click(target);
			try {
				await this.page.waitForFunction(done, { timeout: 5000 }, argument);
				return;
			} catch (error) {
				if (attempt === 3) throw new Error(`clicking ${target} ${attempt} times had no effect`, { cause: error });
			}
		}
	}

	/** Opens a resource locator's "From list" of the open panel and returns its entries once loaded. */
	private async locatorEntries(parameterName: string): Promise<string[]> {
		const locator = `${NDV} [data-test-id="resource-locator-${parameterName}"]`;
		await this.clickUntil(`${locator} [data-test-id="rlc-input"]`, () => document.querySelector('[data-test-id="rlc-search"]')?.checkVisibility() === true, '');
		const state = await this.page.waitForFunction(() => {
			const search = document.querySelector('[data-test-id="rlc-search"]');
			const dropdown = search?.closest('[role="dialog"][data-state="open"]');
			if (!search?.checkVisibility() || !dropdown) return false;
			if (dropdown.querySelector('[class*="_loadingItem_"]')) return false;
			const error = dropdown.querySelector('[data-test-id="rlc-error-container"]');
			if (error) return { error: (error.textContent ?? '').trim() };
			const items = Array.from(dropdown.querySelectorAll('[data-test-id="rlc-item"]')).map((item) => (item.textContent ?? '').trim());
			return items.length > 0 || /no results/i.test(dropdown.textContent ?? '') ? { items } : false;
		});
		const result = (await state.jsonValue()) as { items?: string[]; error?: string };
		await this.page.keyboard.press('Escape');
		await this.page.waitForFunction(() => document.querySelector('[data-test-id="rlc-search"]')?.checkVisibility() !== true);
		if (result.error) throw new Error(`the ${parameterName} list shows an error: ${result.error}`);
		return result.items ?? [];
	}

	/**
	 * In the open credential dialog: enters a secret and saves, which tests the credential.
	 * Returns whether the test passed and the banner's text (with its details when it failed).
	 */
	async saveCredentialWith(field: string, secret: string): Promise<{ ok: boolean; text: string }> {
		const { page } = this;
		const input = (await page.waitForSelector(`${CREDENTIAL_MODAL} [data-test-id="parameter-input-${field}"] input`)) as ElementHandle<HTMLInputElement>;
		// The field must hold exactly this secret before Save, or the Test proves nothing: a
		// selection that missed part of the old value (the dialog re-renders while it settles)
		// would send old and new text together. Clear and paste again until it does.
		for (let attempt = 1; ; attempt++) {
			await input.click({ count: 3 });
			await input.evaluate((element) => element.select());
			await page.keyboard.press('Backspace');
			// As pasted: one input event (typing key by key re-renders the dialog for every character).
			await page.keyboard.sendCharacter(secret);
			if ((await input.evaluate((element) => element.value)) === secret) break;
			if (attempt === 3) throw new Error(`The ${field} field does not hold the value pasted into it`);
		}
		const save = `${CREDENTIAL_MODAL} [data-test-id="credential-save-button"]`;
		await page.waitForSelector(`${save} button:not([disabled])`);
		// The editor saves, then sends the credential to POST /rest/credentials/test and shows the answer.
		// Only a Test sent after Save counts: one the dialog started on opening may still be running.
		const isTest = (request: HTTPRequest) => request.method() === 'POST' && request.url().endsWith('/rest/credentials/test');
		const sent = page.waitForRequest(isTest);
		await this.clickUntil(`${save} button`, (selector) => document.querySelector(`${selector} button:not([disabled])`) === null, save);
		const request = await sent;
		const response = request.response() ?? (await page.waitForResponse((candidate) => candidate.request() === request));
		const answer = (await response.json()) as { data?: { status?: string } };
		const ok = answer.data?.status === 'OK';
		if (ok) {
			await page.waitForFunction(
				(modal: string) => document.querySelector(`${modal} [data-test-id="credentials-config-container-test-success"]`)?.checkVisibility() === true,
				{},
				CREDENTIAL_MODAL,
			);
			return { ok, text: 'Connection tested successfully' };
		}
		// "Couldn't connect with these settings — More details": the details hold our message.
		const banner = `${CREDENTIAL_MODAL} .el-tag--danger`;
		const collapsed = await page.waitForFunction(
			(selector: string) => {
				const tag = Array.from(document.querySelectorAll(selector)).find((element) => element.checkVisibility() && /couldn.t connect/i.test(element.textContent ?? ''));
				return tag ? { collapsed: tag.querySelector('a.n8n-link') !== null } : false;
			},
			{},
			banner,
		);
		if (((await collapsed.jsonValue()) as { collapsed: boolean }).collapsed) await page.click(`${banner} a.n8n-link`);
		const text = await page.waitForFunction(
			(selector: string) => {
				const tag = Array.from(document.querySelectorAll(selector)).find((element) => element.checkVisibility() && element.querySelector('[class*="_details_"]'));
				return tag ? (tag.textContent ?? '') : false;
			},
			{},
			banner,
		);
		return { ok, text: ((await text.jsonValue()) as string).replace(/\s+/g, ' ').trim() };
	}

	async closeCredential(): Promise<void> {
		await this.page.click(`${CREDENTIAL_MODAL} .el-dialog__headerbtn`);
		await this.page.waitForSelector(CREDENTIAL_MODAL, { hidden: true });
	}
}

/** Every panel of the panels workflow, then every credential's Test from a panel that uses it. */
async function checkPanels(editor: Editor, setup: EditorSetup, report: Report): Promise<void> {
	const started = Date.now();
	await editor.openWorkflow(PANELS_NAME, setup.panels.length);
	console.log(`\nEvery panel (${setup.panels.length} nodes on one canvas, loaded in ${seconds(started)}):`);
	await editor.screenshot('panels-canvas');
	for (const panel of setup.panels) {
		const label = `${panel.name} (v${panel.version})`;
		const opened = Date.now();
		try {
			await editor.openNode(panel.name);
			const errors = await editor.errorNotifications();
			if (errors.length > 0) {
				report.fail(`${label}: the panel shows an error notification: ${errors.join(' | ')}`);
				await editor.dismissNotifications();
			} else report.pass(`${label}: panel opens without an error notification (${seconds(opened)})`);
			for (const list of panel.lists) {
				report.expectSame(`${label}: ${list.displayName}`, await editor.listEntries(list), setup.expected[list.method]);
			}
			await editor.closeNode();
		} catch (error) {
			await editor.keepEvidence(panel.name);
			report.fail(`${label}: ${(error as Error).message.split('\n')[0]}`);
			await editor.dismissNotifications();
			await editor.reset();
		}
	}
	console.log(`  (${setup.panels.length} panels in ${seconds(started)})`);
	// After the panels: the lists have been loaded, so 3CX and OpenVox hold a token from the
	// right secret, as for a user who changes a credential that is in use.
	console.log('\nCredential tests (Save in the credential dialog):');
	const credentialStarted = Date.now();
	for (const type of Object.keys(CREDENTIAL_TESTS)) {
		const panel = setup.panels.find((candidate) => candidate.credentialType === type);
		if (!panel) {
			report.fail(`${type}: no node uses this credential`);
			continue;
		}
		try {
			await editor.openNode(panel.name);
			await checkCredential(editor, setup, type, report);
			await editor.closeNode();
		} catch (error) {
			await editor.keepEvidence(type);
			report.fail(`${type}: credential test in the editor: ${(error as Error).message.split('\n')[0]}`);
			await editor.reset();
		}
	}
	const untested = setup.credentials.filter((credential) => !(credential.type in CREDENTIAL_TESTS));
	if (untested.length > 0) report.fail(`no credential test for ${untested.map((credential) => credential.type).join(', ')}`);
	console.log(`  (${Object.keys(CREDENTIAL_TESTS).length} credentials in ${seconds(credentialStarted)})`);
}

/** From the open panel: the credential's pencil opens its dialog; a wrong, then the right secret is saved. */
async function checkCredential(editor: Editor, setup: EditorSetup, type: string, report: Report): Promise<void> {
	const test = CREDENTIAL_TESTS[type];
	const right = String(setup.credentials.find((c) => c.type === type)?.data[test.secretField] ?? '');
	await editor.page.click(`${NDV} [data-test-id="credential-edit-button"]`);
	await editor.page.waitForSelector(CREDENTIAL_MODAL);
	const wrong = await editor.saveCredentialWith(test.secretField, test.wrongSecret);
	await editor.screenshot(`${type}-wrong-secret`);
	if (wrong.ok) report.fail(`${type}: the Test passes with a wrong ${test.secretField}`);
	else if (wrong.text.includes(test.wrongSecret)) report.fail(`${type}: the failed Test shows the secret`);
	else if (test.message.test(wrong.text)) report.pass(`${type}: a wrong secret fails the Test with "${excerpt(wrong.text, test.message)}"`);
	else report.fail(`${type}: with a wrong secret the dialog says "${wrong.text.slice(0, 400)}", expected ${String(test.message)}`);
	const ok = await editor.saveCredentialWith(test.secretField, right);
	await editor.screenshot(`${type}-tested`);
	if (ok.ok) report.pass(`${type}: the sandbox's values pass the Test`);
	else report.fail(`${type}: the sandbox's values fail the Test: "${ok.text.slice(0, 400)}"`);
	await editor.closeCredential();
}

function excerpt(text: string, pattern: RegExp): string {
	const match = pattern.exec(text);
	return match ? text.slice(match.index, match.index + 160).trim() : text.slice(0, 160);
}

/** The nodes panel (from the flagship's canvas) finds the package's nodes by their alias "PBX". */
async function checkNodesPanel(editor: Editor, report: Report): Promise<void> {
	const { page } = editor;
	await page.click('[data-test-id="node-creator-plus-button"]');
	await page.waitForSelector('[data-test-id="node-creator-search-bar"]');
	await page.type('[data-test-id="node-creator-search-bar"]', 'PBX');
	const found = await page.waitForFunction(
		(wanted: string[]) => {
			const names = Array.from(document.querySelectorAll('[data-test-id="node-creator"] [data-test-id="node-creator-item-name"]')).map((item) => (item.textContent ?? '').trim());
			return wanted.every((name) => names.includes(name)) ? names : false;
		},
		{},
		PACKAGE_NODES,
	).catch(() => undefined);
	await editor.screenshot('nodes-panel');
	if (found) report.pass(`nodes panel: "PBX" finds ${PACKAGE_NODES.join(', ')}`);
	else report.fail(`nodes panel: "PBX" does not list all of ${PACKAGE_NODES.join(', ')}`);
	await page.keyboard.press('Escape');
	await page.waitForSelector('[data-test-id="node-creator"]', { hidden: true });
}

/** The flagship from the editor: Execute Workflow, then the execution n8n saved must have succeeded. */
async function checkFlagship(editor: Editor, setup: EditorSetup, report: Report): Promise<void> {
	const started = Date.now();
	console.log('\nFlagship example from the editor:');
	try {
		const flagship = await setup.server.rest<{ name: string; nodes: Array<{ type: string }> }>('GET', `/workflows/${FLAGSHIP_ID}`);
		// Sticky notes are drawn apart from the canvas nodes.
		await editor.openWorkflow(flagship.name, flagship.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote').length);
		await editor.screenshot('flagship-canvas');
		await checkNodesPanel(editor, report);
		const before = (await setup.server.executions(FLAGSHIP_ID)).length;
		await editor.page.click('[data-test-id="execute-workflow-button"]');
		const executions = await setup.server.waitForExecutions(FLAGSHIP_ID, before + 1, LOAD_TIMEOUT_MS);
		const last = executions[executions.length - 1];
		// The canvas shows the run once the editor has it: Compare Extensions with its success mark.
		await editor.page.waitForSelector('[data-test-id="canvas-node"][data-node-name="Compare Extensions"] [data-test-id="canvas-node-status-success"]');
		const errors = await editor.errorNotifications();
		const failedNodes = await editor.page.$$eval('[data-test-id="canvas-node"]:has([data-test-id="canvas-node-status-error"])', (nodes) =>
			nodes.map((node) => node.getAttribute('data-node-name')),
		);
		await editor.dismissNotifications();
		await editor.screenshot('flagship-run');
		if (last.status !== 'success') report.fail(`flagship: the run from the editor ended ${last.status}`);
		else if (errors.length > 0) report.fail(`flagship: error notification after the run: ${errors.join(' | ')}`);
		else if (failedNodes.length > 0) report.fail(`flagship: nodes failed on the canvas: ${failedNodes.join(', ')}`);
		else report.pass(`flagship: Execute Workflow in the editor runs it successfully (execution ${last.id})`);
		await showCompareOutput(editor);
		await editor.screenshot('flagship-compare-extensions-output');
		await editor.closeNode();
	} catch (error) {
		await editor.keepEvidence('flagship');
		report.fail(`flagship: ${(error as Error).message.split('\n')[0]}`);
	}
	console.log(`  (${seconds(started)})`);
}

/**
 * The Compare Extensions panel after the run, as a user would look at it: the parameters moved
 * to the left for a wider output, the Changed branch (its fourth output) as JSON.
 */
async function showCompareOutput(editor: Editor): Promise<void> {
	const { page } = editor;
	await editor.openNode('Compare Extensions');
	const output = `${NDV} [data-test-id="output-panel"]`;
	await page.waitForSelector(`${output} [data-test-id="branches"]`);
	const handle = await page.$(`${NDV} [data-test-id="panel-drag-button"]`);
	const box = await handle?.boundingBox();
	if (box) {
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await page.mouse.down();
		await page.mouse.move(box.x - 300, box.y + box.height / 2, { steps: 10 });
		await page.mouse.up();
	}
	await page.click(`${output} [data-test-id="branches"] [data-test-id="tab-3"]`);
	await page.click(`${output} [data-test-id="radio-button-json"]`);
	await page.waitForFunction((selector: string) => document.querySelector(selector)?.textContent?.includes('changedFields') === true, {}, output);
}

async function launch(work: string): Promise<Browser> {
	if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
	return await puppeteer.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [
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

/** Signs in on a page of its own (a fresh browser context, without cookies) and runs every check. */
async function checkEditor(browser: Browser, setup: EditorSetup, screenshotDir: string, report: Report): Promise<void> {
	const context = await browser.createBrowserContext();
	try {
		await checkEditorPage(await context.newPage(), setup, screenshotDir, report);
	} finally {
		await context.close();
	}
}

async function checkEditorPage(page: Page, setup: EditorSetup, screenshotDir: string, report: Report): Promise<void> {
	page.setDefaultTimeout(STEP_TIMEOUT_MS);
	page.setDefaultNavigationTimeout(LOAD_TIMEOUT_MS);
	await page.setViewport({ width: 1280, height: 800 });
	const editor = new Editor(page, setup.server.baseUrl, screenshotDir);
	const started = Date.now();
	try {
		await editor.signIn();
		console.log(`signed in (${seconds(started)})`);
		await checkPanels(editor, setup, report);
	} catch (error) {
		// Signing in or opening the panels' workflow failed: nothing else to check on this page.
		await editor.keepEvidence('editor');
		throw error;
	}
	await checkFlagship(editor, setup, report);
}

async function main(): Promise<void> {
	const phase = process.argv[2];
	const n8n = new RealN8n(argument('cache'), argument('work'));
	if (phase === 'prepare') {
		n8n.installTarball(packInto(path.join(n8n.workDir, 'pack')));
		return;
	}
	if (phase !== 'run') throw new Error('usage: run.ts prepare|run --cache <dir> --work <dir>');
	const started = Date.now();
	const screenshotDir = path.join(n8n.workDir, 'screenshots');
	fs.mkdirSync(screenshotDir, { recursive: true });
	const report = new Report();

	const setup = await startEditorSetup(n8n);
	console.log(`n8n editor on ${setup.server.baseUrl} (ready after ${seconds(started)})`);
	let browser: Browser | undefined;
	try {
		browser = await launch(n8n.workDir);
		await checkEditor(browser, setup, screenshotDir, report);
	} catch (error) {
		report.fail((error as Error).message.split('\n')[0]);
	} finally {
		await browser?.close();
		await setup.stop();
	}
	console.log(`\nScreenshots: ${screenshotDir}`);
	console.log(`Editor test: ${report.checks - report.failures.length} passed, ${report.failures.length} failed in ${seconds(started)}`);
	if (report.failures.length > 0) process.exitCode = 1;
}

main().catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exitCode = 1;
});
