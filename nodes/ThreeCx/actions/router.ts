import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/router';
import { executePerItem } from '../../shared/router';
import * as user from './user/User.resource';

type Bulk = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

const PER_ITEM: Record<string, ItemOperation> = {
	create: user.create.execute,
	delete: user.delete.execute,
	exportExtensions: user.exportExtensions.execute,
	get: user.get.execute,
	getMany: user.getMany.execute,
	update: user.update.execute,
};

/** Bulk actions send one request for the IDs of all items (unless "One Request per Item"). */
const BULK: Record<string, Bulk> = {
	batchDelete: user.batchDelete.executeAll,
	reprovisionAllPhones: user.reprovisionAllPhones.executeAll,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	if (resource !== 'user') {
		throw new NodeOperationError(this.getNode(), `The resource "${resource}" is not supported`);
	}
	const bulk = BULK[operation];
	if (bulk) return await bulk.call(this);
	const perItem = PER_ITEM[operation];
	if (!perItem) throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`);
	return await executePerItem.call(this, (itemIndex) => perItem.call(this, itemIndex));
}
