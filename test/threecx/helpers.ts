import { LoadOptionsContext } from 'n8n-core';
import type { IDataObject, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { CredentialStore, TestCredentialsHelper } from '../../dev/harness/credentials';
import { nodeTypes } from '../../dev/harness/registry';
import { runWorkflow } from '../../dev/harness/engine';
import type { NodeSpec } from '../../dev/harness/workflow';
import { buildWorkflow, pkg, source } from '../../dev/harness/workflow';
import type { ThreeCxSandbox } from '../../dev/sandbox/threecx';
import { createThreeCxSandbox } from '../../dev/sandbox/threecx';

export const NODE = '3CX';

/** A credential store with one "3CX API" credential pointing at the sandbox. */
export function credentialFor(sandbox: ThreeCxSandbox, overrides: IDataObject = {}) {
	const store = new CredentialStore();
	const credential = store.add('threeCxApi', { ...sandbox.credentials(), accessToken: '', ...overrides } as never);
	return { store, credential };
}

/** Items → 3CX node with the given parameters. */
export function threeCxWorkflow(
	credential: { id: string; name: string },
	parameters: IDataObject,
	items: IDataObject[] = [{}],
	extra: Partial<NodeSpec> = {},
) {
	return buildWorkflow(
		[
			source('Items', items),
			{ name: NODE, type: pkg('threeCx'), parameters: { resource: 'user', ...parameters }, credentials: { threeCxApi: credential }, ...extra },
		],
		[['Items', NODE]],
	);
}

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
	const run = (parameters: object, items: object[] = [{}], continueOnFail = false) =>
		runWorkflow(threeCxWorkflow(cred.credential, parameters as never, items as never, { continueOnFail }), cred.store);
	/** The same with node version 2 (user picker, explicit Next Free Number). */
	const run2 = (parameters: object, items: object[] = [{}], continueOnFail = false) =>
		runWorkflow(threeCxWorkflow(cred.credential, parameters as never, items as never, { continueOnFail, typeVersion: 2 }), cred.store);
	return { sandbox, run, run2, cred: () => cred };
}

/** A resource locator value, as the editor stores it. */
export const locator = (mode: 'list' | 'id' | 'number', value: string | number) => ({ __rl: true, mode, value });

/** A context for the node's loadOptions / listSearch methods, with the sandbox credential. */
export function loadOptionsContext(credential: ReturnType<typeof credentialFor>, parameters: IDataObject = {}, path = 'parameters.user', typeVersion = 2) {
	const workflowJson = threeCxWorkflow(credential.credential, parameters, [{}], { typeVersion });
	const workflow = new Workflow({
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
	return new LoadOptionsContext(workflow, workflow.getNode(NODE)!, additionalData, path);
}
