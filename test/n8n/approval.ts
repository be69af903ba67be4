/**
 * examples/nightly-sync-with-approval.json in a real n8n (`n8n start`): three executions wait on
 * the Wait node and are resumed through the Approve or Reject link of their own approval
 * summary, as an approver would click it. Approved: every write happens. Rejected: none. Approved
 * after the Cloudonix sandbox changed a subscriber while the execution waited: that subscriber is
 * refused on the error output, the rest applied. The Schedule Trigger becomes a Webhook of the
 * same name so each execution starts on demand; everything after it is the example as shipped.
 */
import type { IDataObject, INode, IRunExecutionData } from 'n8n-workflow';

import { readExample, withCredentials } from '../../dev/harness/examples';
import { createCloudonixSandbox } from '../../dev/sandbox/cloudonix';
import { createThreeCxSandbox } from '../../dev/sandbox/threecx';
import { seedNightlySync } from '../../dev/sandbox/scenarios';
import type { NightlySyncExpectation } from '../../dev/sandbox/scenarios';
import type { RealN8n } from './realN8n';
import type { ExecutionSummary } from './server';
import { N8nServer } from './server';

export interface Reporter {
	pass(message: string): void;
	fail(message: string): void;
}

const EXAMPLE = 'nightly-sync-with-approval.json';
const WORKFLOW_ID = 'pbxsyncapproval1';
const START_PATH = 'pbx-sync-approval-start';
const pause = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

function json(data: IRunExecutionData, node: string, output = 0): IDataObject[] {
	return (data.resultData.runData[node]?.[0]?.data?.main?.[output] ?? []).map((item) => item.json);
}

/** Waits until the execution has the status, e.g. 'waiting' at the Wait node, then 'success'. */
async function waitForStatus(server: N8nServer, predicate: (execution: ExecutionSummary) => boolean, what: string, timeoutMs = 180_000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = (await server.executions(WORKFLOW_ID)).find(predicate);
		if (found) return found;
		if (Date.now() > deadline) throw new Error(`no execution ${what} within ${timeoutMs / 1000} s\n${server.describe()}`);
		await pause(500);
	}
}

type Scenario = {
	label: string;
	link: 'approveUrl' | 'rejectUrl';
	/** Runs while the execution waits, between the plan and the click. */
	meanwhile?: (sandboxes: { cloudonix: ReturnType<typeof createCloudonixSandbox> }) => void;
	check(data: IRunExecutionData, expected: NightlySyncExpectation): string[];
};

