/**
 * examples/nightly-sync-with-approval.json against the 3CX and Cloudonix sandboxes seeded with
 * the flagship's story (20 to create, 8 changed, 5 orphans). n8n-core's engine cannot wait for a
 * webhook, so the Wait node is replaced by a Code node emitting what it would output: the resume
 * call's request (approve, reject) or, on timeout, its own input. `npm run test:n8n` runs the
 * example unchanged under `n8n start` and resumes it through the links of the summary.
 */
import type { INode } from 'n8n-workflow';

import { sandboxPerTest } from '../../dev/harness/sandboxPerTest';
import * as vendors from '../../dev/harness/vendors';
import { CredentialStore } from '../../dev/harness/credentials';
import type { WorkflowJson } from '../../dev/harness/engine';
import { runWorkflow } from '../../dev/harness/engine';
import { loadExample, readExample } from '../../dev/harness/examples';
import { seedNightlySync } from '../../dev/sandbox/scenarios';

const FILE = 'nightly-sync-with-approval.json';
const WAIT = 'Wait for Approval';
const threeCx = sandboxPerTest(vendors.threeCx).sandbox;
const cloudonix = sandboxPerTest(vendors.cloudonix).sandbox;

type Answer = { decision: 'approve' | 'reject' } | 'timeout';

/** The Wait node's output: the GET on the resume URL (query holds the decision), or its input on timeout. */
function answered(workflow: WorkflowJson, answer: Answer): WorkflowJson {
	const jsCode =
		answer === 'timeout'
			? 'return $input.all();'
			: `return [{ json: { headers: {}, params: {}, query: ${JSON.stringify({ decision: answer.decision })}, body: {} } }];`;
	return {
		...workflow,
		nodes: workflow.nodes.map((node): INode => {
			if (node.name !== WAIT) return node;
			const { webhookId: _webhookId, ...rest } = node;
			return { ...rest, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { mode: 'runOnceForAllItems', language: 'javaScript', jsCode } };
		}),
	};
}

async function run(answer: Answer) {
	const store = new CredentialStore();
	const workflow = loadExample(FILE, {
		threeCxApi: store.add('threeCxApi', threeCx.credentials(), '3CX API account'),
		cloudonixApi: store.add('cloudonixApi', cloudonix.credentials(), 'Cloudonix API account'),
	});
	return await runWorkflow(answered(workflow, answer), store);
}

const writes = () => cloudonix.server.requests.filter((request) => request.method !== 'GET');
const numbers = (items: Array<{ number?: unknown; target?: unknown }>) =>
	items.map((item) => String(item.number ?? (item.target as { number?: string } | undefined)?.number));

