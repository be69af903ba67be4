import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { OperationTable } from '../../shared/router';
import { route } from '../../shared/router';
import * as department from './department/Department.resource';
import type { ThreeCxMap } from './node.type';
import * as phone from './phone/Phone.resource';
import * as user from './user/User.resource';

const operations: OperationTable<ThreeCxMap> = {
	user: {
		addToDepartment: user.addToDepartment,
		batchDelete: user.batchDelete,
		create: user.create,
		delete: user.delete,
		exportExtensions: user.exportExtensions,
		get: user.get,
		getFirstAvailableNumber: user.getFirstAvailableNumber,
		getForwarding: user.getForwarding,
		getMany: user.getMany,
		regenerate: user.regenerate,
		regenerateMany: user.regenerateMany,
		removeFromDepartment: user.removeFromDepartment,
		reprovisionAllPhones: user.reprovisionAllPhones,
		sendWelcomeEmail: user.sendWelcomeEmail,
		setForwarding: user.setForwarding,
		update: user.update,
		updateMany: user.updateMany,
	},
	department: {
		create: department.create,
		delete: department.delete,
		get: department.get,
		getMany: department.getMany,
		getMembers: department.getMembers,
		update: department.update,
	},
	phone: {
		assign: phone.assign,
		getDevices: phone.getDevices,
		getProvisioningLink: phone.getProvisioningLink,
		provisionDevice: phone.provisionDevice,
		reboot: phone.reboot,
		remove: phone.remove,
		reprovision: phone.reprovision,
	},
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await route(this, operations);
}
