/**
 * A second n8n process inside the test process, for tests in which two writers that do not share
 * memory act on one PBX (two queue-mode workers, two n8n instances): a second copy of this
 * package's modules, loaded apart from the first, so everything a process keeps to itself
 * (writes serialised per record, a token being fetched) is its own, while n8n-workflow and
 * n8n-core are the one copy both processes would load from the same install. The credential
 * store is shared, like the database of a queue-mode setup. Jest only (it uses the module
 * registry); `npm run test:queue` proves the same with real workers.
 */
import type { CredentialStore } from './credentials';
import type { WorkflowJson, WorkflowResult } from './engine';

export interface AnotherProcess {
	/** Runs a workflow through this process's own copy of the nodes. */
	runWorkflow(workflow: WorkflowJson, store: CredentialStore): Promise<WorkflowResult>;
}

/** Loads the second copy (once per call; keep one per test file). */
export function anotherProcess(): AnotherProcess {
	/* eslint-disable @typescript-eslint/no-require-imports -- a second module registry needs require */
	const n8nWorkflow = require('n8n-workflow') as unknown;
	const n8nCore = require('n8n-core') as unknown;
	let engine: typeof import('./engine') | undefined;
	jest.isolateModules(() => {
		jest.doMock('n8n-workflow', () => n8nWorkflow);
		jest.doMock('n8n-core', () => n8nCore);
		engine = require('./engine') as typeof import('./engine');
		// The registry loads the nodes when first asked: ask now, while requires go to this copy.
		const registry = require('./registry') as typeof import('./registry');
		registry.packageNodes();
		registry.packageCredentials();
	});
	/* eslint-enable @typescript-eslint/no-require-imports */
	const { runWorkflow } = engine!;
	return { runWorkflow: async (workflow, store) => await runWorkflow(workflow, store) };
}
