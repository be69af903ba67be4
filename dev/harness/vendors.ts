/**
 * One shape for running a vendor node against its sandbox, shared by test/, bench/ and scripts/:
 * the vendor's sandbox (made, reset, its credential values), a credential store with one
 * credential, the node fed by an Items source, and a run. Tests use it through
 * ./sandboxPerTest.ts (docs/dev/tests-and-sandboxes.md).
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeCredentialsDetails } from 'n8n-workflow';

import type { CloudonixSandboxOptions } from '../sandbox/cloudonix';
import { createCloudonixSandbox } from '../sandbox/cloudonix';
import type { SandboxServer } from '../sandbox/core';
import type { OpenVoxSandboxOptions } from '../sandbox/openvox';
import { createOpenVoxSandbox } from '../sandbox/openvox';
import type { SipXcomSandboxOptions } from '../sandbox/sipxcom';
import { createSipXcomSandbox } from '../sandbox/sipxcom';
import type { ThreeCxSandboxOptions } from '../sandbox/threecx';
import { createThreeCxSandbox } from '../sandbox/threecx';
import { CredentialStore } from './credentials';
import type { WorkflowJson, WorkflowResult } from './engine';
import { runWorkflow } from './engine';
import type { NodeSpec } from './workflow';
import { buildWorkflow, pkg, source } from './workflow';

/** What the harness needs of every vendor sandbox. */
export interface VendorSandbox {
	server: SandboxServer;
}

export interface VendorSpec<S extends VendorSandbox, O> {
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
	/** A sandbox of this vendor (not started). */
	createSandbox(options?: O): S;
	/**
	 * Back to as created, with `seed` records (3CX users, Cloudonix subscribers, OpenVox
	 * extensions, sipXcom users); without `seed`, the records the options describe (none for 3CX
	 * and Cloudonix).
	 */
	resetSandbox(sandbox: S, seed?: number): void;
	/** The credential values a user would type for this sandbox. */
	sandboxCredentials(sandbox: S): object;
}

export type CredentialReference = INodeCredentialsDetails & { id: string };

export interface RunOptions {
	/** Items the Items source feeds the node (default one empty item). */
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** The node's version (default the file's, else 1). */
	typeVersion?: number;
	/** More node fields, e.g. `{ extra: { retryOnFail: true } }`. */
	node?: Partial<NodeSpec>;
}

/** One credential in its own store, and the vendor node, workflow and run bound to it. */
export interface BoundCredential {
	store: CredentialStore;
	credential: CredentialReference;
	/** The vendor node with these parameters and this credential. */
	node(parameters: IDataObject, extra?: Partial<NodeSpec>): NodeSpec;
	/** Items → vendor node. */
	workflow(parameters: IDataObject, options?: RunOptions): WorkflowJson;
	/** One run of Items → vendor node. */
	run(parameters: IDataObject, options?: RunOptions): Promise<WorkflowResult>;
	/** One run of any workflow with this store (e.g. built from `node()`). */
	runWorkflow(workflow: WorkflowJson): Promise<WorkflowResult>;
}

export interface VendorHarness<S extends VendorSandbox = VendorSandbox, O = unknown> extends VendorSpec<S, O> {
	/** A credential store with one credential: `data` (e.g. the sandbox's), then `overrides`. */
	credentialFor(data: object, overrides?: IDataObject): { store: CredentialStore; credential: CredentialReference };
	/** Adds this vendor's credential for `data` to an existing store (workflows with several vendors). */
	addCredential(store: CredentialStore, data: object, name?: string): CredentialReference;
	/** The vendor node with these parameters and this credential. */
	nodeSpec(credential: INodeCredentialsDetails, parameters: IDataObject, extra?: Partial<NodeSpec>): NodeSpec;
	/** Items → vendor node. */
	workflow(credential: INodeCredentialsDetails, parameters: IDataObject, items?: IDataObject[], extra?: Partial<NodeSpec>): WorkflowJson;
	/** A fresh credential for `data` (then `overrides`), with the node, workflow and run bound to it. */
	bind(data: object, overrides?: IDataObject, defaults?: RunOptions): BoundCredential;
}

export function vendorHarness<S extends VendorSandbox, O>(spec: VendorSpec<S, O>): VendorHarness<S, O> {
	const credentialData = (data: object, overrides: IDataObject = {}) =>
		({ ...spec.credentialDefaults, ...data, ...overrides }) as ICredentialDataDecryptedObject;
	const harness: VendorHarness<S, O> = {
		...spec,
		credentialFor(data, overrides = {}) {
			const store = new CredentialStore();
			return { store, credential: store.add(spec.credentialType, credentialData(data, overrides)) };
		},
		addCredential(store, data, name) {
			return store.add(spec.credentialType, credentialData(data), name);
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
		bind(data, overrides, defaults = {}) {
			const { store, credential } = harness.credentialFor(data, overrides);
			const extraOf = (options: RunOptions): Partial<NodeSpec> => ({
				continueOnFail: options.continueOnFail ?? defaults.continueOnFail,
				typeVersion: options.typeVersion ?? defaults.typeVersion,
				...defaults.node,
				...options.node,
			});
			const bound: BoundCredential = {
				store,
				credential,
				node: (parameters, extra = {}) => harness.nodeSpec(credential, parameters, { typeVersion: defaults.typeVersion, ...extra }),
				workflow: (parameters, options = {}) => harness.workflow(credential, parameters, options.items ?? defaults.items, extraOf(options)),
				run: async (parameters, options) => await runWorkflow(bound.workflow(parameters, options), store),
				runWorkflow: async (workflow) => await runWorkflow(workflow, store),
			};
			return bound;
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
	createSandbox: (options?: ThreeCxSandboxOptions) => createThreeCxSandbox(options),
	resetSandbox: (sandbox, seed) => {
		sandbox.reset();
		if (seed) sandbox.seedUsers(seed);
	},
	sandboxCredentials: (sandbox) => sandbox.credentials(),
});

/** Pacing that does not slow runs down (the sandbox's limit is raised to match). */
export const FAST_PACING = { requestsPerWindow: 1000, windowMs: 1000 };

export const cloudonix = vendorHarness({
	node: 'Cloudonix',
	type: 'cloudonix',
	credentialType: 'cloudonixApi',
	resource: 'subscriber',
	parameters: (parameters) => ({ ...parameters, options: { ...FAST_PACING, ...((parameters.options as IDataObject) ?? {}) } }),
	createSandbox: (options?: CloudonixSandboxOptions) => createCloudonixSandbox(options),
	resetSandbox: (sandbox, seed) => {
		sandbox.reset();
		if (seed) sandbox.seed(seed);
	},
	sandboxCredentials: (sandbox) => sandbox.credentials(),
});

export const openVox = vendorHarness({
	node: 'OpenVox',
	type: 'openVox',
	credentialType: 'openVoxApi',
	resource: 'extension',
	createSandbox: (options?: OpenVoxSandboxOptions) => createOpenVoxSandbox(options),
	resetSandbox: (sandbox, seed) => {
		sandbox.reset();
		sandbox.seed(seed ?? sandbox.options.seed ?? 0);
	},
	sandboxCredentials: (sandbox) => sandbox.credentials(),
});

export const sipXcom = vendorHarness({
	node: 'sipXcom',
	type: 'sipXcom',
	credentialType: 'sipXcomApi',
	resource: 'user',
	createSandbox: (options?: SipXcomSandboxOptions) => createSipXcomSandbox(options),
	resetSandbox: (sandbox, seed) => sandbox.reset(seed),
	sandboxCredentials: (sandbox) => sandbox.credentials(),
});
