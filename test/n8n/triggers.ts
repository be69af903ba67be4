/**
 * The change triggers in a real n8n: `n8n start` with one active workflow per trigger (the
 * 3CX one is the near-real-time provisioning example, writing to a Cloudonix sandbox), the
 * sandboxes changed between polls, and the executions n8n saved checked for exactly the
 * expected events; then every list read fails and n8n must record a failed execution.
 * All four run in one n8n instance, so the whole check takes about two poll intervals.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { readExample, withCredentials } from '../../dev/harness/examples';
import { createCloudonixSandbox } from '../../dev/sandbox/cloudonix';
import type { VendorAdapter } from '../triggers/vendors';
import { ADAPTERS } from '../triggers/vendors';
import type { RealN8n } from './realN8n';
import type { CredentialImport, ExecutionDetail } from './server';
import { N8nServer } from './server';

export interface Reporter {
	pass(message: string): void;
	fail(message: string): void;
}

const EXAMPLE = 'near-real-time-provisioning.json';
const EXAMPLE_TRIGGER = '3CX Extension Changed';
const TRIGGER = 'Change Trigger';

interface Prepared {
	adapter: VendorAdapter;
	workflowId: string;
	triggerName: string;
	expected?: Array<[string, string]>;
}

function events(execution: ExecutionDetail, triggerName: string): Array<[string, string]> {
	const task = execution.data.resultData.runData?.[triggerName]?.[0];
	return (task?.data?.main?.[0] ?? []).map((item) => [String(item.json.event), String((item.json.extension as IDataObject)?.number)]);
}

export async function runTriggerCases(n8n: RealN8n, report: Reporter): Promise<void> {
	console.log('\nChange triggers (n8n start, workflows active, polling every minute):');
	const adapters = ADAPTERS.map((make) => make());
	const target = createCloudonixSandbox();
	const servers = [...adapters.map((adapter) => adapter.server), target.server];
	const server = new N8nServer(n8n);
	try {
		for (const sandbox of servers) await sandbox.start();
		// 20 extensions: one deletion (5 %) stays under the Safety default of 10 %.
		for (const adapter of adapters) adapter.reset(20);

		const credentials: CredentialImport[] = [];
		const workflows: IDataObject[] = [];
		const prepared: Prepared[] = [];
		for (const [index, adapter] of adapters.entries()) {
			const workflowId = `pbxsynctrigger0${index + 1}`;
			const credential = { id: `pbxsynctrigc${index + 1}`, name: `${adapter.vendor} (trigger)`, type: adapter.credentialType, data: adapter.credentials() };
			credentials.push(credential);
			if (adapter.source === '3cx') {
				const cloudonixCredential = { id: 'pbxsynctrigc9', name: 'Cloudonix (provisioning target)', type: 'cloudonixApi', data: target.credentials() };
				credentials.push(cloudonixCredential);
				// Last night's full sync: every extension already has a subscriber.
				for (const number of adapter.numbers()) target.add(number, `Seed-${number}-Pw9x`, { displayName: `Seed ${number}` });
				const example = withCredentials(readExample(EXAMPLE), { threeCxApi: credential, cloudonixApi: cloudonixCredential });
				workflows.push({ ...example, id: workflowId });
				prepared.push({ adapter, workflowId, triggerName: EXAMPLE_TRIGGER });
				continue;
			}
			const node: INode = {
				id: `trigger-${index}`,
				name: TRIGGER,
				type: adapter.nodeType,
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] } },
				credentials: { [adapter.credentialType]: { id: credential.id, name: credential.name } },
			};
			workflows.push({ id: workflowId, name: `${adapter.vendor} Trigger`, nodes: [node], connections: {}, settings: { executionOrder: 'v1' } });
			prepared.push({ adapter, workflowId, triggerName: TRIGGER });
		}
		await server.importCredentials(credentials);
		await server.importWorkflows(workflows);
		await server.start();

		// Activation runs each poller once: the baseline, which must start no execution.
		for (const { workflowId } of prepared) await server.activate(workflowId);
		for (const { adapter, workflowId } of prepared) {
			const executions = await server.executions(workflowId);
			if (executions.length > 0) report.fail(`${adapter.vendor} Trigger: the baseline poll started ${executions.length} execution(s)`);
			else report.pass(`${adapter.vendor} Trigger: active; first poll took the baseline and emitted nothing`);
		}

		// Between polls: one extension created, one renamed or re-mailed, one only re-registered, one
		// deleted (3CX and sipXcom confirm it with a direct read), and where the PBX allows it one
		// renumbered (an update of the same record, not a deletion and a creation).
		for (const item of prepared) {
			const [first, second, third, fourth] = item.adapter.numbers();
			const created = item.adapter.create();
			item.adapter.changeWatched(first);
			item.adapter.changeUnwatched(second);
			item.adapter.remove(third);
			const renumbered: Array<[string, string]> = [];
			if (item.adapter.renumber) {
				const to = `${fourth}9`;
				item.adapter.renumber(fourth, to);
				renumbered.push(['updated', to]);
			}
			item.expected = [['created', created], ['updated', first], ...renumbered, ['deleted', third]];
		}
		const firsts = await Promise.all(prepared.map(async (item) => (await server.waitForExecutions(item.workflowId, 1))[0]));
		for (const [index, item] of prepared.entries()) {
			const execution = await server.execution(firsts[index].id);
			const got = events(execution, item.triggerName);
			const label = `${item.adapter.vendor} Trigger: execution ${execution.id} (${execution.mode})`;
			const error = execution.data.resultData.error as { message?: string } | undefined;
			if (execution.status !== 'success') report.fail(`${label} ended ${execution.status}: ${error?.message ?? ''}`);
			else if (JSON.stringify(got) !== JSON.stringify(item.expected)) report.fail(`${label}: events ${JSON.stringify(got)}, expected ${JSON.stringify(item.expected)}`);
			else report.pass(`${label}: exactly ${got.map(([event, number]) => `${event} ${number}`).join(', ')}`);
			if (item.adapter.source === '3cx' && execution.status === 'success') {
				const [[, created], [, updated], [, deleted]] = item.expected!;
				const problems = [
					target.byMsisdn(created)?.active === true ? '' : `subscriber ${created} not created`,
					target.byMsisdn(updated) ? '' : `subscriber ${updated} missing`,
					target.byMsisdn(deleted)?.active === false ? '' : `subscriber ${deleted} not deactivated`,
				].filter(Boolean);
				if (problems.length) report.fail(`${EXAMPLE} in n8n: ${problems.join('; ')}`);
				else report.pass(`${EXAMPLE} in n8n: Switch routed the events; Cloudonix ${created} created, ${updated} updated, ${deleted} deactivated`);
			}
		}

		// Now every list read fails: n8n must record a failed execution and no events.
		for (const { adapter } of prepared) adapter.server.injectFault({ path: adapter.listPath, status: 403, body: { message: 'Forbidden' }, times: 1000 });
		const seconds = await Promise.all(prepared.map(async (item) => (await server.waitForExecutions(item.workflowId, 2))[1]));
		for (const [index, item] of prepared.entries()) {
			const execution = await server.execution(seconds[index].id);
			const error = execution.data.resultData.error as { message?: string } | undefined;
			const label = `${item.adapter.vendor} Trigger: failed read`;
			if (execution.status !== 'error' || !error?.message?.includes(`Could not read the ${item.adapter.vendor} extension list`)) {
				report.fail(`${label}: execution ${execution.id} ended ${execution.status}: ${error?.message ?? 'no error'}`);
			} else if (events(execution, item.triggerName).length > 0) {
				report.fail(`${label}: events were emitted`);
			} else {
				report.pass(`${label}: n8n recorded a failed execution, no events ("${error.message.slice(0, 80)}…")`);
			}
		}
		for (const entry of server.log()) {
			// n8n's own calls to api.n8n.io fail on a loopback-only machine; that is not about the triggers.
			if (entry.level === 'error' && !/Could not read the|Forbidden|api\.n8n\.io|ENOTFOUND|A system task run failed/.test(entry.message)) {
				report.fail(`n8n logged an error while polling: ${entry.message.slice(0, 300)}`);
			}
		}
	} catch (error) {
		report.fail(`change triggers: ${(error as Error).message}\n${server.port ? server.describe() : ''}`);
	} finally {
		await server.stop();
		for (const sandbox of servers) await sandbox.stop();
	}
}
