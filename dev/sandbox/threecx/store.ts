/**
 * The 3CX sandbox's one store: the record types, the options, the state every entity module
 * reads and writes, and the factory defaults `reset()` returns to.
 */
import type { SandboxOptions } from '../core';

export interface ThreeCxUser {
	Id: number;
	Number: string;
	FirstName: string;
	LastName: string;
	DisplayName?: string;
	EmailAddress: string;
	Mobile: string;
	OutboundCallerID: string;
	Enabled: boolean;
	IsRegistered: boolean;
	Require2FA: boolean;
	HideInPhonebook: boolean;
	VMEnabled: boolean;
	Language: string;
	PrimaryGroupId: number | null;
	AuthID: string;
	AuthPassword: string;
	AccessPassword: string;
	VMPIN: string;
	Groups: Array<{ Id: number; GroupId: number; Name: string; Number: string; Rights: { RoleName: string } }>;
	Phones: ThreeCxPhone[];
	ForwardingProfiles: ThreeCxForwardingProfile[];
	[key: string]: unknown;
}

export interface ThreeCxGroup {
	Id: number;
	Name: string;
	Number: string;
	IsDefault: boolean;
	Language: string;
	TimeZoneId: string;
	[key: string]: unknown;
}

/**
 * A member row of a queue (Pbx.QueueAgent, Pbx.QueueManager) or a ring group
 * (Pbx.RingGroupMember): the member's extension number, its Id and name as they were when it was
 * added (a row outlives its user), and a queue agent's skill group.
 */
export interface ThreeCxMember {
	Id: number;
	Number: string;
	Name: string;
	SkillGroup?: string | null;
}

/** Pbx.Queue: a call queue; its agents and managers are member rows. */
export interface ThreeCxQueue {
	Id: number;
	Number: string;
	Name: string;
	Agents: ThreeCxMember[];
	Managers: ThreeCxMember[];
	[key: string]: unknown;
}

/** Pbx.RingGroup: a ring group; its members are member rows. */
export interface ThreeCxRingGroup {
	Id: number;
	Number: string;
	Name: string;
	Members: ThreeCxMember[];
	[key: string]: unknown;
}

/** Pbx.Phone: a desk phone assigned to a user. */
export interface ThreeCxPhone {
	Id: number;
	MacAddress: string;
	Name: string;
	TemplateName: string;
	Interface: string | null;
	ProvisioningLinkExt: string;
	ProvisioningLinkLocal: string;
	/** Pbx.PhoneSettings (the part the sandbox keeps): Secret is the phone's own secret. */
	Settings?: { Secret: string; RingTone: string };
}

/** Pbx.Destination: where a forwarding rule sends the call. */
export interface ThreeCxDestination {
	To: string;
	Number?: string | null;
	External?: string | null;
	Name?: string | null;
}

/** Pbx.ForwardingProfile with Pbx.AvailableRouting and Pbx.AwayRouting. */
export interface ThreeCxForwardingProfile {
	Id: number;
	Name: string;
	CustomName: string | null;
	NoAnswerTimeout: number;
	AcceptMultipleCalls: boolean;
	RingMyMobile: boolean;
	AvailableRoute: Record<string, unknown>;
	AwayRoute: Record<string, unknown>;
	[key: string]: unknown;
}

/** Pbx.DeviceInfo: a phone the PBX discovered on the network (not yet or already assigned). */
export interface ThreeCxDeviceInfo {
	Id: number;
	MAC: string;
	Model: string;
	Vendor: string;
	UserAgent: string;
	FirmwareVersion: string;
	NetworkAddress: string;
	TemplateName: string;
	Assigned: boolean;
	AssignedUser: string | null;
	DetectedAt: string;
	ViaSBC: boolean;
	[key: string]: unknown;
}

/** Pbx.PhoneTemplate (the properties the sandbox keeps). */
export interface ThreeCxPhoneTemplate {
	Id: string;
	IsCustom: boolean;
	AddAllowed: boolean;
	TemplateType: string;
	URL: string;
	Models: Array<{ Id: string; DisplayName: string }>;
}

/** Names of the five forwarding profiles every V20 user has ("statuses" in the clients). */
export const FORWARDING_PROFILE_NAMES = ['Available', 'Away', 'Out of office', 'Custom 1', 'Custom 2'];

