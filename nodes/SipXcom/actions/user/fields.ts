import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { UserWrite } from '../../transport/xml';
import { idList, splitList } from '../common';

/** Optional user fields shared by Create (Additional Fields) and Update (Update Fields). */
export function userFieldOptions(includeUserName: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Aliases',
			name: 'aliases',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2000, jdoe',
			description:
				'Other numbers or names the user is reachable at, comma-separated. On update this replaces the current aliases.',
		},
		{
			displayName: 'Branch Name or ID',
			name: 'branchId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getBranches' },
			default: '',
			description:
				'Branch the user belongs to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Email',
			name: 'emailAddress',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			description: 'Email address of the user (sipXconfig <code>emailAddress</code>)',
		},
		{
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Group Names or IDs',
			name: 'groupIds',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getUserGroups' },
			default: [],
			description:
				'User groups the user is a member of. On update this replaces the current groups. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Last Name',
			name: 'lastName',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Voicemail PIN',
			name: 'pin',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Voicemail and user-portal PIN (sipXconfig <code>pin</code>). Left empty, the current PIN is kept.',
		},
		{
			displayName: 'SIP Password',
			name: 'sipPassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Password phones register with. Left empty, sipXconfig keeps the current one (or generates one on create).',
		},
	];
	if (includeUserName) {
		fields.push({
			displayName: 'User Name',
			name: 'userName',
			type: 'string',
			default: '',
			description: 'The user name, which is the extension number on most systems',
		});
	}
	return fields;
}

/** Applies the fields the user set onto a write body; list fields replace the current lists. */
export function applyUserFields(
	ctx: IExecuteFunctions,
	target: UserWrite,
	fields: IDataObject,
	itemIndex: number,
): UserWrite {
	for (const key of ['userName', 'firstName', 'lastName', 'emailAddress', 'pin', 'sipPassword'] as const) {
		if (fields[key] !== undefined) target[key] = String(fields[key]);
	}
	if (fields.aliases !== undefined) target.aliases = splitList(fields.aliases);
	if (fields.groupIds !== undefined) target.groupIds = idList(ctx, fields.groupIds, 'Group Names or IDs', itemIndex);
	if (fields.branchId !== undefined && fields.branchId !== '') {
		target.branchId = idList(ctx, fields.branchId, 'Branch Name or ID', itemIndex)[0];
	}
	return target;
}
