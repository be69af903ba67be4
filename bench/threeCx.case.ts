/**
 * The measurement of threeCx.bench.ts, in a process of its own so that what the benchmarks before
 * it left on the heap does not slow its garbage collection. Prints one JSON line: the rows.
 * Expected requests: ⌈10000/100⌉ = 100 pages (the first one asks for @odata.count, so no
 * empty page is needed at the end) + 1 token request. A small warm-up run loads the engine first;
 * then each client runs ROUNDS times, interleaved.
 */
// Must come first: the engine must not write into the user's ~/.n8n.
import '../dev/harness/env';
import axios from 'axios';
import http from 'http';

import { runWorkflow } from '../dev/harness/engine';
import { createThreeCxSandbox } from '../dev/sandbox/threecx';
import { threeCx } from '../dev/harness/vendors';

const USERS = 10_000;

/**
 * The goal's baseline: axios with Node's global agent, which keeps one connection alive for all
 * pages. With `keepAlive` false, a new agent without keep-alive per request, as n8n's request
 * helper makes one (@n8n/backend-network buildNodeAgents): a new connection per request. That row
 * is reported for comparison only; the goal stays against the keep-alive loop.
 */
async function plainAxios(baseUrl: string, clientId: string, clientSecret: string, keepAlive = true): Promise<{ users: number; requests: number }> {
	const agent = () => (keepAlive ? {} : { httpAgent: new http.Agent({ keepAlive: false }) });
	let requests = 1;
	const token = (
		await axios.post(
			`${baseUrl}/connect/token`,
			new URLSearchParams({ client_id: clientId, client_secret: clientSecret, grant_type: 'client_credentials' }).toString(),
			{ headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, ...agent() },
		)
	).data.access_token as string;
	let users = 0;
	for (let skip = 0; ; skip += 100) {
		const page = await axios.get(`${baseUrl}/xapi/v1/Users`, {
			params: { $orderby: 'Id', $top: 100, $skip: skip, $count: true },
			headers: { Authorization: `Bearer ${token}` },
			...agent(),
		});
		requests++;
		users += page.data.value.length;
		if (page.data.value.length < 100 || skip + 100 >= page.data['@odata.count']) break;
	}
	return { users, requests };
}

/** Rounds of each client, interleaved so that a busy moment of a shared machine hits all of them. */
const ROUNDS = 5;

/** Wall and CPU milliseconds of one call (the sandbox runs in this process, so CPU includes it for every client alike). */
async function timed<T>(call: () => Promise<T>): Promise<{ result: T; ms: number; cpuMs: number }> {
	const cpu = process.cpuUsage();
	const started = process.hrtime.bigint();
	const result = await call();
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	const used = process.cpuUsage(cpu);
	return { result, ms, cpuMs: (used.user + used.system) / 1000 };
}

export interface Row {
	client: string;
	users: number;
	pages: number;
	tokens: number;
	ms: number[];
	cpuMs: number[];
}


async function measure(): Promise<Row[]> {
	const sandbox = createThreeCxSandbox();
	await sandbox.server.start();
	sandbox.seedUsers(USERS);
	const rows: Row[] = [
		{ client: '3CX node, Return All', users: 0, pages: 0, tokens: 0, ms: [], cpuMs: [] },
		{ client: '3CX node, Return All + $count', users: 0, pages: 0, tokens: 0, ms: [], cpuMs: [] },
		{ client: 'plain axios loop + $count', users: 0, pages: 0, tokens: 0, ms: [], cpuMs: [] },
		{ client: 'plain axios loop + $count, a new connection per request', users: 0, pages: 0, tokens: 0, ms: [], cpuMs: [] },
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
			const closing = await timed(
				async () => await plainAxios(sandbox.server.baseUrl, sandbox.state.options.clientId, sandbox.state.options.clientSecret, false),
			);
			Object.assign(rows[3], { users: closing.result.users, pages: closing.result.requests - 1, tokens: 1 });
			rows[3].ms.push(closing.ms);
			rows[3].cpuMs.push(closing.cpuMs);
		}
	} finally {
		await sandbox.server.stop();
	}
	return rows;
}

measure()
	.then((rows) => console.log(JSON.stringify(rows)))
	.catch((error) => {
		console.error(error);
		process.exit(1);
	});
