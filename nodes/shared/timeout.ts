import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readNumber } from './numbers';
import type { RequestContext } from './transport';

/**
 * Each attempt waits at most this long for an answer. With MAX_TIMEOUT_ATTEMPTS, a server that
 * accepts the connection and never answers costs an item at most about a minute.
 */
export const DEFAULT_TIMEOUT_MS = 20_000;

/** Attempts of one request that may end in a timeout before it gives up (first try included). */
export const MAX_TIMEOUT_ATTEMPTS = 3;

/** Where every vendor node keeps the Timeout option. */
export const REQUEST_OPTIONS = 'requestOptions';

/** The Timeout option (milliseconds per attempt), shared by every vendor node. */
export function timeoutOption(): INodeProperties {
	return {
		displayName: 'Timeout',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_TIMEOUT_MS,
		description: `Milliseconds to wait for each answer. A request that times out is tried at most ${MAX_TIMEOUT_ATTEMPTS} times in all (reads only; writes are never repeated blindly); after that the remaining items of the run fail at once with the same error.`,
	};
}

/** The "Request Options" collection with the Timeout option, the last property of every vendor node. */
export function requestOptionsProperty(): INodeProperties {
	return {
		displayName: 'Request Options',
		name: REQUEST_OPTIONS,
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [timeoutOption()],
	};
}

function isExecuteContext(ctx: RequestContext): ctx is IExecuteFunctions {
	return typeof (ctx as IExecuteFunctions).getInputData === 'function';
}

/** The Timeout of an item (milliseconds), or the default outside a node run (dropdowns). */
export function readRequestTimeout(ctx: RequestContext, itemIndex: number | undefined): number {
	if (!isExecuteContext(ctx)) return DEFAULT_TIMEOUT_MS;
	return readNumber(ctx, `${REQUEST_OPTIONS}.timeout`, itemIndex ?? 0, {
		displayName: 'Timeout',
		min: 1,
		fallback: DEFAULT_TIMEOUT_MS,
	});
}

/** "20 s", "300 ms": how a timeout reads in a message. */
export function formatDuration(ms: number): string {
	return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}
