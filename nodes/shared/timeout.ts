import type { IExecuteFunctions, INodeProperties, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseNumber, readNumber } from './numbers';
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

/** Nodes whose items send requests, and change triggers whose polls do. */
export type RequestOwner = 'node' | 'trigger';

const TIMEOUT_DESCRIPTIONS: Record<RequestOwner, string> = {
	node: `Milliseconds to wait for each answer. A request that times out is tried at most ${MAX_TIMEOUT_ATTEMPTS} times in all (reads only; writes are never repeated blindly); after that the remaining items of the run fail at once with the same error.`,
	trigger: `Milliseconds to wait for each answer while the list is read. A request that times out is tried at most ${MAX_TIMEOUT_ATTEMPTS} times in all; after that the poll fails, emits nothing and keeps the remembered list.`,
};

/** The Timeout option (milliseconds per attempt), shared by every vendor node and change trigger. */
export function timeoutOption(owner: RequestOwner = 'node'): INodeProperties {
	return {
		displayName: 'Timeout',
		name: 'timeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_TIMEOUT_MS,
		description: TIMEOUT_DESCRIPTIONS[owner],
	};
}

/** The "Request Options" collection with the Timeout option, the last property of every vendor node and trigger. */
export function requestOptionsProperty(owner: RequestOwner = 'node'): INodeProperties {
	return {
		displayName: 'Request Options',
		name: REQUEST_OPTIONS,
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [timeoutOption(owner)],
	};
}

function isExecuteContext(ctx: RequestContext): ctx is IExecuteFunctions {
	return typeof (ctx as IExecuteFunctions).getInputData === 'function';
}

function isPollContext(ctx: RequestContext): ctx is IPollFunctions {
	return typeof (ctx as IPollFunctions).__emit === 'function';
}

/** A trigger's Timeout: one value per poll, so a bad one names the parameter but no item. */
function readPollTimeout(ctx: IPollFunctions): number {
	const value = ctx.getNodeParameter(`${REQUEST_OPTIONS}.timeout`, DEFAULT_TIMEOUT_MS) as unknown;
	const parsed = parseNumber(value, { displayName: 'Timeout', min: 1 });
	if (typeof parsed === 'number') return parsed;
	throw new NodeOperationError(ctx.getNode(), `Request Options → Timeout ${parsed}, got ${JSON.stringify(value) ?? String(value)}`, {
		description: 'Set it to the milliseconds to wait for each answer, e.g. 20000. Nothing was sent and the remembered list is unchanged.',
	});
}

/** The Timeout of an item or a poll (milliseconds), or the default outside them (dropdowns). */
export function readRequestTimeout(ctx: RequestContext, itemIndex: number | undefined): number {
	if (isPollContext(ctx)) return readPollTimeout(ctx);
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
