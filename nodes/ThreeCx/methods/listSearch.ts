import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { MAX_PAGE_SIZE, odataString, stableOrderBy, threeCxRequest } from '../transport';

/**
 * Users for the User picker, ordered by extension number, 100 per page ($top cap), searched by
 * number (prefix) or by first, last or display name and e-mail (contains, case-insensitive).
 */
export async function searchUsers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const skip = Number(paginationToken ?? 0) || 0;
	const qs: IDataObject = {
		$select: 'Id,Number,FirstName,LastName,DisplayName',
		$orderby: stableOrderBy('Number'),
		$top: MAX_PAGE_SIZE,
		$skip: skip,
	};
	const term = (filter ?? '').trim();
	if (term !== '') {
		const literal = odataString(term.toLowerCase());
		qs.$filter = [
			`startswith(Number,${odataString(term)})`,
			...['FirstName', 'LastName', 'DisplayName', 'EmailAddress'].map((field) => `contains(tolower(${field}),${literal})`),
		].join(' or ');
	}
	const page = await threeCxRequest.call(this, { path: '/Users', qs });
	const users = Array.isArray(page.value) ? (page.value as IDataObject[]) : [];
	return {
		results: users.map((user) => {
			const name = [user.FirstName, user.LastName].filter((part) => typeof part === 'string' && part !== '').join(' ') || String(user.DisplayName ?? '');
			return { name: name ? `${String(user.Number)} (${name})` : String(user.Number), value: String(user.Id) };
		}),
		paginationToken: users.length === MAX_PAGE_SIZE ? String(skip + users.length) : undefined,
	};
}
