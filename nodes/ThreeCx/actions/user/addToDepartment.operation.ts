import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { departmentIdParameter } from '../../helpers/department';
import { resolveUser } from '../../helpers/locator';
import { changeMembership } from '../../helpers/memberships';
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

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/**
 * Read-modify-write of the user's `Groups`: GET /Users({Id})?$expand=Groups($expand=Rights),
 * then PATCH /Users({Id}) with the memberships as read plus this one, so memberships in other
 * departments survive (a PATCH of Groups replaces them all); read back, and written again from
 * fresh data if another writer undid it (helpers/memberships.ts). A member with another role
 * gets the new role; a member with the same role is left alone (no PATCH, changed: false).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const groupId = departmentIdParameter(this, itemIndex);
	const roleName = this.getNodeParameter('roleName', itemIndex) as string;
	const { id } = await resolveUser(this, itemIndex);
	return await changeMembership(this, itemIndex, id, groupId, roleName);
}
