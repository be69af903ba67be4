/**
 * Driver for `npm run test:queue` (scripts/test-queue.sh): n8n 2.41 in queue mode on loopback
 * (PostgreSQL, Redis, main + 2 workers with `--concurrency=5`, our packed package installed as
 * a community package by `test/n8n/run.ts prepare`), the vendor sandboxes in this process, and
 * four rounds of executions through production webhooks:
 *
 *   mix        ≥ 20 executions: the flagship sync, 3CX reads, OpenVox creates and Cloudonix
 *              upserts, sharing one 3CX credential and one Cloudonix domain;
 *   3CX        2 workers × 5 executions reading through one 3CX credential;
 *   Cloudonix  10 executions creating subscribers in one domain, timed against the minimum
 *              the rate limit allows;
 *   concurrent two executions on the two workers change one 3CX user's departments or phones
 *              at once, interleaved exactly as a lost update (./concurrentWrites.ts).
 *
 * Everything is checked on the sandbox side (every execution succeeded, every record exists
 * once, token requests within the bound, the rate limit held), a table is printed, and
 * everything is stopped.
 *
 *   run.ts --cache <n8n cache> --work <temp dir prepared by test/n8n/run.ts prepare>
 */
import type { IConnections, IDataObject, INode, INodeParameters } from 'n8n-workflow';
import * as path from 'path';

import { argument } from '../../dev/harness/cli';
import type { WorkflowJson } from '../../dev/harness/engine';
import { readExample, withDryRun } from '../../dev/harness/examples';
import { createCloudonixSandbox } from '../../dev/sandbox/cloudonix';
import type { CloudonixSandbox } from '../../dev/sandbox/cloudonix';
import type { LoggedRequest } from '../../dev/sandbox/core';
import { createOpenVoxSandbox } from '../../dev/sandbox/openvox';
import type { OpenVoxSandbox } from '../../dev/sandbox/openvox';
import { DOMAIN_DIDS, seedNightlySync } from '../../dev/sandbox/scenarios';
import { createThreeCxSandbox } from '../../dev/sandbox/threecx';
import type { ThreeCxSandbox } from '../../dev/sandbox/threecx';
import { DEFAULT_REQUESTS_PER_WINDOW, DEFAULT_WINDOW_MS } from '../../nodes/Cloudonix/transport/pacing';
import { RealN8n, readLog } from '../n8n/realN8n';
import { postJson, QueueCluster } from './cluster';
import { concurrentWriteWorkflows, concurrentWritesRound } from './concurrentWrites';

const WORKERS = 2;
const CONCURRENCY = 5;

const failures: string[] = [];
function check(ok: boolean, message: string): void {
	if (ok) console.log(`  ok   ${message}`);
	else {
		failures.push(message);
		console.error(`  FAIL ${message}`);
	}
}

// --- workflows -------------------------------------------------------------------------

let nodeCount = 0;
function node(name: string, type: string, typeVersion: number, parameters: INodeParameters, extra: Partial<INode> = {}): INode {
	nodeCount++;
	return {
		id: `00000000-0000-4000-8000-${String(nodeCount).padStart(12, '0')}`,
		name,
		type,
		typeVersion,
		position: [nodeCount * 220, 300],
		parameters,
		...extra,
	};
}

