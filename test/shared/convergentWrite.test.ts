/**
 * nodes/shared/convergentWrite.ts on its own: the order writers of one target get, a failing
 * writer releasing the target, and the bound on writes. The engine tests (test/threecx and
 * test/sipxcom concurrentWrites.test.ts) run it through real workflows.
 */
import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { convergentWrite } from '../../nodes/shared/convergentWrite';

const node = { name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;
const ctx = { getNode: () => node } as unknown as IExecuteFunctions;

/** A record holding a list, and a writer that adds `entry` to what it read. */
function adder(record: { list: string[] }, entry: string, log: string[]) {
	return {
		target: `the list (${entry})`,
		read: async () => {
			log.push(`read ${entry}`);
			await Promise.resolve();
			return [...record.list];
		},
		holds: (list: string[]) => list.includes(entry),
		write: async (list: string[]) => {
			log.push(`write ${entry}`);
			await Promise.resolve();
			record.list = [...list, entry];
		},
	};
}

describe('convergentWrite', () => {
	it('writers of one target run one after the other, in the order they came; other targets do not wait', async () => {
		const record = { list: [] as string[] };
		const other = { list: [] as string[] };
		const log: string[] = [];
		await Promise.all([
			convergentWrite(ctx, 0, 'a', adder(record, 'x', log)),
			convergentWrite(ctx, 0, 'a', adder(record, 'y', log)),
			convergentWrite(ctx, 0, 'b', adder(other, 'z', log)),
		]);
		expect(record.list).toEqual(['x', 'y']);
		expect(log.filter((line) => /[xy]$/.test(line))).toEqual(['read x', 'write x', 'read x', 'read y', 'write y', 'read y']);
		expect(log.indexOf('read z')).toBeLessThan(log.indexOf('read y'));
	});

	it('a writer that fails lets the next one go on', async () => {
		const record = { list: [] as string[] };
		const failing = { ...adder(record, 'x', []), write: async () => await Promise.reject(new Error('HTTP 500')) };
		const [first, second] = await Promise.allSettled([convergentWrite(ctx, 0, 'a', failing), convergentWrite(ctx, 0, 'a', adder(record, 'y', []))]);
		expect(first.status).toBe('rejected');
		expect(second).toEqual({ status: 'fulfilled', value: { state: ['y'], changed: true, attempts: 1 } });
	});

	it('a failed write is read back once: a change that holds anyway is a success, one that does not keeps the write\'s error', async () => {
		const record = { list: [] as string[] };
		const lostAnswer = {
			...adder(record, 'x', []),
			write: async () => {
				record.list = ['x'];
				throw new Error('socket hang up');
			},
		};
		expect(await convergentWrite(ctx, 0, 'a', lostAnswer)).toEqual({ state: ['x'], changed: true, attempts: 1 });
		const refused = { ...adder(record, 'y', []), write: async () => await Promise.reject(new Error('HTTP 400')) };
		await expect(convergentWrite(ctx, 0, 'a', refused)).rejects.toThrow('HTTP 400');
	});

	it('nothing is written when the change holds; a change that never holds fails after maxAttempts writes', async () => {
		const record = { list: ['x'] };
		expect(await convergentWrite(ctx, 0, 'a', adder(record, 'x', []))).toEqual({ state: ['x'], changed: false, attempts: 0 });
		const log: string[] = [];
		const undone = { ...adder(record, 'y', log), maxAttempts: 3, read: async () => ['x'] };
		const error = await convergentWrite(ctx, 4, 'a', undone).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toBe('The change to the list (y) did not hold: after 3 writes the PBX still does not show it (item 4)');
		expect((error as NodeOperationError).context.itemIndex).toBe(4);
		expect(log.filter((line) => line.startsWith('write'))).toHaveLength(3);
	});
});
