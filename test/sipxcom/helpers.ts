import type { IDataObject } from 'n8n-workflow';

import { CredentialStore } from '../../dev/harness/credentials';
import type { WorkflowResult } from '../../dev/harness/engine';
import { runWorkflow } from '../../dev/harness/engine';
import { buildWorkflow, pkg, source } from '../../dev/harness/workflow';
import type { SipXcomSandbox } from '../../dev/sandbox/sipxcom';

export const NODE = 'sipXcom';

/** A credential store with one sipXcom credential for the sandbox (overrides as a user would type them). */
export function credentialFor(sandbox: SipXcomSandbox, overrides: IDataObject = {}) {
	const store = new CredentialStore();
	const credential = store.add('sipXcomApi', { ...sandbox.credentials(), ...overrides } as never);
	return { store, credential };
}

/** Runs the sipXcom node once per input item with the given parameters. */
export async function runSipXcom(
	sandbox: SipXcomSandbox,
	parameters: IDataObject,
	options: { items?: IDataObject[]; continueOnFail?: boolean; credential?: IDataObject } = {},
): Promise<WorkflowResult> {
	const { store, credential } = credentialFor(sandbox, options.credential);
	const specs = [
		source('Items', options.items ?? [{}]),
		{
			name: NODE,
			type: pkg('sipXcom'),
			parameters,
			credentials: { sipXcomApi: credential },
			continueOnFail: options.continueOnFail,
		},
	];
	return await runWorkflow(buildWorkflow(specs, [['Items', NODE]]), store);
}
