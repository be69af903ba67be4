import { LoadOptionsContext } from 'n8n-core';
import type { IDataObject, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { TestCredentialsHelper } from '../../dev/harness/credentials';
import { runWorkflow } from '../../dev/harness/engine';
import { nodeTypes } from '../../dev/harness/registry';
import { threeCx } from '../../dev/harness/vendors';
import type { ThreeCxSandbox } from '../../dev/sandbox/threecx';
import { createThreeCxSandbox } from '../../dev/sandbox/threecx';

export const NODE = threeCx.node;

/** A credential store with one "3CX API" credential pointing at the sandbox. */
export const credentialFor = (sandbox: ThreeCxSandbox, overrides?: IDataObject) =>
	threeCx.credentialFor(sandbox.credentials(), overrides);

/** Items → 3CX node with the given parameters. */
export const workflow = threeCx.workflow;

/**
 * For a test file: one 3CX sandbox, started once; before each test it is reset to `seed` users
 * with no faults and an empty request log, and a fresh credential store is made. `run` runs the
 * 3CX node with that credential; `cred()` is the current store and credential.
 */
export function sandboxPerTest(seed: number) {
	const sandbox = createThreeCxSandbox();
	let cred: ReturnType<typeof credentialFor>;
	beforeAll(async () => {
		await sandbox.server.start();
	});
	afterAll(async () => sandbox.server.stop());
	beforeEach(() => {
		sandbox.reset();
		sandbox.seedUsers(seed);
		sandbox.server.clearFaults();
		cred = credentialFor(sandbox);
		sandbox.server.clearLog();
	});
	const runNode = (parameters: object, items: object[] = [{}], continueOnFail = false) =>
		runWorkflow(workflow(cred.credential, parameters as never, items as never, { continueOnFail }), cred.store);
	/** The same with node version 2 (user picker, explicit Next Free Number). */
	const runV2 = (parameters: object, items: object[] = [{}], continueOnFail = false) =>
		runWorkflow(workflow(cred.credential, parameters as never, items as never, { continueOnFail, typeVersion: 2 }), cred.store);
	return { sandbox, run: runNode, run2: runV2, cred: () => cred };
}

/** A resource locator value, as the editor stores it. */
export const locator = (mode: 'list' | 'id' | 'number', value: string | number) => ({ __rl: true, mode, value });

/** A context for the node's loadOptions / listSearch methods, with the sandbox credential. */
export function loadOptionsContext(credential: ReturnType<typeof credentialFor>, parameters: IDataObject = {}, path = 'parameters.user', typeVersion = 2) {
	const workflowJson = workflow(credential.credential, parameters, [{}], { typeVersion });
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
