/**
 * The issue's worst case: examples/cloudonix-sync-extensions.json with 3CX Get Many Users as
 * the source of truth. When the 3CX API path is answered by a maintenance page (HTTP 200,
 * text/html) while the token request still works, the 3CX node must fail and no Cloudonix
 * subscriber may be deactivated; with a healthy PBX the same workflow syncs as designed.
 */
import type { INode } from 'n8n-workflow';

import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import * as vendors from '../../dev/harness/vendors';
import { CredentialStore } from '../../dev/harness/credentials';
import { runWorkflow } from '../../dev/harness/engine';
import { loadExample } from '../../dev/harness/examples';
import { pkg } from '../../dev/harness/workflow';
import { htmlPage } from '../../dev/sandbox/core';

const cloudonix = sandboxPerTest(vendors.cloudonix, { seed: 2 }).sandbox; // 1000, 1001
const threeCx = sandboxPerTest(vendors.threeCx).sandbox;

beforeEach(() => {
	cloudonix.add('1099', 'Orphan-Pass-99', { displayName: 'Gone Person' });
	threeCx.seedUsers(3, 1000); // 1000, 1001, 1002
});

/** The example with its sample Code node replaced by 3CX Get Many Users (Return All, normalised). */
function syncFrom3cx() {
	const store = new CredentialStore();
	const cloudonixCredential = store.add('cloudonixApi', cloudonix.credentials(), 'Cloudonix account');
	const threeCxCredential = store.add('threeCxApi', { ...threeCx.credentials(), accessToken: '' } as never, '3CX account');
	const workflow = loadExample('cloudonix-sync-extensions.json', { cloudonixApi: cloudonixCredential });
	workflow.nodes = workflow.nodes.map((node): INode =>
		node.name === 'Local Extensions'
			? {
					...node,
					type: pkg('threeCx'),
					typeVersion: 1,
					parameters: { resource: 'user', operation: 'getMany', returnAll: true, output: 'normalised' },
					credentials: { threeCxApi: { id: threeCxCredential.id, name: threeCxCredential.name } },
				}
			: node,
	);
	return { workflow, store };
}

const active = () => cloudonix.list().map((s) => [s.msisdn, s.active]);

describe('example: Cloudonix sync with 3CX as the source', () => {
	it('fails the 3CX node and deactivates nothing when the API path serves a maintenance page', async () => {
		threeCx.server.injectFault({ path: '/xapi/v1/Users', ...htmlPage(200, 'Maintenance'), times: 100 });
		const { workflow, store } = syncFrom3cx();
		const result = await runWorkflow(workflow, store);

		expect(result.status).toBe('error');
		expect(result.error?.node?.name).toBe('Local Extensions');
		expect(result.error?.message).toMatch(
			/^Unexpected answer from 3CX for GET \/xapi\/v1\/Users: expected JSON with "value", got text\/html \("<html><head><title>Maintenance/,
		);
		// The token request worked: it was the API path that answered with the page.
		expect(threeCx.server.count('POST', '/connect/token')).toBe(1);
		expect(result.executed).not.toContain('Deactivate Orphaned Subscribers');
		expect(active()).toEqual([
			['1000', true],
			['1001', true],
			['1099', true],
		]);
		expect(cloudonix.server.count('PUT')).toBe(0);
	});

	it('syncs as designed when the PBX answers', async () => {
		const { workflow, store } = syncFrom3cx();
		const result = await runWorkflow(workflow, store);
		expect(result.status).toBe('success');
		expect(result.json('Deactivate Orphaned Subscribers').map((e) => [e.number, e.enabled])).toEqual([['1099', false]]);
		expect(active()).toEqual([
			['1000', true],
			['1001', true],
			['1002', true],
			['1099', false],
		]);
	});
});
