/**
 * The queue-mode round of `npm run test:queue` for concurrent read-modify-writes (issue 21,
 * point 1): two executions on two workers change one 3CX user's list at once, in the exact
 * interleaving that loses an update (dev/harness/interleave.ts: the first worker's write is held
 * until the second worker has read the user, and the first worker's read-back waits for the
 * second's write). Which worker runs which execution is made certain by the queue itself: the
 * round replaces the workers with two that run one execution at a time (`--concurrency=1`), so
 * while the first execution runs on one, only the other takes the next from Redis. Both
 * executions must succeed on different workers and the user must end up with both changes.
 */
import type { INode, INodeParameters } from 'n8n-workflow';
import * as path from 'path';

import type { WorkflowJson } from '../../dev/harness/engine';
import { interleaved } from '../../dev/harness/interleave';
import type { SandboxRequest } from '../../dev/sandbox/core';
import { groupMembership } from '../../dev/sandbox/threecx/departments';
import type { ThreeCxSandbox } from '../../dev/sandbox/threecx';
import { readLog } from '../n8n/realN8n';
import type { QueueCluster } from './cluster';
import { postJson } from './cluster';

const SALES = 2;
const SUPPORT = 3;
const OPS = 4;
const TEMPLATE = 'yealinkT4x.ph.xml';

type Check = (ok: boolean, message: string) => void;

function node(id: number, name: string, type: string, typeVersion: number, parameters: INodeParameters, extra: Partial<INode> = {}): INode {
	return { id: `00000000-0000-4000-9000-${String(id).padStart(12, '0')}`, name, type, typeVersion, position: [id * 220, 300], parameters, ...extra };
}

