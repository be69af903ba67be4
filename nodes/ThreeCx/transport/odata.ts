import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { jsonWithList } from '../../shared/answer';
import { checkNumber, parseNumber } from '../../shared/numbers';

/*
 * OData as 3CX's XAPI speaks it, in one place: literals and keys, the query options of the
 * node's Options collections, paging order, annotations, and the department (group) ID that
 * goes into paths and $filter.
 */

/** 3CX answers `$top` above 100 with HTTP 400 ("The limit of '100' for Top query has been exceeded"). */
export const MAX_PAGE_SIZE = 100;

/** An OData collection answer: JSON with a `value` array (a web page on HTTP 200 is an error, not "none"). */
export const COLLECTION = jsonWithList('value');

/** An OData string literal: single quotes, with quotes inside doubled (`O'Brien` → `'O''Brien'`). */
export function odataString(value: string): string {
	return `'${value.replace(/'/g, "''")}'`;
}

/** Path of one user by key: `/Users(12)` or by alternate key `/Users(Number='100')`. */
export function userPath(key: { id: number } | { number: string }): string {
	if ('id' in key) return `/Users(${key.id})`;
	return `/Users(Number=${encodeURIComponent(odataString(key.number))})`;
}

/** Splits a comma list of OData terms (`Number desc, Id`) into trimmed parts. */
function terms(list: string): string[] {
	return list
		.split(',')
		.map((t) => t.trim())
		.filter((t) => t !== '');
}

/**
 * Makes an `$orderby` stable for `$skip` paging: without a unique last key, rows with equal
 * sort values may come back in a different order on the next page, so a user could be skipped
 * or repeated. `Id` is the entity key, so appending it makes the order total.
 */
export function stableOrderBy(orderBy: string | undefined): string {
	const list = terms(orderBy ?? '');
	if (!list.some((t) => /^Id(\s+(asc|desc))?$/i.test(t))) list.push('Id');
	return list.join(',');
}

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

/** A record without OData annotations such as @odata.context. */
export function withoutODataAnnotations(record: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(record).filter(([key]) => !isODataAnnotation(key)));
}

/** Whether a key is protocol noise (`@odata.context`, `@odata.etag`) rather than data. */
export function isODataAnnotation(key: string): boolean {
	return key.startsWith('@odata.');
}

/** A department (3CX group) ID is a positive int32 (Pbx.Group.Id). */
const DEPARTMENT_ID = { displayName: 'Department Name or ID', min: 1, max: 2147483647 };

/**
 * The one check of a department (group) ID, before it reaches a path, a body or a $filter.
 * Empty is "no department" unless `required`. A required ID (the department operations and
 * Add to / Remove From Department) is refused with what a department ID is; an optional one
 * (a filter, a user's department) with the package's number wording.
 */
export function departmentId(node: INode, value: unknown, itemIndex: number, required: true): number;
export function departmentId(node: INode, value: unknown, itemIndex: number, required?: false): number | undefined;
export function departmentId(node: INode, value: unknown, itemIndex: number, required = false): number | undefined {
	if (!required) return value === undefined || value === '' ? undefined : checkNumber(node, value, DEPARTMENT_ID, itemIndex);
	const parsed = parseNumber(value, DEPARTMENT_ID);
	if (typeof parsed === 'number') return parsed;
	throw new NodeOperationError(
		node,
		`"Department Name or ID" must be a 3CX department (group) ID, a positive whole number, in item ${itemIndex}; got ${JSON.stringify(value ?? '')}`,
		{ itemIndex, description: 'Pick the department from the list, or use the Id of a department from "Department → Get Many".' },
	);
}
