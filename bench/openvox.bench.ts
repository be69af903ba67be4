/**
 * OpenVox: items per second for Get (one extension/query per item) and Create through the
 * engine against the loopback sandbox, and how many logins each run cost.
 */
import { CredentialStore } from '../dev/harness/credentials';
import { runWorkflow } from '../dev/harness/engine';
import { buildWorkflow, pkg, source } from '../dev/harness/workflow';
import { createOpenVoxSandbox } from '../dev/sandbox/openvox';

export async function run(): Promise<void> {
	const sandbox = createOpenVoxSandbox({ seed: 1000 });
	await sandbox.server.start();
	try {
		console.log('| operation | format | items | seconds | items/s | logins |');
		console.log('|---|---|---|---|---|---|');
		for (const apiFormat of ['json', 'xml']) {
			for (const [operation, count] of [
				['get', 1000],
				['create', 500],
			] as const) {
				const store = new CredentialStore();
				const credential = store.add('openVoxApi', sandbox.credentials({ apiFormat }) as never);
				const base = apiFormat === 'json' ? 10000 : 20000;
				const items = Array.from({ length: count }, (_, i) => ({ ext: String(operation === 'get' ? 1000 + i : base + i) }));
				const parameters =
					operation === 'get'
						? { resource: 'extension', operation, extid: '={{$json.ext}}', output: 'raw' }
						: { resource: 'extension', operation, number: '={{$json.ext}}', registerpassword: 'Bench-pass1', output: 'raw' };
				const workflow = buildWorkflow(
					[
						source('Items', items),
						{ name: 'OpenVox', type: pkg('openVox'), parameters, credentials: { openVoxApi: credential } },
					],
					[['Items', 'OpenVox']],
				);
				sandbox.server.clearLog();
				const started = performance.now();
				const result = await runWorkflow(workflow, store);
				const seconds = (performance.now() - started) / 1000;
				if (result.status !== 'success') throw result.error ?? new Error('run failed');
				console.log(
					`| ${operation} | ${apiFormat} | ${count} | ${seconds.toFixed(2)} | ${Math.round(count / seconds)} | ${sandbox.server.count('POST', '/login')} |`,
				);
			}
		}
	} finally {
		await sandbox.server.stop();
	}
}
