/**
 * nodes/shared/convergentWrite.ts: read → holds? → write → read back, again from fresh data
 * until the change holds, and writes to one target serialised within the process. The nodes'
 * engine-run tests (e.g. test/threecx/queues.test.ts) run it against a sandbox whose state other
 * writers change; these check the helper's contract on a plain list.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { convergentWrite } from '../../nodes/shared/convergentWrite';

const ctx = { getNode: () => ({ id: '1', name: 'PBX', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} }) } as unknown as IExecuteFunctions;

/** Every queued callback and promise continuation runs (no timers involved). */
const settle = async () => {
	for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

/** A list on a "PBX" whose writes replace it whole, and a log of what happened. */
function pbxList(initial: string[]) {
	const store = { list: [...initial] };
	const log: string[] = [];
	const add = (who: string, item: string, gate?: Promise<void>) => ({
		target: `the list (${who})`,
		read: async () => {
			log.push(`${who} read`);
			return [...store.list];
		},
		holds: (list: string[]) => list.includes(item),
		write: async (list: string[]) => {
			log.push(`${who} write`);
			if (gate) await gate;
			store.list = [...list, item];
		},
	});
	return { store, log, add };
}

describe('convergentWrite', () => {
	it('does not write when the change already holds', async () => {
		const { log, add } = pbxList(['a']);
		const result = await convergentWrite(ctx, 0, 'k', add('A', 'a'));
		expect(result).toEqual({ state: ['a'], changed: false, attempts: 0 });
		expect(log).toEqual(['A read']);
	});

	it('writes from the fresh state and confirms the change by reading back', async () => {
		const { store, log, add } = pbxList(['x']);
		const result = await convergentWrite(ctx, 0, 'k', add('A', 'a'));
		expect(result).toEqual({ state: ['x', 'a'], changed: true, attempts: 1 });
		expect(log).toEqual(['A read', 'A write', 'A read']);
		expect(store.list).toEqual(['x', 'a']);
	});

	it('writes again from what the PBX holds when another writer undid the change, keeping that writer\'s change', async () => {
		const { store, add } = pbxList(['x']);
		const spec = add('A', 'a');
		let overwritten = false;
		const result = await convergentWrite(ctx, 0, 'k', {
			...spec,
			write: async (list) => {
				await spec.write(list);
				// A writer that read ['x'] before our write writes ['x', 'b'] after it, once.
				if (!overwritten) store.list = ['x', 'b'];
				overwritten = true;
			},
		});
		expect(result).toEqual({ state: ['x', 'b', 'a'], changed: true, attempts: 2 });
	});

	it('fails the item, naming the target, when the change never holds', async () => {
		const { store, log, add } = pbxList(['x']);
		const spec = add('A', 'a');
		const failure = convergentWrite(ctx, 3, 'k', {
			...spec,
			maxAttempts: 3,
			write: async (list) => {
				await spec.write(list);
				store.list = ['x'];
			},
		});
		await expect(failure).rejects.toThrow(NodeOperationError);
		await expect(failure).rejects.toThrow('The change to the list (A) did not hold: after 3 writes the PBX still does not show it (item 3)');
		expect(log.filter((entry) => entry === 'A write')).toHaveLength(3);
	});

	it('reads a failed write back once: a change that holds anyway (its answer was lost) is a success; one that does not keeps the write\'s error', async () => {
		const { store, log, add } = pbxList(['x']);
		const spec = add('A', 'a');
		const lostAnswer = await convergentWrite(ctx, 0, 'k', {
			...spec,
			write: async (list) => {
				await spec.write(list);
				throw new Error('socket hang up');
			},
		});
		expect(lostAnswer).toEqual({ state: ['x', 'a'], changed: true, attempts: 1 });
		expect(log).toEqual(['A read', 'A write', 'A read']);
		const refused = convergentWrite(ctx, 0, 'k', { ...add('B', 'b'), write: async () => await Promise.reject(new Error('HTTP 400')) });
		await expect(refused).rejects.toThrow('HTTP 400');
		expect(store.list).toEqual(['x', 'a']);
	});

	it('serialises writes to one key: the second reads only after the first has written and read back', async () => {
		const { store, log, add } = pbxList(['x']);
		let open!: () => void;
		const gate = new Promise<void>((resolve) => (open = resolve));
		const first = convergentWrite(ctx, 0, 'queue 1', add('A', 'a', gate));
		const second = convergentWrite(ctx, 1, 'queue 1', add('B', 'b'));
		await settle();
		expect(log).toEqual(['A read', 'A write']);
		open();
		expect(await first).toMatchObject({ changed: true, attempts: 1 });
		expect(await second).toMatchObject({ changed: true, attempts: 1 });
		expect(log).toEqual(['A read', 'A write', 'A read', 'B read', 'B write', 'B read']);
		expect(store.list).toEqual(['x', 'a', 'b']);
	});

	it('does not hold up writes to another key, nor the next write after a failure', async () => {
		const { log, add } = pbxList(['x']);
		let open!: () => void;
		const gate = new Promise<void>((resolve) => (open = resolve));
		const blocked = convergentWrite(ctx, 0, 'queue 1', add('A', 'a', gate));
		await settle();
		await convergentWrite(ctx, 0, 'queue 2', add('B', 'b'));
		expect(log).toEqual(['A read', 'A write', 'B read', 'B write', 'B read']);
		open();
		await blocked;

		const failing = convergentWrite(ctx, 0, 'queue 3', { ...add('C', 'c'), read: async () => await Promise.reject(new Error('PBX down')) });
		const next = convergentWrite(ctx, 0, 'queue 3', add('D', 'd'));
		await expect(failing).rejects.toThrow('PBX down');
		expect(await next).toMatchObject({ changed: true });
	});
});
