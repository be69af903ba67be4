import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { PerItemOperation } from '../../shared/router';
import { routePerItem } from '../../shared/router';
import * as extension from './extension/Extension.resource';

const operations: Record<string, Record<string, PerItemOperation>> = {
	extension: {
		create: extension.create.execute,
		delete: extension.delete.execute,
		get: extension.get.execute,
		getMany: extension.getMany.execute,
		update: extension.update.execute,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routePerItem.call(this, operations);
}
