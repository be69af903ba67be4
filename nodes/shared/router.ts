import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** What an operation returns for one input item: JSON objects or ready execution items. */
export type ItemResult = IDataObject | IDataObject[] | INodeExecutionData[];

function isExecutionData(value: unknown): value is INodeExecutionData {
	return value !== null && typeof value === 'object' && 'json' in value;
}

/** Wraps one item's result as output items paired with that input item. */
export function toItems(result: ItemResult, itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	return list.map((entry) =>
		isExecutionData(entry)
			? { ...entry, pairedItem: entry.pairedItem ?? { item: itemIndex } }
			: { json: entry, pairedItem: { item: itemIndex } },
	);
}

/**
 * Runs an operation once per input item and owns the plumbing every vendor node needs:
 * `pairedItem`, Continue On Fail (the error becomes an output item for that input), and
 * errors that name the item.
 */
export async function executePerItem(
	this: IExecuteFunctions,
	operation: (itemIndex: number) => Promise<ItemResult>,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			output.push(...toItems(await operation(itemIndex), itemIndex));
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({
					json: errorJson(error),
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			throw asItemError(this, error, itemIndex);
		}
	}
	return [output];
}

/** Makes sure a thrown error is an n8n error that points at the failing item. */
export function asItemError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	const err = error as Error & { context?: IDataObject };
	if (err.context) {
		if (err.context.itemIndex === undefined) err.context.itemIndex = itemIndex;
		return err;
	}
	return new NodeOperationError(ctx.getNode(), err.message ?? String(error), { itemIndex });
}

/** The JSON a Continue On Fail item carries: the message and, when there is one, the hint. */
export function errorJson(error: unknown): IDataObject {
	const { message, description } = error as { message?: string; description?: string | null };
	return description ? { error: message ?? String(error), description } : { error: message ?? String(error) };
}

/** An operation that runs for one input item. */
export type ItemOperation = (this: IExecuteFunctions, itemIndex: number) => Promise<ItemResult>;

/**
 * A node's whole execute for nodes whose operations all run per item: reads each item's
 * resource and operation, runs the matching entry of `operations[resource][operation]`
 * through executePerItem, and fails the item naming both when there is none.
 */
export async function routePerItem(
	this: IExecuteFunctions,
	operations: Record<string, Record<string, ItemOperation>>,
): Promise<INodeExecutionData[][]> {
	return await executePerItem.call(this, async (itemIndex) => {
		const resource = this.getNodeParameter('resource', itemIndex) as string;
		const operation = this.getNodeParameter('operation', itemIndex) as string;
		const run = operations[resource]?.[operation];
		if (!run) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`, {
				itemIndex,
			});
		}
		return await run.call(this, itemIndex);
	});
}
