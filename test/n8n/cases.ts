/**
 * The example workflows `npm run test:n8n` runs in a real n8n (and the jest example tests
 * can reuse through `check`). Adding a case is one entry:
 *
 *   {
 *     name: '3CX to Cloudonix sync',
 *     example: '3cx-to-cloudonix.json',          // file in examples/
 *     async start() {                             // sandboxes on ephemeral loopback ports
 *       const threeCx = createThreeCxSandbox(); await threeCx.server.start();
 *       return {
 *         credentials: { threeCxApi: threeCx.credentials },   // type -> data (loopback URL)
 *         state: { threeCx },
 *         stop: () => threeCx.server.stop(),
 *       };
 *     },
 *     check(run, { threeCx }) {                   // throw (node:assert) on a wrong result
 *       assert.deepStrictEqual(run.json('Create').map((e) => e.number), ['103']);
 *       assert.strictEqual(threeCx.state.users.size, 4);
 *     },
 *   },
 *
 * Triggers other than the Manual Trigger (Schedule, Webhook…) are replaced by one, or with
 * `triggerOutput` by a Code node emitting those items, the same way the jest example tests do
 * (test/harness/examples.ts); credentials referenced in the workflow are pointed at
 * credentials created from `credentials`.
 */
import * as assert from 'assert';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

/** What a case sees of a finished run: the same shape as the jest harness's WorkflowResult. */
export interface RunView {
	status: string;
	/** JSON of the items one output of a node produced (last run); [] if it did not run. */
	json(nodeName: string, outputIndex?: number): IDataObject[];
}

export interface CaseEnvironment<State> {
	/** Credential data per credential type, as a user would type it (URLs on 127.0.0.1). */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Handed to `check`, e.g. the sandboxes, to assert on their state after the run. */
	state: State;
	stop(): Promise<void>;
}

export interface N8nCase<State = undefined> {
	name: string;
	/** Workflow file in examples/. */
	example: string;
	/** Starts what the workflow talks to. Omit for workflows that need nothing. */
	start?(): Promise<CaseEnvironment<State>>;
	/** Throws if the run's result (or the sandboxes' state) is wrong. */
	check(run: RunView, state: State): void | Promise<void>;
	/**
	 * Items the example's trigger emits (e.g. a webhook's request): the trigger becomes a Code
	 * node returning them behind a Manual Trigger, as in the jest example tests.
	 */
	triggerOutput?: IDataObject[];
	/** Set when the run is expected to fail; `check` then sees the failed run. */
	expectFailure?: boolean;
}

/** Keeps each case's State type while collecting them in one list. */
function defineCase<State>(testCase: N8nCase<State>): N8nCase<unknown> {
	return testCase as N8nCase<unknown>;
}

const numbers = (items: IDataObject[], field = 'number') => items.map((item) => item[field]);

export const compareExtensionsExample = defineCase({
	name: 'Compare Extensions routes sample extensions to Create, Import, Nothing To Do and Update',
	example: 'compare-extensions.json',
	check(run) {
		assert.strictEqual(run.status, 'success');
		assert.deepStrictEqual(numbers(run.json('Create')), ['100', '103'], 'Create (Local Only)');
		assert.deepStrictEqual(numbers(run.json('Import')), ['104'], 'Import (Remote Only)');
		assert.deepStrictEqual(numbers(run.json('Nothing To Do'), 'key'), ['101'], 'Nothing To Do (Synced)');
		const update = run.json('Update');
		assert.deepStrictEqual(numbers(update, 'key'), ['102'], 'Update (Changed)');
		assert.deepStrictEqual(
			update[0].differences,
			[{ field: 'email', local: 'cid@example.com', remote: 'cid.moss@example.com' }],
			'Update carries the differences',
		);
		// Key normalisation: the remote's number 101 and " 102 " matched the local "101" and "102".
		assert.deepStrictEqual((update[0].remote as IDataObject).number, ' 102 ');
	},
});

export const cases: Array<N8nCase<unknown>> = [compareExtensionsExample];
