/** What the trigger tests share besides the vendor adapters: a sandbox per file, events, n8n's log. */
import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { IDataObject } from 'n8n-workflow';

import type { VendorAdapter } from './vendors';

/**
 * Starts the adapter's sandbox for the file (stopped after it) and, before each test, resets it
 * (to `size` extensions when given) without faults, hooks or logged requests.
 */
export function useAdapter(adapter: VendorAdapter, size?: number): void {
	beforeAll(async () => {
		await adapter.server.start();
	});
	afterAll(async () => adapter.server.stop());
	beforeEach(() => {
		if (size !== undefined) adapter.reset(size);
		adapter.server.clearFaults();
		adapter.server.clearHooks();
		adapter.server.clearLog();
	});
}

/** A poll's items as [event, number] pairs. */
export const events = (items: IDataObject[] | null) => (items ?? []).map((item) => [item.event, (item.extension as IDataObject).number]);

/** What n8n's logger receives during `run`, as "level: message" lines. */
export async function logged<T>(run: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
	const lines: string[] = [];
	const logger = Container.get(Logger);
	const spies = (['error', 'warn', 'info'] as const).map((level) =>
		jest.spyOn(logger, level).mockImplementation((...args: unknown[]) => void lines.push(`${level}: ${String(args[0])}`)),
	);
	try {
		return { result: await run(), lines };
	} finally {
		spies.forEach((spy) => spy.mockRestore());
	}
}
