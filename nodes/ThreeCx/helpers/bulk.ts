import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readDryRun, rehearse } from '../../shared/dryRun';
import { readNumber } from '../../shared/numbers';
import { executeInBatches } from '../../shared/router';
import { idsOfItem, uniqueIds } from './ids';

/** An item's IDs and, for a guarded action, its Maximum Users. */
interface BulkItem {
	ids: number[];
	maxUsers?: number;
}

/**
 * Runs a bulk action (Reprovision All Phones, Batch Delete, Regenerate Credentials for Many,
 * Update Many) either once for the IDs of all items (default) or once per item ("One Request
 * per Item"). Every item's IDs, and what `validate` checks, are validated before the first
 * request. With `guard` (the action's verb) the run is refused before its first request when it
 * would change more users than "Maximum Users", counted over all items whatever the request mode.
 */
export async function runBulk(
	ctx: IExecuteFunctions,
	action: (ids: number[], itemIndex: number) => Promise<IDataObject>,
	validate?: (itemIndex: number) => void,
	guard?: string,
): Promise<INodeExecutionData[][]> {
	const perItem = ctx.getInputData().length ? (ctx.getNodeParameter('perItem', 0, false) as boolean) : false;
	let refusal: NodeOperationError | undefined;
	return await executeInBatches<BulkItem>(
		ctx,
		(itemIndex) => {
			const ids = idsOfItem(ctx, itemIndex);
			validate?.(itemIndex);
			return guard ? { ids, maxUsers: readMaxUsers(ctx, itemIndex) } : { ids };
		},
		(entries) => {
			refusal = guard ? maxUsersRefusal(ctx, entries, guard) : undefined;
			// A refused run is one batch of every item, so the refusal pairs with all of them.
			if (refusal || !perItem) return [{ itemIndexes: entries.map((entry) => entry.itemIndex), values: entries.map((entry) => entry.value) }];
			return entries.map((entry) => ({ itemIndexes: [entry.itemIndex], values: [entry.value] }));
		},
		async (batch) => {
			if (refusal) throw refusal;
			const ids = uniqueIds(batch.values.flatMap((value) => value.ids));
			const itemIndex = batch.itemIndexes[0];
			// Options › Dry Run: the batch's first item decides for the batch (one request for all of them).
			if (readDryRun(ctx, itemIndex)) {
				const operation = ctx.getNodeParameter('operation', 0) as string;
				return await rehearse(ctx, itemIndex, operation, async () => await action(ids, itemIndex), { ids });
			}
			return await action(ids, itemIndex);
		},
	);
}

/** "Maximum Users" of an item: a whole number of at least 0, also from an expression or as text; anything else is an error naming the item. */
function readMaxUsers(ctx: IExecuteFunctions, itemIndex: number): number {
	return readNumber(ctx, 'maxUsers', itemIndex, { displayName: 'Maximum Users', min: 0, fallback: 100 });
}

/**
 * The guard against a wrong filter upstream: the users of the whole run (all items, duplicates
 * once) against the smallest "Maximum Users" of its items.
 */
function maxUsersRefusal(ctx: IExecuteFunctions, entries: Array<{ itemIndex: number; value: BulkItem }>, verb: string): NodeOperationError | undefined {
	const users = uniqueIds(entries.flatMap((entry) => entry.value.ids)).length;
	const strictest = entries.reduce((a, b) => (b.value.maxUsers! < a.value.maxUsers! ? b : a));
	const max = strictest.value.maxUsers!;
	if (users <= max) return undefined;
	return new NodeOperationError(ctx.getNode(), `Refusing to ${verb} ${users} user${users === 1 ? '' : 's'} in one run: "Maximum Users" is ${max}`, {
		itemIndex: strictest.itemIndex,
		description:
			'Nothing was changed. The limit counts the users of all input items together, also with "One Request per Item". Check the input (a wrong filter upstream selects too many users), or raise "Maximum Users" for this batch.',
	});
}
