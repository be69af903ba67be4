import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemResult } from '../../shared/router';
import { executePerItem } from '../../shared/router';
import * as phone from './phone/Phone.resource';
import * as user from './user/User.resource';
import * as userBulk from './userBulk/UserBulk.resource';

type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<ItemResult>;

const operations: Record<string, Record<string, Operation>> = {
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
	return await executePerItem.call(this, async (itemIndex) => {
		const resource = this.getNodeParameter('resource', itemIndex) as string;
		const operation = this.getNodeParameter('operation', itemIndex) as string;
		const run = operations[resource]?.[operation];
		if (!run) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`, {
				itemIndex,
			});
		}
		return await run.call(this, itemIndex);
	});
}
