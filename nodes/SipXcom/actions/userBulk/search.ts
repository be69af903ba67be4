import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Json } from '../../transport/xml';

export type SearchBy = 'byUserName' | 'byFuzzyUserNameOrAlias' | 'byGroup' | 'all';

const SEARCH_OPTIONS = [
	{ name: 'User Name (Exact)', value: 'byUserName', description: 'The user whose user name is exactly this' },
	{
		name: 'User Name or Alias Contains',
		value: 'byFuzzyUserNameOrAlias',
		description: 'Users whose user name or an alias contains this text (sipXconfig returns at most 1,000)',
	},
	{ name: 'Group', value: 'byGroup', description: 'Members of this user group (sipXconfig returns at most 1,000)' },
];

/** "Search By" + "Search Value"; Find also offers All Users, Manage never does. */
export function searchProperties(operation: 'find' | 'manage'): INodeProperties[] {
	const show = { resource: ['userBulk'], operation: [operation] };
	const options =
		operation === 'find'
			? [...SEARCH_OPTIONS, { name: 'All Users', value: 'all', description: 'Every user (no search argument)' }]
			: SEARCH_OPTIONS;
	return [
		{
			displayName: 'Search By',
			name: 'searchBy',
			type: 'options',
			default: 'byUserName',
			options,
			displayOptions: { show },
			description:
				operation === 'manage'
					? 'How to pick the users to change. The same search selects the users sipXconfig changes.'
					: 'How to search users (SOAP UserSearch)',
		},
		{
			displayName: 'Search Value',
			name: 'searchValue',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 201',
			displayOptions: { show, hide: { searchBy: ['all'] } },
			description: 'User name, part of a user name or alias, or group name, depending on Search By',
		},
	];
}

/** The SOAP `search` element, or undefined for All Users; an empty value is refused. */
export function readSearch(ctx: IExecuteFunctions, i: number): { searchBy: SearchBy; value?: string; search?: Json } {
	const searchBy = ctx.getNodeParameter('searchBy', i) as SearchBy;
	if (searchBy === 'all') return { searchBy };
	const value = String(ctx.getNodeParameter('searchValue', i, '') ?? '').trim();
	if (!value) {
		throw new NodeOperationError(ctx.getNode(), `"Search Value" is empty for item ${i}`, {
			itemIndex: i,
			description:
				'An empty search would match nothing or everything depending on the sipXcom version, so the node refuses it. Set a user name, part of one, or a group name.',
		});
	}
	return { searchBy, value, search: { [searchBy]: value } };
}
