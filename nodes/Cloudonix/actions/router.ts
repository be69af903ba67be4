import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { checkNumber } from '../../shared/numbers';
import { operationTable, route } from '../../shared/router';
import type { OperationContext } from '../helpers/parameters';
import { SubscriberClient } from '../helpers/client';
import { DEFAULT_REQUESTS_PER_WINDOW, DEFAULT_WINDOW_MS } from '../transport/pacing';
import * as subscriber from './subscriber/Subscriber.resource';

const operations = operationTable<OperationContext>([subscriber]);

function positive(ctx: IExecuteFunctions, value: unknown, fallback: number, displayName: string): number {
	return checkNumber(ctx.getNode(), value === undefined ? fallback : value, { displayName, min: 1 }, 0);
}

/** One client (credential, pacer, MSISDN directory) per run, shared by all items. */
async function createContext(ctx: IExecuteFunctions): Promise<OperationContext> {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const client = await SubscriberClient.create(ctx, {
		requestsPerWindow: positive(ctx, options.requestsPerWindow, DEFAULT_REQUESTS_PER_WINDOW, 'Requests per Window'),
		windowMs: positive(ctx, options.windowMs, DEFAULT_WINDOW_MS, 'Window (Milliseconds)'),
	});
	return { client, itemCount: ctx.getInputData().length };
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(this, operations, createContext);
}
