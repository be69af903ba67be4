import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { PerItemOperation } from '../../shared/router';
import { routePerItem } from '../../shared/router';
import * as phone from './phone/Phone.resource';
import * as user from './user/User.resource';
import * as userBulk from './userBulk/UserBulk.resource';

const operations: Record<string, Record<string, PerItemOperation>> = {
	user: {
		getMany: user.getMany.execute,
		get: user.get.execute,
		create: user.create.execute,
		update: user.update.execute,
		delete: user.delete.execute,
	},
	userBulk: { find: userBulk.find.execute, manage: userBulk.manage.execute },
	phone: {
		getMany: phone.getMany.execute,
		get: phone.get.execute,
		create: phone.create.execute,
		delete: phone.delete.execute,
		sendProfiles: phone.sendProfiles.execute,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routePerItem.call(this, operations);
}
