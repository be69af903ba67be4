/**
 * A loopback 3CX V20 PBX for the XAPI (/xapi/v1): OAuth2 client-credentials tokens (one
 * active token per client, real expiry), the Users collection with the OData subset in
 * ./odata.ts and the live `$top` cap of 100, Users by key and by Number, create / PATCH /
 * DELETE with the PBX's validation (unique EmailAddress, immutable Number, known properties),
 * Pbx.BatchDelete with per-user errors, Pbx.ReprovisionAllPhones (recorded), CSV
 * Pbx.ExportExtensions, Defs, and the joiner/mover/leaver endpoints: Groups (departments) with
 * Members, Pbx.GetFirstAvailableExtensionNumber, Pbx.SendWelcomeEmail, Pbx.Regenerate and
 * Pbx.RegeneratePasswords, Pbx.MultiUserUpdate, ForwardingProfiles, Phones on the user,
 * PhoneTemplates, DeviceInfos with Pbx.Provision, Pbx.ReprovisionPhone, Pbx.RebootPhone and
 * Pbx.GenerateProvLink(). Errors use the OData body
 * `{"error":{"code":"","message","details":[{code,message,target}]}}`.
 */
import { SandboxServer } from '../core';
import type { SandboxOptions, SandboxRequest, SandboxResponse } from '../core';
import type { EntitySet, Schema } from './odata';
import { applyQuery, ODataError, shape } from './odata';

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

/** Pbx.Phone: a desk phone assigned to a user. */
export interface ThreeCxPhone {
	Id: number;
	MacAddress: string;
	Name: string;
	TemplateName: string;
	Interface: string | null;
	ProvisioningLinkExt: string;
	ProvisioningLinkLocal: string;
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

/** Pbx.DestinationType values. */
const DESTINATION_TYPES = [
	'None',
	'VoiceMail',
	'Extension',
	'Queue',
	'RingGroup',
	'IVR',
	'External',
	'Fax',
	'Boomerang',
	'Deflect',
	'VoiceMailOfDestination',
	'Callback',
	'RoutePoint',
	'ProceedWithNoExceptions',
];

/** Pbx.RegenerateOptions. */
export const REGENERATE_OPTIONS = ['ConfigurationLink', 'DeskphonePassword', 'RpsKey', 'SendWelcomeEmail', 'SipAuth', 'VoicemailPIN', 'WebclientPassword'];

/** The properties of Pbx.MultiEditUserData the sandbox knows (the body of Pbx.MultiUserUpdate). */
const MULTI_EDIT_SCHEMA: Record<string, 'string' | 'boolean' | 'number'> = {
	AllowLanOnly: 'boolean',
	AllowOwnRecordings: 'boolean',
	CallScreening: 'boolean',
	DisplayNumbers: 'string',
	EmergencyAdditionalInfo: 'string',
	EmergencyLocationId: 'string',
	Enabled: 'boolean',
	EnableHotdesking: 'boolean',
	ForbidRecording: 'boolean',
	HideInPhonebook: 'boolean',
	Internal: 'boolean',
	Mobile: 'string',
	PinProtected: 'boolean',
	PinProtectTimeout: 'number',
	PromptSet: 'string',
	RecordCalls: 'boolean',
	RecordEmailNotify: 'boolean',
	RecordExternalCallsOnly: 'boolean',
	SendEmailMissedCalls: 'boolean',
	VMDisablePinAuth: 'boolean',
	VMEnabled: 'boolean',
	VMPlayCallerID: 'boolean',
};

const USER_SCHEMA: Schema = {
	Id: 'number',
	Number: 'string',
	FirstName: 'string',
	LastName: 'string',
	DisplayName: 'string',
	EmailAddress: 'string',
	Mobile: 'string',
	OutboundCallerID: 'string',
	Enabled: 'boolean',
	IsRegistered: 'boolean',
	Require2FA: 'boolean',
	Enable2FA: 'boolean',
	HideInPhonebook: 'boolean',
	Internal: 'boolean',
	VMEnabled: 'boolean',
	RecordCalls: 'boolean',
	SendEmailMissedCalls: 'boolean',
	Language: 'string',
	PrimaryGroupId: 'number',
	AuthID: 'string',
	AuthPassword: 'string',
	AccessPassword: 'string',
	DeskphonePassword: 'string',
	VMPIN: 'string',
	SIPID: 'string',
	PromptSet: 'string',
	CurrentProfileName: 'string',
	Groups: 'collection',
	Phones: 'collection',
	ForwardingProfiles: 'collection',
	Tags: 'collection',
	AllowLanOnly: 'boolean',
	AllowOwnRecordings: 'boolean',
	CallScreening: 'boolean',
	EnableHotdesking: 'boolean',
	ForbidRecording: 'boolean',
	PinProtected: 'boolean',
	PinProtectTimeout: 'number',
	RecordEmailNotify: 'boolean',
	RecordExternalCallsOnly: 'boolean',
	VMDisablePinAuth: 'boolean',
	VMPlayCallerID: 'boolean',
	EmergencyAdditionalInfo: 'string',
	EmergencyLocationId: 'string',
};

const USER_GROUP_SCHEMA: Schema = { Id: 'number', GroupId: 'number', Name: 'string', Number: 'string', Rights: 'object' };

const PHONE_SCHEMA: Schema = {
	Id: 'number',
	MacAddress: 'string',
	Name: 'string',
	TemplateName: 'string',
	Interface: 'string',
	ProvisioningLinkExt: 'string',
	ProvisioningLinkLocal: 'string',
};

const USERS: EntitySet = {
	entity: 'User',
	schema: USER_SCHEMA,
	nested: {
		Groups: { schema: USER_GROUP_SCHEMA, entity: 'UserGroup' },
		Phones: { schema: PHONE_SCHEMA, entity: 'Phone' },
		ForwardingProfiles: { schema: {}, entity: 'ForwardingProfile' },
		Tags: { schema: {}, entity: 'UserTag' },
	},
	searchable: ['Number', 'FirstName', 'LastName', 'DisplayName', 'EmailAddress', 'Mobile'],
	navigation: ['Groups', 'Phones', 'ForwardingProfiles'],
};

const GROUP_SCHEMA: Schema = {
	Id: 'number',
	Name: 'string',
	Number: 'string',
	IsDefault: 'boolean',
	HasMembers: 'boolean',
	Language: 'string',
	TimeZoneId: 'string',
	GloballyVisible: 'boolean',
	AllowCallService: 'boolean',
	PromptSet: 'string',
	MusicOnHold: 'string',
	Members: 'collection',
};

const GROUPS: EntitySet = {
	entity: 'Group',
	schema: GROUP_SCHEMA,
	nested: { Members: { schema: USER_GROUP_SCHEMA, entity: 'UserGroup' } },
	searchable: ['Name', 'Number'],
	navigation: ['Members'],
};

const MEMBER_SCHEMA: Schema = { ...USER_GROUP_SCHEMA, MemberName: 'string', Type: 'string', CanDelete: 'boolean' };

/** Pbx.UserGroup as Groups({Id})/Members lists them: Number and MemberName are the member's. */
const MEMBERS: EntitySet = { entity: 'UserGroup', schema: MEMBER_SCHEMA, nested: {}, searchable: ['Number', 'MemberName'], navigation: ['Rights'] };

const FORWARDING_PROFILES: EntitySet = {
	entity: 'ForwardingProfile',
	schema: { Id: 'number', Name: 'string', CustomName: 'string', NoAnswerTimeout: 'number', AcceptMultipleCalls: 'boolean', RingMyMobile: 'boolean', AvailableRoute: 'object', AwayRoute: 'object' },
	nested: {},
	searchable: ['Name'],
	navigation: [],
};

const DEVICE_INFOS: EntitySet = {
	entity: 'DeviceInfo',
	schema: {
		Id: 'number',
		MAC: 'string',
		Model: 'string',
		Vendor: 'string',
		UserAgent: 'string',
		FirmwareVersion: 'string',
		NetworkAddress: 'string',
		TemplateName: 'string',
		Assigned: 'boolean',
		AssignedUser: 'string',
		DetectedAt: 'string',
		ViaSBC: 'boolean',
	},
	nested: {},
	searchable: ['MAC', 'Model', 'Vendor', 'UserAgent'],
	navigation: [],
};

const PHONE_TEMPLATES: EntitySet = {
	entity: 'PhoneTemplate',
	schema: { Id: 'string', IsCustom: 'boolean', AddAllowed: 'boolean', TemplateType: 'string', URL: 'string', Models: 'collection' },
	nested: {},
	searchable: ['Id'],
	navigation: [],
};

const SIP_DEVICES: EntitySet = {
	entity: 'SipDevice',
	schema: { Id: 'number', DN: 'object', ProvLink: 'string', PhoneWebPassword: 'string', Registrar: 'object' },
	nested: {},
	searchable: [],
	navigation: [],
};

/** Columns of the sandbox's Export Extensions CSV (the V20 column set is undocumented). */
export const EXPORT_COLUMNS = [
	'Number',
	'FirstName',
	'LastName',
	'EmailAddress',
	'Mobile',
	'OutboundCallerID',
	'Enabled',
	'Language',
	'AuthID',
	'AuthPassword',
	'Department',
];

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
	/** Rows /Users returns when no $top is given (undefined = all; live behaviour is undocumented). */
	defaultPageSize?: number;
}