/** Webhook → 3CX with these parameters (values from the webhook body by expressions). */
function threeCxWorkflow(id: string, index: number, credential: string, parameters: INodeParameters): WorkflowJson & { id: string; name: string } {
	const webhook = node(index * 10 + 1, 'Start', 'n8n-nodes-base.webhook', 2, { httpMethod: 'POST', path: id, responseMode: 'onReceived', options: {} }, {
		webhookId: `0000c0${String(index).padStart(2, '0')}-0000-4000-8000-00000000b000`,
	});
	const threeCx = node(index * 10 + 2, '3CX', 'n8n-nodes-pbx-sync.threeCx', 3, parameters, { credentials: { threeCxApi: { id: credential, name: credential } } });
	return {
		id,
		name: `Queue: concurrent ${id}`,
		nodes: [webhook, threeCx],
		connections: { Start: { main: [[{ node: '3CX', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	} as WorkflowJson & { id: string; name: string };
}

const user = { __rl: true, mode: 'id', value: '={{ $json.body.user }}' };

/** The workflows this round needs, on the 3CX credential `credential`. */
export function concurrentWriteWorkflows(credential: string): Array<WorkflowJson & { id: string; name: string }> {
	return [
		threeCxWorkflow('q-3cx-add-department', 1, credential, { resource: 'user', operation: 'addToDepartment', user, departmentId: '={{ $json.body.department }}', roleName: 'users' }),
		threeCxWorkflow('q-3cx-remove-department', 2, credential, { resource: 'user', operation: 'removeFromDepartment', user, departmentId: '={{ $json.body.department }}' }),
		threeCxWorkflow('q-3cx-assign-phone', 3, credential, { resource: 'phone', operation: 'assign', user, macAddress: '={{ $json.body.mac }}', templateName: TEMPLATE, options: {} }),
	];
}

interface Change {
	workflow: string;
	body: Record<string, unknown>;
}

interface Pair {
	name: string;
	userId: number;
	read: (req: SandboxRequest) => boolean;
	first: Change;
	second: Change;
	/** Before the pair runs. */
	prepare(sandbox: ThreeCxSandbox): void;
	/** Whether the user holds both changes afterwards, and what it holds. */
	outcome(sandbox: ThreeCxSandbox): { ok: boolean; holds: string };
}

const departments = (sandbox: ThreeCxSandbox, id: number) => sandbox.state.users.get(id)!.Groups.map((m) => m.GroupId).sort();
const membershipRead = (req: SandboxRequest) => String(req.query.$expand ?? '').startsWith('Groups');

const PAIRS: Pair[] = [
	{
		name: 'Add to Support + Add to Ops',
		userId: 1,
		read: membershipRead,
		first: { workflow: 'q-3cx-add-department', body: { user: 1, department: SUPPORT } },
		second: { workflow: 'q-3cx-add-department', body: { user: 1, department: OPS } },
		prepare: (sandbox) => void (sandbox.state.users.get(1)!.Groups = [groupMembership(sandbox.state, SALES)]),
		outcome: (sandbox) => {
			const held = departments(sandbox, 1);
			return { ok: JSON.stringify(held) === JSON.stringify([SALES, SUPPORT, OPS]), holds: `departments ${held.join(', ')}` };
		},
	},
	{
		name: 'Add to Support + Remove From Sales',
		userId: 2,
		read: membershipRead,
		first: { workflow: 'q-3cx-add-department', body: { user: 2, department: SUPPORT } },
		second: { workflow: 'q-3cx-remove-department', body: { user: 2, department: SALES } },
		prepare: (sandbox) => void (sandbox.state.users.get(2)!.Groups = [groupMembership(sandbox.state, SALES), groupMembership(sandbox.state, OPS)]),
		outcome: (sandbox) => {
			const held = departments(sandbox, 2);
			return { ok: JSON.stringify(held) === JSON.stringify([SUPPORT, OPS]), holds: `departments ${held.join(', ')}` };
		},
	},
	{
		name: 'two phone assignments',
		userId: 3,
		read: (req) => req.query.$expand === 'Phones',
		first: { workflow: 'q-3cx-assign-phone', body: { user: 3, mac: '805ec0a00001' } },
		second: { workflow: 'q-3cx-assign-phone', body: { user: 3, mac: '805ec0a00002' } },
		prepare: (sandbox) => void (sandbox.state.users.get(3)!.Phones = []),
		outcome: (sandbox) => {
			const held = sandbox.state.users.get(3)!.Phones.map((p) => p.MacAddress).sort();
			return { ok: JSON.stringify(held) === JSON.stringify(['805ec0a00001', '805ec0a00002']), holds: `phones ${held.join(', ')}` };
		},
	},
];

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** Executions, worker logs and webhooks of the cluster, as this round needs them. */
class Executions {
	constructor(
		private readonly cluster: QueueCluster,
		private readonly logDir: string,
	) {}

	private rows(): Array<{ id: string; status: string }> {
		return this.cluster.postgres.query('select id, status from execution_entity order by id').map(([id, status]) => ({ id, status }));
	}

	/** Posts to a production webhook and resolves with the id of the execution it queued. */
	async start(change: Change): Promise<string> {
		const before = new Set(this.rows().map((row) => row.id));
		const answer = await postJson(this.cluster.mainPort, `/webhook/${change.workflow}`, change.body);
		if (answer.status !== 200) throw new Error(`main refused ${change.workflow}: ${answer.status} ${answer.text.slice(0, 200)}`);
		const deadline = Date.now() + 60_000;
		for (;;) {
			const added = this.rows().find((row) => !before.has(row.id));
			if (added) return added.id;
			if (Date.now() > deadline) throw new Error(`no execution appeared for ${change.workflow}`);
			await sleep(100);
		}
	}

	/** Waits until the execution has finished and resolves with its status. */
	async finished(id: string): Promise<string> {
		const deadline = Date.now() + 120_000;
		for (;;) {
			const status = this.rows().find((row) => row.id === id)?.status ?? 'missing';
			if (!['new', 'running', 'waiting'].includes(status)) return status;
			if (Date.now() > deadline) return `still ${status} after 120 s`;
			await sleep(200);
		}
	}

	/** The worker (its label, e.g. worker-3) whose log says it started the execution. */
	worker(id: string): string | undefined {
		const started = new RegExp(`^Worker started execution ${id}\\b`);
		return this.cluster.workers.find(({ service }) => readLog(path.join(this.logDir, `${service.name}.log`)).some((entry) => started.test(entry.message)))?.service.name;
	}

	/** The status of a finished execution, with its error when it failed. */
	async outcome(id: string): Promise<string> {
		const status = await this.finished(id);
		if (status === 'success') return status;
		try {
			const { data } = await this.cluster.main.execution(id);
			const error = data.resultData.error as { message?: string; node?: { name?: string } } | undefined;
			return `${status}: ${error?.node?.name ?? ''} ${error?.message ?? '(no error stored)'}`;
		} catch (failure) {
			return `${status} (could not read the execution: ${(failure as Error).message})`;
		}
	}
}

/**
 * Runs every pair on two workers that run one execution at a time: the first execution takes
 * one worker, so the second goes to the other; interleaved as a lost update would be. Returns
 * how many pairs converged.
 */
export async function concurrentWritesRound(cluster: QueueCluster, logDir: string, sandbox: ThreeCxSandbox, check: Check): Promise<{ pairs: number; converged: number; seconds: number }> {
	console.log('\nRound 4: two workers change one 3CX user\'s list at once, interleaved as a lost update');
	const replacing = Date.now();
	await cluster.replaceWorkers({ workers: 2, concurrency: 1 });
	console.log(`  ..   workers replaced by 2 that run one execution each at a time (--concurrency=1), ready after ${((Date.now() - replacing) / 1000).toFixed(1)} s`);
	const executions = new Executions(cluster, logDir);
	const started = Date.now();
	let converged = 0;
	for (const pair of PAIRS) {
		pair.prepare(sandbox);
		sandbox.server.clearHooks();
		sandbox.server.clearLog();
		const userPath = new RegExp(`^/xapi/v1/Users\\(${pair.userId}\\)$`);
		const ids: string[] = [];
		const run = await interleaved(
			sandbox.server,
			{ write: { method: 'PATCH', path: userPath }, read: { path: userPath, when: pair.read } },
			async () => await executions.outcome((ids[0] = await executions.start(pair.first))),
			async () => await executions.outcome((ids[1] = await executions.start(pair.second))),
		);
		const workers = ids.map((id) => executions.worker(id));
		const outcome = pair.outcome(sandbox);
		const writes = sandbox.server.count('PATCH', `/xapi/v1/Users(${pair.userId})`);
		check(run.steps.every((step) => step === 1), `concurrent: ${pair.name}: interleaved as a lost update (write held until the other worker read, read-back after its write)`);
		check(workers[0] !== undefined && workers[1] !== undefined && workers[0] !== workers[1], `concurrent: ${pair.name}: executions ${ids.join(' and ')} ran on ${workers.join(' and ')}`);
		check(run.first === 'success' && run.second === 'success', `concurrent: ${pair.name}: both executions succeeded (${run.first}, ${run.second})`);
		check(outcome.ok, `concurrent: ${pair.name}: the user holds both changes (${outcome.holds}; ${writes} writes, the first worker's repeat after its read-back among them)`);
		if (outcome.ok && run.first === 'success' && run.second === 'success') converged++;
		sandbox.server.clearHooks();
	}
	return { pairs: PAIRS.length, converged, seconds: (Date.now() - started) / 1000 };
}
