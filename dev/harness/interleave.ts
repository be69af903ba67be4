/**
 * Two writers of one record, interleaved exactly with sandbox hooks (no timing): the lost update
 * of a read-modify-write. The first writer's write is held until the second has read the
 * record, and every later read of the record waits for the second's write. So both read the
 * same state, the first writes, the second writes what it read plus its own change, and the
 * first reads back after that. docs/dev/tests-and-sandboxes.md.
 */
import type { SandboxRequest, SandboxServer } from '../sandbox/core';

export interface RecordRequests {
	/** The write of the record, e.g. `{ method: 'PATCH', path: /^\/xapi\/v1\/Users\(2\)$/ }`. */
	write: { method: string; path: string | RegExp };
	/** The read a writer bases its write on (and reads back with). */
	read: { method?: string; path: string | RegExp; when?: (req: SandboxRequest) => boolean };
}

export interface Interleaving<R> {
	first: R;
	second: R;
	/** How often each step ran: the first's write held, the second's read, the second's write (each 1 when the interleaving happened). */
	steps: [number, number, number];
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
	let resolve!: () => void;
	const promise = new Promise<void>((done) => (resolve = done));
	return { promise, resolve };
}

/** Runs `first`; when it writes, `second` starts, and the two interleave as described above. */
export async function interleaved<R>(server: SandboxServer, record: RecordRequests, first: () => Promise<R>, second: () => Promise<R>): Promise<Interleaving<R>> {
	const secondRead = deferred();
	const secondWrote = deferred();
	let secondRun: Promise<R> | undefined;
	const read = { method: record.read.method ?? 'GET', path: record.read.path, when: record.read.when };
	const firstWrite = server.hook({
		...record.write,
		before: async () => {
			secondRun = second();
			// A second writer that fails early must not leave the first waiting.
			void secondRun.finally(() => (secondRead.resolve(), secondWrote.resolve()));
			await secondRead.promise;
		},
	});
	const secondReads = server.hook({ ...read, after: 1, beforeAnswer: () => secondRead.resolve() });
	const secondWrites = server.hook({ ...record.write, after: 1, beforeAnswer: () => secondWrote.resolve() });
	server.hook({ ...read, after: 2, times: Infinity, before: async () => await secondWrote.promise });
	const firstResult = await first();
	if (!secondRun) throw new Error(`interleaved: the first writer never wrote the record (it ended with ${JSON.stringify(firstResult)?.slice(0, 300)})`);
	return { first: firstResult, second: await secondRun, steps: [firstWrite.ran, secondReads.ran, secondWrites.ran] };
}
