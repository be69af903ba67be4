/** The OpenVox node's resources and operations; the router's table must list exactly these. */
export type OpenVoxMap = {
	extension: 'create' | 'delete' | 'get' | 'getMany' | 'update';
};