export interface ThreeCxSandboxOptions extends SandboxOptions {
	clientId?: string;
	clientSecret?: string;
	/** Real token lifetime in seconds (default 3600). */
	tokenLifetimeSeconds?: number;
	/** Unit of `expires_in`: seconds since 20.0.9, minutes before (default 'seconds'). */
	expiresInUnit?: 'seconds' | 'minutes';
	/** Format of Export Extensions: live PBXs send CSV, the swagger says JSON (default 'csv'). */
	exportFormat?: 'csv' | 'json';
	version?: string;
	/** The licence edition Defs/Pbx.GetSystemParameters() reports (default 'Enterprise', which XAPI needs). */
	edition?: 'Enterprise' | 'Professional';
	/** Rows /Users returns when no $top is given (undefined = all; live behaviour is undocumented). */
	defaultPageSize?: number;
}

export interface ThreeCxState {
	users: Map<number, ThreeCxUser>;
	groups: ThreeCxGroup[];
	queues: ThreeCxQueue[];
	ringGroups: ThreeCxRingGroup[];
	nextId: number;
	nextQueueId: number;
	nextRingGroupId: number;
	/** The one active token per client ID, with its expiry (ms since epoch). */
	tokens: Map<string, { token: string; expiresAt: number }>;
	tokensIssued: number;
	/** Bodies received by Pbx.ReprovisionAllPhones. */
	reprovisionCalls: number[][];
	/** Bodies received by Pbx.BatchDelete. */
	batchDeleteCalls: number[][];
	nextGroupId: number;
	nextPhoneId: number;
	/** User IDs a welcome e-mail went to (Pbx.SendWelcomeEmail, or Regenerate with SendWelcomeEmail). */
	welcomeEmails: number[];
	/** Pbx.Regenerate (one ID) and Pbx.RegeneratePasswords calls. */
	regenerateCalls: Array<{ ids: number[]; opts: Record<string, boolean> }>;
	/** Pbx.MultiUserUpdate calls. */
	multiUserUpdateCalls: Array<{ ids: number[]; user: Record<string, unknown> }>;
	/** Pbx.ReprovisionPhone and Pbx.RebootPhone calls, with the MAC as sent. */
	phoneActions: Array<{ action: 'reprovision' | 'reboot'; mac: string }>;
	/** DeviceInfos({Id})/Pbx.Provision calls. */
	provisionCalls: Array<{ deviceId: number; userId: number; reprovision: boolean }>;
	templates: ThreeCxPhoneTemplate[];
	devices: ThreeCxDeviceInfo[];
	/** The secret part of each user's provisioning link (changes with Regenerate ConfigurationLink). */
	provisioningSecrets: Map<number, string>;
	/** Counter that makes regenerated credentials differ from each other (and stay deterministic). */
	regenerations: number;
	/** Extension numbers the PBX refuses to delete (e.g. the system owner). */
	undeletable: Set<string>;
	/** What GET /SipDevices lists (Pbx.SipDevice rows; empty unless a test adds some). */
	sipDevices: Array<Record<string, unknown>>;
	/** Reject every API token, as a client without XAPI access would see. */
	rejectAllTokens: boolean;
	/** Expire all tokens after this many more authorised API requests. */
	expireAfterRequests?: number;
	options: Required<Omit<ThreeCxSandboxOptions, 'tls' | 'defaultPageSize'>> & { defaultPageSize?: number };
}

export function defaultGroups(): ThreeCxGroup[] {
	const group = (Id: number, Name: string, IsDefault = false): ThreeCxGroup => ({
		Id,
		Name,
		Number: `GRP${String(Id - 1).padStart(4, '0')}`,
		IsDefault,
		Language: 'EN',
		TimeZoneId: '51',
		GloballyVisible: false,
		AllowCallService: true,
		PromptSet: '',
		MusicOnHold: '',
	});
	return [group(1, 'DEFAULT', true), group(2, 'Sales'), group(3, 'Support'), group(4, 'Ops & Field')];
}

function defaultTemplates(): ThreeCxPhoneTemplate[] {
	const template = (Id: string, models: string[]): ThreeCxPhoneTemplate => ({
		Id,
		IsCustom: false,
		AddAllowed: true,
		TemplateType: 'Phone',
		URL: '',
		Models: models.map((m) => ({ Id: m, DisplayName: m })),
	});
	return [
		template('fanvil.ph.xml', ['X4U', 'X6U']),
		template('snomD7xx.ph.xml', ['D735', 'D785']),
		template('yealinkT4x.ph.xml', ['T46U', 'T48U']),
	];
}