/** A production webhook that answers at once and leaves the execution to the queue. */
function webhook(name: string, webhookPath: string): INode {
	return node(
		name,
		'n8n-nodes-base.webhook',
		2,
		{ httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
		{ webhookId: `0000${String(nodeCount + 1).padStart(4, '0')}-0000-4000-8000-00000000a000` },
	);
}

/** Nodes in a line: each feeds the next. */
function chain(nodes: INode[]): IConnections {
	const connections: IConnections = {};
	for (let i = 0; i + 1 < nodes.length; i++) {
		connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	}
	return connections;
}

type QueueWorkflow = WorkflowJson & IDataObject & { id: string };

function workflow(id: string, name: string, nodes: INode[], connections: IConnections = chain(nodes)): QueueWorkflow {
	return { id, name, nodes, connections, settings: { executionOrder: 'v1' } } as unknown as QueueWorkflow;
}

const credentialRef = (type: string, id: string) => ({ [type]: { id, name: id } });

/** The flagship example with its Schedule Trigger replaced by a webhook of the same name. */
function flagship(id: string, threeCx: string, cloudonix: string): QueueWorkflow {
	// Shipped with Settings › Dry Run on; the queue proof needs the writes.
	const example = withDryRun(readExample('nightly-3cx-cloudonix-sync.json'), false);
	const nodes = example.nodes.map((original) => {
		if (original.type === 'n8n-nodes-base.scheduleTrigger') return { ...webhook(original.name, id), position: original.position };
		if (original.credentials?.threeCxApi) return { ...original, credentials: credentialRef('threeCxApi', threeCx) };
		if (original.credentials?.cloudonixApi) return { ...original, credentials: credentialRef('cloudonixApi', cloudonix) };
		return original;
	});
	return workflow(id, `Queue: ${example.name}`, nodes, example.connections);
}

/** 3CX Get Many (all users), then Get for each user: one request per user on one token. */
function threeCxReads(id: string, credential: string): QueueWorkflow {
	const credentials = credentialRef('threeCxApi', credential);
	return workflow(id, `Queue: 3CX reads (${credential})`, [
		webhook('Start', id),
		node('3CX Users', 'n8n-nodes-pbx-sync.threeCx', 1, { resource: 'user', operation: 'getMany', returnAll: true, output: 'normalised', options: { select: 'Id,Number,FirstName,LastName' } }, { credentials }),
		node('3CX User', 'n8n-nodes-pbx-sync.threeCx', 1, { resource: 'user', operation: 'get', getBy: 'id', userId: '={{ $json.id }}' }, { credentials }),
	]);
}

function splitOut(field: string): INode {
	return node(`Split Out ${field}`, 'n8n-nodes-base.splitOut', 1, { fieldToSplitOut: `body.${field}`, include: 'noOtherFields', options: {} });
}

/** OpenVox Create for each `body.extensions[]` ({ number, name, sipPassword }). */
function openVoxCreates(id: string, credential: string): QueueWorkflow {
	return workflow(id, 'Queue: OpenVox creates', [
		webhook('Start', id),
		splitOut('extensions'),
		node(
			'Create Extension',
			'n8n-nodes-pbx-sync.openVox',
			1,
			{ resource: 'extension', operation: 'create', number: '={{ $json.number }}', registerpassword: '={{ $json.sipPassword }}', settings: { username: '={{ $json.name }}' }, output: 'normalised' },
			{ credentials: credentialRef('openVoxApi', credential) },
		),
	]);
}

/** Cloudonix Create or Update for each `body.subscribers[]` ({ number, name }). */
function cloudonixUpserts(id: string, credential: string): QueueWorkflow {
	return workflow(id, `Queue: Cloudonix upserts (${credential})`, [
		webhook('Start', id),
		splitOut('subscribers'),
		node(
			'Create or Update Subscriber',
			'n8n-nodes-pbx-sync.cloudonix',
			1,
			{ resource: 'subscriber', operation: 'upsert', msisdn: '={{ $json.number }}', passwordMode: 'generate', additionalFields: { displayName: '={{ $json.name }}' }, options: {} },
			{ credentials: credentialRef('cloudonixApi', credential) },
		),
	]);
}

// --- measurements ------------------------------------------------------------------------

/** Most requests that arrived within any `windowMs` (sliding, by arrival time). */
function busiestWindow(requests: LoggedRequest[], windowMs: number): number {
	const times = requests.map((r) => r.at).sort((a, b) => a - b);
	let most = 0;
	for (let start = 0, end = 0; end < times.length; end++) {
		while (times[end] - times[start] >= windowMs) start++;
		most = Math.max(most, end - start + 1);
	}
	return most;
}

interface Round {
	name: string;
	executions: number;
	seconds: number;
	tokenRequests: number | undefined;
	rateLimited: number | undefined;
	perWorker: number[];
}

interface Execution {
	id: string;
	workflowId: string;
	status: string;
}

class Runner {
	private seenExecutions = 0;

	constructor(
		private readonly cluster: QueueCluster,
		private readonly logDir: string,
	) {}

	private executions(): Execution[] {
		return this.cluster.postgres
			.query('select id, "workflowId", status from execution_entity order by id')
			.map(([id, workflowId, status]) => ({ id, workflowId, status }));
	}

	/** Workers' log lines per worker saying they started an execution (from n8n's job processor). */
	private startedPerWorker(): string[][] {
		return this.cluster.workers.map(({ service }) =>
			readLog(path.join(this.logDir, `${service.name}.log`))
				.filter((entry) => /^Worker started execution/.test(entry.message))
				.map((entry) => String(/execution (\d+)/.exec(entry.message)?.[1])),
		);
	}

	/** A failed execution's error (node and message), for the report. */
	private async errorOf(id: string): Promise<string> {
		try {
			const { data } = await this.cluster.main.execution(id);
			const error = data.resultData.error as { message?: string; description?: string; node?: { name?: string } } | undefined;
			return error ? `${error.node?.name ?? ''}: ${error.message ?? ''} ${error.description ?? ''}`.trim() : '(no error stored)';
		} catch (failure) {
			return `(could not read the execution: ${(failure as Error).message})`;
		}
	}

	/** POSTs every request at once, waits until the queue has run them all, checks they succeeded. */
	async round(name: string, requests: Array<{ path: string; body: IDataObject }>): Promise<Omit<Round, 'tokenRequests' | 'rateLimited'>> {
		const before = this.seenExecutions;
		const startedBefore = this.startedPerWorker().map((ids) => ids.length);
		const started = Date.now();
		const answers = await Promise.all(requests.map(async (request) => await postJson(this.cluster.mainPort, `/webhook/${request.path}`, request.body)));
		const refused = answers.filter((answer) => answer.status !== 200);
		check(refused.length === 0, `${name}: main accepted all ${requests.length} webhook calls${refused.length ? ` (${refused.map((a) => `${a.status} ${a.text.slice(0, 200)}`).join('; ')})` : ''}`);

		const expected = requests.length - refused.length;
		const deadline = Date.now() + 240_000;
		let mine: Execution[] = [];
		for (;;) {
			mine = this.executions().slice(before);
			const finished = mine.filter((execution) => !['new', 'running', 'waiting'].includes(execution.status));
			if (mine.length >= expected && finished.length === mine.length) break;
			if (Date.now() > deadline) break;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		const seconds = (Date.now() - started) / 1000;
		this.seenExecutions = before + mine.length;
		const failed = mine.filter((execution) => execution.status !== 'success');
		const errors = await Promise.all(failed.map(async (e) => `\n         execution ${e.id} (${e.workflowId}) ${e.status}: ${await this.errorOf(e.id)}`));
		check(
			mine.length === requests.length && failed.length === 0,
			`${name}: ${mine.length - failed.length} of ${requests.length} executions succeeded${errors.join('')}`,
		);
		const perWorker = this.startedPerWorker().map((ids, index) => ids.length - startedBefore[index]);
		check(
			perWorker.reduce((a, b) => a + b, 0) === mine.length && perWorker.every((count) => count > 0),
			`${name}: the workers ran them (${perWorker.map((count, i) => `worker ${i + 1}: ${count}`).join(', ')}); main ran none`,
		);
		return { name, executions: mine.length, seconds, perWorker };
	}
}

// --- the rounds --------------------------------------------------------------------------

interface Sandboxes {
	threeCx: ThreeCxSandbox;
	threeCxB: ThreeCxSandbox;
	threeCxW: ThreeCxSandbox;
	cloudonix: CloudonixSandbox;
	cloudonixC: CloudonixSandbox;
	openVox: OpenVoxSandbox;
}

const upsertNumber = (i: number) => String(5550100 + i);

function checkThreeCx(name: string, sandbox: ThreeCxSandbox, executions: number, requestsPerExecution: number): number {
	const tokens = sandbox.server.count('POST', '/connect/token');
	const rejected = sandbox.server.requests.filter((r) => r.status === 401).length;
	const apiRequests = sandbox.server.requests.filter((r) => r.path.startsWith('/xapi/')).length - rejected;
	check(apiRequests >= executions * requestsPerExecution, `${name}: 3CX answered ${apiRequests} API requests (≥ ${requestsPerExecution} per execution), ${rejected} rejected tokens`);
	// The documented bound (docs/credentials/3cx.md, Tokens): an execution needs at most one token request more
	// than the 401s it meets (and no request more than 5, MAX_TOKEN_REQUESTS_PER_REQUEST).
	check(
		tokens <= rejected + executions,
		`${name}: ${tokens} token requests for ${executions} executions (${(tokens / executions).toFixed(2)} per execution; bound: one per 401 met plus one per execution that found no token)`,
	);
	return tokens;
}

function checkCloudonixPacing(name: string, sandbox: CloudonixSandbox): number {
	const domainRequests = sandbox.server.requests.filter((r) => r.path.startsWith('/customers/'));
	const accepted = domainRequests.filter((r) => r.status !== 429);
	const attempts = busiestWindow(domainRequests, DEFAULT_WINDOW_MS);
	const busiestAccepted = busiestWindow(accepted, DEFAULT_WINDOW_MS);
	check(
		busiestAccepted <= DEFAULT_REQUESTS_PER_WINDOW && attempts <= WORKERS * DEFAULT_REQUESTS_PER_WINDOW,
		`${name}: Cloudonix limit held: at most ${busiestAccepted} accepted and ${attempts} attempted requests in any ${DEFAULT_WINDOW_MS} ms (limit ${DEFAULT_REQUESTS_PER_WINDOW}; each worker paces its own ${DEFAULT_REQUESTS_PER_WINDOW}); ${sandbox.state.rateLimited} answered 429 and were waited out`,
	);
	check(
		[...sandbox.state.createsByMsisdn.values()].every((count) => count === 1),
		`${name}: every Cloudonix subscriber created once (${sandbox.state.createsByMsisdn.size} creates, ${sandbox.state.duplicateRejections} duplicates refused and updated instead)`,
	);
	return sandbox.state.rateLimited;
}

async function mixRound(runner: Runner, { threeCx, cloudonix, openVox }: Sandboxes, expectedLocalOnly: string[]): Promise<Round> {
	console.log('\nRound 1: the mix, all at once');
	const requests: Array<{ path: string; body: IDataObject }> = [];
	for (let i = 0; i < 2; i++) requests.push({ path: 'q-flagship', body: {} });
	for (let i = 0; i < 10; i++) requests.push({ path: 'q-3cx-reads', body: {} });
	for (let i = 0; i < 4; i++) {
		const extensions = [0, 1, 2].map((k) => {
			const number = String(3000 + i * 10 + k);
			return { number, name: `New Hire ${number}`, sipPassword: `Queue-${number}-Sip9` };
		});
		requests.push({ path: 'q-openvox', body: { extensions } });
	}
	// Overlapping MSISDN sets: executions race to create the same subscribers.
	for (let i = 0; i < 6; i++) {
		const subscribers = [0, 1, 2, 3, 4].map((k) => upsertNumber((i * 2 + k) % 12)).map((number) => ({ number, name: `Queue ${number}` }));
		requests.push({ path: 'q-cloudonix', body: { subscribers } });
	}
	const result = await runner.round('mix', requests);

	const tokens = checkThreeCx('mix', threeCx, 2 + 10, 1);
	const rateLimited = checkCloudonixPacing('mix', cloudonix);
	const wrong: string[] = [];
	for (const user of threeCx.state.users.values()) {
		const subscriber = cloudonix.byMsisdn(user.Number);
		if (!subscriber) wrong.push(`${user.Number} missing`);
		else if (subscriber.profile.displayName !== `${user.FirstName} ${user.LastName}` || subscriber.active !== user.Enabled) wrong.push(`${user.Number} not synced`);
	}
	for (const number of [...['190', '191', '192', '193', '194'], ...DOMAIN_DIDS]) if (cloudonix.byMsisdn(number)?.active !== true) wrong.push(`${number} touched`);
	for (let i = 0; i < 12; i++) if (cloudonix.byMsisdn(upsertNumber(i))?.profile.displayName !== `Queue ${upsertNumber(i)}`) wrong.push(`${upsertNumber(i)} wrong`);
	check(
		wrong.length === 0 && cloudonix.state.subscribers.size === 60 + 5 + DOMAIN_DIDS.length + 12,
		`mix: Cloudonix mirrors 3CX (${expectedLocalOnly.length} created by the flagship runs), 12 upserted subscribers, orphans and DIDs left alone${wrong.length ? `: ${wrong.slice(0, 10).join(', ')}` : ''}`,
	);
	const missing = [];
	for (let i = 0; i < 4; i++) for (let k = 0; k < 3; k++) if (openVox.state.extensions.get(String(3000 + i * 10 + k))?.username !== `New Hire ${3000 + i * 10 + k}`) missing.push(3000 + i * 10 + k);
	check(missing.length === 0 && openVox.state.extensions.size === 12, `mix: OpenVox has the 12 new extensions once each (${openVox.state.logins.length} logins)${missing.length ? `; missing ${missing.join(', ')}` : ''}`);
	return { ...result, tokenRequests: tokens, rateLimited };
}

async function threeCxRound(runner: Runner, { threeCxB }: Sandboxes): Promise<Round> {
	console.log(`\nRound 2: ${WORKERS} workers × ${CONCURRENCY} executions on one 3CX credential`);
	const requests = Array.from({ length: WORKERS * CONCURRENCY }, () => ({ path: 'q-3cx-reads-b', body: {} }));
	const result = await runner.round('3CX', requests);
	const tokens = checkThreeCx('3CX', threeCxB, requests.length, 1 + threeCxB.state.users.size);
	return { ...result, tokenRequests: tokens, rateLimited: undefined };
}

async function cloudonixRound(runner: Runner, { cloudonixC }: Sandboxes): Promise<Round & { minimumSeconds: number; spanSeconds: number }> {
	console.log(`\nRound 3: ${WORKERS * CONCURRENCY} executions creating Cloudonix subscribers in one domain`);
	const perExecution = 6;
	const requests = Array.from({ length: WORKERS * CONCURRENCY }, (_, i) => ({
		path: 'q-cloudonix-c',
		body: { subscribers: Array.from({ length: perExecution }, (_, k) => ({ number: String(6660000 + i * perExecution + k), name: `Paced ${i}-${k}` })) },
	}));
	const result = await runner.round('Cloudonix', requests);
	const rateLimited = checkCloudonixPacing('Cloudonix', cloudonixC);
	check(cloudonixC.state.subscribers.size === requests.length * perExecution, `Cloudonix: ${cloudonixC.state.subscribers.size} of ${requests.length * perExecution} subscribers exist`);
	const accepted = cloudonixC.server.requests.filter((r) => r.path.startsWith('/customers/') && r.status !== 429).map((r) => r.at);
	// N requests at L per window need at least ceil(N / L) - 1 full windows between the first and the last.
	const minimumSeconds = ((Math.ceil(accepted.length / DEFAULT_REQUESTS_PER_WINDOW) - 1) * DEFAULT_WINDOW_MS) / 1000;
	const spanSeconds = (Math.max(...accepted) - Math.min(...accepted)) / 1000;
	console.log(`  ..   ${accepted.length} accepted requests in ${spanSeconds.toFixed(1)} s; the limit allows them in no less than ${minimumSeconds.toFixed(1)} s (${((spanSeconds / minimumSeconds - 1) * 100).toFixed(0)} % above)`);
	return { ...result, tokenRequests: undefined, rateLimited, minimumSeconds, spanSeconds };
}

function table(rounds: Round[]): void {
	const rows = [
		['round', 'executions', 'per worker', 'time', '3CX token requests', 'Cloudonix 429s'],
		...rounds.map((r) => [r.name, String(r.executions), r.perWorker.join(' + '), `${r.seconds.toFixed(1)} s`, r.tokenRequests === undefined ? '–' : String(r.tokenRequests), r.rateLimited === undefined ? '–' : String(r.rateLimited)]),
	];
	const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
	console.log('');
	for (const [index, row] of rows.entries()) {
		console.log(`  ${row.map((cell, column) => cell.padEnd(widths[column])).join('  ')}`);
		if (index === 0) console.log(`  ${widths.map((width) => '-'.repeat(width)).join('  ')}`);
	}
}

async function main(): Promise<void> {
	const started = Date.now();
	const n8n = new RealN8n(argument('cache'), argument('work'));
	const sandboxes: Sandboxes = {
		threeCx: createThreeCxSandbox(),
		threeCxB: createThreeCxSandbox(),
		threeCxW: createThreeCxSandbox(),
		cloudonix: createCloudonixSandbox(),
		cloudonixC: createCloudonixSandbox(),
		openVox: createOpenVoxSandbox(),
	};
	for (const sandbox of Object.values(sandboxes)) await sandbox.server.start();
	const expected = seedNightlySync(sandboxes.threeCx, sandboxes.cloudonix);
	sandboxes.threeCxB.seedUsers(20, 500);
	sandboxes.threeCxW.seedUsers(3, 700);

	let cluster: QueueCluster | undefined;
	// Interrupted (Ctrl-C, a CI timeout): stop what was started before leaving.
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			console.error(`\n${signal}: stopping n8n, Redis and PostgreSQL`);
			void (async () => {
				await cluster?.stop();
				process.exit(130);
			})();
		});
	}
	try {
		console.log('Starting PostgreSQL and Redis on loopback');
		cluster = await QueueCluster.prepare(n8n);
		const credentials = [
			{ id: 'q3cx', name: 'q3cx', type: 'threeCxApi', data: sandboxes.threeCx.credentials() },
			{ id: 'q3cxb', name: 'q3cxb', type: 'threeCxApi', data: sandboxes.threeCxB.credentials() },
			{ id: 'q3cxw', name: 'q3cxw', type: 'threeCxApi', data: sandboxes.threeCxW.credentials() },
			{ id: 'qcloudonix', name: 'qcloudonix', type: 'cloudonixApi', data: sandboxes.cloudonix.credentials() },
			{ id: 'qcloudonixc', name: 'qcloudonixc', type: 'cloudonixApi', data: sandboxes.cloudonixC.credentials() },
			{ id: 'qopenvox', name: 'qopenvox', type: 'openVoxApi', data: sandboxes.openVox.credentials() },
		];
		const workflows = [
			flagship('q-flagship', 'q3cx', 'qcloudonix'),
			threeCxReads('q-3cx-reads', 'q3cx'),
			threeCxReads('q-3cx-reads-b', 'q3cxb'),
			openVoxCreates('q-openvox', 'qopenvox'),
			cloudonixUpserts('q-cloudonix', 'qcloudonix'),
			cloudonixUpserts('q-cloudonix-c', 'qcloudonixc'),
			...(concurrentWriteWorkflows('q3cxw') as QueueWorkflow[]),
		];
		console.log('Importing credentials and workflows into PostgreSQL');
		await cluster.main.importCredentials(credentials);
		await cluster.main.importWorkflows(workflows);

		console.log(`Starting n8n main and ${WORKERS} workers (--concurrency=${CONCURRENCY})`);
		const booting = Date.now();
		await cluster.start({ workers: WORKERS, concurrency: CONCURRENCY });
		// Activation registers the production webhooks; it is done when the call returns.
		for (const wf of workflows) await cluster.main.activate(wf.id);
		console.log(`  ..   ready and ${workflows.length} workflows active after ${((Date.now() - booting) / 1000).toFixed(1)} s`);

		const runner = new Runner(cluster, n8n.logDir);
		const rounds: Round[] = [];
		rounds.push(await mixRound(runner, sandboxes, expected.localOnly));
		rounds.push(await threeCxRound(runner, sandboxes));
		rounds.push(await cloudonixRound(runner, sandboxes));
		const concurrent = await concurrentWritesRound(cluster, n8n.logDir, sandboxes.threeCxW, check);
		table(rounds);
		console.log(`  concurrent writes: ${concurrent.converged} of ${concurrent.pairs} pairs converged across the two workers in ${concurrent.seconds.toFixed(1)} s`);
	} catch (error) {
		failures.push((error as Error).message);
		console.error((error as Error).stack ?? (error as Error).message);
	} finally {
		await cluster?.stop();
		for (const sandbox of Object.values(sandboxes)) await sandbox.server.stop();
	}
	console.log(`\nqueue mode: ${((Date.now() - started) / 1000).toFixed(0)} s`);
	if (failures.length > 0) {
		console.error(`\n${failures.length} problem(s) in queue mode; logs in ${n8n.logDir}`);
		process.exitCode = 1;
	} else {
		console.log('Queue mode: every execution succeeded on the workers, every record exists once, limits held.');
	}
}

main().catch((error: Error) => {
	console.error(error.stack ?? error.message);
	process.exitCode = 1;
});
