/**
 * Driver for `npm run test:n8n` (scripts/test-n8n.sh calls it twice):
 *
 *   run.ts prepare --cache <n8n cache> --work <temp dir>
 *       `npm pack` (prepack builds), checks the tarball's files, and installs it into the temp
 *       n8n user folder as docs/install.md says (npm install --omit=peer in .n8n/nodes);
 *   run.ts run --cache <n8n cache> --work <temp dir>
 *       (inside a network namespace with only loopback when the machine allows it)
 *       checks what n8n loaded from the package, then runs every case in cases.ts:
 *       starts its sandboxes, imports credentials and workflows, `n8n execute --rawOutput`,
 *       and checks the result; then the credential Tests through the REST API
 *       (credentialTests.ts), the change triggers (triggers.ts) and the approval example resumed
 *       through its links (approval.ts) in `n8n start`, n8n's SSRF
 *       protection blocking and allowing the sandboxes (ssrf.ts), and the N8N_CUSTOM_EXTENSIONS
 *       install in a user folder of its own (customExtensions.ts); last, a report (not a check)
 *       of Compare Extensions' versions against n8n's Compare Datasets at 10k × 10k (compareSpeed.ts).
 */
import * as fs from 'fs';
import { builtinModules } from 'module';
import type { IDataObject, INodeTypeDescription, IRun } from 'n8n-workflow';
import * as path from 'path';

import { argument } from '../../dev/harness/cli';
import { readExample, withCredentials, withManualTrigger } from '../../dev/harness/examples';
import { PACKAGE_NAME, packageCredentials, packageNodes } from '../../dev/harness/registry';
import type { CaseEnvironment, N8nCase, RunView } from './cases';
import { cases } from './cases';
import { checkPackContents, packInto, packageJson, tarballFiles } from './pack';
import type { CommandResult } from './realN8n';
import { RealN8n, crashedAfterRun, describe, errorsIn } from './realN8n';
import { runCompareSpeedReport } from './compareSpeed';
import { runCredentialTestCases } from './credentialTests';
import { runCustomExtensionCases } from './customExtensions';
import { runSsrfCases } from './ssrf';
import { runTriggerCases } from './triggers';
import { runApprovalCases } from './approval';

const failures: string[] = [];
function fail(message: string): void {
	failures.push(message);
	console.error(`  FAIL ${message}`);
}
function pass(message: string): void {
	console.log(`  ok   ${message}`);
}

/** `npm pack` (prepack builds), the tarball's contents checked, then installed as docs/install.md says. */
async function prepare(n8n: RealN8n): Promise<void> {
	const tarball = packInto(path.join(n8n.workDir, 'pack'));
	const files = tarballFiles(tarball);
	const problems = checkPackContents(files);
	if (problems.length > 0) throw new Error(`${path.basename(tarball)} is wrong:\n  ${problems.join('\n  ')}`);
	console.log(`packed ${path.basename(tarball)}: ${files.length} files, only what n8n needs`);
	console.log(`installing it into ${n8n.nodesDir} (npm install --omit=peer --ignore-scripts ./${path.basename(tarball)})`);
	n8n.installTarball(tarball);
}

