import type { IDataObject } from 'n8n-workflow';

/** The OData system query options of the node's Options collections, as 3CX takes them. */

/** Quotes a $search phrase that has spaces and no quotes, as the 3CX docs describe. */
export function searchPhrase(search: string): string {
	const trimmed = search.trim();
	if (/\s/.test(trimmed) && !/^".*"$/.test(trimmed)) return `"${trimmed.replace(/"/g, '')}"`;
	return trimmed;
}

/** A comma list without blanks (`Id, Number,` → `Id,Number`). */
export function commaList(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const list = value
		.split(',')
		.map((v) => v.trim())
		.filter((v) => v !== '');
	return list.length ? list.join(',') : undefined;
}

/** OData query string from the options collection; only what the user set is sent. */
export function odataQuery(options: IDataObject): IDataObject {
	const qs: IDataObject = {};
	if (typeof options.search === 'string' && options.search.trim() !== '') qs.$search = searchPhrase(options.search);
	if (typeof options.filter === 'string' && options.filter.trim() !== '') qs.$filter = options.filter.trim();
	if (options.count === true) qs.$count = true;
	const select = commaList(options.select);
	if (select) qs.$select = select;
	const expand = commaList(options.expand);
	if (expand) qs.$expand = expand;
	return qs;
}

/** `Groups/any(g:g/GroupId eq 5)`, joined with the user's $filter by `and`. */
export function withDepartment(filter: string | undefined, groupId: number | undefined): string | undefined {
	if (groupId === undefined) return filter;
	const lambda = `Groups/any(g:g/GroupId eq ${groupId})`;
	return filter ? `(${filter}) and ${lambda}` : lambda;
}
