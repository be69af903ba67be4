import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { operationTable, route } from '../../shared/router';
import * as extension from './extension/Extension.resource';

const operations = operationTable([extension]);

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(this, operations);
}
