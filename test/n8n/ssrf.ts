/**
 * n8n's SSRF protection in a real n8n (2.x: `N8N_SSRF_PROTECTION_ENABLED`, whose default block
 * list covers 127.0.0.0/8, where the sandboxes listen):
 * - with it on, every credential Test (POST /rest/credentials/test under `n8n start`) and a node
 *   run (`n8n execute`) fail with our message, which names the blocked address and
 *   N8N_SSRF_ALLOWED_IP_RANGES, and nothing reaches a sandbox;
 * - with 127.0.0.1/32 in N8N_SSRF_ALLOWED_IP_RANGES, the same Tests and run pass.
 * n8n 1.x has no such setting; there this reports that and checks nothing.
 */
import * as fs from 'fs';
import type { IDataObject } from 'n8n-workflow';
import * as path from 'path';

import { createCloudonixSandbox } from '../../dev/sandbox/cloudonix';
import { createOpenVoxSandbox } from '../../dev/sandbox/openvox';
import { createSipXcomSandbox } from '../../dev/sandbox/sipxcom';
import { createThreeCxSandbox } from '../../dev/sandbox/threecx';
import { PACKAGE_NAME } from '../../dev/harness/registry';
import type { RealN8n } from './realN8n';
import type { CredentialImport } from './server';
import { N8nServer } from './server';
import type { Reporter } from './triggers';

interface TestResult {
	status: string;
	message: string;
}

/** Whether this n8n knows the SSRF settings (@n8n/config's ssrf-protection config, n8n 2.x). */
export function hasSsrfProtection(n8n: RealN8n): boolean {
	const config = path.join(n8n.cacheDir, 'node_modules', '@n8n', 'config', 'dist', 'configs', 'ssrf-protection.config.js');
	return fs.existsSync(config) && fs.readFileSync(config, 'utf8').includes('N8N_SSRF_PROTECTION_ENABLED');
}

const BLOCKED = /n8n's SSRF protection \(N8N_SSRF_PROTECTION_ENABLED\) blocked the request to 127\.0\.0\.1, an address in a blocked range\. Ask the n8n administrator to add 127\.0\.0\.1\/32 \(or the PBX network's range\) to N8N_SSRF_ALLOWED_IP_RANGES/;

export async function runSsrfCases(n8n: RealN8n, report: Reporter): Promise<void> {
	console.log("\nn8n's SSRF protection (N8N_SSRF_PROTECTION_ENABLED=true, default block list):");
	if (!hasSsrfProtection(n8n)) {
		console.log('  (this n8n has no SSRF protection setting; nothing to check)');
		return;
	}
	const threeCx = createThreeCxSandbox();
	const openVox = createOpenVoxSandbox({ seed: 2 });
	const sipXcom = createSipXcomSandbox({ users: 2, phones: 0 });
	const cloudonix = createCloudonixSandbox();
	const sandboxes = [threeCx, openVox, sipXcom, cloudonix];
	const workflowId = 'pbxsyncssrfrun';
	const workflow = {
		id: workflowId,
		name: 'Cloudonix Get Many (SSRF)',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{ id: 's1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 's2',
				name: 'Cloudonix',
				type: `${PACKAGE_NAME}.cloudonix`,
				typeVersion: 1,
				position: [240, 0],
				parameters: { resource: 'subscriber', operation: 'getAll', returnAll: true },
				credentials: { cloudonixApi: { id: 'pbxsyncssrf4', name: 'Cloudonix (SSRF)' } },
			},
		],
		connections: { Start: { main: [[{ node: 'Cloudonix', type: 'main', index: 0 }]] } },
	};
	const previousSettings = n8n.settings;
	let credentials: CredentialImport[] = [];
	let server: N8nServer | undefined;
	try {
		for (const sandbox of sandboxes) await sandbox.server.start();
		threeCx.seedUsers(2);
		// After start: the credentials carry the sandboxes' ports.
		credentials = [
			{ id: 'pbxsyncssrf1', name: '3CX (SSRF)', type: 'threeCxApi', data: threeCx.credentials() },
			{ id: 'pbxsyncssrf2', name: 'OpenVox (SSRF)', type: 'openVoxApi', data: openVox.credentials() },
			{ id: 'pbxsyncssrf3', name: 'sipXcom (SSRF)', type: 'sipXcomApi', data: sipXcom.credentials() },
			{ id: 'pbxsyncssrf4', name: 'Cloudonix (SSRF)', type: 'cloudonixApi', data: cloudonix.credentials() },
		];
		const setup = new N8nServer(n8n);
		await setup.importCredentials(credentials);
		await setup.importWorkflows([workflow]);

		for (const allowed of [false, true]) {
			const label = allowed ? 'allowed (N8N_SSRF_ALLOWED_IP_RANGES=127.0.0.1/32)' : 'blocked';
			n8n.settings = {
				...previousSettings,
				N8N_SSRF_PROTECTION_ENABLED: 'true',
				...(allowed ? { N8N_SSRF_ALLOWED_IP_RANGES: '127.0.0.1/32' } : {}),
			};
			for (const sandbox of sandboxes) sandbox.server.clearLog();
			server = new N8nServer(n8n);
			await server.start();
			for (const credential of credentials) {
				const stored = await server.rest<{ id: string; name: string; type: string; data: IDataObject }>('GET', `/credentials/${credential.id}?includeData=true`);
				const result = await server.rest<TestResult>('POST', '/credentials/test', { credentials: stored });
				const ok = allowed ? result.status === 'OK' : result.status === 'Error' && BLOCKED.test(result.message);
				const text = `${credential.type} Test, ${label}: ${result.status} "${result.message.slice(0, 220)}"`;
				if (ok) report.pass(text);
				else report.fail(`${text}${allowed ? '' : `; expected ${String(BLOCKED)}`}`);
			}
			await server.stop();
			server = undefined;

			const run = await n8n.command(`execute-ssrf-${allowed ? 'allowed' : 'blocked'}`, ['execute', `--id=${workflowId}`, '--rawOutput']);
			const errors = run.log.filter((entry) => entry.level === 'error').map((entry) => entry.message);
			const text = `Cloudonix Get Many (n8n execute), ${label}: exit ${String(run.code)}`;
			if (allowed ? run.code === 0 : run.code !== 0 && errors.some((message) => BLOCKED.test(message))) report.pass(text);
			else report.fail(`${text}; ${errors.slice(0, 2).join(' | ') || 'no error logged'}`);

			const reached = sandboxes.reduce((sum, sandbox) => sum + sandbox.server.requests.length, 0);
			if (!allowed && reached > 0) report.fail(`SSRF ${label}: ${reached} request(s) reached a sandbox`);
			else if (!allowed) report.pass(`SSRF ${label}: no request reached a sandbox`);
		}
	} catch (error) {
		report.fail(`SSRF cases: ${(error as Error).message}\n${server?.port ? server.describe() : ''}`);
	} finally {
		n8n.settings = previousSettings;
		await server?.stop();
		for (const sandbox of sandboxes) await sandbox.server.stop();
	}
}
