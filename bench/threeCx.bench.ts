/**
 * Return All of 10,000 3CX users through the node (engine, credential, shared transport,
 * paging on Id) against the sandbox, next to a plain axios loop over the same pages.
 * Expected requests: ⌈10000/100⌉ = 100 pages (the first one asks for @odata.count, so no
 * empty page is needed at the end) + 1 token request. A small warm-up run loads the engine first;
 * then each client runs ROUNDS times, interleaved, and the table shows medians. The goal compares
 * wall time, as a user waits for it; CPU time is shown next to it because on a shared machine it
 * varies less.
 */
import axios from 'axios';

import { runWorkflow } from '../dev/harness/engine';
import { createThreeCxSandbox } from '../dev/sandbox/threecx';
import { threeCx } from '../dev/harness/vendors';
import { reportGoal } from './goals';

const USERS = 10_000;

async function plainAxios(baseUrl: string, clientId: string, clientSecret: string): Promise<{ users: number; requests: number }> {
	let requests = 1;
	const token = (
		await axios.post(
			`${baseUrl}/connect/token`,
			new URLSearchParams({ client_id: clientId, client_secret: clientSecret, grant_type: 'client_credentials' }).toString(),
			{ headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
		)
	).data.access_token as string;
	let users = 0;
	for (let skip = 0; ; skip += 100) {
		const page = await axios.get(`${baseUrl}/xapi/v1/Users`, {
			params: { $orderby: 'Id', $top: 100, $skip: skip, $count: true },
			headers: { Authorization: `Bearer ${token}` },
		});
		requests++;
		users += page.data.value.length;
		if (page.data.value.length < 100 || skip + 100 >= page.data['@odata.count']) break;
	}
	return { users, requests };
}

/** Rounds of each client, interleaved so that a busy moment of a shared machine hits all of them. */
const ROUNDS = 5;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** Wall and CPU milliseconds of one call (the sandbox runs in this process, so CPU includes it for every client alike). */
async function timed<T>(call: () => Promise<T>): Promise<{ result: T; ms: number; cpuMs: number }> {
	const cpu = process.cpuUsage();
	const started = process.hrtime.bigint();
	const result = await call();
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	const used = process.cpuUsage(cpu);
	return { result, ms, cpuMs: (used.user + used.system) / 1000 };
}

interface Row {
	client: string;
	users: number;
	pages: number;
	tokens: number;
	ms: number[];
	cpuMs: number[];
}

/** Issue 26's goal: Return All through the node at most this many times the plain loop. */
const RETURN_ALL_GOAL = 1.25;

export async function run(): Promise<void> {
	const sandbox = createThreeCxSandbox();
	await sandbox.server.start();
	sandbox.seedUsers(USERS);
	const rows: Row[] = [
		{ client: '3CX node, Return All', users: 0, pages: 0, tokens: 0, ms: [], cpuMs: [] },
		{ client: '3CX node, Return All + $count', users: 0, pages: 0, tokens: 0, ms: [], cpuMs: [] },
		{ client: 'plain axios loop + $count', users: 0, pages: 0, tokens: 0, ms: [], cpuMs: [] },
	];
	try {
		const warm = threeCx.credentialFor(sandbox.credentials());
		await runWorkflow(threeCx.workflow(warm.credential, { operation: 'getMany', returnAll: false, limit: 1 }), warm.store);
		for (let round = 0; round < ROUNDS; round++) {
			for (const [index, count] of [false, true].entries()) {
				const { store, credential } = threeCx.credentialFor(sandbox.credentials());
				sandbox.server.clearLog();
				const { result, ms, cpuMs } = await timed(
					async () => await runWorkflow(threeCx.workflow(credential, { operation: 'getMany', returnAll: true, options: count ? { count: true } : {} }), store),
				);
				const users = result.json(threeCx.node);
				if (users.length !== USERS || new Set(users.map((u) => u.id)).size !== USERS) throw new Error('lost or duplicated users');
				Object.assign(rows[index], { users: users.length, pages: sandbox.server.count('GET', '/xapi/v1/Users'), tokens: sandbox.server.count('POST', '/connect/token') });
				rows[index].ms.push(ms);
				rows[index].cpuMs.push(cpuMs);
			}
			sandbox.server.clearLog();
			const { result: plain, ms, cpuMs } = await timed(
				async () => await plainAxios(sandbox.server.baseUrl, sandbox.state.options.clientId, sandbox.state.options.clientSecret),
			);
			Object.assign(rows[2], { users: plain.users, pages: plain.requests - 1, tokens: 1 });
			rows[2].ms.push(ms);
			rows[2].cpuMs.push(cpuMs);
		}
	} finally {
		await sandbox.server.stop();
	}
	console.log(`Return All of ${USERS} users (sandbox on 127.0.0.1, $top=100), median of ${ROUNDS} interleaved rounds\n`);
	console.log('| Client | Users | GET /Users | Token requests | Time (ms) | CPU time (ms) |');
	console.log('|---|---|---|---|---|---|');
	for (const row of rows) {
		console.log(`| ${row.client} | ${row.users} | ${row.pages} | ${row.tokens} | ${median(row.ms).toFixed(0)} | ${median(row.cpuMs).toFixed(0)} |`);
	}
	const [node, , plain] = rows;
	const cpuRatio = median(node.cpuMs) / median(plain.cpuMs);
	console.log('');
	reportGoal(
		`3CX Get Many, Return All of ${USERS.toLocaleString('en')} users against the plain axios loop`,
		median(node.ms) / median(plain.ms),
		RETURN_ALL_GOAL,
		`${median(node.ms).toFixed(0)} vs ${median(plain.ms).toFixed(0)} ms; CPU time ${cpuRatio.toFixed(2)}×`,
	);
}
