import type { IDataObject } from 'n8n-workflow';

import type { WorkflowResult } from '../../dev/harness/engine';
import type { RunOptions } from '../../dev/harness/vendors';
import { sipXcom } from '../../dev/harness/vendors';
import type { SipXcomSandbox } from '../../dev/sandbox/sipxcom';

export const NODE = sipXcom.node;

/** A credential store with one sipXcom credential for the sandbox (overrides as a user would type them). */
export const credentialFor = (sandbox: SipXcomSandbox, overrides?: IDataObject) =>
	sipXcom.credentialFor(sandbox.credentials(), overrides);

/** Items → sipXcom node with the given parameters. */
export const workflow = sipXcom.workflow;

/** A fresh credential, then one run of Items → sipXcom (once per input item). */
export const run = async (sandbox: SipXcomSandbox, parameters: IDataObject, options?: RunOptions & { credential?: IDataObject }): Promise<WorkflowResult> =>
	await sipXcom.bind(sandbox.credentials(), options?.credential).run(parameters, options);
