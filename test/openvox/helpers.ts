import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../../dev/harness/engine';
import { openVox } from '../../dev/harness/vendors';
import type { OpenVoxSandbox } from '../../dev/sandbox/openvox';
import { createOpenVoxSandbox } from '../../dev/sandbox/openvox';

export const NODE = openVox.node;

/** A credential store with one OpenVox credential for the sandbox (overrides as a user would type them). */
export const credentialFor = (sandbox: OpenVoxSandbox, overrides?: IDataObject) =>
	openVox.credentialFor(sandbox.credentials(overrides));

/** Items → OpenVox node with the given parameters. */
export const workflow = openVox.workflow;

/**
 * For a test file: one OpenVox sandbox, started once and reset to five extensions before each
 * test. `setup()` makes a credential (with the given overrides) and the workflow and run bound
 * to it; both use typeVersion 1 unless a test says otherwise (version 2 only changes Create's
 * password default).
 */
export function sandboxPerTest() {
	const sandbox = createOpenVoxSandbox();
	beforeAll(async () => {
		await sandbox.server.start();
	});
	afterAll(async () => sandbox.server.stop());
	beforeEach(() => {
		sandbox.reset();
		sandbox.seed(5);
	});
	const setup = (overrides: IDataObject = {}) => {
		const { store, credential } = credentialFor(sandbox, overrides);
		const workflowFor = (parameters: IDataObject, items: IDataObject[] = [{}], continueOnFail = false, typeVersion = 1) =>
			workflow(credential, parameters, items, { continueOnFail, typeVersion });
		const run = async (parameters: IDataObject, items?: IDataObject[], continueOnFail = false, typeVersion = 1) =>
			await runWorkflow(workflowFor(parameters, items, continueOnFail, typeVersion), store);
		return { store, credential, workflow: workflowFor, run };
	};
	const logins = () => sandbox.server.count('POST', '/login');
	const calls = (endpoint: string) => sandbox.server.count('POST', `/api/v0.0.1/${endpoint}`);
	return { sandbox, setup, logins, calls };
}
