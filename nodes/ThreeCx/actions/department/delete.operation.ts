import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { departmentIdParameter } from '../../helpers/department';
import { beforeEntityWrite } from '../../helpers/unchanged';
import { request } from '../../transport';
import { departmentIdField } from './descriptions';

const properties: INodeProperties[] = [departmentIdField()];

const displayOptions = { show: { resource: ['department'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties, 'department'));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/**
 * DELETE /Groups({Id}) (204). The PBX itself refuses the default department
 * (WARNINGS.GROUP_CANNOT_BE_DELETED) and one with members (GROUP_WITH_MEMBERS_CANNOT_BE_DELETED),
 * so no user loses a department by this operation.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const id = departmentIdParameter(this, itemIndex);
	await beforeEntityWrite(this, itemIndex, { path: `/Groups(${id})`, label: 'department' });
	await request(this, { method: 'DELETE', path: `/Groups(${id})` }, itemIndex);
	return { id, deleted: true };
}
