import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, IPairedItemData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readDryRun, rehearse } from './dryRun';
import { readOnlyIfUnchanged } from './onlyIfUnchanged';

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
				output.push(errorItem(this, error, itemIndex, { item: itemIndex }));
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

/**
 * A Continue On Fail item: its JSON is the message and the description. Under "Continue (using
 * error output)" it also carries the error itself, the one way n8n moves an item whose JSON has a
 * description to the error output (n8n then keeps only the message in the JSON).
 */
function errorItem(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
	pairedItem: INodeExecutionData['pairedItem'],
): INodeExecutionData {
	const json = errorJson(error);
	if (ctx.getNode().onError !== 'continueErrorOutput') return { json, pairedItem };
	return { json, error: asItemError(ctx, error, itemIndex) as NodeOperationError, pairedItem };
}

/** The JSON a Continue On Fail item carries: the message and, when there is one, the hint. */
export function errorJson(error: unknown): IDataObject {
	const { message, description } = error as { message?: string; description?: string | null };
	return description ? { error: message ?? String(error), description } : { error: message ?? String(error) };
}

/**
 * What an operation file exports next to `description`: `execute`, run once per input item
 * (the router owns the loop, `pairedItem` and Continue On Fail), or `executeRun`, run once for
 * all items (bulk operations that send one request for several items; they use
 * `executeInBatches`). `context` is what the node's router creates once per run, e.g. a client
 * that paces requests across items; nodes without one get `undefined`.
 */
export type ItemOperation<C = undefined> = (this: IExecuteFunctions, itemIndex: number, context: C) => Promise<ItemResult>;
export type RunOperation<C = undefined> = (this: IExecuteFunctions, context: C) => Promise<INodeExecutionData[][]>;
export type Operation<C = undefined> = ({ execute: ItemOperation<C> } | { executeRun: RunOperation<C> }) & {
	/**
	 * Set by operations that change the PBX: they offer Options › Dry Run (and, for an update,
	 * deactivate or delete, Only If Unchanged). The router rehearses their items when it is on.
	 */
	writes?: boolean;
};

/** An operation file: its properties, scoped to its resource and operation, and what it runs. */
export type OperationModule<C = undefined> = Operation<C> & { description: INodeProperties[] };

/** What a resource file exports: its operation files, in the order their properties are listed. */
export interface ResourceModule<C = undefined> {
	operations: Record<string, OperationModule<C>>;
}

/** The router's table: resource value → Operation value → operation, as saved workflows hold them. */
export type OperationTable<C = undefined> = Map<string, Map<string, Operation<C>>>;

/**
 * The one resource and Operation value an operation file's properties are shown for: its
 * `updateDisplayOptions` scope, which is exactly where the editor shows them, so the table
 * cannot disagree with the editor.
 */
export function operationScope(module: { description: INodeProperties[] }): { resource: string; operation: string } {
	const scopes = new Set(
		module.description.map((property) => JSON.stringify([property.displayOptions?.show?.resource, property.displayOptions?.show?.operation])),
	);
	const [resources, operations] = (scopes.size === 1 ? JSON.parse([...scopes][0]) : []) as [unknown, unknown];
	if (!Array.isArray(resources) || !Array.isArray(operations) || resources.length !== 1 || operations.length !== 1) {
		throw new Error(`An operation file's properties must all show for one resource and one operation, got ${[...scopes].join(', ')}`);
	}
	return { resource: String(resources[0]), operation: String(operations[0]) };
}

/** The properties of a resource's operations, in the resource file's order. */
export function operationProperties<C>(operations: ResourceModule<C>['operations']): INodeProperties[] {
	return Object.values(operations).flatMap((operation) => operation.description);
}

/** The router's table, derived from the node's resource files (built once, when the node loads). */
export function operationTable<C = undefined>(resources: Array<ResourceModule<C>>): OperationTable<C> {
	const table: OperationTable<C> = new Map();
	for (const resource of resources) {
		for (const module of Object.values(resource.operations)) {
			const scope = operationScope(module);
			const operations = table.get(scope.resource) ?? new Map<string, Operation<C>>();
			if (operations.has(scope.operation)) throw new Error(`Two operation files show for ${scope.resource} › ${scope.operation}`);
			table.set(scope.resource, operations.set(scope.operation, module));
		}
	}
	return table;
}

/**
 * A node's whole `execute`: reads the resource and operation (they take no expressions, so
 * item 0 speaks for all), creates the run's context if the node has one, and runs the
 * operation per item through executePerItem or once through its `executeRun`.
 */
export async function route<C = undefined>(
	ctx: IExecuteFunctions,
	table: OperationTable<C>,
	createContext?: (ctx: IExecuteFunctions) => Promise<C>,
): Promise<INodeExecutionData[][]> {
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const entry = table.get(resource)?.get(operation);
	if (!entry) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
	}
	const context = (createContext ? await createContext(ctx) : undefined) as C;
	if ('executeRun' in entry) return await entry.executeRun.call(ctx, context);
	return await executePerItem.call(ctx, async (itemIndex) => {
		// Both options are checked before the item's first request, so bad input never half-runs.
		if (entry.writes) readOnlyIfUnchanged(ctx, itemIndex);
		if (entry.writes && readDryRun(ctx, itemIndex)) {
			return await rehearse(ctx, operation, async () => await entry.execute.call(ctx, itemIndex, context));
		}
		return await entry.execute.call(ctx, itemIndex, context);
	});
}

/** Input items that go out in one request, and what each contributed. */
export interface Batch<T> {
	itemIndexes: number[];
	values: T[];
}

/**
 * The plumbing of a bulk operation. `read` takes and validates each item's input before the
 * first request; with Continue On Fail an item that fails becomes its error item and the others
 * go on. `group` puts the valid items into batches, `send` runs once per batch, and its answer
 * (or, with Continue On Fail, its error) is paired with every item of the batch.
 */
export async function executeInBatches<T>(
	ctx: IExecuteFunctions,
	read: (itemIndex: number) => T,
	group: (entries: Array<{ itemIndex: number; value: T }>) => Array<Batch<T>>,
	send: (batch: Batch<T>) => Promise<IDataObject>,
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const output: INodeExecutionData[] = [];
	const valid: Array<{ itemIndex: number; value: T }> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			valid.push({ itemIndex, value: read(itemIndex) });
		} catch (error) {
			if (!ctx.continueOnFail()) throw asItemError(ctx, error, itemIndex);
			output.push(errorItem(ctx, error, itemIndex, { item: itemIndex }));
		}
	}
	for (const batch of valid.length ? group(valid) : []) {
		const pairedItem: IPairedItemData[] = batch.itemIndexes.map((item) => ({ item }));
		try {
			output.push({ json: await send(batch), pairedItem });
		} catch (error) {
			if (!ctx.continueOnFail()) throw asItemError(ctx, error, batch.itemIndexes[0]);
			output.push(errorItem(ctx, error, batch.itemIndexes[0], pairedItem));
		}
	}
	return [output];
}