/** Node descriptions n8n lists (export:nodes), to compare with what package.json promises. */
async function checkLoadedPackage(n8n: RealN8n): Promise<CommandResult> {
	console.log('\nWhat n8n loaded from the package:');
	const output = path.join(n8n.workDir, 'nodes.json');
	const result = await n8n.ok('export-nodes', ['export:nodes', `--output=${output}`]);
	const exported = JSON.parse(fs.readFileSync(output, 'utf8')) as INodeTypeDescription[];
	const ours = exported.filter((node) => node.name.startsWith(`${PACKAGE_NAME}.`));
	const expected = Object.keys(packageNodes()).filter((type) => type.startsWith(`${PACKAGE_NAME}.`));
	const installed = n8n.packageDir(PACKAGE_NAME);

	for (const type of expected) {
		const descriptions = ours.filter((node) => node.name === type);
		if (descriptions.length === 0) {
			fail(`node ${type} is not among the node types n8n loaded`);
			continue;
		}
		for (const description of descriptions) {
			const problems: string[] = [];
			const iconUrl = description.iconUrl as string | { light: string; dark: string } | undefined;
			const urls = typeof iconUrl === 'string' ? [iconUrl] : iconUrl ? [iconUrl.light, iconUrl.dark] : [];
			if (urls.length === 0 && !description.icon) problems.push('no icon');
			const contents = urls.map((url) => {
				// n8n serves icons/<package>/<path inside the package>.
				const file = path.join(installed, url.replace(`icons/${PACKAGE_NAME}/`, ''));
				if (!fs.existsSync(file)) {
					problems.push(`icon ${url} has no file in the installed package`);
					return '';
				}
				return fs.readFileSync(file, 'utf8');
			});
			if (contents.length === 2 && contents[0] && contents[0] === contents[1]) problems.push('light and dark icons are identical');
			const categories = description.codex?.categories ?? [];
			if (categories.length === 0) problems.push('no codex categories (is the .node.json codex file packed?)');
			if (categories.some((category) => ['Logic', 'Flow'].includes(category))) problems.push('Logic/Flow codex category');
			if (description.communityNodePackageVersion !== packageJson().version) {
				problems.push(`communityNodePackageVersion is ${description.communityNodePackageVersion}`);
			}
			if (problems.length > 0) fail(`node ${type} v${String(description.version)}: ${problems.join('; ')}`);
			else pass(`node ${type} v${String(description.version)}: loaded, icons ${urls.length ? 'served from ' + urls.join(', ') : description.icon}, codex ${categories.join(', ')}`);
		}
	}
	// n8n adds an AI-tool variant `<name>Tool` of every node whose description says usableAsTool.
	const toolVariants = expected
		.filter((type) => {
			const nodeType = packageNodes()[type];
			const versions = 'nodeVersions' in nodeType ? Object.values(nodeType.nodeVersions).map((v) => v.description) : [nodeType.description];
			return versions.some((version) => (version as { usableAsTool?: unknown }).usableAsTool);
		})
		.map((type) => `${type}Tool`);
	for (const type of toolVariants) {
		const variant = ours.find((node) => node.name === type);
		if (!variant) fail(`n8n did not add the AI tool variant ${type} (the node is usableAsTool)`);
		else pass(`tool variant ${type}: loaded`);
	}
	for (const node of ours) {
		if (!expected.includes(node.name) && !toolVariants.includes(node.name)) {
			fail(`n8n loaded ${node.name}, which package.json does not list`);
		}
	}

	// The package loader's own summary (debug level); a bad `n8n` attribute, a missing file or
	// a class that does not match its file name makes n8n log an error and skip the package.
	const summary = result.log.find((entry) => entry.message === `Loaded all credentials and nodes from ${PACKAGE_NAME}`);
	const { n8n: attribute } = packageJson();
	if (!summary) {
		fail(`n8n did not log that it loaded ${PACKAGE_NAME} (log: ${result.logFile})`);
	} else if (summary.metadata?.nodes !== attribute.nodes.length || summary.metadata?.credentials !== attribute.credentials.length) {
		fail(`n8n loaded ${String(summary.metadata?.nodes)} nodes and ${String(summary.metadata?.credentials)} credentials; package.json lists ${attribute.nodes.length} and ${attribute.credentials.length}`);
	} else {
		pass(`package loader: ${attribute.nodes.length} node(s), ${attribute.credentials.length} credential type(s) from package.json's n8n attribute`);
	}
	// export:nodes lists nodes only; for credential types, check the installed files and
	// their icons (n8n serves file: icons from the package folder and never checks them).
	for (const entry of attribute.credentials) {
		const file = path.join(installed, entry);
		if (!fs.existsSync(file)) {
			fail(`credential ${entry} is not in the installed package`);
			continue;
		}
		const icons = [...fs.readFileSync(file, 'utf8').matchAll(/['"]file:([^'"]+)['"]/g)].map((m) => path.join(path.dirname(file), m[1]));
		const missing = icons.filter((icon) => !fs.existsSync(icon));
		if (missing.length > 0) fail(`credential ${entry}: icon file(s) missing: ${missing.join(', ')}`);
		else pass(`credential ${entry}: installed${icons.length ? `, icons ${icons.map((i) => path.basename(i)).join(', ')}` : ''}`);
	}
	const credentialTypes = Object.keys(packageCredentials());
	if (credentialTypes.length !== attribute.credentials.length) {
		fail(`package.json lists ${attribute.credentials.length} credential files but they define ${credentialTypes.length} types`);
	}
	const complaints = result.log.filter(
		(entry) => entry.level === 'warn' && /n8n-nodes-pbx-sync|Skipping package|Failed to load package/.test(entry.message),
	);
	for (const entry of complaints) fail(`n8n ${entry.level}: ${entry.message}`);
	return result;
}

