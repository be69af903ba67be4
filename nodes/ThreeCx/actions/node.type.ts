/** The 3CX node's resources and operations; the router's table must list exactly these. */
export type ThreeCxMap = {
	user:
		| 'batchDelete'
		| 'create'
		| 'delete'
		| 'exportExtensions'
		| 'get'
		| 'getMany'
		| 'reprovisionAllPhones'
		| 'update';
};
