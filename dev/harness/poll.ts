/**
 * Runs a polling trigger the way an active n8n workflow does: n8n-core's PollContext in
 * `trigger` mode calls the node's poll() with the workflow's static data; what it returns
 * starts a run of the workflow at the trigger (WorkflowExecute with the items as the
 * trigger's output). The static data survives between polls as JSON, as n8n stores it.
 * "Fetch Test Event" is a manual run, which the engine executes through poll() in `manual` mode.
 */
import { PollContext } from 'n8n-core';
import type { IDataObject, INodeExecutionData, INodeType, IWorkflowBase } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { CredentialStore } from './credentials';
import type { WorkflowJson, WorkflowResult } from './engine';
import { additionalData, runWorkflow } from './engine';
import { nodeTypes } from './registry';

export interface PollResult {
	/** What poll() returned (first output), or null when it reported nothing. */
	items: IDataObject[] | null;
	/** What poll() threw: n8n records it as a failed execution and keeps the static data. */
	error?: Error & { description?: string };
	/** The run of the rest of the workflow, when poll() returned items and the workflow has more nodes. */
	run?: WorkflowResult;
}

export class PollRunner {
	/** The workflow's static data as n8n would store it between polls. */
	staticData: IDataObject = {};

	constructor(
		readonly workflowJson: WorkflowJson,
		readonly store: CredentialStore = new CredentialStore(),
		readonly triggerName: string = workflowJson.nodes[0].name,
	) {}

	/** The trigger node's own static data (`getWorkflowStaticData('node')`). */
	nodeStaticData(): IDataObject {
		return (this.staticData[`node:${this.triggerName}`] as IDataObject | undefined) ?? {};
	}

	/**
	 * One scheduled poll. Static data changes are kept whatever the outcome, as in n8n, where
	 * the active workflow's static data stays in memory after a poll that threw.
	 */
	async poll(): Promise<PollResult> {
		const types = nodeTypes();
		const nodes = this.workflowJson.nodes.map((node) => ({ ...node, parameters: { ...node.parameters } }));
		const workflow = new Workflow({
			id: 'test-workflow',
			name: this.workflowJson.name ?? 'test',
			nodes,
			connections: this.workflowJson.connections,
			active: true,
			nodeTypes: types,
			staticData: JSON.parse(JSON.stringify(this.staticData)) as IDataObject,
			settings: { executionOrder: 'v1' },
		});
		const node = workflow.getNode(this.triggerName);
		if (!node) throw new Error(`No node "${this.triggerName}"`);
		const nodeType = types.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
		if (!nodeType.poll) throw new Error(`${node.type} has no poll()`);
		const workflowData = { id: 'test-workflow', name: 'test', nodes, connections: this.workflowJson.connections } as unknown as IWorkflowBase;
		const context = new PollContext(workflow, node, additionalData(this.store, workflowData, 'trigger'), 'trigger', 'activate');
		let data: INodeExecutionData[][] | null;
		try {
			data = await nodeType.poll.call(context);
		} catch (error) {
			this.keep(workflow);
			return { items: null, error: error as PollResult['error'] };
		}
		this.keep(workflow);
		if (data === null) return { items: null };
		const items = (data[0] ?? []).map((item) => item.json);
		const hasMore = Object.keys(this.workflowJson.connections[this.triggerName] ?? {}).length > 0;
		const run = hasMore ? await runWorkflow(this.workflowJson, this.store, 'trigger', data) : undefined;
		return { items, run };
	}

	private keep(workflow: Workflow): void {
		const { __dataChanged, ...saved } = workflow.staticData as IDataObject;
		void __dataChanged;
		this.staticData = JSON.parse(JSON.stringify(saved)) as IDataObject;
	}

	/** "Fetch Test Event" in the editor: a manual run that starts at the trigger. */
	async fetchTestEvent(): Promise<WorkflowResult> {
		const only = { ...this.workflowJson, nodes: this.workflowJson.nodes.filter((node) => node.name === this.triggerName), connections: {} };
		return await runWorkflow(only, this.store, 'manual');
	}
}