export async function runApprovalCases(n8n: RealN8n, report: Reporter): Promise<void> {
	console.log('\nApproval example (n8n start, Wait node resumed through the summary’s links):');
	const threeCx = createThreeCxSandbox();
	const cloudonix = createCloudonixSandbox();
	const server = new N8nServer(n8n);
	const writes = () => cloudonix.server.requests.filter((request) => request.method !== 'GET');
	const mirrorsThreeCx = (except: string[] = []) =>
		[...threeCx.state.users.values()]
			.filter((user) => !except.includes(user.Number))
			.filter((user) => {
				const subscriber = cloudonix.byMsisdn(user.Number);
				return subscriber?.profile.displayName !== `${user.FirstName} ${user.LastName}` || subscriber.active !== user.Enabled;
			})
			.map((user) => `${user.Number} not in step`);
	const scenarios: Scenario[] = [
		{
			label: 'approved: the plan wrote nothing, the approval applied 20 creates and 8 updates',
			link: 'approveUrl',
			check: (data, expected) => [
				...(json(data, 'Created').length === expected.localOnly.length ? [] : [`Created ${json(data, 'Created').length}`]),
				...(json(data, 'Updated').length === expected.changed.length ? [] : [`Updated ${json(data, 'Updated').length}`]),
				...mirrorsThreeCx(),
			],
		},
		{
			label: 'rejected: nothing written',
			link: 'rejectUrl',
			check: (data) => [
				...(writes().length === 0 ? [] : [`${writes().length} write(s) reached Cloudonix`]),
				...(data.resultData.runData['Create Missing Subscribers'] ? ['Create Missing Subscribers ran'] : []),
			],
		},
		{
			label: 'approved after subscriber 103 was renamed in Cloudonix: 103 refused, the rest applied',
			link: 'approveUrl',
			meanwhile: ({ cloudonix: sandbox }) => {
				sandbox.byMsisdn('103')!.profile.displayName = 'Renamed while waiting';
			},
			check: (data, expected) => {
				const refused = json(data, 'Update Changed Subscribers', 1);
				return [
					...(refused.length === 1 && /^Cloudonix subscriber 103 changed since it was compared: name/.test(String(refused[0].error))
						? []
						: [`refused: ${JSON.stringify(refused)}`]),
					...(json(data, 'Updated').length === expected.changed.length - 1 ? [] : [`Updated ${json(data, 'Updated').length}`]),
					...(cloudonix.byMsisdn('103')!.profile.displayName === 'Renamed while waiting' ? [] : ['103 overwritten']),
					...mirrorsThreeCx(['103']),
				];
			},
		},
	];
	try {
		await threeCx.server.start();
		await cloudonix.server.start();
		const credentials = [
			{ id: 'pbxsyncapprc1', name: '3CX (approval)', type: 'threeCxApi', data: threeCx.credentials() as IDataObject },
			{ id: 'pbxsyncapprc2', name: 'Cloudonix (approval)', type: 'cloudonixApi', data: cloudonix.credentials() as IDataObject },
		];
		await server.importCredentials(credentials);
		const example = withCredentials(readExample(EXAMPLE), { threeCxApi: credentials[0], cloudonixApi: credentials[1] });
		const nodes = example.nodes.map((node): INode => {
			if (node.type !== 'n8n-nodes-base.scheduleTrigger') return node;
			return {
				...node,
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				parameters: { httpMethod: 'POST', path: START_PATH, responseMode: 'onReceived', options: {} },
				webhookId: 'a9d0e7a1-cccc-4000-8000-000000000001',
			};
		});
		await server.importWorkflows([{ ...example, nodes, id: WORKFLOW_ID } as unknown as IDataObject]);
		await server.start();
		await server.activate(WORKFLOW_ID);

		for (const scenario of scenarios) {
			threeCx.reset();
			cloudonix.reset();
			const expected = seedNightlySync(threeCx, cloudonix);
			cloudonix.server.clearLog();
			const known = new Set((await server.executions(WORKFLOW_ID)).map((execution) => execution.id));
			const started = await fetch(`${server.baseUrl}/webhook/${START_PATH}`, { method: 'POST' });
			if (!started.ok) throw new Error(`starting the workflow: HTTP ${started.status} ${await started.text()}`);
			const waiting = await waitForStatus(server, (e) => !known.has(e.id) && e.status === 'waiting', 'waiting for approval');
			const planned = (await server.execution(waiting.id)).data;
			const [request] = json(planned, 'Approval Request');
			const problems: string[] = [];
			if (writes().length) problems.push(`the plan sent ${writes().length} write(s)`);
			cloudonix.server.clearLog();
			if (json(planned, 'Plan: Create Missing').length !== expected.localOnly.length) problems.push('plan lacks creates');
			if (!String(request?.message).includes(`Create ${expected.localOnly.length} subscriber(s)`)) problems.push(`summary: ${String(request?.message)}`);
			scenario.meanwhile?.({ cloudonix });
			// The link as the approver gets it; only the host is pinned to the loopback address n8n listens on.
			const link = new URL(String(request[scenario.link]));
			const target = new URL(`${link.pathname}${link.search}`, server.baseUrl);
			const clicked = await fetch(target);
			if (!clicked.ok) problems.push(`${scenario.link}: HTTP ${clicked.status} ${(await clicked.text()).slice(0, 200)}`);
			const done = await waitForStatus(server, (e) => e.id === waiting.id && !['new', 'running', 'waiting'].includes(e.status), 'finished after the click');
			const data = (await server.execution(done.id)).data;
			if (done.status !== 'success') problems.push(`ended ${done.status}: ${(data.resultData.error as { message?: string } | undefined)?.message ?? ''}`);
			problems.push(...scenario.check(data, expected));
			const label = `execution ${done.id} ${scenario.label}`;
			if (problems.length) report.fail(`${label}: ${problems.join('; ')}`);
			else report.pass(label);
		}
	} catch (error) {
		report.fail(`approval example: ${(error as Error).message}\n${server.port ? server.describe() : ''}`);
	} finally {
		await server.stop();
		await threeCx.server.stop();
		await cloudonix.server.stop();
	}
}
