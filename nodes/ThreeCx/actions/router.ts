import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { operationTable, route } from '../../shared/router';
import * as user from './user/User.resource';
import * as department from './department/Department.resource';
import * as phone from './phone/Phone.resource';
import * as queue from './queue/Queue.resource';
import * as ringGroup from './ringGroup/RingGroup.resource';
import * as system from './system/System.resource';

const operations = operationTable([user, department, phone, queue, ringGroup, system]);

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(this, operations);
}
