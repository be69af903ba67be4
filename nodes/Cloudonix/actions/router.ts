import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationTable } from '../../shared/router';
import { checkNumber } from '../../shared/numbers';
import { route } from '../../shared/router';
import type { OperationContext } from '../helpers/parameters';
import { CloudonixClient, DEFAULT_REQUESTS_PER_WINDOW, DEFAULT_WINDOW_MS } from '../transport';
import type { CloudonixMap } from './node.type';
import * as subscriber from './subscriber/Subscriber.resource';

const operations: OperationTable<CloudonixMap, OperationContext> = {
	subscriber: {
		activate: subscriber.activate,
		create: subscriber.create,
		deactivate: subscriber.deactivate,
		delete: subscriber.delete,
		get: subscriber.get,
		getAll: subscriber.getAll,
		update: subscriber.update,
		upsert: subscriber.upsert,
	},
};

function positive(ctx: IExecuteFunctions, value: unknown, fallback: number, displayName: string): number {
	return checkNumber(ctx.getNode(), value === undefined ? fallback : value, { displayName, min: 1 }, 0);
}

/** One client (credential, pacer, MSISDN directory) per run, shared by all items. */
async function createContext(ctx: IExecuteFunctions): Promise<OperationContext> {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const client = await CloudonixClient.create(ctx, {
		requestsPerWindow: positive(ctx, options.requestsPerWindow, DEFAULT_REQUESTS_PER_WINDOW, 'Requests per Window'),
		windowMs: positive(ctx, options.windowMs, DEFAULT_WINDOW_MS, 'Window (Milliseconds)'),
	});
	return { client, itemCount: ctx.getInputData().length };
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(this, operations, createContext);
}
