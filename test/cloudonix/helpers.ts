import type { IDataObject } from 'n8n-workflow';

import { CredentialStore } from '../../dev/harness/credentials';
import type { WorkflowJson } from '../../dev/harness/engine';
import { runWorkflow } from '../../dev/harness/engine';
import type { NodeSpec } from '../../dev/harness/workflow';
import { buildWorkflow, pkg, source } from '../../dev/harness/workflow';
import type { CloudonixSandbox } from '../../dev/sandbox/cloudonix';

export const NODE = 'Cloudonix';

/** Pacing that does not slow the suite down (the sandbox's limit is raised to match). */
export const FAST = { requestsPerWindow: 1000, windowMs: 1000 };

export function setup(sandbox: CloudonixSandbox, apiKey?: string) {
	const store = new CredentialStore();
	const credential = store.add('cloudonixApi', sandbox.credentials(apiKey), 'Cloudonix account');
	const node = (parameters: IDataObject, extra: Partial<NodeSpec> = {}): NodeSpec => ({
		name: NODE,
		type: pkg('cloudonix'),
		parameters: { resource: 'subscriber', ...parameters, options: { ...FAST, ...((parameters.options as IDataObject) ?? {}) } },
		credentials: { cloudonixApi: credential },
		...extra,
	});
	/** Items → Cloudonix; `items` default to one empty item. */
	const workflow = (parameters: IDataObject, items: IDataObject[] = [{}], extra: Partial<NodeSpec> = {}) =>
		buildWorkflow([source('Items', items), node(parameters, extra)], [['Items', NODE]]);
	const run = (workflowJson: WorkflowJson) => runWorkflow(workflowJson, store);
	return { store, credential, node, workflow, run };
}
