import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../../dev/harness/engine';
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
	return { sandbox, run: runNode, cred: () => cred };
}
