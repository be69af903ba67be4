import type { IDataObject } from 'n8n-workflow';

import type { WorkflowJson } from '../../dev/harness/engine';
import { runWorkflow } from '../../dev/harness/engine';
import { cloudonix } from '../../dev/harness/vendors';
import type { NodeSpec } from '../../dev/harness/workflow';
import type { CloudonixSandbox } from '../../dev/sandbox/cloudonix';

export const NODE = cloudonix.node;

/** A credential store with one Cloudonix credential for the sandbox (overrides as a user would type them). */
export const credentialFor = (sandbox: CloudonixSandbox, overrides?: IDataObject) =>
	cloudonix.credentialFor(sandbox.credentials(), overrides);

/** Items → Cloudonix node with the given parameters (pacing fast unless a test sets options). */
export const workflow = cloudonix.workflow;

/** For one test: a credential (with `apiKey` when given) and the node, workflow and run bound to it. */
export function setup(sandbox: CloudonixSandbox, apiKey?: string) {
	const { store, credential } = credentialFor(sandbox, apiKey === undefined ? {} : { apiKey });
	const node = (parameters: IDataObject, extra: Partial<NodeSpec> = {}): NodeSpec => cloudonix.nodeSpec(credential, parameters, extra);
	/** Items → Cloudonix; `items` default to one empty item. */
	const workflowFor = (parameters: IDataObject, items: IDataObject[] = [{}], extra: Partial<NodeSpec> = {}) =>
		workflow(credential, parameters, items, extra);
	const run = (workflowJson: WorkflowJson) => runWorkflow(workflowJson, store);
	return { store, credential, node, workflow: workflowFor, run };
}
