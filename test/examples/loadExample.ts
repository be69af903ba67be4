/**
 * Loads an example workflow from `examples/` the way both runners need it: the jest
 * example tests (through n8n-core's engine) and `npm run test:n8n` (through a real n8n).
 * Only the trigger is replaced, and credential references are pointed at the test's own
 * credentials; every other node runs as the user would import it.
 */
import * as fs from 'fs';
import type { INode, INodeCredentialsDetails } from 'n8n-workflow';
import * as path from 'path';

import type { WorkflowJson } from '../harness/engine';

export const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');

export const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';

/** Triggers that start a run on their own and therefore never start a CLI or test run. */
function isReplaceableTrigger(node: INode): boolean {
	if (node.type === MANUAL_TRIGGER || node.type === 'n8n-nodes-base.executeWorkflowTrigger') return false;
	return /Trigger$/.test(node.type) || ['n8n-nodes-base.cron', 'n8n-nodes-base.interval', 'n8n-nodes-base.webhook'].includes(node.type);
}

/** The example's JSON as exported by the n8n editor. */
export function readExample(file: string): WorkflowJson & { id?: string } {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson;
}

/** Replaces Schedule, Webhook and other triggers with a Manual Trigger of the same name and position. */
export function withManualTrigger<T extends WorkflowJson>(workflow: T): T {
	return {
		...workflow,
		nodes: workflow.nodes.map((node): INode => {
			if (!isReplaceableTrigger(node)) return node;
			const { webhookId: _webhookId, ...rest } = node;
			return { ...rest, type: MANUAL_TRIGGER, typeVersion: 1, parameters: {} };
		}),
	};
}

/** Points every node's reference to a credential of a given type at the given credential. */
export function withCredentials<T extends WorkflowJson>(
	workflow: T,
	references: Record<string, INodeCredentialsDetails & { id: string }>,
): T {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) => {
			if (!node.credentials) return node;
			const credentials = { ...node.credentials };
			for (const type of Object.keys(credentials)) {
				if (references[type]) credentials[type] = { id: references[type].id, name: references[type].name };
			}
			return { ...node, credentials };
		}),
	};
}

/** An example ready to run in a test: trigger replaced, credentials pointed at the test's. */
export function loadExample(
	file: string,
	credentials: Record<string, INodeCredentialsDetails & { id: string }> = {},
): WorkflowJson {
	return withCredentials(withManualTrigger(readExample(file)), credentials);
}
