import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection, returnAllProperties } from '../../../shared/properties';
import type { CallGroupKind } from '../../helpers/callGroup';
import { ODATA_OPTIONS, userLocatorField } from '../user/descriptions';

/**
 * The properties of the queue operations. Ring groups work the same way on their own paths, so
 * each builder takes the kind (helpers/callGroup.ts QUEUE or RING_GROUP); the ring group's own
 * fields are in ../ringGroup/descriptions.ts. Each operation file scopes what it uses with
 * updateDisplayOptions.
 */

/** The Operation parameter of the queue and ring group resources: the same operations for both. */
export function callGroupOperationProperty(kind: CallGroupKind): INodeProperties {
	const { label, memberLabel, memberTitle } = kind;
	const member = memberLabel === 'agent' ? 'an agent' : 'a member';
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [kind.resource] } },
		options: [
			{ name: `Add ${memberTitle}`, value: `add${memberTitle}`, description: `Make a user ${member} of the ${label}; the other ${memberLabel}s stay`, action: `Add ${member} to a ${label}` },
			{ name: 'Create', value: 'create', description: `Create a ${label} with a given or the next free number`, action: `Create a ${label}` },
			{ name: 'Delete', value: 'delete', description: `Delete a ${label}`, action: `Delete a ${label}` },
			{ name: 'Get', value: 'get', description: `Get a ${label} by ID or number`, action: `Get a ${label}` },
			{ name: `Get ${memberTitle}s`, value: `get${memberTitle}s`, description: `Get the ${memberLabel}s of a ${label}`, action: `Get the ${memberLabel}s of a ${label}` },
			{ name: 'Get Many', value: 'getMany', description: `Get many ${label}s, with OData filter, order and paging`, action: `Get many ${label}s` },
			{ name: `Remove ${memberTitle}`, value: `remove${memberTitle}`, description: `Take a user off the ${memberLabel}s of the ${label}; the others stay`, action: `Remove ${member} from a ${label}` },
			{ name: 'Update', value: 'update', description: `Update a ${label}; the number cannot change`, action: `Update a ${label}` },
		].sort((a, b) => a.name.localeCompare(b.name)),
		default: 'getMany',
	};
}

/** The queue or ring group picker: from a searchable list, by its number, or by ID. */
export function callGroupLocatorField(kind: CallGroupKind, description = `The 3CX ${kind.label}`): INodeProperties {
	return {
		displayName: kind.title,
		name: kind.resource,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: `${description}: pick one from the list, or give its number or its ID`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: kind.searchMethod, searchable: true },
			},
			{
				displayName: 'By Number',
				name: 'number',
				type: 'string',
				placeholder: 'e.g. 800',
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 3',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*[0-9]+\\s*$', errorMessage: `A 3CX ${kind.label} ID is a positive whole number (not its number)` },
					},
				],
			},
		],
	};
}

/** $expand, naming the kind's member list. */
const expandOption = (kind: CallGroupKind): INodeProperties => ({
	...ODATA_OPTIONS.expand,
	placeholder: `e.g. ${kind.members}`,
	description: `OData $expand: comma-separated related entities to include, e.g. ${kind.members}`,
});

/** Get Many: Return All / Limit and the OData options of the collection. */
export function getManyProperties(kind: CallGroupKind): INodeProperties[] {
	return [
		...returnAllProperties(),
		optionsCollection([
			ODATA_OPTIONS.count,
			expandOption(kind),
			{ ...ODATA_OPTIONS.filter, placeholder: "e.g. startswith(Number,'8')" },
			{ ...ODATA_OPTIONS.orderby, placeholder: 'e.g. Name' },
			{ ...ODATA_OPTIONS.search, placeholder: 'e.g. support' },
			{ ...ODATA_OPTIONS.select, placeholder: 'e.g. Id,Number,Name' },
		]),
	];
}

/** Get: the picker and $select / $expand. */
export function getProperties(kind: CallGroupKind): INodeProperties[] {
	return [callGroupLocatorField(kind), optionsCollection([expandOption(kind), { ...ODATA_OPTIONS.select, placeholder: 'e.g. Id,Number,Name' }])];
}

/** "Other Properties (JSON)" of Create and Update. */
export function otherPropertiesField(kind: CallGroupKind): INodeProperties {
	return {
		displayName: 'Other Properties (JSON)',
		name: 'additionalJson',
		type: 'json',
		default: '{}',
		description: `Any other Pbx.${kind.title.replace(' ', '')} properties as a JSON object. Fields set above win over the same keys here. The number cannot change after creation, and ${kind.members} is changed with Add ${kind.memberTitle} and Remove ${kind.memberTitle}.`,
	};
}

