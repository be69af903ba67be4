import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { operationTable, route } from '../../shared/router';
import * as user from './user/User.resource';
import * as department from './department/Department.resource';
import * as phone from './phone/Phone.resource';

const operations = operationTable([user, department, phone]);

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(this, operations);
}
