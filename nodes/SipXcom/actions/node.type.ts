/** The sipXcom node's resources and operations; the router's table must list exactly these. */
export type SipXcomMap = {
	user: 'create' | 'delete' | 'get' | 'getMany' | 'update';
	userBulk: 'find' | 'manage';
	phone: 'create' | 'delete' | 'get' | 'getMany' | 'sendProfiles';
};
