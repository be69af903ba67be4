import type { IDataObject } from 'n8n-workflow';

import { CredentialStore } from '../harness/credentials';
import type { NodeSpec } from '../harness/workflow';
import { buildWorkflow, pkg, source } from '../harness/workflow';
import type { ThreeCxSandbox } from '../sandbox/threecx';

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
