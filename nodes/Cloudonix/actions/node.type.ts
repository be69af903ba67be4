/** The Cloudonix node's resources and operations; the router's table must list exactly these. */
export type CloudonixMap = {
	subscriber: 'activate' | 'create' | 'deactivate' | 'delete' | 'get' | 'getAll' | 'update' | 'upsert';
};
