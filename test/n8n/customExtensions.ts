/**
 * The N8N_CUSTOM_EXTENSIONS install (docs/install.md): the unpacked tarball in a folder that
 * n8n is pointed at, in an n8n user folder of its own without the community package. n8n's
 * custom-directory loader registers the nodes as `CUSTOM.<name>` (not `n8n-nodes-pbx-sync.<name>`,
 * which is why workflows do not move between the two installs); this checks that every node
 * and credential type loads that way and that a workflow using them runs.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import type { INodeTypeDescription } from 'n8n-workflow';
import * as path from 'path';

import { readExample, withManualTrigger } from '../../dev/harness/examples';
import { PACKAGE_NAME, packageNodes } from '../../dev/harness/registry';
import { packageJson } from './pack';
import { RealN8n, crashedAfterRun, describe } from './realN8n';
import type { Reporter } from './triggers';

/** n8n-core's CUSTOM_NODES_PACKAGE_NAME. */
const CUSTOM = 'CUSTOM';

export async function runCustomExtensionCases(installed: RealN8n, report: Reporter): Promise<void> {
	console.log('\nN8N_CUSTOM_EXTENSIONS (the unpacked package in a folder of its own, another user folder):');
	const tarball = fs.readdirSync(installed.nodesDir).find((name) => name.endsWith('.tgz'));
	if (!tarball) {
		report.fail(`no tarball in ${installed.nodesDir} to unpack`);
		return;
	}
	const workDir = path.join(installed.workDir, 'custom-extensions');
	const extensions = path.join(workDir, 'extensions', PACKAGE_NAME);
	fs.mkdirSync(extensions, { recursive: true });
	execFileSync('tar', ['-xzf', path.join(installed.nodesDir, tarball), '-C', extensions, '--strip-components=1']);
	const n8n = new RealN8n(installed.cacheDir, workDir);
	n8n.settings = { N8N_CUSTOM_EXTENSIONS: extensions };
	try {
		const output = path.join(workDir, 'nodes.json');
		const exported = await n8n.ok('export-nodes-custom', ['export:nodes', `--output=${output}`]);
		const types = new Set((JSON.parse(fs.readFileSync(output, 'utf8')) as INodeTypeDescription[]).map((node) => node.name));
		const expected = Object.keys(packageNodes())
			.filter((type) => type.startsWith(`${PACKAGE_NAME}.`))
			.map((type) => type.replace(`${PACKAGE_NAME}.`, `${CUSTOM}.`));
		const missing = expected.filter((type) => !types.has(type));
		const asPackage = [...types].filter((type) => type.startsWith(`${PACKAGE_NAME}.`));
		if (missing.length > 0) report.fail(`not loaded from N8N_CUSTOM_EXTENSIONS: ${missing.join(', ')}`);
		else if (asPackage.length > 0) report.fail(`the custom user folder also loaded ${asPackage.join(', ')}`);
		else report.pass(`${expected.length} nodes loaded as ${CUSTOM}.<name> (e.g. ${expected[0]})`);
		const summary = exported.log.find((entry) => entry.message === `Loaded all credentials and nodes from ${CUSTOM}`);
		const credentials = packageJson().n8n.credentials.length;
		if (summary && summary.metadata?.credentials !== undefined && Number(summary.metadata.credentials) < credentials) {
			report.fail(`N8N_CUSTOM_EXTENSIONS: ${String(summary.metadata.credentials)} credential types loaded, expected ${credentials}`);
		}

		// The Compare Extensions example needs no PBX; its node types renamed as this install names them.
		const source = withManualTrigger(readExample('compare-extensions.json'));
		const workflow = JSON.parse(JSON.stringify(source).split(`"${PACKAGE_NAME}.`).join(`"${CUSTOM}.`)) as Record<string, unknown>;
		const file = path.join(workDir, 'workflow.json');
		fs.writeFileSync(file, JSON.stringify({ ...workflow, id: 'pbxsynccustom01', active: false }, null, 2));
		await n8n.ok('import-workflow-custom', ['import:workflow', `--input=${file}`]);
		const run = await n8n.command('execute-custom', ['execute', '--id=pbxsynccustom01', '--rawOutput']);
		const errors = run.log.filter((entry) => entry.level === 'error');
		const written = run.log.some((entry) => entry.message.startsWith('{') && entry.message.includes('"status": "success"'));
		if (crashedAfterRun(run, written)) console.log('  note  n8n execute died with SIGSEGV after writing the whole run; judged by that run');
		if ((run.code !== 0 && !crashedAfterRun(run, written)) || !written || errors.length > 0) report.fail(`compare-extensions.json with ${CUSTOM}.* nodes: exit ${String(run.code)}\n${describe(run)}`);
		else report.pass(`compare-extensions.json with ${CUSTOM}.* node types runs (${run.seconds.toFixed(1)} s)`);
	} catch (error) {
		report.fail(`N8N_CUSTOM_EXTENSIONS: ${(error as Error).message}`);
	}
}
