import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { includeSecretsProperty, outputProperty } from '../../../shared/properties';

export const show = (operation: string[]) => ({ show: { resource: ['user'], operation } });

export function outputField(operations: string[]): INodeProperties {
	return outputProperty({
		resource: 'user',
		operations,
		normalised: 'Number, name, first and last name, email, enabled, ID and the raw user, ready for Compare Extensions',
		raw: 'The 3CX user (Pbx.User) as the PBX returned it',
		description: 'Shape of each output item',
	});
}

export function includeSecretsOption(): INodeProperties {
	return includeSecretsProperty({
		description:
			'Whether to keep AuthPassword, AccessPassword, DeskphonePassword and VMPIN in the output (they are removed by default)',
	});
}

/** The OData system query options 3CX accepts on the Users collection (swagger ListUser). */
export const ODATA_OPTIONS: Record<string, INodeProperties> = {
	top: {
		displayName: 'Top',
		name: 'top',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 100,
		description: 'OData $top: show only the first n items. The PBX answers HTTP 400 above 100.',
	},
	skip: {
		displayName: 'Skip',
		name: 'skip',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'OData $skip: skip the first n items',
	},
	search: {
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: 'e.g. smith',
		description:
			'OData $search: search items by search phrases. A phrase with spaces that is not quoted is quoted automatically.',
	},
	filter: {
		displayName: 'Filter',
		name: 'filter',
		type: 'string',
		default: '',
		placeholder: "e.g. Enabled eq true and startswith(Number,'1')",
		description:
			'OData $filter: filter items by property values (property names are case-sensitive, strings in single quotes)',
	},
	count: {
		displayName: 'Count',
		name: 'count',
		type: 'boolean',
		default: true,
		description: 'Whether to ask the PBX for the total count of matching items (OData $count)',
	},
	select: {
		displayName: 'Select',
		name: 'select',
		type: 'string',
		default: '',
		// eslint-disable-next-line n8n-nodes-base/node-param-placeholder-miscased-id -- OData property names are case-sensitive: Id, not ID
		placeholder: 'e.g. Id,Number,FirstName,LastName,EmailAddress',
		description: 'OData $select: comma-separated properties to return',
	},
	orderby: {
		displayName: 'Order By',
		name: 'orderby',
		type: 'string',
		default: '',
		placeholder: 'e.g. LastName asc, FirstName',
		description: 'OData $orderby: order items by property values (comma-separated, each optionally followed by asc or desc)',
	},
	expand: {
		displayName: 'Expand',
		name: 'expand',
		type: 'string',
		default: '',
		placeholder: 'e.g. Groups',
		description: 'OData $expand: comma-separated related entities to include, e.g. Groups',
	},
};

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
export function withDepartment(filter: string | undefined, groupId: unknown): string | undefined {
	if (groupId === undefined || groupId === null || groupId === '') return filter;
	const lambda = `Groups/any(g:g/GroupId eq ${Number(groupId)})`;
	return filter ? `(${filter}) and ${lambda}` : lambda;
}

/** A user ID parameter as int32, or a NodeOperationError naming the parameter and item. */
export function userIdParameter(ctx: IExecuteFunctions, name: string, displayName: string, itemIndex: number): number {
	const raw = ctx.getNodeParameter(name, itemIndex) as unknown;
	const text = typeof raw === 'number' ? String(raw) : String(raw ?? '').trim();
	if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 2147483647) {
		throw new NodeOperationError(ctx.getNode(), `"${displayName}" must be a 3CX user ID (a positive whole number), got ${JSON.stringify(raw)}`, {
			itemIndex,
			description: 'The user ID is the Id field of a 3CX user (not the extension number). Use "By Extension Number" to look a user up by number.',
		});
	}
	return Number(text);
}

export const userIdField = (operations: string[]): INodeProperties => ({
	displayName: 'User ID',
	name: 'userId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 42',
	displayOptions: show(operations),
	description: 'The 3CX user ID (not the extension number)',
});
