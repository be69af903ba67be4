import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listRecords } from '../transport';
import { MAX_PAGE_SIZE, odataString } from '../transport/odata';

/**
 * Users for the User picker, ordered by extension number, 100 per page ($top cap), searched by
 * number (prefix) or by first, last or display name and e-mail (contains, case-insensitive).
 */
export async function searchUsers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const skip = Number(paginationToken ?? 0) || 0;
	const term = (filter ?? '').trim();
	const literal = odataString(term.toLowerCase());
	const $filter =
		term === ''
			? undefined
			: [
					`startswith(Number,${odataString(term)})`,
					...['FirstName', 'LastName', 'DisplayName', 'EmailAddress'].map((field) => `contains(tolower(${field}),${literal})`),
				].join(' or ');
	const { records: users } = await listRecords(this, {
		query: { $select: 'Id,Number,FirstName,LastName,DisplayName', ...($filter ? { $filter } : {}) },
		orderBy: 'Number',
		skip,
		limit: MAX_PAGE_SIZE,
	});
	return {
		results: users.map((user) => {
			const name = [user.FirstName, user.LastName].filter((part) => typeof part === 'string' && part !== '').join(' ') || String(user.DisplayName ?? '');
			return { name: name ? `${String(user.Number)} (${name})` : String(user.Number), value: String(user.Id) };
		}),
		paginationToken: users.length === MAX_PAGE_SIZE ? String(skip + users.length) : undefined,
	};
}
