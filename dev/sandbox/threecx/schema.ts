/**
 * The 3CX entity sets the sandbox serves, as the XAPI's $metadata describes them: properties
 * and types (for validation, $select and $filter), nested collections, $search fields and
 * navigation properties ($expand).
 */
import type { EntitySet, Schema } from './odata';

export const USER_SCHEMA: Schema = {
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

export const USER_GROUP_SCHEMA: Schema = { Id: 'number', GroupId: 'number', Name: 'string', Number: 'string', Rights: 'object' };

const PHONE_SCHEMA: Schema = {
	Id: 'number',
	MacAddress: 'string',
	Name: 'string',
	TemplateName: 'string',
	Interface: 'string',
	ProvisioningLinkExt: 'string',
	ProvisioningLinkLocal: 'string',
	Settings: 'object',
};

export const USERS: EntitySet = {
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

export const GROUP_SCHEMA: Schema = {
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

export const GROUPS: EntitySet = {
	entity: 'Group',
	schema: GROUP_SCHEMA,
	nested: { Members: { schema: USER_GROUP_SCHEMA, entity: 'UserGroup' } },
	searchable: ['Name', 'Number'],
	navigation: ['Members'],
};

const MEMBER_SCHEMA: Schema = { ...USER_GROUP_SCHEMA, MemberName: 'string', Type: 'string', CanDelete: 'boolean' };

/** Pbx.UserGroup as Groups({Id})/Members lists them: Number and MemberName are the member's. */
export const MEMBERS: EntitySet = { entity: 'UserGroup', schema: MEMBER_SCHEMA, nested: {}, searchable: ['Number', 'MemberName'], navigation: ['Rights'] };

export const FORWARDING_PROFILES: EntitySet = {
	entity: 'ForwardingProfile',
	schema: { Id: 'number', Name: 'string', CustomName: 'string', NoAnswerTimeout: 'number', AcceptMultipleCalls: 'boolean', RingMyMobile: 'boolean', AvailableRoute: 'object', AwayRoute: 'object' },
	nested: {},
	searchable: ['Name'],
	navigation: [],
};

export const DEVICE_INFOS: EntitySet = {
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

export const PHONE_TEMPLATES: EntitySet = {
	entity: 'PhoneTemplate',
	schema: { Id: 'string', IsCustom: 'boolean', AddAllowed: 'boolean', TemplateType: 'string', URL: 'string', Models: 'collection' },
	nested: {},
	searchable: ['Id'],
	navigation: [],
};

export const SIP_DEVICES: EntitySet = {
	entity: 'SipDevice',
	schema: { Id: 'number', DN: 'object', ProvLink: 'string', PhoneWebPassword: 'string', Registrar: 'object' },
	nested: {},
	searchable: [],
	navigation: [],
};

const ROUTE_PROPERTIES: Schema = { BreakRoute: 'object', HolidaysRoute: 'object', OutOfOfficeRoute: 'object', ForwardNoAnswer: 'object' };

/** The Pbx.Queue properties the sandbox keeps (swagger 20.0.10), Agents and Managers as navigation. */
export const QUEUE_SCHEMA: Schema = {
	Id: 'number',
	Number: 'string',
	Name: 'string',
	AgentAvailabilityMode: 'boolean',
	AnnounceEstimatedWaitTime: 'boolean',
	AnnouncementInterval: 'number',
	AnnounceQueuePosition: 'boolean',
	CallbackEnableTime: 'number',
	CallbackPrefix: 'string',
	ClickToCallId: 'string',
	EnableIntro: 'boolean',
	GreetingFile: 'string',
	IntroFile: 'string',
	IsRegistered: 'boolean',
	MasterTimeout: 'number',
	MaxCallersInQueue: 'number',
	OnHoldFile: 'string',
	PlayFullPrompt: 'boolean',
	PollingStrategy: 'string',
	PriorityQueue: 'boolean',
	PromptSet: 'string',
	Recording: 'string',
	RingTimeout: 'number',
	SLATime: 'number',
	VMEmailList: 'string',
	VMEmailOptions: 'string',
	WrapUpTime: 'number',
	...ROUTE_PROPERTIES,
	Agents: 'collection',
	Managers: 'collection',
};

/** The Pbx.RingGroup properties the sandbox keeps, Members as navigation. */
export const RING_GROUP_SCHEMA: Schema = {
	Id: 'number',
	Number: 'string',
	Name: 'string',
	ClickToCallId: 'string',
	GreetingFile: 'string',
	IsRegistered: 'boolean',
	MulticastAddress: 'string',
	MulticastCodec: 'string',
	MulticastPacketTime: 'number',
	MulticastPort: 'number',
	RingStrategy: 'string',
	RingTime: 'number',
	VMEmailList: 'string',
	VMEmailOptions: 'string',
	...ROUTE_PROPERTIES,
	Members: 'collection',
};

/** Pbx.QueueManager and Pbx.RingGroupMember; Pbx.QueueAgent adds SkillGroup. */
const MEMBER_ROW_SCHEMA: Schema = { Id: 'number', Name: 'string', Number: 'string', Tags: 'collection' };
const AGENT_ROW_SCHEMA: Schema = { ...MEMBER_ROW_SCHEMA, SkillGroup: 'string' };

const memberSet = (entity: string, schema: Schema): EntitySet => ({ entity, schema, nested: {}, searchable: ['Number', 'Name'], navigation: [] });

export const QUEUE_AGENTS = memberSet('QueueAgent', AGENT_ROW_SCHEMA);
export const QUEUE_MANAGERS = memberSet('QueueManager', MEMBER_ROW_SCHEMA);
export const RING_GROUP_MEMBERS = memberSet('RingGroupMember', MEMBER_ROW_SCHEMA);

export const QUEUES: EntitySet = {
	entity: 'Queue',
	schema: QUEUE_SCHEMA,
	nested: { Agents: { schema: AGENT_ROW_SCHEMA, entity: 'QueueAgent' }, Managers: { schema: MEMBER_ROW_SCHEMA, entity: 'QueueManager' } },
	searchable: ['Name', 'Number'],
	navigation: ['Agents', 'Managers'],
};

export const RING_GROUPS: EntitySet = {
	entity: 'RingGroup',
	schema: RING_GROUP_SCHEMA,
	nested: { Members: { schema: MEMBER_ROW_SCHEMA, entity: 'RingGroupMember' } },
	searchable: ['Name', 'Number'],
	navigation: ['Members'],
};

/** Enumerations of the swagger (Pbx.PollingStrategyType, Pbx.QueueRecording, Pbx.StrategyType, Pbx.VMEmailOptionsType). */
export const ENUMS: Record<string, string[]> = {
	PollingStrategy: [
		'Hunt',
		'RingAll',
		'HuntRandomStart',
		'NextAgent',
		'LongestWaiting',
		'LeastTalkTime',
		'FewestAnswered',
		'HuntBy3s',
		'First3Available',
		'SkillBasedRouting_RingAll',
		'SkillBasedRouting_HuntRandomStart',
		'SkillBasedRouting_RoundRobin',
		'SkillBasedRouting_FewestAnswered',
	],
	Recording: ['Disabled', 'AllowToOptOut', 'AskToOptIn'],
	RingStrategy: ['Hunt', 'RingAll', 'Paging'],
	VMEmailOptions: ['None', 'Notification', 'Attachment', 'AttachmentAndDelete', 'VmailToMembers', 'EmailToExtrasOnly'],
};
