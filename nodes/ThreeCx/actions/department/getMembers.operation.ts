import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readLimit, returnAllProperties } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { departmentIdParameter, shapeDepartment } from '../../helpers/department';
import { listRecords } from '../../transport';
import { departmentIdField } from './descriptions';

const properties: INodeProperties[] = [
	departmentIdField(),
	...returnAllProperties(),
];

const displayOptions = { show: { resource: ['department'], operation: ['getMembers'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * GET /Groups({Id})/Members (Pbx.UserGroup: the member's Number and name, Rights.RoleName),
 * paged under the $top cap and ordered by Number, then Id.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const id = departmentIdParameter(this, itemIndex);
	const limit = readLimit(this, itemIndex);
	const { records } = await listRecords(
		this,
		{ collection: `/Groups(${id})/Members`, query: { $expand: 'Rights' }, orderBy: 'Number', limit: Number.isFinite(limit) ? limit : undefined },
		itemIndex,
	);
	return records.map((member) => ({ departmentId: id, ...shapeDepartment(member) }));
}