describe('example: nightly sync with approval', () => {
	let expected: ReturnType<typeof seedNightlySync>;
	beforeEach(() => {
		expected = seedNightlySync(threeCx, cloudonix);
		cloudonix.server.clearLog();
	});

	it('waits on n8n’s own Wait node (webhook resume, 24 h limit) and guards the writes', () => {
		const workflow = readExample(FILE);
		const wait = workflow.nodes.find((node) => node.name === WAIT)!;
		expect(wait).toMatchObject({ type: 'n8n-nodes-base.wait', parameters: { resume: 'webhook', limitWaitTime: true, resumeAmount: 24, resumeUnit: 'hours' } });
		const node = (name: string) => workflow.nodes.find((n) => n.name === name)!;
		expect(node('Plan: Create Missing').parameters.options).toEqual({ dryRun: true });
		expect(node('Plan: Update Changed').parameters.options).toMatchObject({ dryRun: true });
		expect(node('Create Missing Subscribers').parameters.options).toEqual({});
		expect(node('Update Changed Subscribers').parameters.options).toEqual({ onlyIfUnchanged: '={{ $json.compared.remote }}' });
		expect(node('Create Missing Subscribers').onError).toBe('continueErrorOutput');
		expect(node('Update Changed Subscribers').onError).toBe('continueErrorOutput');
	});

	it('plans without writing, sends a summary with the changes and both links, and applies everything once approved', async () => {
		const result = await run({ decision: 'approve' });
		expect([result.status, result.error?.message, result.error?.node?.name]).toEqual(['success', undefined, undefined]);

		expect(numbers(result.json('Plan: Create Missing'))).toEqual(expected.localOnly);
		expect(result.json('Plan: Create Missing').every((item) => item.dryRun === true && item.action === 'create')).toBe(true);
		expect(numbers(result.json('Plan: Update Changed'))).toEqual(expected.changed);
		expect(result.json('Plan: Update Changed').every((item) => item.dryRun === true && item.action === 'update')).toBe(true);

		const [request] = result.json('Approval Request');
		expect(request.subject).toBe('Nightly 3CX → Cloudonix sync: 20 to create, 8 to update. Approve?');
		const message = String(request.message);
		expect(message).toContain(`Create 20 subscriber(s): ${expected.localOnly.join(', ')}`);
		expect(message).toMatch(/^ {2}103: profile\.displayName ".+ \(old name\)" → ".+"$/m);
		expect(message).toMatch(/^ {2}105: active (true|false) → (true|false)$/m);
		expect(message).toContain('5 subscriber(s) only in Cloudonix are reported, never deleted.');
		// $execution.resumeUrl carries n8n's resume token; the decision is one more query parameter.
		expect(request.approveUrl).toMatch(/^http:\/\/localhost:5678\/webhook-waiting\/1\?signature=[0-9a-f]+&decision=approve$/);
		expect(request.rejectUrl).toBe(String(request.approveUrl).replace('decision=approve', 'decision=reject'));
		expect(message).toContain(`Approve: ${request.approveUrl}`);

		expect(numbers(result.json('Created'))).toEqual(expected.localOnly);
		expect(numbers(result.json('Updated'))).toEqual(expected.changed);
		expect(result.json('Refused: Created Since Review')).toEqual([]);
		expect(result.json('Refused: Changed Since Review')).toEqual([]);
		for (const user of threeCx.state.users.values()) {
			expect(cloudonix.byMsisdn(user.Number)).toMatchObject({ active: user.Enabled, profile: { displayName: `${user.FirstName} ${user.LastName}` } });
		}
		// The plan wrote nothing: every write is the apply's, one per subscriber.
		expect(writes().filter((request) => request.method === 'POST')).toHaveLength(20);
		expect(JSON.stringify(result.run.data.resultData)).not.toMatch(/sipPassword"\s*:\s*"(?!\*\*\*)/);
	});

	it.each<[string, Answer]>([
		['a rejection', { decision: 'reject' }],
		['no answer within 24 hours', 'timeout'],
	])('applies nothing after %s', async (_label, answer) => {
		const before = cloudonix.list();
		const result = await run(answer);
		expect(result.status).toBe('success');
		expect(result.json('Plan: Create Missing')).toHaveLength(20);
		expect(result.executed).not.toContain('Approved Creates');
		expect(result.executed).not.toContain('Create Missing Subscribers');
		expect(result.executed).not.toContain('Update Changed Subscribers');
		expect(writes()).toEqual([]);
		expect(cloudonix.list()).toEqual(before);
	});

	it('refuses the subscribers that changed or appeared after the plan and applies the rest', async () => {
		// Between the plan and the apply an admin renames 103 and creates 140 by hand: the hook
		// runs on the first write, which the apply sends after the approval.
		cloudonix.server.hook({
			when: (request) => request.method !== 'GET',
			before: () => {
				cloudonix.byMsisdn('103')!.profile.displayName = 'Renamed by an admin';
				cloudonix.add('140', 'Admin-140-Pw3z', { displayName: 'Created by an admin' });
			},
		});
		const result = await run({ decision: 'approve' });
		expect(result.status).toBe('success');
		expect(result.json('Plan: Update Changed')).toHaveLength(8);

		const refusedCreates = result.json('Refused: Created Since Review');
		expect(refusedCreates.map((item) => item.error)).toEqual([expect.stringMatching(/MSISDN 140 already exists/)]);
		const refusedUpdates = result.json('Refused: Changed Since Review');
		expect(refusedUpdates).toHaveLength(1);
		expect(refusedUpdates[0].error).toMatch(/^Cloudonix subscriber 103 changed since it was compared: name \(was ".+ \(old name\)", now "Renamed by an admin"\)/);
		expect(numbers(result.json('Updated'))).toEqual(expected.changed.filter((number) => number !== '103'));
		expect(cloudonix.byMsisdn('103')!.profile.displayName).toBe('Renamed by an admin');

		// 140 was created by hand in the meantime: refused, the others created.
		expect(numbers(result.json('Created'))).toEqual(expected.localOnly.filter((number) => number !== '140'));
		expect(cloudonix.byMsisdn('140')).toMatchObject({ sipPassword: 'Admin-140-Pw3z', profile: { displayName: 'Created by an admin' } });
	});
});
