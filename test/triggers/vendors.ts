/**
 * One adapter per change trigger: its sandbox, credential and the PBX-side changes the
 * engine tests make between polls (create, change a watched field, change an unwatched one,
 * delete, add one outside the filter, make the list read fail).
 */
import type { IDataObject } from 'n8n-workflow';

import { CredentialStore } from '../../dev/harness/credentials';
import type { WorkflowJson } from '../../dev/harness/engine';
import { PollRunner } from '../../dev/harness/poll';
import { pkg } from '../../dev/harness/workflow';
import { createCloudonixSandbox } from '../../dev/sandbox/cloudonix';
import type { SandboxServer } from '../../dev/sandbox/core';
import { createOpenVoxSandbox, seedExtension } from '../../dev/sandbox/openvox';
import { createSipXcomSandbox } from '../../dev/sandbox/sipxcom';
import { createThreeCxSandbox } from '../../dev/sandbox/threecx';

export const TRIGGER = 'Change Trigger';

export interface VendorAdapter {
	vendor: string;
	nodeType: string;
	credentialType: string;
	source: string;
	server: SandboxServer;
	/** The sandbox holds exactly `count` extensions, numbered from a vendor-typical start. */
	reset(count: number): void;
	credentials(): IDataObject;
	/** Extension numbers currently on the PBX (matching no filter), sorted. */
	numbers(): string[];
	/** Adds one extension inside the filter and returns its number. */
	create(): string;
	/** The watched field (by default) that changeWatched() changes, as named in the normalised shape. */
	watchedField: string;
	changeWatched(number: string): void;
	/** Changes something that is not watched by default (registration status, a password …). */
	changeUnwatched(number: string): void;
	/** The normalised field changeUnwatched() changes; undefined when it is not in the normalised shape (a secret). */
	unwatchedField?: string;
	remove(number: string): void;
	/** Filters parameter that leaves out what createOutsideFilter() adds. */
	filter: IDataObject;
	createOutsideFilter(): string;
	/** The path the list read goes to (for fault injection). */
	listPath: string;
	/** Moves an extension created by create() out of the filter (another department, branch, type). */
	moveOutsideFilter(number: string): void;
	/** Paged vendors: the path of the direct read of one record by id that confirms a deletion (`id` may be a pattern). */
	recordPath?(id: string): RegExp;
	/** Paged vendors: the HTTP status of the vendor's "not found" for that read. */
	notFoundStatus?: number;
	/** Gives an extension another number, keeping its id (vendors that allow it). */
	renumber?(number: string, to: string): void;
	/** The vendor's id of the extension with this number. */
	idOf(number: string): string;
}

function threeCx(): VendorAdapter {
	const sandbox = createThreeCxSandbox();
	let next = 900;
	const byNumber = (number: string) => [...sandbox.state.users.values()].find((user) => user.Number === number)!;
	return {
		vendor: '3CX',
		nodeType: pkg('threeCxTrigger'),
		credentialType: 'threeCxApi',
		source: '3cx',
		server: sandbox.server,
		reset: (count) => {
			sandbox.reset();
			sandbox.seedUsers(count);
			next = 900;
		},
		credentials: () => ({ ...sandbox.credentials(), accessToken: '' }),
		numbers: () => [...sandbox.state.users.values()].map((user) => user.Number).sort(),
		create: () => {
			const [user] = sandbox.seedUsers(1, next++);
			// seedUsers spreads users over departments; the filter tests use Sales (2).
			user.Groups = [{ Id: 99000 + user.Id, GroupId: 2, Name: 'Sales', Number: 'GRP0001', Rights: { RoleName: 'users' } }];
			return user.Number;
		},
		watchedField: 'email',
		changeWatched: (number) => {
			byNumber(number).EmailAddress = `changed.${number}@example.com`;
		},
		changeUnwatched: (number) => {
			const user = byNumber(number);
			user.IsRegistered = !user.IsRegistered;
		},
		unwatchedField: 'status',
		remove: (number) => {
			sandbox.state.users.delete(byNumber(number).Id);
		},
		filter: { groupId: 2 },
		createOutsideFilter: () => {
			const [user] = sandbox.seedUsers(1, next++);
			user.Groups = [{ Id: 98000 + user.Id, GroupId: 3, Name: 'Support', Number: 'GRP0002', Rights: { RoleName: 'users' } }];
			return user.Number;
		},
		listPath: '/xapi/v1/Users',
		moveOutsideFilter: (number) => {
			const user = byNumber(number);
			user.Groups = [{ Id: 97000 + user.Id, GroupId: 3, Name: 'Support', Number: 'GRP0002', Rights: { RoleName: 'users' } }];
		},
		recordPath: (id) => new RegExp(`^/xapi/v1/Users\\(${id}\\)$`),
		notFoundStatus: 404,
		idOf: (number) => String(byNumber(number).Id),
	};
}