/** Every .js file under a folder. */
function scriptsIn(folder: string): string[] {
	return fs.readdirSync(folder, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
		.map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * n8n Cloud installs no community package with runtime dependencies: the installed package
 * has none in its package.json, n8n's install left it no node_modules of its own, and its
 * code requires only n8n-workflow, Node's built-in modules and its own files (fast-xml-parser
 * is bundled into dist/nodes/shared/fastXmlParser.js; the XML cases prove it still works).
 */
function checkNoRuntimeDependencies(n8n: RealN8n): void {
	const installed = n8n.packageDir(PACKAGE_NAME);
	const { dependencies } = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8')) as {
		dependencies?: Record<string, string>;
	};
	const ownModules = path.join(installed, 'node_modules');
	const problems: string[] = [];
	// The install left nothing else in n8n's nodes folder: no second n8n-workflow (n8n brings its own).
	const others = fs.readdirSync(path.join(n8n.nodesDir, 'node_modules')).filter((name) => !name.startsWith('.') && name !== PACKAGE_NAME);
	if (others.length > 0) problems.push(`the install put ${others.join(', ')} into ${n8n.nodesDir}/node_modules too`);
	if (Object.keys(dependencies ?? {}).length > 0) problems.push(`dependencies ${Object.keys(dependencies ?? {}).join(', ')}`);
	if (fs.existsSync(ownModules) && fs.readdirSync(ownModules).length > 0) {
		problems.push(`node_modules of its own (${fs.readdirSync(ownModules).join(', ')})`);
	}
	const allowed = new Set(['n8n-workflow', ...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
	for (const file of scriptsIn(path.join(installed, 'dist'))) {
		const source = fs.readFileSync(file, 'utf8');
		for (const [, module] of source.matchAll(/\brequire\(["']([^"']+)["']\)/g)) {
			if (!module.startsWith('.') && !allowed.has(module)) problems.push(`${path.relative(installed, file)} requires ${module}`);
		}
	}
	if (problems.length > 0) fail(`the installed package is not self-contained: ${problems.join('; ')}`);
	else pass('installed package: alone in the nodes folder (no second n8n-workflow), no runtime dependencies, no node_modules of its own, requires only n8n-workflow and Node built-ins');
}

/** The run as the case sees it, from `n8n execute --rawOutput` (which n8n writes through its logger). */
function runFrom(result: CommandResult): RunView | undefined {
	let run: IRun | undefined;
	for (const entry of result.log) {
		if (!entry.message.startsWith('{')) continue;
		try {
			const parsed = JSON.parse(entry.message) as IRun;
			if (parsed?.data?.resultData) run = parsed;
		} catch {
			// not the run
		}
	}
	if (!run) return undefined;
	const runData = run.data.resultData.runData ?? {};
	return {
		status: run.status ?? 'unknown',
		run,
		json(nodeName: string, outputIndex = 0): IDataObject[] {
			const tasks = runData[nodeName];
			if (!tasks?.length) return [];
			return (tasks[tasks.length - 1].data?.main?.[outputIndex] ?? []).map((item) => item.json);
		},
	};
}

interface CreatedCredential {
	id: string;
	name: string;
	type: string;
	data: IDataObject;
}

/**
 * After the runs: every credential whose type has a preAuthentication and an expirable
 * hidden field (3CX's access token, OpenVox's token) must hold the token n8n fetched, saved in
 * its database (encrypted), as `export:credentials --decrypted` shows. That is what lets the
 * next execution reuse the token instead of logging in again.
 */
async function checkPersistedTokens(n8n: RealN8n, created: CreatedCredential[]): Promise<void> {
	const withTokens = created
		.map((credential) => {
			const type = packageCredentials()[credential.type];
			const fields = type?.preAuthentication
				? // A token starts empty; sipXcom's and Cloudonix's Connection Check is never empty and never stored.
					type.properties.filter((property) => property.typeOptions?.expirable && property.default === '').map((property) => property.name)
				: [];
			return { ...credential, fields };
		})
		.filter((credential) => credential.fields.length > 0);
	if (withTokens.length === 0) return;
	console.log('\nCredentials after the runs:');
	const file = path.join(n8n.workDir, 'credentials-after.json');
	await n8n.ok('export-credentials', ['export:credentials', '--all', '--decrypted', `--output=${file}`]);
	const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ id: string; data: IDataObject | string }>;
	for (const credential of withTokens) {
		const entry = stored.find((candidate) => candidate.id === credential.id);
		const data = typeof entry?.data === 'string' ? (JSON.parse(entry.data) as IDataObject) : entry?.data;
		const missing = credential.fields.filter((field) => typeof data?.[field] !== 'string' || data[field] === '');
		if (!data) fail(`credential ${credential.name}: not in export:credentials`);
		else if (missing.length > 0) fail(`credential ${credential.name}: preAuthentication token not persisted (${missing.join(', ')} empty)`);
		else if (credential.fields.some((field) => data[field] === credential.data[field])) fail(`credential ${credential.name}: token unchanged`);
		else pass(`credential ${credential.name}: preAuthentication token persisted in n8n's database (${credential.fields.join(', ')})`);
	}
}

/** `n8n execute` commands of cases that are meant to fail: their error log entries are the point. */
const expectedFailures = new Set<string>();

interface Prepared {
	testCase: N8nCase<unknown>;
	id: string;
	environment?: CaseEnvironment<unknown>;
}

/** PBX_SYNC_N8N_ONLY (a regular expression on the case name) runs some cases only, while working on them. */
function selectedCases(): Array<N8nCase<unknown>> {
	const only = process.env.PBX_SYNC_N8N_ONLY;
	return only ? cases.filter((testCase) => new RegExp(only, 'i').test(testCase.name)) : cases;
}

async function runCases(n8n: RealN8n): Promise<void> {
	const cases = selectedCases();
	console.log(`\nExample workflows (${cases.length}):`);
	const prepared: Prepared[] = [];
	const credentials: CreatedCredential[] = [];
	const workflowDir = path.join(n8n.workDir, 'workflows');
	fs.mkdirSync(workflowDir, { recursive: true });
	try {
		for (const [index, testCase] of cases.entries()) {
			const id = `pbxsynccase${String(index + 1).padStart(3, '0')}`;
			const environment = testCase.start ? await testCase.start() : undefined;
			prepared.push({ testCase, id, environment });
			const references: Record<string, { id: string; name: string }> = {};
			for (const [typeIndex, [type, data]] of Object.entries(environment?.credentials ?? {}).entries()) {
				const reference = { id: `${id}c${typeIndex + 1}`, name: `${type} (${testCase.example})` };
				references[type] = reference;
				// import:credentials encrypts a plain `data` object with the instance's key.
				credentials.push({ ...reference, type, data: data as IDataObject });
			}
			const source = testCase.workflow ? testCase.workflow(environment?.state) : readExample(testCase.example);
			const loaded = withManualTrigger(source, { triggerOutput: testCase.triggerOutput, standIn: 'editFields' });
			const workflow = { ...withCredentials(testCase.prepare ? testCase.prepare(loaded) : loaded, references), id, active: false };
			if (testCase.expectFailure) expectedFailures.add(`execute-${id}`);
			fs.writeFileSync(path.join(workflowDir, `${id}.json`), JSON.stringify(workflow, null, 2));
		}
		if (credentials.length > 0) {
			const file = path.join(n8n.workDir, 'credentials.json');
			fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
			await n8n.ok('import-credentials', ['import:credentials', `--input=${file}`]);
		}
		await n8n.ok('import-workflows', ['import:workflow', '--separate', `--input=${workflowDir}`]);

		for (const { testCase, id, environment } of prepared) {
			const result = await n8n.command(`execute-${id}`, ['execute', `--id=${id}`, '--rawOutput']);
			const view = runFrom(result);
			const label = `${testCase.example}: ${testCase.name} (${result.seconds.toFixed(1)} s)`;
			if (!view) {
				fail(`${label}: no run data from n8n execute (exit ${result.code})\n${describe(result)}`);
				continue;
			}
			const crashed = crashedAfterRun(result, view.status === 'success');
			if (crashed) console.log(`  note ${label}: n8n execute died with SIGSEGV after writing the whole run; judged by that run`);
			if (!testCase.expectFailure && ((result.code !== 0 && !crashed) || view.status !== 'success')) {
				const error = view.run.data.resultData.error as { message?: string; node?: { name?: string } } | undefined;
				fail(`${label}: run ${view.status}, n8n execute exit ${String(result.code)}${error ? `: ${error.node?.name ?? ''} ${error.message ?? ''}` : ''}\n${describe(result)}`);
				continue;
			}
			try {
				await testCase.check(view, environment?.state);
				pass(label);
			} catch (error) {
				fail(`${label}: ${(error as Error).message}`);
			}
		}
		await checkPersistedTokens(n8n, credentials);
	} finally {
		for (const { environment } of prepared) await environment?.stop();
	}
}

async function main(): Promise<void> {
	const phase = process.argv[2];
	const n8n = new RealN8n(argument('cache'), argument('work'));
	if (phase === 'prepare') {
		await prepare(n8n);
		return;
	}
	if (phase !== 'run') throw new Error('usage: run.ts prepare|run --cache <dir> --work <dir>');

	const started = Date.now();
	const results: CommandResult[] = [];
	const record = n8n.command.bind(n8n);
	n8n.command = async (...args) => {
		const result = await record(...args);
		results.push(result);
		return result;
	};
	try {
		await checkLoadedPackage(n8n);
		checkNoRuntimeDependencies(n8n);
		await runCases(n8n);
		await runCredentialTestCases(n8n, { pass, fail });
		await runTriggerCases(n8n, { pass, fail });
		await runApprovalCases(n8n, { pass, fail });
		// Blocked by n8n on purpose: its error log entries are the point.
		expectedFailures.add('execute-ssrf-blocked');
		await runSsrfCases(n8n, { pass, fail });
		await runCustomExtensionCases(n8n, { pass, fail });
		await runCompareSpeedReport(n8n, { pass, fail });
	} catch (error) {
		fail((error as Error).message);
	}
	for (const result of results) {
		if (expectedFailures.has(result.label)) continue;
		for (const entry of errorsIn(result)) fail(`n8n logged an error during ${result.label}: ${entry.message.slice(0, 500)}`);
	}
	console.log(
		`\nn8n commands: ${results.map((r) => `${r.label} ${r.seconds.toFixed(1)} s`).join(', ')}; total ${((Date.now() - started) / 1000).toFixed(1)} s`,
	);
	if (failures.length > 0) {
		console.error(`\n${failures.length} problem(s) in the real n8n; logs in ${n8n.logDir}`);
		process.exitCode = 1;
	} else {
		console.log('\nReal n8n: everything loaded and every example produced the expected result.');
	}
}

main().catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exitCode = 1;
});
