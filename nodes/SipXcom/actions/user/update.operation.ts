import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { restWrite } from '../../transport';
import type { RestUser, UserWrite } from '../../transport/xml';
import { buildUserXml } from '../../transport/xml';
import { numericId, requiredString, shapeUser } from '../common';
import { readUser, userIdProperty } from './get.operation';
import { applyUserFields, userFieldOptions } from './fields';

export const description: INodeProperties[] = [
	userIdProperty('update', 'Internal sipXconfig ID of the user to change (field <code>id</code> of Get Many)'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { resource: ['user'], operation: ['update'] } },
		description:
			'Only the fields you add are changed. Groups, branch and aliases you do not add are kept (the node reads the user first, because sipXconfig clears them when they are missing from an update).',
		options: userFieldOptions(true),
	},
];

/** The current user as a write body: what sipXconfig would otherwise clear is carried over. */
export function currentAsWrite(user: RestUser): UserWrite {
	return {
		userName: user.userName ?? '',
		// sipXconfig never returns the PIN or SIP password; an empty one leaves it unchanged.
		pin: '',
		sipPassword: '',
		lastName: typeof user.lastName === 'string' ? user.lastName : undefined,
		firstName: typeof user.firstName === 'string' ? user.firstName : undefined,
		emailAddress: typeof user.emailAddress === 'string' ? user.emailAddress : undefined,
		groupIds: user.groups.map((g) => g.id).filter((id): id is number => id !== undefined),
		branchId: user.branch?.id,
		aliases: [...user.aliases],
	};
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = numericId(this, requiredString(this, 'userId', 'User ID', i), 'User ID', i);
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	if (!Object.keys(fields).length) {
		throw new NodeOperationError(this.getNode(), `"Update Fields" is empty for item ${i}: nothing to change`, {
			itemIndex: i,
			description: 'Add at least one field to Update Fields.',
		});
	}
	if (fields.userName !== undefined && String(fields.userName).trim() === '') {
		throw new NodeOperationError(this.getNode(), `"User Name" cannot be set to an empty value (item ${i})`, { itemIndex: i });
	}
	// Read-modify-write: PUT /user/{id} replaces groups, branch and aliases with what it is sent.
	const current = await readUser(this, id, i);
	const body = applyUserFields(this, currentAsWrite(current), fields, i);
	await restWrite(this, { method: 'PUT', path: `/user/${id}`, xml: buildUserXml(body) }, i);
	return shapeUser(this, i, await readUser(this, id, i));
}
