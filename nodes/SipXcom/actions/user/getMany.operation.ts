import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readLimit, returnAllProperties } from '../../../shared/properties';
import type { RequestContext } from '../../../shared/requestContext';
import { USER_DOCUMENT } from '../../helpers/user';
import { parseOrFail, restXml } from '../../transport';
import type { RestUser } from '../../transport/xml';
import { parseUserList } from '../../transport/xml';
import { shapeUser } from '../../helpers/output';
import { idList } from '../../helpers/parameters';
import { outputProperty } from './descriptions';

/** Users per request when paging (`pagesize`). sipXconfig documents no cap; 250 keeps each XML answer small. */
export const PAGE_SIZE = 250;

const properties: INodeProperties[] = [
	...returnAllProperties(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Branch Name or ID',
				name: 'branch',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getBranches' },
				default: '',
				description:
					'Only users of this branch (sipXconfig <code>branch</code> parameter). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'User IDs',
				name: 'ids',
				type: 'string',
				default: '',
				placeholder: 'e.g. 5, 6, 12',
				description: 'Only the users with these internal IDs, comma-separated',
			},
		],
	},
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add Sort Option',
		default: {},
		options: [
			{
				displayName: 'Sort By',
				name: 'sortBy',
				type: 'options',
				default: 'username',
				options: [
					{ name: 'User Name', value: 'username' },
					{ name: 'Last Name', value: 'lastname' },
					{ name: 'First Name', value: 'firstname' },
				],
				description: 'Field to sort by (sipXconfig <code>sortby</code>)',
			},
			{
				displayName: 'Direction',
				name: 'sortDirection',
				type: 'options',
				default: 'forward',
				options: [
					{ name: 'Forward', value: 'forward' },
					{ name: 'Reverse', value: 'reverse' },
				],
				description: 'Sort direction (sipXconfig <code>sortdir</code>)',
			},
		],
	},
	outputProperty(),
];

const displayOptions = { show: { resource: ['user'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const limit = readLimit(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as { branch?: string | number; ids?: string };
	const sort = this.getNodeParameter('sort', i, {}) as { sortBy?: string; sortDirection?: string };

	// sipXconfig sorts only when both sortby and sortdir are sent. Always sorting keeps pages
	// stable while paging; user name forward is the default.
	const qs: IDataObject = { sortby: sort.sortBy || 'username', sortdir: sort.sortDirection || 'forward' };
	if (filters.branch !== undefined && filters.branch !== '') qs.branch = idList(this, filters.branch, 'Branch Name or ID', i)[0];
	if (filters.ids) qs.ids = idList(this, filters.ids, 'User IDs', i).join(',');

	const { users } = await listUsers(this, qs, limit, i);
	return users.map((user) => shapeUser(this, i, user));
}

export interface UserList {
	users: RestUser[];
	/** `totalResults` of the first page: how many users the server said the list holds. */
	total: number;
}

/**
 * GET /rest/user page by page (`page`, `pagesize`) until `limit` users, an empty page or the
 * last page. `qs` should sort (sipXconfig sorts only with both sortby and sortdir), so pages
 * stay stable while paging.
 */
export async function listUsers(ctx: RequestContext, qs: IDataObject, limit: number, itemIndex?: number): Promise<UserList> {
	const pageSize = Math.max(1, Math.min(limit, PAGE_SIZE));
	const users: RestUser[] = [];
	const seen = new Set<number | undefined>();
	let total = 0;
	for (let page = 1; ; page++) {
		const text = await restXml.call(ctx, { method: 'GET', path: '/user', qs: { ...qs, page, pagesize: pageSize }, expect: USER_DOCUMENT }, itemIndex);
		const result = await parseOrFail(ctx, text, parseUserList, 'user list', itemIndex);
		if (page === 1) total = result.metadata.totalResults;
		for (const user of result.users) {
			// A user created while paging shifts later pages; do not emit anyone twice.
			if (user.id !== undefined && seen.has(user.id)) continue;
			seen.add(user.id);
			users.push(user);
		}
		if (users.length >= limit) break;
		if (result.users.length === 0 || page >= result.metadata.totalPages) break;
	}
	return { users: users.slice(0, limit), total };
}
