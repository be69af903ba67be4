import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { getAllPages } from '../transport';

/** Departments (3CX groups) for the Department dropdowns; their Id is what Users.Groups needs. */
export async function getGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { records } = await getAllPages.call(this, '/Groups', { qs: { $select: 'Id,Name,Number' }, orderBy: 'Name' });
	return records.map((group) => ({
		name: group.Number ? `${String(group.Name)} (${String(group.Number)})` : String(group.Name ?? group.Id),
		value: Number(group.Id),
	}));
}
