import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationTable } from '../../shared/router';
import { route } from '../../shared/router';
import type { SipXcomMap } from './node.type';
import * as phone from './phone/Phone.resource';
import * as user from './user/User.resource';
import * as userBulk from './userBulk/UserBulk.resource';

const operations: OperationTable<SipXcomMap> = {
	user: {
		create: user.create,
		delete: user.delete,
		get: user.get,
		getMany: user.getMany,
		update: user.update,
	},
	userBulk: { find: userBulk.find, manage: userBulk.manage },
	phone: {
		create: phone.create,
		delete: phone.delete,
		get: phone.get,
		getMany: phone.getMany,
		sendProfiles: phone.sendProfiles,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(this, operations);
}
