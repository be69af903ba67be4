import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeInBatches } from '../../shared/router';
import { idsOfItem, uniqueIds } from './ids';

/**
 * Runs a bulk action (Reprovision All Phones, Batch Delete) either once for the IDs of all
 * items (default) or once per item ("One Request per Item"). Every item's IDs are validated
 * before the first request.
 */
export async function runBulk(
	ctx: IExecuteFunctions,
	action: (ids: number[], itemIndex: number) => Promise<IDataObject>,
): Promise<INodeExecutionData[][]> {
	const perItem = ctx.getInputData().length ? (ctx.getNodeParameter('perItem', 0, false) as boolean) : false;
	return await executeInBatches(
		ctx,
		(itemIndex) => idsOfItem(ctx, itemIndex),
		(entries) =>
			perItem
				? entries.map((entry) => ({ itemIndexes: [entry.itemIndex], values: [entry.value] }))
				: [{ itemIndexes: entries.map((entry) => entry.itemIndex), values: entries.map((entry) => entry.value) }],
		async (batch) => await action(uniqueIds(batch.values.flat()), batch.itemIndexes[0]),
	);
}
