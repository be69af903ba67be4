import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { NodeOperationError } from 'n8n-workflow';

import { executeInBatches } from '../../shared/router';
import { idsOfItem, uniqueIds } from './ids';

/**
 * Runs a bulk action (Reprovision All Phones, Batch Delete, Regenerate Credentials for Many,
 * Update Many) either once for the IDs of all items (default) or once per item ("One Request
 * per Item"). Every item's IDs, and what `validate` checks, are validated before the first
 * request.
 */
export async function runBulk(
	ctx: IExecuteFunctions,
	action: (ids: number[], itemIndex: number) => Promise<IDataObject>,
	validate?: (itemIndex: number) => void,
): Promise<INodeExecutionData[][]> {
	const perItem = ctx.getInputData().length ? (ctx.getNodeParameter('perItem', 0, false) as boolean) : false;
	return await executeInBatches(
		ctx,
		(itemIndex) => {
			const ids = idsOfItem(ctx, itemIndex);
			validate?.(itemIndex);
			return ids;
		},
		(entries) =>
			perItem
				? entries.map((entry) => ({ itemIndexes: [entry.itemIndex], values: [entry.value] }))
				: [{ itemIndexes: entries.map((entry) => entry.itemIndex), values: entries.map((entry) => entry.value) }],
		async (batch) => await action(uniqueIds(batch.values.flat()), batch.itemIndexes[0]),
	);
}

/** Refuses a batch larger than "Maximum Users" before its request (a guard against a wrong filter upstream). */
export function checkMaxUsers(ctx: IExecuteFunctions, ids: number[], itemIndex: number, verb: string): void {
	const max = ctx.getNodeParameter('maxUsers', itemIndex, 100) as number;
	if (ids.length > max) {
		throw new NodeOperationError(ctx.getNode(), `Refusing to ${verb} ${ids.length} users in one run: "Maximum Users" is ${max}`, {
			itemIndex,
			description: 'Nothing was changed. Check the input (a wrong filter upstream selects too many users), or raise "Maximum Users" for this batch.',
		});
	}
}
