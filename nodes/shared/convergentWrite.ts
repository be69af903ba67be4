import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * Read-modify-write that converges under concurrent writers. PBX APIs replace whole lists (a
 * queue's agents, a user's departments) and offer no version check on the write, so another
 * writer's change can land between our read and our write, or right after our write. The write
 * is therefore computed from a fresh read and checked by reading back; when the intended change
 * does not hold, it is computed and written again from what the PBX holds now.
 */
export interface ConvergentWrite<S> {
	/** A short description for messages, e.g. "the departments of user 7". */
	target: string;
	/** Reads the current state fresh from the PBX. */
	read(): Promise<S>;
	/** True when the intended change holds in this state (nothing left to write). */
	holds(state: S): boolean;
	/** Writes the change computed from this fresh state (e.g. the whole new list). */
	write(state: S): Promise<void>;
	/** How many write attempts before the item fails (default 5). */
	maxAttempts?: number;
}

export interface ConvergentResult<S> {
	state: S;
	changed: boolean;
	attempts: number;
}

const DEFAULT_ATTEMPTS = 5;

/** The last write (or read-back) queued per lock key in this process. */
const tails = new Map<string, Promise<unknown>>();

/** Runs `task` after every earlier task with the same key has settled. */
async function serialised<T>(key: string, task: () => Promise<T>): Promise<T> {
	const previous = tails.get(key) ?? Promise.resolve();
	const run = previous.then(task, task);
	const tail = run.then(
		() => undefined,
		() => undefined,
	);
	tails.set(key, tail);
	try {
		return await run;
	} finally {
		if (tails.get(key) === tail) tails.delete(key);
	}
}

/**
 * read → holds? done : write → read back → holds? done : repeat with fresh data; after
 * maxAttempts writes fail the item with a NodeOperationError naming the target and what did not
 * hold. Writes to one target inside one process are serialised (key = lockKey), so two items or
 * two executions of this n8n process never overwrite each other; writers elsewhere (a queue-mode
 * worker, the admin console) are caught by the read-back.
 */
export async function convergentWrite<S>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	lockKey: string,
	spec: ConvergentWrite<S>,
): Promise<ConvergentResult<S>> {
	const maxAttempts = spec.maxAttempts ?? DEFAULT_ATTEMPTS;
	return await serialised(lockKey, async () => {
		let state = await spec.read();
		if (spec.holds(state)) return { state, changed: false, attempts: 0 };
		for (let attempt = 1; attempt <= maxAttempts; attempt++) {
			await spec.write(state);
			state = await spec.read();
			if (spec.holds(state)) return { state, changed: true, attempts: attempt };
		}
		throw new NodeOperationError(
			ctx.getNode(),
			`The change to ${spec.target} did not hold: another writer changed it again after each of ${maxAttempts} writes (item ${itemIndex})`,
			{
				itemIndex,
				description: 'Something else keeps rewriting it (another workflow, a worker or an admin). The PBX holds what that writer wrote; run this item again when it has stopped.',
			},
		);
	});
}
