/**
 * `npm run demo`: the main job. Starts the 3CX and Cloudonix sandboxes on loopback and runs the
 * flagship workflow (examples/nightly-3cx-cloudonix-sync.json) through n8n's engine, then
 * prints what happened. Sandbox data is kept in .demo/ between runs, so running the demo a
 * second time finds everything in sync; `npm run demo -- --reset` starts from fresh data,
 * `npm run demo -- --help` says so.
 */
import '../dev/harness/env';

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';

import { CredentialStore } from '../dev/harness/credentials';
import { runWorkflow } from '../dev/harness/engine';
import { loadExample } from '../dev/harness/examples';
import { nodeTypes } from '../dev/harness/registry';
import { createCloudonixSandbox } from '../dev/sandbox/cloudonix';
import type { SandboxSnapshot } from '../dev/sandbox/scenarios';
import { restore, seedNightlySync, snapshot } from '../dev/sandbox/scenarios';
import { createThreeCxSandbox } from '../dev/sandbox/threecx';

const EXAMPLE = 'nightly-3cx-cloudonix-sync.json';
const STATE_DIR = join(__dirname, '..', '.demo');
const STATE_FILE = join(STATE_DIR, 'sandbox-state.json');

const HELP = `Usage: npm run demo [-- --reset]

Runs the flagship workflow, examples/${EXAMPLE},
through n8n's execution engine against a 3CX and a Cloudonix sandbox on loopback, and prints
what it did. The sandboxes' data is kept in .demo/ between runs, so a second run finds
everything in sync.

Options:
  --reset   Start from fresh sandbox data (the first run's story).
  --help    Show this help.
`;

const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
/** "1 request", "2 requests". */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const list = (values: unknown[], max = 12) =>
	values.length ? `${values.slice(0, max).join(', ')}${values.length > max ? `, … (+${values.length - max})` : ''}` : '–';

async function main(): Promise<number> {
	const args = process.argv.slice(2);
	if (args.includes('--help') || args.includes('-h')) {
		console.log(HELP);
		return 0;
	}
	const unknown = args.filter((arg) => arg !== '--reset');
	if (unknown.length) {
		console.error(`Unknown option ${unknown[0]} (see npm run demo -- --help)`);
		return 2;
	}
	const reset = args.includes('--reset');
	const threeCx = createThreeCxSandbox();
	const cloudonix = createCloudonixSandbox();
	await threeCx.server.start();
	await cloudonix.server.start();
	try {
		let runNumber = 1;
		if (reset) rmSync(STATE_DIR, { recursive: true, force: true });
		if (existsSync(STATE_FILE)) {
			const saved = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as SandboxSnapshot & { runs: number };
			restore(threeCx, cloudonix, saved);
			runNumber = saved.runs + 1;
		} else {
			seedNightlySync(threeCx, cloudonix);
		}

		const store = new CredentialStore();
		const credentials = {
			threeCxApi: store.add('threeCxApi', threeCx.credentials(), '3CX API account'),
			cloudonixApi: store.add('cloudonixApi', cloudonix.credentials(), 'Cloudonix API account'),
		};
		console.log(bold('n8n-nodes-pbx-sync demo: nightly 3CX → Cloudonix sync'));
		console.log(`Workflow   examples/${EXAMPLE} with Settings › Dry Run off (run ${runNumber} on this sandbox data)`);
		console.log(`3CX        ${threeCx.server.baseUrl}  ${threeCx.state.users.size} users`);
		console.log(`Cloudonix  ${cloudonix.server.baseUrl}  ${cloudonix.state.subscribers.size} subscribers in ${cloudonix.domain.domain}`);
		console.log('Running through the n8n engine (Cloudonix allows 10 requests per 3 s, so writes are paced)…\n');

		nodeTypes(); // load (and compile) the node types first, so the time below is the workflow's own
		const started = Date.now();
		// The example ships with Settings › Dry Run on (a plan, no write); the demo shows the sync itself.
		const result = await runWorkflow(loadExample(EXAMPLE, credentials, { dryRun: false }), store);
		const seconds = ((Date.now() - started) / 1000).toFixed(1);

		const keys = (node: string, output = 0) => result.json(node, output).map((item) => String(item.number ?? item.key));
		const failed = ['Create Missing Subscribers', 'Update Changed Subscribers'].flatMap((node) =>
			result.json(node).filter((item) => item.error).map((item) => `${node}: ${String(item.error)}`),
		);
		const [localOnly, remoteOnly, synced, changed] = [0, 1, 2, 3].map((i) => keys('Compare Extensions', i));

		console.log(bold('Compare Extensions'));
		console.log(`  Local Only   ${String(localOnly.length).padStart(3)}  on 3CX, missing in Cloudonix: ${list(localOnly)}`);
		console.log(`  Remote Only  ${String(remoteOnly.length).padStart(3)}  in Cloudonix, not on 3CX:     ${list(remoteOnly)}`);
		console.log(`  Synced       ${String(synced.length).padStart(3)}`);
		console.log(`  Changed      ${String(changed.length).padStart(3)}  name or enabled state differs: ${list(changed)}`);
		console.log(bold('\nActions'));
		const created = result.json('Create Missing Subscribers').filter((item) => item.action === 'created');
		const updated = result.json('Update Changed Subscribers').filter((item) => item.action === 'updated');
		console.log(`  Subscribers created   ${String(created.length).padStart(3)}`);
		console.log(`  Subscribers updated   ${String(updated.length).padStart(3)}`);
		console.log(`  Orphans to review     ${String(remoteOnly.length).padStart(3)}  (reported, never deleted)`);
		const token = threeCx.server.count('POST', '/connect/token');
		console.log(bold('\nTraffic'));
		console.log(`  3CX        ${count(threeCx.server.requests.length, 'request')} (${count(token, 'token request')})`);
		const rateLimited = cloudonix.state.rateLimited;
		console.log(
			`  Cloudonix  ${count(cloudonix.server.requests.length, 'request')}, ${
				rateLimited ? `${rateLimited} answered 429 and waited out` : 'none refused by its rate limit'
			}`,
		);
		console.log(`  Time       ${seconds} s\n`);

		mkdirSync(STATE_DIR, { recursive: true });
		writeFileSync(STATE_FILE, JSON.stringify({ ...snapshot(threeCx, cloudonix), runs: runNumber }));

		if (result.status !== 'success' || failed.length) {
			console.error(bold('The workflow failed:'));
			if (result.error) console.error(`  ${result.error.message}${result.error.description ? `\n  ${result.error.description}` : ''}`);
			for (const line of failed) console.error(`  ${line}`);
			return 1;
		}
		if (localOnly.length === 0 && changed.length === 0) {
			console.log('Everything on 3CX is in Cloudonix with the same name and state. (`npm run demo -- --reset` starts over.)');
		} else {
			console.log('Run `npm run demo` again: the next run finds everything in sync.');
		}
		return 0;
	} finally {
		await threeCx.server.stop();
		await cloudonix.server.stop();
	}
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