/** Create: Name, where the number comes from, and the kind's fields. */
export function createProperties(kind: CallGroupKind, fields: INodeProperties[]): INodeProperties[] {
	return [
		{
			displayName: 'Name',
			name: 'Name',
			type: 'string',
			default: '',
			required: true,
			placeholder: kind.resource === 'queue' ? 'e.g. Support' : 'e.g. Reception',
			description: `Name of the ${kind.label}`,
		},
		{
			displayName: `${kind.title} Number From`,
			name: 'numberSource',
			type: 'options',
			default: 'specific',
			options: [
				{ name: 'This Number', value: 'specific', description: `The ${kind.title} Number below (required)` },
				{ name: 'Next Free Number', value: 'nextFree', description: `The first number the PBX has free for a ${kind.label}, asked right before the ${kind.label} is created` },
			],
			description: `Where the number of the new ${kind.label} comes from. It cannot be changed after creation.`,
		},
		{
			displayName: `${kind.title} Number`,
			name: 'Number',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 800',
			displayOptions: { show: { numberSource: ['specific'] } },
			description: `The number callers dial to reach the ${kind.label}, digits only. It cannot be changed after creation: 3CX refuses another number, so a new number means a new ${kind.label}.`,
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [...fields, otherPropertiesField(kind)].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
	];
}

/** Update: the picker and the fields to change (Name among them); never the number. */
export function updateProperties(kind: CallGroupKind, fields: INodeProperties[]): INodeProperties[] {
	const name: INodeProperties = { displayName: 'Name', name: 'Name', type: 'string', default: '', description: `New name of the ${kind.label}` };
	return [
		callGroupLocatorField(kind),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [...fields, name, otherPropertiesField(kind)].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
	];
}

/** Add Agent / Add Member and Remove Agent / Remove Member: which list and which user. */
export function memberProperties(kind: CallGroupKind, action: 'add' | 'remove'): INodeProperties[] {
	const user = userLocatorField();
	user.description =
		action === 'add'
			? `The user (extension) to make a ${kind.memberLabel}: pick one from the list, or give its extension number or its ID`
			: `The user (extension) to take off the list: pick one from the list, or give its extension number (also of a user deleted since) or its ID`;
	return [callGroupLocatorField(kind, action === 'add' ? `The ${kind.label} to add the user to` : `The ${kind.label} to remove the user from`), user];
}

/** Get Agents / Get Members: the picker and Return All / Limit. */
export function getMembersProperties(kind: CallGroupKind): INodeProperties[] {
	return [callGroupLocatorField(kind), ...returnAllProperties()];
}

/** The Pbx.Queue fields offered as form fields; the rest goes in the JSON field. */
export function queueFields(): INodeProperties[] {
	return [
		{
			displayName: 'Max Callers in Queue',
			name: 'MaxCallersInQueue',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'How many callers may wait at once; 0 for no limit',
		},
		{
			displayName: 'Polling Strategy',
			name: 'PollingStrategy',
			type: 'options',
			default: 'Hunt',
			// Pbx.PollingStrategyType
			options: [
				{ name: 'Fewest Answered', value: 'FewestAnswered', description: 'The agent who answered the fewest calls first' },
				{ name: 'First 3 Available', value: 'First3Available' },
				{ name: 'Hunt', value: 'Hunt', description: 'Agents one after the other in their order (prioritized hunt)' },
				{ name: 'Hunt by Threes', value: 'HuntBy3s', description: 'Three agents at a time, in their order' },
				{ name: 'Hunt Random Start', value: 'HuntRandomStart' },
				{ name: 'Least Talk Time', value: 'LeastTalkTime' },
				{ name: 'Longest Waiting', value: 'LongestWaiting', description: 'The agent idle the longest first' },
				{ name: 'Next Agent', value: 'NextAgent', description: 'Round robin' },
				{ name: 'Ring All', value: 'RingAll' },
				{ name: 'Skill-Based: Fewest Answered', value: 'SkillBasedRouting_FewestAnswered' },
				{ name: 'Skill-Based: Hunt Random Start', value: 'SkillBasedRouting_HuntRandomStart' },
				{ name: 'Skill-Based: Ring All', value: 'SkillBasedRouting_RingAll' },
				{ name: 'Skill-Based: Round Robin', value: 'SkillBasedRouting_RoundRobin' },
			],
			description: 'How calls are offered to the agents',
		},
		{
			displayName: 'Priority Queue',
			name: 'PriorityQueue',
			type: 'boolean',
			default: false,
			description: "Whether this queue's calls are offered to shared agents before those of other queues",
		},
		{
			displayName: 'Ring Timeout (Seconds)',
			name: 'RingTimeout',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 20,
			description: 'How long an agent\'s phone rings before the next one is tried',
		},
		{
			displayName: 'Wrap-Up Time (Seconds)',
			name: 'WrapUpTime',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Time after a call before the agent gets the next one',
		},
	];
}
