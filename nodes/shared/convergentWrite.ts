import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from './errors';

/**
 * Read-modify-write that converges under concurrent writers. A PBX whose API replaces a whole
 * list (3CX `Users.Groups`, `Users.Phones`, forwarding profiles; sipXconfig's user PUT) and
 * offers no compare-and-set for that write lets two writers that read the same list undo each
 * other's change. Two defences, neither enough alone:
 *
 * - inside one n8n process, writes to one target wait for each other (`lockKey`), so two
 *   executions of this process never interleave a read and a write;
 * - every write is read back: a change that another process (a queue-mode worker, another n8n,
 *   an admin in the console) undid is written again from fresh data, a bounded number of
 *   times, and then the item fails. An item succeeds only for a change the PBX showed holding.
 *
 * What read-back cannot see is a writer that read before our write and writes after our read
 * back: the vendors document no ETag for these writes (docs/guides/reliability.md).
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
	/** The state last read: the one in which the change held. */
	state: S;
	/** Whether anything was written. */
	changed: boolean;
	/** Writes sent (0 when the change already held). */
	attempts: number;
}

export const DEFAULT_WRITE_ATTEMPTS = 5;

/** The tail of each target's queue of writers in this process; removed when the last one is done. */
const queues = new Map<string, Promise<void>>();

/** Runs `work` after every earlier holder of `key` in this process is done. */
async function serialised<T>(key: string, work: () => Promise<T>): Promise<T> {
	const previous = queues.get(key) ?? Promise.resolve();
	let release!: () => void;
	const done = new Promise<void>((resolve) => (release = resolve));
	const tail = previous.then(async () => await done);
	queues.set(key, tail);
	await previous;
	try {
		return await work();
	} finally {
		release();
		if (queues.get(key) === tail) queues.delete(key);
	}
}

/** The state after a failed write, or undefined when it cannot be read either. */
async function readAfterFailure<S>(spec: ConvergentWrite<S>): Promise<{ state: S } | undefined> {
	try {
		return { state: await spec.read() };
	} catch {
		return undefined;
	}
}

/**
 * read → holds? done : write → read back → holds? done : repeat with fresh data; after
 * `maxAttempts` writes fail the item with a NodeOperationError naming the target and what did
 * not hold. Writes to one target inside one process are serialised (key = lockKey). A write
 * that fails is read back once: if the change holds anyway (its answer was lost), that is
 * success; otherwise the write's own error goes on.
 */
export async function convergentWrite<S>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	lockKey: string,
	spec: ConvergentWrite<S>,
): Promise<ConvergentResult<S>> {
	const maxAttempts = spec.maxAttempts ?? DEFAULT_WRITE_ATTEMPTS;
	if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new RangeError(`maxAttempts must be a whole number of at least 1, got ${maxAttempts}`);
	return await serialised(lockKey, async () => {
		let state = await spec.read();
		let attempts = 0;
		while (!spec.holds(state)) {
			if (attempts === maxAttempts) {
				throw new NodeOperationError(
					ctx.getNode(),
					`The change to ${spec.target} did not hold: after ${attempts} write${attempts === 1 ? '' : 's'} the PBX still does not show it (item ${itemIndex})`,
					{
						itemIndex,
						description:
							'Each time the node read the record back, the change was not there: another writer (a second execution or worker, an admin in the console, a sync) kept changing the same record, or the PBX did not store the change. The item is not reported as done; run it again when the other change is finished.',
					},
				);
			}
			attempts++;
			try {
				await spec.write(state);
			} catch (error) {
				// A write whose answer was lost (a dropped connection, a 5xx after the work) may
				// have been applied: what the PBX holds decides, without writing again.
				const after = await readAfterFailure(spec);
				if (!after || !spec.holds(after.state)) throw asNodeError(ctx.getNode(), error);
				return { state: after.state, changed: true, attempts };
			}
			state = await spec.read();
		}
		return { state, changed: attempts > 0, attempts };
	});
}
