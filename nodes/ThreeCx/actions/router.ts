import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/router';
import { executePerItem } from '../../shared/router';
import * as department from './department/Department.resource';
import * as phone from './phone/Phone.resource';
import * as user from './user/User.resource';

type Bulk = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

const PER_ITEM: Record<string, Record<string, ItemOperation>> = {
	user: {
		addToDepartment: user.addToDepartment.execute,
		create: user.create.execute,
		delete: user.delete.execute,
		exportExtensions: user.exportExtensions.execute,
		get: user.get.execute,
		getFirstAvailableNumber: user.getFirstAvailableNumber.execute,
		getForwarding: user.getForwarding.execute,
		getMany: user.getMany.execute,
		regenerate: user.regenerate.execute,
		removeFromDepartment: user.removeFromDepartment.execute,
		sendWelcomeEmail: user.sendWelcomeEmail.execute,
		setForwarding: user.setForwarding.execute,
		update: user.update.execute,
	},
	department: {
		create: department.create.execute,
		delete: department.delete.execute,
		get: department.get.execute,
		getMany: department.getMany.execute,
		getMembers: department.getMembers.execute,
		update: department.update.execute,
	},
	phone: {
		assign: phone.assign.execute,
		getDevices: phone.getDevices.execute,
		getProvisioningLink: phone.getProvisioningLink.execute,
		provisionDevice: phone.provisionDevice.execute,
		reboot: phone.reboot.execute,
		remove: phone.remove.execute,
		reprovision: phone.reprovision.execute,
	},
};

/** Bulk actions send one request for the IDs of all items (unless "One Request per Item"). */
const BULK: Record<string, Record<string, Bulk>> = {
	user: {
		batchDelete: user.batchDelete.executeAll,
		regenerateMany: user.regenerateMany.executeAll,
		reprovisionAllPhones: user.reprovisionAllPhones.executeAll,
		updateMany: user.updateMany.executeAll,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	if (!PER_ITEM[resource]) {
		throw new NodeOperationError(this.getNode(), `The resource "${resource}" is not supported`);
	}
	const bulk = BULK[resource]?.[operation];
	if (bulk) return await bulk.call(this);
	const perItem = PER_ITEM[resource][operation];
	if (!perItem) throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`);
	return await executePerItem.call(this, (itemIndex) => perItem.call(this, itemIndex));
}
