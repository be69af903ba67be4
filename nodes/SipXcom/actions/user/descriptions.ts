import type { INodeProperties } from 'n8n-workflow';

import { outputProperty as sharedOutputProperty } from '../../../shared/properties';

/**
 * Properties that several user operations (and Find of the bulk resource) share. They carry no
 * resource or operation: each operation file scopes its properties with one updateDisplayOptions call.
 */

/** The package-wide Output parameter. */
export function outputProperty(): INodeProperties {
	return sharedOutputProperty({
		normalised:
			'The package\'s vendor-neutral shape (number ← userName, name, email, aliases …) that Compare Extensions matches on',
		raw: 'The user as sipXconfig returns it, converted to JSON',
	});
}

export const userIdProperty = (description: string): INodeProperties => ({
	displayName: 'User ID',
	name: 'userId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 5',
	description,
});


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
