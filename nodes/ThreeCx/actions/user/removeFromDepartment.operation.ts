import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { departmentIdParameter } from '../../helpers/department';
import { resolveUser } from '../../helpers/locator';
import { changeMembership } from '../../helpers/memberships';
import { departmentIdField } from '../department/descriptions';
import { userLocatorField } from './descriptions';

const properties: INodeProperties[] = [userLocatorField(), departmentIdField('The department to remove the user from')];

const displayOptions = { show: { resource: ['user'], operation: ['removeFromDepartment'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/**
 * Read-modify-write of the user's `Groups` without this department; the other memberships
 * stay, read back as for Add to Department. A user who is not a member is left alone (no
 * PATCH, changed: false).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const groupId = departmentIdParameter(this, itemIndex);
	const { id } = await resolveUser(this, itemIndex);
	return await changeMembership(this, itemIndex, id, groupId, undefined);
}
