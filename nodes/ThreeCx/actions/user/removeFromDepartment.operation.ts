import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { departmentIdParameter } from '../../helpers/department';
import { resolveUser } from '../../helpers/locator';
import { currentMemberships, membershipResult, writeMemberships } from '../../helpers/memberships';
import { departmentIdField } from '../department/descriptions';
import { userLocatorField } from './descriptions';

const properties: INodeProperties[] = [userLocatorField(), departmentIdField('The department to remove the user from')];

const displayOptions = { show: { resource: ['user'], operation: ['removeFromDepartment'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * Read-modify-write of the user's `Groups` without this department; the other memberships
 * stay. A user who is not a member is left alone (no PATCH, changed: false).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const groupId = departmentIdParameter(this, itemIndex);
	const { id } = await resolveUser(this, itemIndex);
	const { memberships } = await currentMemberships(this, id, itemIndex);
	if (!memberships.some((m) => m.GroupId === groupId)) return await membershipResult(this, id, false, itemIndex);
	await writeMemberships(
		this,
		id,
		memberships.filter((m) => m.GroupId !== groupId),
		itemIndex,
	);
	return await membershipResult(this, id, true, itemIndex);
}
