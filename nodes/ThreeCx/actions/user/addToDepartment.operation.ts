import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { departmentIdParameter } from '../../helpers/department';
import { resolveUser } from '../../helpers/locator';
import { currentMemberships, membershipResult, writeMemberships } from '../../helpers/memberships';
import { departmentIdField } from '../department/descriptions';
import { ROLE_OPTIONS, userLocatorField } from './descriptions';

const properties: INodeProperties[] = [
	userLocatorField(),
	departmentIdField('The department to add the user to'),
	{
		displayName: 'Role',
		name: 'roleName',
		type: 'options',
		options: ROLE_OPTIONS,
		default: 'users',
		description: 'Role of the user in this department (Rights.RoleName)',
	},
];

const displayOptions = { show: { resource: ['user'], operation: ['addToDepartment'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * Read-modify-write of the user's `Groups`: GET /Users({Id})?$expand=Groups($expand=Rights),
 * then PATCH /Users({Id}) with the old memberships plus this one, so memberships in other
 * departments survive (a PATCH of Groups replaces them all). A member with another role gets
 * the new role; a member with the same role is left alone (no PATCH, changed: false).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const groupId = departmentIdParameter(this, itemIndex);
	const roleName = this.getNodeParameter('roleName', itemIndex) as string;
	const { id } = await resolveUser(this, itemIndex);
	const { memberships } = await currentMemberships(this, id, itemIndex);
	const existing = memberships.find((m) => m.GroupId === groupId);
	if (existing?.Rights.RoleName === roleName) return await membershipResult(this, id, false, itemIndex);
	const next = existing
		? memberships.map((m) => (m.GroupId === groupId ? { GroupId: groupId, Rights: { RoleName: roleName } } : m))
		: [...memberships, { GroupId: groupId, Rights: { RoleName: roleName } }];
	await writeMemberships(this, id, next, itemIndex);
	return await membershipResult(this, id, true, itemIndex);
}