export interface ThreeCxState {
	users: Map<number, ThreeCxUser>;
	groups: ThreeCxGroup[];
	nextId: number;
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

const FIRST = ['Anna', 'Ben', 'Carla', 'David', 'Eva', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Klara', 'Lukas', "Zoë", 'Mia', "Seán"];
const LAST = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', "O'Brien", 'Becker', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf'];

function odataError(status: number, message: string, details: Array<{ message: string; target?: string }> = []): SandboxResponse {
	return {
		status,
		body: {
			error: { code: '', message, details: details.map((d) => ({ code: '', message: d.message, target: d.target ?? null })) },
		},
	};
}

/** The text fields of a multipart/form-data body, or undefined for any other content type. */
function multipartFields(req: SandboxRequest): Record<string, string> | undefined {
	const boundary = /^multipart\/form-data;.*boundary=(?:"([^"]+)"|([^;]+))/i.exec(req.headers['content-type'] ?? '');
	if (!boundary) return undefined;
	const fields: Record<string, string> = {};
	for (const part of req.text.split(`--${boundary[1] ?? boundary[2]}`)) {
		const split = part.indexOf('\r\n\r\n');
		if (split < 0) continue;
		const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(part.slice(0, split));
		if (name) fields[name[1]] = part.slice(split + 4).replace(/\r\n$/, '');
	}
	return fields;
}

/** `$select` and `$expand` of a request for one entity, checked against the entity set. */
function projection(set: EntitySet, req: SandboxRequest): { select: string[]; expand: string[] } {
	const list = (value: string | undefined) => (value ?? '').split(',').map((v) => v.trim()).filter(Boolean);
	const select = list(req.query.$select);
	const expand = list(req.query.$expand);
	const unknown = [...select.filter((name) => !(name in set.schema)), ...expand.filter((name) => !set.navigation.includes(name.replace(/\(.*\)$/, '')))];
	if (unknown.length) {
		throw new ODataError(`The query specified in the URI is not valid. Could not find a property named '${unknown[0]}' on type 'Pbx.${set.entity}'.`);
	}
	return { select, expand };
}

function validation(target: string, warning: string): SandboxResponse {
	return odataError(400, `${target}:\n${warning}`, [{ message: warning, target }]);
}

function defaultGroups(): ThreeCxGroup[] {
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

/** The five forwarding profiles of a new user: unanswered calls go to the user's voicemail. */
function defaultForwardingProfiles(number: string, firstId: number): ThreeCxForwardingProfile[] {
	const voicemail = (): ThreeCxDestination => ({ To: 'VoiceMail', Number: number, External: null, Name: null });
	return FORWARDING_PROFILE_NAMES.map((Name, index) => ({
		Id: firstId + index,
		Name,
		CustomName: null,
		NoAnswerTimeout: 20,
		AcceptMultipleCalls: false,
		RingMyMobile: false,
		AvailableRoute: {
			NoAnswerAllCalls: true,
			NoAnswerInternal: voicemail(),
			NoAnswerExternal: voicemail(),
			BusyAllCalls: true,
			BusyInternal: voicemail(),
			BusyExternal: voicemail(),
			NotRegisteredAllCalls: true,
			NotRegisteredInternal: voicemail(),
			NotRegisteredExternal: voicemail(),
		},
		AwayRoute: { AllHoursInternal: true, AllHoursExternal: true, Internal: voicemail(), External: voicemail() },
	}));
}

export function createThreeCxSandbox(options: ThreeCxSandboxOptions = {}) {
	const server = new SandboxServer('3cx', options);
	const state: ThreeCxState = {
		users: new Map(),
		groups: defaultGroups(),
		nextId: 1,
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
			defaultPageSize: options.defaultPageSize,
		},
	};

	const groupMembership = (groupId: number, roleName = 'users') => {
		const group = state.groups.find((g) => g.Id === groupId)!;
		return { Id: groupId * 100000 + state.nextId, GroupId: group.Id, Name: group.Name, Number: group.Number, Rights: { RoleName: roleName } };
	};

	/** Adds `count` deterministic users (numbers from `startNumber`), spread over the groups. */
	function seedUsers(count: number, startNumber = 100): ThreeCxUser[] {
		const created: ThreeCxUser[] = [];
		for (let i = 0; i < count; i++) {
			const id = state.nextId++;
			const first = FIRST[i % FIRST.length];
			const last = LAST[(i * 7) % LAST.length];
			const number = String(startNumber + i);
			const groupId = (i % state.groups.length) + 1;
			const user: ThreeCxUser = {
				Id: id,
				Number: number,
				FirstName: first,
				LastName: last,
				DisplayName: `${first} ${last}`,
				EmailAddress: `${first}.${last}.${number}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, ''),
				Mobile: i % 3 === 0 ? `+4915${String(10000000 + i)}` : '',
				OutboundCallerID: '',
				Enabled: i % 10 !== 9,
				IsRegistered: i % 4 === 0,
				Require2FA: false,
				HideInPhonebook: false,
				VMEnabled: true,
				Language: 'EN',
				PrimaryGroupId: groupId,
				AuthID: `auth${number}`,
				AuthPassword: `sip-pw-${number}-x9`,
				AccessPassword: `web-pw-${number}-y8`,
				VMPIN: String(1000 + (i % 9000)),
				Groups: [],
				Phones: [],
				ForwardingProfiles: defaultForwardingProfiles(number, id * 10),
			};
			user.Groups = [groupMembership(groupId)];
			state.users.set(id, user);
			created.push(user);
		}
		return created;
	}

	function reset(): void {
		state.users.clear();
		state.nextId = 1;
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

	const allUsers = () => [...state.users.values()].sort((a, b) => a.Id - b.Id);

	/** The lowest unused extension number from 100 up (the PBX's numbering plan). */
	const firstFreeNumber = (): string => {
		const used = new Set([...state.users.values()].map((u) => u.Number));
		let candidate = 100;
		while (used.has(String(candidate))) candidate++;
		return String(candidate);
	};

	// --- token endpoint (host root, not under /xapi/v1) -------------------------------------
	server.route('POST', '/connect/token', (req) => {
		// 3CX documents the urlencoded form; its own tutorial (3cx/xapi-tutorial auth.ts) posts a
		// FormData, which fetch sends as multipart/form-data, and live PBXs accept it. Both are read.
		const form = (multipartFields(req) ?? req.body ?? {}) as Record<string, string>;
		if (!form.client_id || !form.client_secret || form.grant_type !== 'client_credentials') {
			return { status: 400, body: { error: 'invalid_request', error_description: 'The mandatory client_id, client_secret or grant_type parameter is missing.' } };
		}
		if (form.client_id !== state.options.clientId || form.client_secret !== state.options.clientSecret) {
			return { status: 401, body: { error: 'unauthorized', error_description: 'The request requires valid user authentication.' } };
		}
		const token = `xapi-${++state.tokensIssued}-${Math.random().toString(36).slice(2, 12)}`;
		// One active token per client: a new token replaces (revokes) the previous one.
		state.tokens.set(form.client_id, { token, expiresAt: Date.now() + state.options.tokenLifetimeSeconds * 1000 });
		const lifetime = state.options.tokenLifetimeSeconds;
		const expiresIn = state.options.expiresInUnit === 'minutes' ? Math.max(1, Math.round(lifetime / 60)) : lifetime;
		return { status: 200, body: { token_type: 'Bearer', expires_in: expiresIn, access_token: token, refresh_token: null } };
	});

	function authorised(req: SandboxRequest): boolean {
		if (state.rejectAllTokens) return false;
		const presented = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
		const now = Date.now();
		const valid = [...state.tokens.values()].some((t) => t.token === presented && t.expiresAt > now);
		if (!valid) return false;
		if (state.expireAfterRequests !== undefined) {
			if (state.expireAfterRequests <= 0) {
				state.tokens.clear();
				state.expireAfterRequests = undefined;
				return false;
			}
			state.expireAfterRequests--;
		}
		return true;
	}

	const api = (method: string, pattern: string | RegExp, handler: (req: SandboxRequest) => SandboxResponse) =>
		server.route(method, typeof pattern === 'string' ? `/xapi/v1${pattern}` : pattern, (req) => {
			if (!authorised(req)) return { status: 401, body: '' };
			try {
				return handler(req);
			} catch (error) {
				if (error instanceof ODataError) return odataError(400, error.message);
				throw error;
			}
		});

	const collection = (set: EntitySet, rows: Array<Record<string, unknown>>, req: SandboxRequest, context: string, maxTop = 100): SandboxResponse => {
		const query = { ...req.query };
		if (query.$top === undefined && state.options.defaultPageSize !== undefined) query.$top = String(state.options.defaultPageSize);
		const result = applyQuery(set, rows, query, { maxTop });
		const body: Record<string, unknown> = { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#${context}` };
		if (result.count !== undefined) body['@odata.count'] = result.count;
		body.value = result.rows;
		return { status: 200, body };
	};

	// --- Defs (connectivity probe) ----------------------------------------------------------
	api('GET', '/Defs', (req) => {
		const select = (req.query.$select ?? '').split(',').filter(Boolean);
		const defs: Record<string, unknown> = { Id: 1, Codecs: [], TimeZones: [] };
		const body: Record<string, unknown> = { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#Defs` };
		for (const key of select.length ? select : Object.keys(defs)) body[key] = defs[key];
		return { status: 200, headers: { 'X-3CX-Version': state.options.version }, body };
	});

	// --- Groups (departments) ---------------------------------------------------------------
	/** Members of a department as Pbx.UserGroup rows: the member's Number and name, the role. */
	const membersOf = (group: ThreeCxGroup): Array<Record<string, unknown>> =>
		allUsers().flatMap((user) =>
			user.Groups.filter((m) => m.GroupId === group.Id).map((m) => ({
				Id: m.Id,
				GroupId: group.Id,
				Name: group.Name,
				Number: user.Number,
				MemberName: user.DisplayName ?? `${user.FirstName} ${user.LastName}`.trim(),
				Type: 'Extension',
				CanDelete: true,
				Rights: { ...m.Rights },
			})),
		);
	const groupRow = (group: ThreeCxGroup) => ({ ...group, HasMembers: membersOf(group).length > 0, Members: membersOf(group) });
	const groupsById = () => [...state.groups].sort((a, b) => a.Id - b.Id);

	api('GET', '/Groups', (req) => collection(GROUPS, groupsById().map(groupRow) as never, req, 'Groups'));

	const groupKey = /^\/xapi\/v1\/Groups\((?<key>[^/()]*)\)$/;
	const groupMembersPath = /^\/xapi\/v1\/Groups\((?<key>[^/()]*)\)\/Members$/;
	const findGroup = (key: string): ThreeCxGroup | SandboxResponse => {
		if (!/^-?\d+$/.test(key)) return odataError(400, `The key value '${key}' is not a valid value for type 'Edm.Int32'.`);
		return state.groups.find((g) => g.Id === Number(key)) ?? odataError(404, 'WARNINGS.XAPI.NOT_FOUND', [{ message: 'WARNINGS.XAPI.NOT_FOUND', target: 'Id' }]);
	};
	const isGroup = (value: ThreeCxGroup | SandboxResponse): value is ThreeCxGroup => 'Id' in value;

	/** Checks a Pbx.Group body: known, writable properties of the right type, a unique Name. */
	function validateGroup(body: Record<string, unknown>, self?: ThreeCxGroup): SandboxResponse | undefined {
		for (const [key, value] of Object.entries(body)) {
			if (key.startsWith('@odata.')) continue;
			const type = GROUP_SCHEMA[key];
			if (!type) return odataError(400, `The property '${key}' does not exist on type 'Pbx.Group'. Make sure to only use property names that are defined by the type.`);
			if (value === null) continue;
			if ((type === 'string' && typeof value !== 'string') || (type === 'boolean' && typeof value !== 'boolean') || (type === 'number' && typeof value !== 'number') || (type === 'collection' && !Array.isArray(value))) {
				return odataError(400, `Cannot convert the literal '${JSON.stringify(value)}' to the expected type for property '${key}'.`);
			}
		}
		if ('Name' in body || !self) {
			const name = typeof body.Name === 'string' ? body.Name.trim() : '';
			if (name === '') return validation('Name', 'WARNINGS.XAPI.REQUIRED');
			if (state.groups.some((g) => g !== self && g.Name.toLowerCase() === name.toLowerCase())) return validation('Name', 'WARNINGS.XAPI.ALREADY_IN_USE');
		}
		if (Array.isArray(body.Members)) {
			for (const member of body.Members as Array<Record<string, unknown>>) {
				if (![...state.users.values()].some((u) => u.Number === member.Number)) return validation('Members', 'WARNINGS.XAPI.NOT_FOUND');
			}
		}
		return undefined;
	}

	/** `Members` replaces the department's member list (the tutorial sets one member, then none). */
	function applyMembers(group: ThreeCxGroup, members: Array<{ Number: string; Rights?: { RoleName?: string } }>): void {
		for (const user of state.users.values()) {
			const wanted = members.find((m) => m.Number === user.Number);
			const others = user.Groups.filter((m) => m.GroupId !== group.Id);
			user.Groups = wanted ? [...others, groupMembership(group.Id, wanted.Rights?.RoleName ?? 'users')] : others;
			user.PrimaryGroupId = user.Groups[0]?.GroupId ?? null;
		}
	}

	const writableGroup = (body: Record<string, unknown>) =>
		Object.fromEntries(Object.entries(body).filter(([key]) => !key.startsWith('@odata.') && !['Id', 'Members', 'HasMembers', 'IsDefault'].includes(key)));

	api('POST', '/Groups', (req) => {
		if (typeof req.body !== 'object' || req.body === null) return odataError(400, 'The request body is not a valid Pbx.Group.');
		const body = req.body as Record<string, unknown>;
		const invalid = validateGroup(body);
		if (invalid) return invalid;
		let number = typeof body.Number === 'string' ? body.Number.trim() : '';
		if (number !== '' && state.groups.some((g) => g.Number === number)) return validation('Number', 'WARNINGS.XAPI.ALREADY_IN_USE');
		const id = state.nextGroupId++;
		if (number === '') {
			let n = id - 1;
			while (state.groups.some((g) => g.Number === `GRP${String(n).padStart(4, '0')}`)) n++;
			number = `GRP${String(n).padStart(4, '0')}`;
		}
		const group: ThreeCxGroup = { ...defaultGroups()[1], ...writableGroup(body), Id: id, Name: String(body.Name).trim(), Number: number, IsDefault: false };
		state.groups.push(group);
		if (Array.isArray(body.Members)) applyMembers(group, body.Members as never);
		return { status: 201, body: { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#Groups/$entity`, ...shape(GROUPS, groupRow(group), [], []) } };
	});

	api('GET', groupMembersPath, (req) => {
		const group = findGroup(req.params.key);
		if (!isGroup(group)) return group;
		return collection(MEMBERS, membersOf(group), req, `Groups(${group.Id})/Members`);
	});

	api('GET', groupKey, (req) => {
		const group = findGroup(req.params.key);
		if (!isGroup(group)) return group;
		const { select, expand } = projection(GROUPS, req);
		return { status: 200, body: { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#Groups/$entity`, ...shape(GROUPS, groupRow(group), select, expand) } };
	});

	api('PATCH', groupKey, (req) => {
		const group = findGroup(req.params.key);
		if (!isGroup(group)) return group;
		const body = (req.body ?? {}) as Record<string, unknown>;
		if ('Id' in body && body.Id !== group.Id) return validation('Id', 'WARNINGS.XAPI.FORBIDDEN_CHANGE');
		// "Should not allow to change number" (3cx/xapi-tutorial src/groups.spec.ts).
		if ('Number' in body && body.Number !== group.Number) return validation('Number', 'WARNINGS.XAPI.FORBIDDEN_CHANGE');
		const invalid = validateGroup(body, group);
		if (invalid) return invalid;
		Object.assign(group, writableGroup(body));
		if (typeof body.Name === 'string') group.Name = body.Name.trim();
		if (Array.isArray(body.Members)) applyMembers(group, body.Members as never);
		for (const user of state.users.values()) for (const m of user.Groups) if (m.GroupId === group.Id) Object.assign(m, { Name: group.Name });
		return { status: 204 };
	});

	api('DELETE', groupKey, (req) => {
		const group = findGroup(req.params.key);
		if (!isGroup(group)) return group;
		if (group.IsDefault) return validation('Id', 'WARNINGS.GROUP_CANNOT_BE_DELETED');
		if (membersOf(group).length) return validation('Members', 'WARNINGS.GROUP_WITH_MEMBERS_CANNOT_BE_DELETED');
		state.groups = state.groups.filter((g) => g !== group);
		return { status: 204 };
	});

	// --- Phones: templates, discovered devices -------------------------------------------------
	api('GET', '/PhoneTemplates', (req) => {
		// ListPhoneTemplate takes only $top, $skip, $search, $filter and $count (swagger).
		for (const option of ['$orderby', '$select', '$expand']) {
			if (req.query[option] !== undefined) throw new ODataError(`The query specified in the URI is not valid. The query parameter '${option}' is not supported.`);
		}
		return collection(PHONE_TEMPLATES, [...state.templates].sort((a, b) => (a.Id < b.Id ? -1 : 1)) as never, req, 'PhoneTemplates');
	});

	api('GET', '/DeviceInfos', (req) => collection(DEVICE_INFOS, [...state.devices].sort((a, b) => a.Id - b.Id) as never, req, 'DeviceInfos'));

	api('POST', /^\/xapi\/v1\/DeviceInfos\((?<key>[^/()]*)\)\/Pbx\.Provision$/, (req) => {
		const device = /^\d+$/.test(req.params.key) ? state.devices.find((d) => d.Id === Number(req.params.key)) : undefined;
		if (!device) return odataError(404, 'WARNINGS.XAPI.NOT_FOUND', [{ message: 'WARNINGS.XAPI.NOT_FOUND', target: 'Id' }]);
		const body = (req.body ?? {}) as { userId?: unknown; reprovision?: unknown };
		if (typeof body.userId !== 'number') return validation('userId', 'WARNINGS.XAPI.REQUIRED');
		const user = state.users.get(body.userId);
		if (!user) return validation('userId', 'WARNINGS.XAPI.NOT_FOUND');
		const owner = userWithMac(device.MAC);
		if (owner && owner !== user) return validation('MAC', 'WARNINGS.XAPI.MAC_USED_BY');
		state.provisionCalls.push({ deviceId: device.Id, userId: user.Id, reprovision: body.reprovision === true });
		if (!owner) applyPhones(user, [...user.Phones, { MacAddress: device.MAC, TemplateName: device.TemplateName, Name: `${device.Vendor} ${device.Model}` }] as never);
		return { status: 204 };
	});

	const phoneAction = (action: 'reprovision' | 'reboot') => (req: SandboxRequest): SandboxResponse => {
		const body = (req.body ?? {}) as { mac?: unknown };
		if (typeof body.mac !== 'string' || body.mac === '') return validation('mac', 'WARNINGS.XAPI.REQUIRED');
		if (!/^[0-9a-fA-F]{12}$/.test(body.mac)) return validation('mac', 'WARNINGS.INVALID_HEX_CHARACTER');
		if (!userWithMac(body.mac)) return odataError(404, 'WARNINGS.XAPI.NOT_FOUND', [{ message: 'WARNINGS.XAPI.NOT_FOUND', target: 'mac' }]);
		state.phoneActions.push({ action, mac: body.mac });
		return { status: 204 };
	};
	api('POST', '/Users/Pbx.ReprovisionPhone', phoneAction('reprovision'));
	api('POST', '/Users/Pbx.RebootPhone', phoneAction('reboot'));

	// --- SipDevices (3cx/xapi-tutorial src/phones.spec.ts lists them with $select=Id) --------
	api('GET', '/SipDevices', (req) => collection(SIP_DEVICES, state.sipDevices, req, 'SipDevices'));

	// --- Users: functions and actions first (their paths also look like keys) --------------
	api('GET', '/Users/Pbx.ExportExtensions()', (req) => {
		const result = applyQuery(USERS, allUsers() as never, req.query, {});
		if (state.options.exportFormat === 'json') {
			const body: Record<string, unknown> = { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#Collection(Pbx.User)` };
			if (result.count !== undefined) body['@odata.count'] = result.count;
			body.value = result.rows;
			return { status: 200, body };
		}
		const select = (req.query.$select ?? '').split(',').map((s) => s.trim()).filter(Boolean);
		const columns = select.length ? select : EXPORT_COLUMNS;
		const cell = (value: unknown) => {
			const text = value === null || value === undefined ? '' : String(value);
			return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
		};
		const lines = [columns.join(',')];
		for (const row of result.rows) {
			const user = state.users.get(row.Id as number) ?? (row as ThreeCxUser);
			lines.push(
				columns
					.map((c) => (c === 'Department' ? cell(user.Groups?.map((g) => g.Name).join(';')) : cell((row[c] ?? user[c]) as unknown)))
					.join(','),
			);
		}
		return {
			status: 200,
			headers: { 'Content-Type': 'text/csv; charset=UTF-8', 'Content-Disposition': 'attachment; filename="extensions.csv"' },
			body: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8'),
		};
	});

	const idList = (req: SandboxRequest): number[] | SandboxResponse => {
		const body = req.body as { ids?: unknown } | undefined;
		if (!body || typeof body !== 'object') return odataError(400, 'The request body is required.');
		if (!('ids' in body)) return validation('ids', 'WARNINGS.XAPI.REQUIRED');
		const ids = body.ids;
		if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'number' || !Number.isInteger(id))) {
			return odataError(400, "The parameter 'ids' is of type 'Collection(Edm.Int32)' and cannot be converted from the value sent.");
		}
		return ids as number[];
	};

	api('POST', '/Users/Pbx.ReprovisionAllPhones', (req) => {
		const ids = idList(req);
		if (!Array.isArray(ids)) return ids;
		state.reprovisionCalls.push(ids);
		return { status: 204 };
	});

	api('POST', '/Users/Pbx.BatchDelete', (req) => {
		const ids = idList(req);
		if (!Array.isArray(ids)) return ids;
		state.batchDeleteCalls.push(ids);
		const errors: Array<{ Error: string; ExtensionNumber: string | null }> = [];
		for (const id of ids) {
			const user = state.users.get(id);
			if (!user) errors.push({ Error: 'WARNINGS.XAPI.NOT_FOUND', ExtensionNumber: null });
			else if (state.undeletable.has(user.Number)) errors.push({ Error: 'WARNINGS.USER_EXTENSION_CANNOT_BE_DELETED', ExtensionNumber: user.Number });
			else state.users.delete(id);
		}
		return { status: 200, body: { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#Collection(Pbx.UserDeleteError)`, value: errors } };
	});

	api('GET', '/Users/Pbx.GetFirstAvailableExtensionNumber()', () => ({
		status: 200,
		body: { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#Pbx.FirstAvailableNumber`, Number: firstFreeNumber() },
	}));

	/** Checks `opts` (Pbx.RegenerateOptions): an object of known boolean flags. */
	const regenerateOptions = (opts: unknown): Record<string, boolean> | SandboxResponse => {
		if (!opts || typeof opts !== 'object' || Array.isArray(opts)) return validation('opts', 'WARNINGS.XAPI.REQUIRED');
		for (const [key, value] of Object.entries(opts)) {
			if (!REGENERATE_OPTIONS.includes(key)) return odataError(400, `The property '${key}' does not exist on type 'Pbx.RegenerateOptions'. Make sure to only use property names that are defined by the type.`);
			if (typeof value !== 'boolean') return odataError(400, `Cannot convert the literal '${JSON.stringify(value)}' to the expected type for property '${key}'.`);
		}
		return opts as Record<string, boolean>;
	};
	const isResponse = (value: unknown): value is SandboxResponse => !!value && typeof value === 'object' && 'status' in value && typeof (value as SandboxResponse).status === 'number';

	function regenerate(user: ThreeCxUser, opts: Record<string, boolean>): void {
		const n = ++state.regenerations;
		if (opts.SipAuth) {
			user.AuthID = `auth${user.Number}r${n}`;
			user.AuthPassword = `regen-${n}-sip-${user.Id}`;
		}
		if (opts.WebclientPassword) user.AccessPassword = `regen-${n}-web-${user.Id}`;
		if (opts.DeskphonePassword) user.DeskphonePassword = `regen-${n}-desk-${user.Id}`;
		if (opts.VoicemailPIN) user.VMPIN = String(1000 + ((n * 37 + user.Id) % 9000));
		if (opts.ConfigurationLink) {
			state.provisioningSecrets.set(user.Id, `prov${user.Id}r${n}`);
			applyPhones(user, user.Phones as never);
		}
		if (opts.SendWelcomeEmail && user.EmailAddress) state.welcomeEmails.push(user.Id);
	}

	api('POST', '/Users/Pbx.RegeneratePasswords', (req) => {
		const body = req.body as { Ids?: unknown; opts?: unknown } | undefined;
		if (!body || typeof body !== 'object') return odataError(400, 'The request body is required.');
		// The spec spells this action's key `Ids` (BatchDelete and the others use `ids`).
		if (!('Ids' in body)) return validation('Ids', 'WARNINGS.XAPI.REQUIRED');
		const ids = body.Ids;
		if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'number' || !Number.isInteger(id))) {
			return odataError(400, "The parameter 'Ids' is of type 'Collection(Edm.Int32)' and cannot be converted from the value sent.");
		}
		const opts = regenerateOptions(body.opts);
		if (isResponse(opts)) return opts;
		if (ids.some((id) => !state.users.has(id as number))) return validation('Ids', 'WARNINGS.XAPI.NOT_FOUND');
		state.regenerateCalls.push({ ids: ids as number[], opts });
		for (const id of ids as number[]) regenerate(state.users.get(id)!, opts);
		return { status: 204 };
	});

	api('POST', '/Users/Pbx.MultiUserUpdate', (req) => {
		const ids = idList(req);
		if (!Array.isArray(ids)) return ids;
		const user = (req.body as { user?: unknown }).user;
		if (!user || typeof user !== 'object' || Array.isArray(user)) return validation('user', 'WARNINGS.XAPI.REQUIRED');
		for (const [key, value] of Object.entries(user)) {
			const type = MULTI_EDIT_SCHEMA[key];
			if (!type) return odataError(400, `The property '${key}' does not exist on type 'Pbx.MultiEditUserData'. Make sure to only use property names that are defined by the type.`);
			if (value !== null && typeof value !== type) return odataError(400, `Cannot convert the literal '${JSON.stringify(value)}' to the expected type for property '${key}'.`);
		}
		if (ids.some((id) => !state.users.has(id))) return validation('ids', 'WARNINGS.XAPI.NOT_FOUND');
		state.multiUserUpdateCalls.push({ ids, user: user as Record<string, unknown> });
		// Null means "leave as it is" in the multi-edit dialog.
		for (const id of ids) for (const [key, value] of Object.entries(user)) if (value !== null) state.users.get(id)![key] = value;
		return { status: 204 };
	});

	api('GET', '/Users', (req) => collection(USERS, allUsers() as never, req, 'Users'));

	// --- Users({Id})/…: navigation collections, functions and actions of one user -------------
	const userSub = (sub: string) => new RegExp(`^/xapi/v1/Users\\((?<key>[^/()]*)\\)/${sub.replace(/[.()]/g, '\\$&')}$`);
	const userById = (key: string): ThreeCxUser | SandboxResponse => {
		if (!/^-?\d+$/.test(key)) return odataError(400, `The key value '${key}' is not a valid value for type 'Edm.Int32'.`);
		return state.users.get(Number(key)) ?? odataError(404, 'WARNINGS.XAPI.NOT_FOUND', [{ message: 'WARNINGS.XAPI.NOT_FOUND', target: 'Id' }]);
	};

	api('GET', userSub('Groups'), (req) => {
		const user = userById(req.params.key);
		if (!isUser(user)) return user;
		return collection({ entity: 'UserGroup', schema: USER_GROUP_SCHEMA, nested: {}, searchable: ['Name'], navigation: ['Rights'] }, user.Groups as never, req, `Users(${user.Id})/Groups`);
	});

	api('GET', userSub('ForwardingProfiles'), (req) => {
		const user = userById(req.params.key);
		if (!isUser(user)) return user;
		return collection(FORWARDING_PROFILES, JSON.parse(JSON.stringify(user.ForwardingProfiles)) as never, req, `Users(${user.Id})/ForwardingProfiles`);
	});

	api('POST', userSub('Pbx.SendWelcomeEmail'), (req) => {
		const user = userById(req.params.key);
		if (!isUser(user)) return user;
		if (!user.EmailAddress) return validation('EmailAddress', 'WARNINGS.XAPI.REQUIRED');
		state.welcomeEmails.push(user.Id);
		return { status: 204 };
	});

	api('POST', userSub('Pbx.Regenerate'), (req) => {
		const user = userById(req.params.key);
		if (!isUser(user)) return user;
		const opts = regenerateOptions((req.body as { opts?: unknown } | undefined)?.opts);
		if (isResponse(opts)) return opts;
		state.regenerateCalls.push({ ids: [user.Id], opts });
		regenerate(user, opts);
		return { status: 204 };
	});

	api('GET', userSub('Pbx.GenerateProvLink()'), (req) => {
		const user = userById(req.params.key);
		if (!isUser(user)) return user;
		return { status: 200, body: { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#Edm.String`, value: provisioningLink(user.Id) } };
	});

	// A key is a number or Number='…' (quotes doubled inside); what follows it is a sub-path.
	const keyPattern = /^\/xapi\/v1\/Users\((?<key>(?:[^'/()]|'(?:[^']|'')*')*)\)$/;
	const findByKey = (key: string): ThreeCxUser | SandboxResponse => {
		const byNumber = /^Number='((?:[^']|'')*)'$/.exec(key);
		if (byNumber) {
			const number = byNumber[1].replace(/''/g, "'");
			const user = [...state.users.values()].find((u) => u.Number === number);
			return user ?? odataError(404, 'WARNINGS.XAPI.NOT_FOUND', [{ message: 'WARNINGS.XAPI.NOT_FOUND', target: 'Number' }]);
		}
		if (/^Number=/.test(key)) return odataError(400, `The key value '${key}' is not valid: string literals need single quotes.`);
		if (!/^-?\d+$/.test(key)) return odataError(400, `The key value '${key}' is not a valid value for type 'Edm.Int32'.`);
		return state.users.get(Number(key)) ?? odataError(404, 'WARNINGS.XAPI.NOT_FOUND', [{ message: 'WARNINGS.XAPI.NOT_FOUND', target: 'Id' }]);
	};
	const isUser = (value: ThreeCxUser | SandboxResponse): value is ThreeCxUser => 'Id' in value;

	api('GET', keyPattern, (req) => {
		const found = findByKey(req.params.key);
		if (!isUser(found)) return found;
		const { select, expand } = projection(USERS, req);
		return { status: 200, body: { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#Users/$entity`, ...shape(USERS, found, select, expand) } };
	});

	/** Checks a Pbx.User body: known properties, types, unique email, valid groups. */
	function validateUser(body: Record<string, unknown>, self?: ThreeCxUser): SandboxResponse | undefined {
		for (const [key, value] of Object.entries(body)) {
			if (key.startsWith('@odata.')) continue;
			const type = USER_SCHEMA[key];
			if (!type) return odataError(400, `The property '${key}' does not exist on type 'Pbx.User'. Make sure to only use property names that are defined by the type.`);
			if (value === null) continue;
			if ((type === 'string' && typeof value !== 'string') || (type === 'boolean' && typeof value !== 'boolean') || (type === 'number' && typeof value !== 'number') || (type === 'collection' && !Array.isArray(value))) {
				return odataError(400, `Cannot convert the literal '${JSON.stringify(value)}' to the expected type for property '${key}'.`);
			}
		}
		if (typeof body.EmailAddress === 'string' && body.EmailAddress !== '') {
			const email = body.EmailAddress.toLowerCase();
			if ([...state.users.values()].some((u) => u !== self && u.EmailAddress.toLowerCase() === email)) {
				return validation('EmailAddress', 'WARNINGS.XAPI.ALREADY_IN_USE');
			}
		}
		if (Array.isArray(body.Groups)) {
			for (const membership of body.Groups as Array<Record<string, unknown>>) {
				if (!state.groups.some((g) => g.Id === membership.GroupId)) return validation('Groups', 'WARNINGS.XAPI.NOT_FOUND');
			}
		}
		if (Array.isArray(body.Phones)) {
			const macs = new Set<string>();
			for (const phone of body.Phones as Array<Record<string, unknown>>) {
				const mac = typeof phone.MacAddress === 'string' ? phone.MacAddress : '';
				if (!/^[0-9a-fA-F]{12}$/.test(mac)) return validation('MacAddress', 'WARNINGS.INVALID_HEX_CHARACTER');
				const key = mac.toLowerCase();
				if (macs.has(key)) return validation('MacAddress', 'WARNINGS.MAC_ADDRESS_ALREADY_IN_USE');
				macs.add(key);
				if (userWithMac(key, self)) return validation('MacAddress', 'WARNINGS.MAC_ADDRESS_ALREADY_IN_USE');
				if (!state.templates.some((t) => t.Id === phone.TemplateName)) return validation('TemplateName', 'WARNINGS.XAPI.NOT_FOUND');
			}
		}
		if (Array.isArray(body.ForwardingProfiles)) {
			for (const profile of body.ForwardingProfiles as Array<Record<string, unknown>>) {
				if (!self || !self.ForwardingProfiles.some((p) => p.Id === profile.Id)) return validation('ForwardingProfiles', 'WARNINGS.XAPI.NOT_FOUND');
				for (const route of [profile.AvailableRoute, profile.AwayRoute]) {
					if (route === undefined || route === null) continue;
					for (const value of Object.values(route as Record<string, unknown>)) {
						if (value && typeof value === 'object' && !DESTINATION_TYPES.includes(String((value as ThreeCxDestination).To))) {
							return validation('To', 'WARNINGS.XAPI.INVALID');
						}
					}
				}
			}
		}
		return undefined;
	}

	const userWithMac = (mac: string, except?: ThreeCxUser) =>
		[...state.users.values()].find((u) => u !== except && u.Phones.some((p) => p.MacAddress.toLowerCase() === mac.toLowerCase()));

	const provisioningSecret = (userId: number): string => {
		if (!state.provisioningSecrets.has(userId)) state.provisioningSecrets.set(userId, `prov${userId}k${1000 + userId * 7}`);
		return state.provisioningSecrets.get(userId)!;
	};
	const provisioningLink = (userId: number, mac?: string) =>
		`${server.baseUrl}/provisioning/${provisioningSecret(userId)}/${mac ? `${mac.toLowerCase()}.cfg` : ''}`;

	/** Phones replace the user's list; a phone keeps its Id (and link) when its MAC stays. */
	function applyPhones(user: ThreeCxUser, phones: Array<Record<string, unknown>>): void {
		user.Phones = phones.map((phone) => {
			const mac = String(phone.MacAddress);
			const existing = user.Phones?.find((p) => p.MacAddress.toLowerCase() === mac.toLowerCase());
			const template = String(phone.TemplateName);
			return {
				Id: existing?.Id ?? state.nextPhoneId++,
				MacAddress: mac,
				Name: typeof phone.Name === 'string' && phone.Name !== '' ? phone.Name : template.replace(/\.ph\.xml$/, ''),
				TemplateName: template,
				Interface: typeof phone.Interface === 'string' ? phone.Interface : null,
				ProvisioningLinkExt: provisioningLink(user.Id, mac),
				ProvisioningLinkLocal: provisioningLink(user.Id, mac).replace(server.baseUrl, 'http://192.0.2.1:5000'),
			};
		});
		for (const device of state.devices) {
			const owner = userWithMac(device.MAC);
			device.Assigned = owner !== undefined;
			device.AssignedUser = owner?.Number ?? null;
		}
	}

	/** A PATCH replaces the complex properties of each profile it names (OData PATCH of a complex value). */
	function applyForwardingProfiles(user: ThreeCxUser, profiles: Array<Record<string, unknown>>): void {
		for (const change of profiles) {
			const profile = user.ForwardingProfiles.find((p) => p.Id === change.Id)!;
			for (const [key, value] of Object.entries(change)) if (key !== 'Id' && key !== 'Name') profile[key] = value;
		}
	}

	function applyGroups(user: ThreeCxUser, groups: unknown): void {
		user.Groups = (groups as Array<{ GroupId: number; Rights?: { RoleName?: string } }>).map((m) =>
			groupMembership(m.GroupId, m.Rights?.RoleName ?? 'users'),
		);
		user.PrimaryGroupId = user.Groups[0]?.GroupId ?? null;
	}

	api('POST', '/Users', (req) => {
		const body = (req.body ?? {}) as Record<string, unknown>;
		if (typeof req.body !== 'object' || req.body === null) return odataError(400, 'The request body is not a valid Pbx.User.');
		const invalid = validateUser(body);
		if (invalid) return invalid;
		let number = typeof body.Number === 'string' ? body.Number.trim() : '';
		if (number !== '' && [...state.users.values()].some((u) => u.Number === number)) return validation('Number', 'WARNINGS.XAPI.ALREADY_IN_USE');
		if (number === '') number = firstFreeNumber();
		const id = state.nextId++;
		const user: ThreeCxUser = {
			Id: id,
			FirstName: '',
			LastName: '',
			EmailAddress: '',
			Mobile: '',
			OutboundCallerID: '',
			Enabled: true,
			IsRegistered: false,
			Require2FA: false,
			HideInPhonebook: false,
			VMEnabled: true,
			Language: 'EN',
			PrimaryGroupId: 1,
			AuthID: `auth${number}`,
			AuthPassword: `gen-${id}-pw`,
			AccessPassword: `gen-${id}-web`,
			VMPIN: '0000',
			...(body as object),
			Number: number,
			Groups: [groupMembership(1)],
			Phones: [],
			ForwardingProfiles: defaultForwardingProfiles(number, id * 10),
		} as ThreeCxUser;
		if (Array.isArray(body.Groups)) applyGroups(user, body.Groups);
		if (Array.isArray(body.Phones)) applyPhones(user, body.Phones as Array<Record<string, unknown>>);
		user.DisplayName = `${user.FirstName} ${user.LastName}`.trim();
		state.users.set(id, user);
		return { status: 201, body: { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#Users/$entity`, ...shape(USERS, user, [], []) } };
	});

	api('PATCH', keyPattern, (req) => {
		const found = findByKey(req.params.key);
		if (!isUser(found)) return found;
		const body = (req.body ?? {}) as Record<string, unknown>;
		if ('Id' in body && body.Id !== found.Id) return validation('Id', 'WARNINGS.XAPI.FORBIDDEN_CHANGE');
		// "Should not allow to change number" (3cx/xapi-tutorial src/users.spec.ts).
		if ('Number' in body && body.Number !== found.Number) return validation('Number', 'WARNINGS.XAPI.FORBIDDEN_CHANGE');
		const invalid = validateUser(body, found);
		if (invalid) return invalid;
		for (const [key, value] of Object.entries(body)) {
			if (key === 'Groups') applyGroups(found, value);
			else if (key === 'Phones') applyPhones(found, value as Array<Record<string, unknown>>);
			else if (key === 'ForwardingProfiles') applyForwardingProfiles(found, value as Array<Record<string, unknown>>);
			else if (!key.startsWith('@odata.')) found[key] = value;
		}
		found.DisplayName = `${found.FirstName} ${found.LastName}`.trim();
		return { status: 204 };
	});

	api('DELETE', keyPattern, (req) => {
		const found = findByKey(req.params.key);
		if (!isUser(found)) return found;
		if (state.undeletable.has(found.Number)) return validation('Number', 'WARNINGS.USER_EXTENSION_CANNOT_BE_DELETED');
		state.users.delete(found.Id);
		return { status: 204 };
	});

	server.notFound((req) =>
		req.path.startsWith('/xapi/v1')
			? odataError(404, `No HTTP resource was found that matches the request URI '${req.path}'.`)
			: { status: 404, body: 'Not Found' },
	);

	return {
		server,
		state,
		seedUsers,
		reset,
		/** Expire every token now (as if its lifetime ran out). */
		expireTokens: () => {
			for (const entry of state.tokens.values()) entry.expiresAt = 0;
		},
		/** Credential values a user would type into "3CX API". */
		credentials: () => ({
			url: server.baseUrl,
			clientId: state.options.clientId,
			clientSecret: state.options.clientSecret,
			ignoreSSLIssues: false,
		}),
	};
}

export type ThreeCxSandbox = ReturnType<typeof createThreeCxSandbox>;