function defaultDevices(): ThreeCxDeviceInfo[] {
	const device = (Id: number, MAC: string, Vendor: string, Model: string, TemplateName: string, NetworkAddress: string): ThreeCxDeviceInfo => ({
		Id,
		MAC,
		Model,
		Vendor,
		UserAgent: `${Vendor} ${Model} 1.0.${Id}`,
		FirmwareVersion: `1.0.${Id}`,
		NetworkAddress,
		TemplateName,
		Assigned: false,
		AssignedUser: null,
		DetectedAt: '2026-11-30T08:00:00Z',
		ViaSBC: false,
	});
	return [
		device(1, '805ec0a1b2c1', 'Yealink', 'T46U', 'yealinkT4x.ph.xml', '192.0.2.21'),
		device(2, '805ec0a1b2c2', 'Yealink', 'T48U', 'yealinkT4x.ph.xml', '192.0.2.22'),
		device(3, '000413c0ffee', 'Snom', 'D785', 'snomD7xx.ph.xml', '192.0.2.23'),
	];
}

/** Users in Id order, as the PBX lists them. */
export const allUsers = (state: ThreeCxState) => [...state.users.values()].sort((a, b) => a.Id - b.Id);

/** Whether a DN (a user, a queue or a ring group) has this number: they share one numbering plan. */
export const numberInUse = (state: ThreeCxState, number: string): boolean =>
	[...state.users.values(), ...state.queues, ...state.ringGroups].some((dn) => dn.Number === number);

/** The lowest number from `start` up that no DN has. */
export function firstFreeNumber(state: ThreeCxState, start: number): string {
	let candidate = start;
	while (numberInUse(state, String(candidate))) candidate++;
	return String(candidate);
}

export function createState(options: ThreeCxSandboxOptions): ThreeCxState {
	return {
		users: new Map(),
		groups: defaultGroups(),
		queues: [],
		ringGroups: [],
		nextId: 1,
		nextQueueId: 1,
		nextRingGroupId: 1,
		tokens: new Map(),
		tokensIssued: 0,
		reprovisionCalls: [],
		batchDeleteCalls: [],
		nextGroupId: 5,
		nextPhoneId: 1,
		welcomeEmails: [],
		regenerateCalls: [],
		multiUserUpdateCalls: [],
		phoneActions: [],
		provisionCalls: [],
		templates: defaultTemplates(),
		devices: defaultDevices(),
		provisioningSecrets: new Map(),
		regenerations: 0,
		undeletable: new Set(),
		sipDevices: [],
		rejectAllTokens: false,
		options: {
			clientId: options.clientId ?? '900',
			clientSecret: options.clientSecret ?? 'sandbox-3cx-secret-key',
			tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
			expiresInUnit: options.expiresInUnit ?? 'seconds',
			exportFormat: options.exportFormat ?? 'csv',
			version: options.version ?? '20.0.10.900',
			edition: options.edition ?? 'Enterprise',
			defaultPageSize: options.defaultPageSize,
		},
	};
}

/** Back to the factory state (users, tokens, departments, queues, ring groups, phones, logs); options stay. */
export function resetState(state: ThreeCxState): void {
	state.users.clear();
	state.nextId = 1;
	state.queues = [];
	state.ringGroups = [];
	state.nextQueueId = 1;
	state.nextRingGroupId = 1;
	state.tokens.clear();
	state.tokensIssued = 0;
	state.reprovisionCalls.length = 0;
	state.batchDeleteCalls.length = 0;
	state.groups = defaultGroups();
	state.nextGroupId = 5;
	state.nextPhoneId = 1;
	state.welcomeEmails.length = 0;
	state.regenerateCalls.length = 0;
	state.multiUserUpdateCalls.length = 0;
	state.phoneActions.length = 0;
	state.provisionCalls.length = 0;
	state.templates = defaultTemplates();
	state.devices = defaultDevices();
	state.provisioningSecrets.clear();
	state.regenerations = 0;
	state.undeletable.clear();
	state.rejectAllTokens = false;
	state.expireAfterRequests = undefined;
}
