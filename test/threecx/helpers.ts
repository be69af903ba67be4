import { LoadOptionsContext } from 'n8n-core';
import type { IDataObject, INodeCredentialsDetails, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import type { CredentialStore } from '../../dev/harness/credentials';
import { TestCredentialsHelper } from '../../dev/harness/credentials';
import { nodeTypes } from '../../dev/harness/registry';
import { threeCx } from '../../dev/harness/vendors';

export const NODE = threeCx.node;

/** A resource locator value, as the editor stores it. */
export const locator = (mode: 'list' | 'id' | 'number', value: string | number) => ({ __rl: true, mode, value });

/** A context for the node's loadOptions / listSearch methods, with the sandbox credential. */
export function loadOptionsContext(credential: { store: CredentialStore; credential: INodeCredentialsDetails }, parameters: IDataObject = {}, path = 'parameters.user', typeVersion = 2) {
	const workflowJson = threeCx.workflow(credential.credential, parameters, [{}], { typeVersion });
	const loadWorkflow = new Workflow({
		id: 'lo',
		nodes: workflowJson.nodes,
		connections: workflowJson.connections,
		active: false,
		nodeTypes: nodeTypes(),
	});
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(credential.store),
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		variables: {},
		userId: 'test-user',
	} as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(loadWorkflow, loadWorkflow.getNode(NODE)!, additionalData, path);
}
