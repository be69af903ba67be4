/**
 * Cloudonix node against its sandbox: Get Many over large domains, and paced upserts
 * (requests per item, wall time against the pacing floor). `npm run bench -- cloudonix`
 */
import '../dev/harness/setup';

import { CredentialStore } from '../dev/harness/credentials';
import { runWorkflow } from '../dev/harness/engine';
import { buildWorkflow, pkg, source } from '../dev/harness/workflow';
import { createCloudonixSandbox } from '../dev/sandbox/cloudonix';

const NODE = 'Cloudonix';

export async function run(): Promise<void> {
	console.log('| scenario | items | requests | 429 from limiter | time (ms) | floor (ms) |');
	console.log('|---|---|---|---|---|---|');
	for (const size of [1000, 5000, 20000]) {
		const sandbox = createCloudonixSandbox({ rateLimit: 1000, rateWindowMs: 1000 });
		await sandbox.server.start();
		sandbox.seed(size);
		const store = new CredentialStore();
		const credential = store.add('cloudonixApi', sandbox.credentials());
		const workflow = buildWorkflow(
			[
				source('Items', [{}]),
				{
					name: NODE,
					type: pkg('cloudonix'),
					parameters: { resource: 'subscriber', operation: 'getAll', returnAll: true },
					credentials: { cloudonixApi: credential },
				},
			],
			[['Items', NODE]],
		);
		const started = Date.now();
		const result = await runWorkflow(workflow, store);
		const elapsed = Date.now() - started;
		if (result.json(NODE).length !== size) throw new Error('Get Many returned the wrong count');
		console.log(`| Get Many (normalised) | ${size} | ${sandbox.server.requests.length} | 0 | ${elapsed} | – |`);
		await sandbox.server.stop();
	}
	for (const [limit, windowMs, items] of [
		[10, 100, 500],
		[10, 300, 200],
	] as const) {
		const sandbox = createCloudonixSandbox({ rateLimit: limit, rateWindowMs: windowMs });
		await sandbox.server.start();
		sandbox.seed(items / 2);
		const store = new CredentialStore();
		const credential = store.add('cloudonixApi', sandbox.credentials());
		const inputs = Array.from({ length: items }, (_, i) => ({ number: String(1000 + i), name: `Person ${i}` }));
		const workflow = buildWorkflow(
			[
				source('Items', inputs),
				{
					name: NODE,
					type: pkg('cloudonix'),
					parameters: {
						resource: 'subscriber',
						operation: 'upsert',
						msisdn: '={{ $json.number }}',
						additionalFields: { displayName: '={{ $json.name }}' },
						options: { requestsPerWindow: limit, windowMs },
					},
					credentials: { cloudonixApi: credential },
				},
			],
			[['Items', NODE]],
		);
		const started = Date.now();
		const result = await runWorkflow(workflow, store);
		const elapsed = Date.now() - started;
		if (result.status !== 'success') throw new Error(result.error?.message);
		const requests = sandbox.server.requests.length;
		const floor = Math.floor((requests - 1) / limit) * windowMs;
		console.log(
			`| Create or Update, paced ${limit}/${windowMs} ms (sandbox same) | ${items} | ${requests} | ${sandbox.state.rateLimited} | ${elapsed} | ${floor} |`,
		);
		await sandbox.server.stop();
	}
}
