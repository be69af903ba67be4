import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { listRecords } from '../transport';

/** Departments (3CX groups) for the Department dropdowns; their Id is what Users.Groups needs. */
export async function getGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { records } = await listRecords(this, { collection: '/Groups', query: { $select: 'Id,Name,Number' }, orderBy: 'Name' });
	return records.map((group) => ({
		name: group.Number ? `${String(group.Name)} (${String(group.Number)})` : String(group.Name ?? group.Id),
		value: Number(group.Id),
	}));
}

/**
 * Phone templates for the Template dropdown. ListPhoneTemplate takes only $top, $skip, $search,
 * $filter and $count (no $orderby), so the list is paged in the PBX's order and sorted here.
 */
export async function getPhoneTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { records } = await listRecords(this, { collection: '/PhoneTemplates', orderBy: null });
	return records
		.map((template) => ({ name: String(template.Id), value: String(template.Id) }))
		.sort((a, b) => a.name.localeCompare(b.name));
}
