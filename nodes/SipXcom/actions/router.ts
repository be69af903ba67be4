import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { operationTable, route } from '../../shared/router';
import * as user from './user/User.resource';
import * as userBulk from './userBulk/UserBulk.resource';
import * as phone from './phone/Phone.resource';

const operations = operationTable([user, userBulk, phone]);

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(this, operations);
}
