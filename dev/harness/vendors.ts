/**
 * One shape for running a vendor node against its sandbox, shared by test/, bench/ and scripts/:
 * a credential store with one credential, the node fed by a Items source, and a run.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeCredentialsDetails } from 'n8n-workflow';

import { CredentialStore } from './credentials';
import type { WorkflowJson, WorkflowResult } from './engine';
import { runWorkflow } from './engine';
import type { NodeSpec } from './workflow';
import { buildWorkflow, pkg, source } from './workflow';

export interface VendorSpec {
	/** Name of the node in the workflows, e.g. `3CX`. */
	node: string;
	/** The node type's name, e.g. `threeCx`. */
	type: string;
	credentialType: string;
	/** The resource parameter unless a test sets one. */
	resource: string;
	/** Credential fields every run starts with (e.g. an empty token). */
	credentialDefaults?: IDataObject;
	/** Applied to every node's parameters last, e.g. fast pacing options. */
	parameters?: (parameters: IDataObject) => IDataObject;
}

export interface RunOptions {
	items?: IDataObject[];
	continueOnFail?: boolean;
	typeVersion?: number;
	/** Credential fields as a user would type them, over the sandbox's. */
	credential?: IDataObject;
}

export interface VendorHarness {
	node: string;
	/** A credential store with one credential: the sandbox's data, then `overrides`. */
	credentialFor(data: object, overrides?: IDataObject): { store: CredentialStore; credential: INodeCredentialsDetails & { id: string } };
	/** The vendor node with these parameters and this credential. */
	nodeSpec(credential: INodeCredentialsDetails, parameters: IDataObject, extra?: Partial<NodeSpec>): NodeSpec;
	/** Items → vendor node. */
	workflow(credential: INodeCredentialsDetails, parameters: IDataObject, items?: IDataObject[], extra?: Partial<NodeSpec>): WorkflowJson;
	/** A fresh credential from `data`, then one run of Items → vendor node. */
	run(data: object, parameters: IDataObject, options?: RunOptions): Promise<WorkflowResult>;
}

export function vendorHarness(spec: VendorSpec): VendorHarness {
	const harness: VendorHarness = {
		node: spec.node,
		credentialFor(data, overrides = {}) {
			const store = new CredentialStore();
			const credential = store.add(spec.credentialType, {
				...spec.credentialDefaults,
				...data,
				...overrides,
			} as ICredentialDataDecryptedObject);
			return { store, credential };
		},
		nodeSpec(credential, parameters, extra = {}) {
			const all = { resource: spec.resource, ...parameters };
			return {
				name: spec.node,
				type: pkg(spec.type),
				parameters: spec.parameters ? spec.parameters(all) : all,
				credentials: { [spec.credentialType]: credential },
				...extra,
			};
		},
		workflow(credential, parameters, items = [{}], extra = {}) {
			return buildWorkflow([source('Items', items), harness.nodeSpec(credential, parameters, extra)], [['Items', spec.node]]);
		},
		async run(data, parameters, options = {}) {
			const { store, credential } = harness.credentialFor(data, options.credential);
			const extra: Partial<NodeSpec> = { continueOnFail: options.continueOnFail, typeVersion: options.typeVersion };
			return await runWorkflow(harness.workflow(credential, parameters, options.items, extra), store);
		},
	};
	return harness;
}

export const threeCx = vendorHarness({
	node: '3CX',
	type: 'threeCx',
	credentialType: 'threeCxApi',
	resource: 'user',
	credentialDefaults: { accessToken: '' },
});

/** Pacing that does not slow runs down (the sandbox's limit is raised to match). */
export const FAST_PACING = { requestsPerWindow: 1000, windowMs: 1000 };

export const cloudonix = vendorHarness({
	node: 'Cloudonix',
	type: 'cloudonix',
	credentialType: 'cloudonixApi',
	resource: 'subscriber',
	parameters: (parameters) => ({ ...parameters, options: { ...FAST_PACING, ...((parameters.options as IDataObject) ?? {}) } }),
});

export const openVox = vendorHarness({ node: 'OpenVox', type: 'openVox', credentialType: 'openVoxApi', resource: 'extension' });

export const sipXcom = vendorHarness({ node: 'sipXcom', type: 'sipXcom', credentialType: 'sipXcomApi', resource: 'user' });
