/**
 * The sipXcom sandbox's one store: users, user groups, branches, phones and models as
 * sipXconfig keeps them, the calls the tests check, and the store operations the REST, CXF
 * and SOAP modules share (seeding, adding, the user-name/alias conflict rule, finding a phone).
 */
export const REALM = 'example.org';

export interface SipXcomUser {
	id: number;
	userName: string;
	firstName?: string;
	lastName?: string;
	emailAddress?: string;
	pin: string;
	sipPassword: string;
	groupIds: number[];
	branchId?: number;
	aliases: string[];
	permissions: string[];
}

export interface SipXcomPhoneLine {
	id: number;
	uri: string;
	user: string;
	/** The sipXcom user's id; null for an external line (ManagePhone addExternalLine). */
	userId: number | null;
	extension: string;
	displayName: string;
	password: string;
	registrationServer: string;
}

export interface SipXcomPhone {
	id: number;
	serialNo: string;
	modelId: string;
	description?: string;
	deviceVersion?: string;
	groups: string[];
	lines: SipXcomPhoneLine[];
}

export interface Named {
	id: number;
	name: string;
	description?: string;
}

/** A branch as `/rest/branch` answers it (sipXcom manual §12.3). */
export interface SipXcomBranch extends Named {
	address?: { id?: number; street?: string; city?: string; country?: string; state?: string; zip?: string; officeDesignation?: string };
	phoneNumber?: string;
	faxNumber?: string;
}

export interface SipXcomModel {
	modelId: string;
	label: string;
	vendor: string | null;
	versions: string[];
}

export interface SipXcomState {
	users: Map<number, SipXcomUser>;
	groups: Map<number, Named>;
	branches: Map<number, SipXcomBranch>;
	phones: Map<number, SipXcomPhone>;
	models: SipXcomModel[];
	nextUserId: number;
	nextGroupId: number;
	nextPhoneId: number;
	nextBranchId: number;
	/** Id of the next phone line the SOAP PhoneService adds. */
	nextLineId: number;
	/** Every sendProfile call, in order. */
	profilesSent: Array<{ serialNo: string; restart: boolean }>;
}

export interface SipXcomSandboxOptions {
	/** Serve HTTPS with the committed self-signed test certificate (dev/sandbox/tls). */
	tls?: boolean;
	/** Users to seed (default 5). */
	users?: number;
	/** Phones to seed (default 3). */
	phones?: number;
	/** Branches instead of the default hq and berlin (ids from 1 in this order). */
	branches?: Array<Omit<SipXcomBranch, 'id'>>;
	/** User groups instead of the default sales and support. */
	userGroups?: string[];
	/** Phone models in addition to the default three (e.g. the manual's polycom321). */
	models?: SipXcomModel[];
}

const FIRST = ['John', 'Jane', 'Ana', 'Björn', 'Chloé', 'Dmitri', 'Eva', 'Farid', 'Grace', 'Hiro'];
const LAST = ['Doe', 'Roe', 'Silva', 'Løvik', 'Dubois', 'Ivanov', 'Novak', 'Haddad', 'Hopper', 'Tanaka'];

/** The store as the options describe it: branches, user groups, models, then seeded users and phones. */
export function createState(options: SipXcomSandboxOptions): SipXcomState {
	const state: SipXcomState = {
		users: new Map(),
		groups: new Map(),
		branches: new Map(),
		phones: new Map(),
		models: [
			{ modelId: 'acmePhoneStandard', label: 'Acme', vendor: null, versions: ['acmePhone1', 'acmePhone2'] },
			{ modelId: 'polycomVVX400', label: 'Polycom VVX 400', vendor: 'Polycom', versions: ['polycom4.1.X', 'polycom5.0.X'] },
			{ modelId: 'yealinkPhoneT46G', label: 'Yealink T46G', vendor: 'Yealink', versions: ['yealink7X'] },
		],
		nextUserId: 1,
		nextGroupId: 1,
		nextPhoneId: 1,
		nextBranchId: 1,
		nextLineId: 1000,
		profilesSent: [],
	};
	populate(state, options);
	return state;
}

/** Back to the state `createState(options)` made. */
export function resetState(state: SipXcomState, options: SipXcomSandboxOptions): void {
	Object.assign(state, createState(options));
}

function populate(state: SipXcomState, options: SipXcomSandboxOptions): void {
	state.models.push(...(options.models ?? []));
	for (const branch of options.branches ?? [{ name: 'hq', description: 'Head office' }, { name: 'berlin', description: 'Berlin & Brandenburg' }]) {
		addBranch(state, branch);
	}
	if (options.userGroups) for (const name of options.userGroups) addGroup(state, name);
	else {
		addGroup(state, 'sales', 'Sales team');
		addGroup(state, 'support');
	}
	seedUsers(state, options.users ?? 5);
	seedPhones(state, options.phones ?? 3);
}