function cloudonix(): VendorAdapter {
	const sandbox = createCloudonixSandbox({ rateLimit: 1000 });
	let next = 1900;
	const byNumber = (number: string) => sandbox.byMsisdn(number)!;
	return {
		vendor: 'Cloudonix',
		nodeType: pkg('cloudonixTrigger'),
		credentialType: 'cloudonixApi',
		source: 'cloudonix',
		server: sandbox.server,
		reset: (count) => {
			sandbox.reset();
			sandbox.seed(count, 1000, 1000);
			next = 1900;
		},
		credentials: () => sandbox.credentials(),
		numbers: () => sandbox.list().map((sub) => sub.msisdn).sort(),
		create: () => {
			const msisdn = String(next++);
			sandbox.add(msisdn, 'New-Subscriber-Pw1', { displayName: `New ${msisdn}` });
			return msisdn;
		},
		watchedField: 'name',
		changeWatched: (number) => {
			byNumber(number).profile.displayName = `Renamed ${number}`;
		},
		changeUnwatched: (number) => {
			byNumber(number).sipPassword = 'Rotated-Password-9';
		},
		remove: (number) => {
			sandbox.state.subscribers.delete(byNumber(number).id);
		},
		// DIDs (long MSISDNs) are left out, as in the nightly sync.
		filter: { maxMsisdnLength: 4 },
		createOutsideFilter: () => {
			const did = `1555000${next++}`;
			sandbox.add(did, 'Did-Password-123', {});
			return did;
		},
		listPath: '/subscribers',
		moveOutsideFilter: (number) => {
			byNumber(number).msisdn = `1555000${number}`;
		},
		renumber: (number, to) => {
			byNumber(number).msisdn = to;
		},
		idOf: (number) => String(byNumber(number).id),
	};
}

function sipXcom(): VendorAdapter {
	const sandbox = createSipXcomSandbox({ users: 0, phones: 0 });
	const byNumber = (number: string) => [...sandbox.state.users.values()].find((user) => user.userName === number)!;
	const add = (branchId: number | undefined) => {
		const [user] = sandbox.seedUsers(1);
		user.branchId = branchId;
		return user.userName;
	};
	return {
		vendor: 'sipXcom',
		nodeType: pkg('sipXcomTrigger'),
		credentialType: 'sipXcomApi',
		source: 'sipxcom',
		server: sandbox.server,
		reset: (count) => {
			sandbox.state.users.clear();
			sandbox.state.phones.clear();
			sandbox.state.nextUserId = 1;
			for (const user of sandbox.seedUsers(count)) user.branchId = 1;
		},
		credentials: () => sandbox.credentials(),
		numbers: () => [...sandbox.state.users.values()].map((user) => user.userName).sort(),
		create: () => add(1),
		watchedField: 'email',
		changeWatched: (number) => {
			byNumber(number).emailAddress = `changed${number}@example.org`;
		},
		changeUnwatched: (number) => {
			byNumber(number).pin = '9876';
		},
		remove: (number) => {
			sandbox.state.users.delete(byNumber(number).id);
		},
		filter: { branch: 1 },
		createOutsideFilter: () => add(2),
		listPath: '/sipxconfig/rest/user',
		moveOutsideFilter: (number) => {
			byNumber(number).branchId = 2;
		},
		recordPath: (id) => new RegExp(`^/sipxconfig/rest/user/${id}$`),
		notFoundStatus: 400,
		renumber: (number, to) => {
			byNumber(number).userName = to;
		},
		idOf: (number) => String(byNumber(number).id),
	};
}

function openVox(): VendorAdapter {
	const sandbox = createOpenVoxSandbox();
	let next = 0;
	const add = (type: string) => {
		const record = seedExtension(900 + next++, 1000);
		record.type = type;
		sandbox.state.extensions.set(String(record.extnumber), record);
		return String(record.extnumber);
	};
	return {
		vendor: 'OpenVox',
		nodeType: pkg('openVoxTrigger'),
		credentialType: 'openVoxApi',
		source: 'openvox',
		server: sandbox.server,
		reset: (count) => {
			sandbox.reset();
			sandbox.seed(count);
			next = 0;
		},
		credentials: () => sandbox.credentials(),
		numbers: () => [...sandbox.state.extensions.keys()].sort(),
		create: () => add('pjsip'),
		watchedField: 'name',
		changeWatched: (number) => {
			sandbox.state.extensions.get(number)!.username = `Renamed ${number}`;
		},
		changeUnwatched: (number) => {
			const record = sandbox.state.extensions.get(number)!;
			record.status = record.status === 'Busy' ? 'Idle' : 'Busy';
		},
		unwatchedField: 'status',
		remove: (number) => {
			sandbox.state.extensions.delete(number);
		},
		filter: { type: 'pjsip' },
		createOutsideFilter: () => add('fxs'),
		listPath: 'extensionlist/query',
		moveOutsideFilter: (number) => {
			sandbox.state.extensions.get(number)!.type = 'fxs';
		},
		idOf: (number) => number,
	};
}

export const ADAPTERS: Array<() => VendorAdapter> = [threeCx, cloudonix, sipXcom, openVox];

/** A workflow with only the trigger, as the engine tests poll it. */
export function triggerWorkflow(adapter: VendorAdapter, store: CredentialStore, parameters: IDataObject = {}): WorkflowJson {
	const credential = store.add(adapter.credentialType, adapter.credentials() as never, `${adapter.vendor} account`);
	return {
		nodes: [
			{
				id: 'trigger',
				name: TRIGGER,
				type: adapter.nodeType,
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...parameters } as never,
				credentials: { [adapter.credentialType]: credential },
			},
		],
		connections: {},
	};
}

/** A poll runner for the trigger with its own credential store. */
export function triggerRunner(adapter: VendorAdapter, parameters: IDataObject = {}): PollRunner {
	const store = new CredentialStore();
	return new PollRunner(triggerWorkflow(adapter, store, parameters), store);
}
