import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseNumber, readNumber } from './numbers';
import type { RequestContext } from './requestContext';

/*
 * The runtime side of Request Options › Timeout (its editor property is requestOptionsProperty
 * in properties.ts): how long each attempt waits, and how many timeouts a request survives.
 */

/**
 * Each attempt waits at most this long for an answer. With MAX_TIMEOUT_ATTEMPTS, a server that
 * accepts the connection and never answers costs an item at most about a minute.
 */
export const DEFAULT_TIMEOUT_MS = 20_000;

/** Attempts of one request that may end in a timeout before it gives up (first try included). */
export const MAX_TIMEOUT_ATTEMPTS = 3;

/** Where every vendor node keeps the Timeout option. */
export const REQUEST_OPTIONS = 'requestOptions';

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
