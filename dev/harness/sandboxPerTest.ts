/**
 * The one test helper for every vendor (docs/dev/tests-and-sandboxes.md): a sandbox per test
 * file, back to a known state before each test, with a fresh credential per test and the node
 * bound to it; `withSandbox` for one more PBX inside a test. Jest only (it registers
 * beforeAll/beforeEach/afterAll); scripts and benches use ./vendors.ts directly.
 */
import type { IDataObject } from 'n8n-workflow';

import type { SandboxServer } from '../sandbox/core';
import type { CredentialStore } from './credentials';
import type { WorkflowJson, WorkflowResult } from './engine';
import type { BoundCredential, CredentialReference, RunOptions, VendorHarness, VendorSandbox } from './vendors';
import type { NodeSpec } from './workflow';

export type { BoundCredential, RunOptions } from './vendors';

export interface SandboxSetup<O> {
	/** Options of the vendor's sandbox (e.g. `{ tls: SANDBOX_TLS }`, `{ rateLimit: 10 }`). */
	options?: O;
	/** Records before each test (3CX users, Cloudonix subscribers, OpenVox extensions, sipXcom users); default: as the options describe. */
	seed?: number;
	/** The node version runs use unless a run says otherwise (default 1). */
	typeVersion?: number;
}

export interface PbxUnderTest<S> {
	sandbox: S;
	server: SandboxServer;
	/** This test's credential (made fresh before each test) and what is bound to it. */
	current(): BoundCredential;
	/** Items → vendor node on this test's credential. */
	run(parameters: IDataObject, options?: RunOptions): Promise<WorkflowResult>;
	workflow(parameters: IDataObject, options?: RunOptions): WorkflowJson;
	node(parameters: IDataObject, extra?: Partial<NodeSpec>): NodeSpec;
	runWorkflow(workflow: WorkflowJson): Promise<WorkflowResult>;
	/** Another credential for this sandbox, in its own store: typed values over the sandbox's (a wrong secret, another format). */
	withCredential(overrides?: IDataObject): BoundCredential;
	/** Adds this sandbox's credential to a store that holds others (a workflow over several PBXs). */
	addTo(store: CredentialStore, name?: string): CredentialReference;
}

function pbxFor<S extends VendorSandbox, O>(vendor: VendorHarness<S, O>, sandbox: S, setup: SandboxSetup<O>, current: () => BoundCredential): PbxUnderTest<S> {
	const withCredential = (overrides?: IDataObject) => vendor.bind(vendor.sandboxCredentials(sandbox), overrides, { typeVersion: setup.typeVersion });
	return {
		sandbox,
		server: sandbox.server,
		current,
		run: async (parameters, options) => await current().run(parameters, options),
		workflow: (parameters, options) => current().workflow(parameters, options),
		node: (parameters, extra) => current().node(parameters, extra),
		runWorkflow: async (workflow) => await current().runWorkflow(workflow),
		withCredential,
		addTo: (store, name) => vendor.addCredential(store, vendor.sandboxCredentials(sandbox), name),
	};
}

/** Back to as created with the seed, no faults, no hooks, an empty request log. */
function resetForTest<S extends VendorSandbox, O>(vendor: VendorHarness<S, O>, sandbox: S, seed: number | undefined): void {
	vendor.resetSandbox(sandbox, seed);
	sandbox.server.clearFaults();
	sandbox.server.clearHooks();
	sandbox.server.clearLog();
}

/**
 * For a test file: one sandbox of the vendor, started once and stopped after the file; before
 * each test it is reset (see SandboxSetup.seed) and a fresh credential is made. Call it once per
 * PBX the file needs (two 3CX PBXs, or 3CX and Cloudonix for an example workflow).
 */
export function sandboxPerTest<S extends VendorSandbox, O>(vendor: VendorHarness<S, O>, setup: SandboxSetup<O> = {}): PbxUnderTest<S> {
	const sandbox = vendor.createSandbox(setup.options);
	let bound: BoundCredential | undefined;
	const pbx = pbxFor(vendor, sandbox, setup, () => {
		if (!bound) throw new Error('sandboxPerTest: the credential is made before each test; use it inside a test');
		return bound;
	});
	beforeAll(async () => {
		await sandbox.server.start();
	});
	afterAll(async () => await sandbox.server.stop());
	beforeEach(() => {
		resetForTest(vendor, sandbox, setup.seed);
		bound = pbx.withCredential();
	});
	return pbx;
}

/** One more sandbox for part of a test (another PBX, other options): started, reset, given to `use`, always stopped. */
export async function withSandbox<S extends VendorSandbox, O, T>(vendor: VendorHarness<S, O>, setup: SandboxSetup<O>, use: (pbx: PbxUnderTest<S>) => Promise<T>): Promise<T> {
	const sandbox = vendor.createSandbox(setup.options);
	await sandbox.server.start();
	try {
		resetForTest(vendor, sandbox, setup.seed);
		let bound: BoundCredential | undefined;
		const pbx: PbxUnderTest<S> = pbxFor(vendor, sandbox, setup, () => (bound ??= pbx.withCredential()));
		return await use(pbx);
	} finally {
		await sandbox.server.stop();
	}
}
