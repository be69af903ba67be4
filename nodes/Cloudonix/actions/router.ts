import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { executePerItem } from '../../shared/router';
import { CloudonixClient, DEFAULT_REQUESTS_PER_WINDOW, DEFAULT_WINDOW_MS } from '../transport';
import type { OperationContext } from './common';
import * as subscriber from './subscriber/Subscriber.resource';

type Operation = (this: IExecuteFunctions, itemIndex: number, context: OperationContext) => Promise<IDataObject | IDataObject[]>;

const operations: Record<string, Record<string, Operation>> = {
	subscriber: {
		activate: subscriber.activate.execute,
		create: subscriber.create.execute,
		deactivate: subscriber.deactivate.execute,
		delete: subscriber.delete.execute,
		get: subscriber.get.execute,
		getAll: subscriber.getAll.execute,
		update: subscriber.update.execute,
		upsert: subscriber.upsert.execute,
	},
};

function positive(ctx: IExecuteFunctions, value: unknown, fallback: number, name: string): number {
	const n = value === undefined ? fallback : Number(value);
	if (!Number.isFinite(n) || n < 1) {
		throw new NodeOperationError(ctx.getNode(), `The option "${name}" must be a number of at least 1`);
	}
	return Math.floor(n);
}

/** One client (credential, pacer, MSISDN directory) per run, shared by all items. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = operations[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `The operation "${operationName}" is not supported for "${resource}"`);
	}
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const client = await CloudonixClient.create(this, {
		requestsPerWindow: positive(this, options.requestsPerWindow, DEFAULT_REQUESTS_PER_WINDOW, 'Requests per Window'),
		windowMs: positive(this, options.windowMs, DEFAULT_WINDOW_MS, 'Window (ms)'),
	});
	const context: OperationContext = { client, itemCount: this.getInputData().length };
	return await executePerItem.call(this, async (itemIndex) => await operation.call(this, itemIndex, context));
}
