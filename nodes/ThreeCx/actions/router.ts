import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationTable } from '../../shared/router';
import { route } from '../../shared/router';
import type { ThreeCxMap } from './node.type';
import * as user from './user/User.resource';

const operations: OperationTable<ThreeCxMap> = {
	user: {
		batchDelete: user.batchDelete,
		create: user.create,
		delete: user.delete,
		exportExtensions: user.exportExtensions,
		get: user.get,
		getMany: user.getMany,
		reprovisionAllPhones: user.reprovisionAllPhones,
		update: user.update,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(this, operations);
}
