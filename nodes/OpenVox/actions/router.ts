import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemResult } from '../../shared/router';
import { executePerItem } from '../../shared/router';
import * as extension from './extension/Extension.resource';

type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<ItemResult>;

const operations: Record<string, Record<string, Operation>> = {
	extension: {
		create: extension.create.execute,
		delete: extension.delete.execute,
		get: extension.get.execute,
		getMany: extension.getMany.execute,
		update: extension.update.execute,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
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
