/** The 3CX node's resources and operations; the router's table must list exactly these. */
export type ThreeCxMap = {
	user:
		| 'addToDepartment'
		| 'batchDelete'
		| 'create'
		| 'delete'
		| 'exportExtensions'
		| 'get'
		| 'getFirstAvailableNumber'
		| 'getForwarding'
		| 'getMany'
		| 'regenerate'
		| 'regenerateMany'
		| 'removeFromDepartment'
		| 'reprovisionAllPhones'
		| 'sendWelcomeEmail'
		| 'setForwarding'
		| 'update'
		| 'updateMany';
	department: 'create' | 'delete' | 'get' | 'getMany' | 'getMembers' | 'update';
	phone: 'assign' | 'getDevices' | 'getProvisioningLink' | 'provisionDevice' | 'reboot' | 'remove' | 'reprovision';
};
