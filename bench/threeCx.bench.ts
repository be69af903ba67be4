/**
 * Return All of 10,000 3CX users through the node (engine, credential, shared transport,
 * paging on Id) against the sandbox, next to a plain axios loop over the same pages.
 * Expected requests: ⌈10000/100⌉ = 100 pages (the first one asks for @odata.count, so no
 * empty page is needed at the end) + 1 token request. A small warm-up run loads the engine first.
 */
import axios from 'axios';

import { runWorkflow } from '../dev/harness/engine';
import { createThreeCxSandbox } from '../dev/sandbox/threecx';
import { threeCx } from '../dev/harness/vendors';

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

export async function run(): Promise<void> {
	const sandbox = createThreeCxSandbox();
	await sandbox.server.start();
	sandbox.seedUsers(USERS);
	const rows: string[][] = [];
	try {
		const warm = threeCx.credentialFor(sandbox.credentials());
		await runWorkflow(threeCx.workflow(warm.credential, { operation: 'getMany', returnAll: false, limit: 1 }), warm.store);
		for (const count of [false, true]) {
			const { store, credential } = threeCx.credentialFor(sandbox.credentials());
			sandbox.server.clearLog();
			const started = process.hrtime.bigint();
			const result = await runWorkflow(threeCx.workflow(credential, { operation: 'getMany', returnAll: true, options: count ? { count: true } : {} }), store);
			const ms = Number(process.hrtime.bigint() - started) / 1e6;
			const users = result.json(threeCx.node);
			if (users.length !== USERS || new Set(users.map((u) => u.id)).size !== USERS) throw new Error('lost or duplicated users');
			rows.push([
				`3CX node, Return All${count ? ' + $count' : ''}`,
				String(users.length),
				String(sandbox.server.count('GET', '/xapi/v1/Users')),
				String(sandbox.server.count('POST', '/connect/token')),
				ms.toFixed(0),
			]);
		}
		sandbox.server.clearLog();
		const started = process.hrtime.bigint();
		const plain = await plainAxios(sandbox.server.baseUrl, sandbox.state.options.clientId, sandbox.state.options.clientSecret);
		const ms = Number(process.hrtime.bigint() - started) / 1e6;
		rows.push(['plain axios loop + $count', String(plain.users), String(plain.requests - 1), '1', ms.toFixed(0)]);
	} finally {
		await sandbox.server.stop();
	}
	console.log(`Return All of ${USERS} users (sandbox on 127.0.0.1, $top=100)\n`);
	console.log('| Client | Users | GET /Users | Token requests | Time (ms) |');
	console.log('|---|---|---|---|---|');
	for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}
