/**
 * sipXcom: Return All over the REST user list (XML paging at 250 per page) through the real
 * engine against the loopback sandbox, and the pure XML parse cost per page.
 */
import { performance } from 'perf_hooks';

import { parseUserList } from '../nodes/SipXcom/transport/xml';
import { CredentialStore } from '../dev/harness/credentials';
import { runWorkflow } from '../dev/harness/engine';
import { buildWorkflow, pkg } from '../dev/harness/workflow';
import { createSipXcomSandbox } from '../dev/sandbox/sipxcom';

export async function run(): Promise<void> {
	console.log('| users | pages | engine run (ms) | users/s |');
	console.log('|---|---|---|---|');
	// The first size (100) warms up module loading and the JIT; read the table from 1,000 on.
	for (const count of [100, 1000, 5000, 10000]) {
		const sandbox = createSipXcomSandbox({ users: count, phones: 0 });
		await sandbox.server.start();
		const store = new CredentialStore();
		const credential = store.add('sipXcomApi', sandbox.credentials() as never);
		const workflow = buildWorkflow(
			[
				{
					name: 'sipXcom',
					type: pkg('sipXcom'),
					parameters: { resource: 'user', operation: 'getMany', returnAll: true },
					credentials: { sipXcomApi: credential },
				},
			],
			[],
		);
		const started = performance.now();
		const result = await runWorkflow(workflow, store);
		const ms = performance.now() - started;
		if (result.json('sipXcom').length !== count) throw new Error('wrong count');
		console.log(`| ${count} | ${sandbox.server.count('GET', '/rest/user')} | ${ms.toFixed(0)} | ${Math.round((count / ms) * 1000)} |`);
		await sandbox.server.stop();
	}

	const sandbox = createSipXcomSandbox({ users: 250, phones: 0 });
	await sandbox.server.start();
	const auth = `Basic ${Buffer.from(`${sandbox.admin.username}:${sandbox.admin.password}`).toString('base64')}`;
	const xml = await (
		await fetch(`${sandbox.server.baseUrl}/sipxconfig/rest/user?page=1&pagesize=250`, { headers: { authorization: auth } })
	).text();
	await sandbox.server.stop();
	const rounds = 50;
	const started = performance.now();
	for (let i = 0; i < rounds; i++) parseUserList(xml);
	const perPage = (performance.now() - started) / rounds;
	console.log(`\nparseUserList, one 250-user page (${Math.round(xml.length / 1024)} KB): ${perPage.toFixed(1)} ms`);
}
