import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationTable } from '../../shared/router';
import { route } from '../../shared/router';
import * as extension from './extension/Extension.resource';
import type { OpenVoxMap } from './node.type';

const operations: OperationTable<OpenVoxMap> = {
	extension: {
		create: extension.create,
		delete: extension.delete,
		get: extension.get,
		getMany: extension.getMany,
		update: extension.update,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(this, operations);
}