export const addGroup = (state: SipXcomState, name: string, description?: string): Named => {
	const existing = [...state.groups.values()].find((g) => g.name === name);
	if (existing) return existing;
	const group = { id: state.nextGroupId++, name, ...(description ? { description } : {}) };
	state.groups.set(group.id, group);
	return group;
};

export const addBranch = (state: SipXcomState, branch: Omit<SipXcomBranch, 'id'>): SipXcomBranch => {
	const id = state.nextBranchId++;
	const created = { id, ...branch, ...(branch.address ? { address: { id, ...branch.address } } : {}) };
	state.branches.set(id, created);
	return created;
};

/** Deterministic users 200, 201, …: groups, branch and aliases vary by index. */
export const seedUsers = (state: SipXcomState, count: number) => {
	const created: SipXcomUser[] = [];
	for (let n = 0; n < count; n++) {
		const id = state.nextUserId++;
		const user: SipXcomUser = {
			id,
			userName: String(200 + id - 1),
			firstName: FIRST[n % FIRST.length],
			lastName: LAST[(n * 3) % LAST.length],
			emailAddress: n % 4 === 3 ? undefined : `user${200 + id - 1}@example.org`,
			pin: '1234',
			sipPassword: `sip-secret-${id}`,
			groupIds: n % 3 === 0 ? [1] : n % 3 === 1 ? [1, 2] : [],
			branchId: n % 2 === 0 ? 1 : undefined,
			aliases: n % 2 === 0 ? [String(2000 + id - 1)] : [],
			permissions: ['Voicemail'],
		};
		state.users.set(id, user);
		created.push(user);
	}
	return created;
};

export const seedPhones = (state: SipXcomState, count: number) => {
	const created: SipXcomPhone[] = [];
	for (let n = 0; n < count; n++) {
		const id = state.nextPhoneId++;
		const owner = state.users.get(n + 1);
		const phone: SipXcomPhone = {
			id,
			serialNo: `0004f2ae${(0x4838 + id - 1).toString(16).padStart(4, '0')}`,
			modelId: state.models[n % state.models.length].modelId,
			description: `Desk phone ${id}`,
			deviceVersion: state.models[n % state.models.length].versions[0],
			groups: [],
			lines: owner
				? [
						{
							id,
							uri: `sip:${owner.userName}@${REALM}`,
							user: owner.userName,
							userId: owner.id,
							extension: owner.userName,
							displayName: `${owner.firstName ?? ''} ${owner.lastName ?? ''}`.trim(),
							password: owner.sipPassword,
							registrationServer: REALM,
						},
					]
				: [],
		};
		state.phones.set(id, phone);
		created.push(phone);
	}
	return created;
};

/** Adds one user, e.g. one a documented example names. */
export const addUser = (state: SipXcomState, fields: Partial<Omit<SipXcomUser, 'id'>> & { userName: string }): SipXcomUser => {
	const id = state.nextUserId++;
	const user: SipXcomUser = { pin: '1234', sipPassword: `sip-secret-${id}`, groupIds: [], aliases: [], permissions: [], ...fields, id };
	state.users.set(id, user);
	return user;
};

/** Adds one phone, e.g. one a documented example names. */
export const addPhone = (state: SipXcomState, fields: Partial<Omit<SipXcomPhone, 'id'>> & { serialNo: string; modelId: string }): SipXcomPhone => {
	const id = state.nextPhoneId++;
	const phone: SipXcomPhone = { groups: [], lines: [], ...fields, id };
	state.phones.set(id, phone);
	return phone;
};

/** sipXconfig refuses a user name or alias that another user already has as either. */
export const conflict = (state: SipXcomState, names: string[], exceptId?: number): string | undefined => {
	for (const other of state.users.values()) {
		if (other.id === exceptId) continue;
		const taken = new Set([other.userName, ...other.aliases]);
		const clash = names.find((n) => taken.has(n));
		if (clash) return clash;
	}
	return undefined;
};

/** A phone by id or serial number (MAC). */
export const findPhone = (state: SipXcomState, ref: string) =>
	[...state.phones.values()].find((p) => String(p.id) === ref || p.serialNo === ref.toLowerCase());

export const named = (id: number | undefined, from: Map<number, Named>) => (id === undefined ? undefined : from.get(id));
