import type { INodeProperties } from 'n8n-workflow';

/** The secrets of a SOAP user record (sipxconfig.wsdl, type User). */
export const SOAP_USER_SECRETS = ['sipPassword', 'pintoken'];

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
			displayOptions: { hide: { searchBy: ['all'] } },
			description: 'User name, part of a user name or alias, or group name, depending on Search By',
		},
	];
}
