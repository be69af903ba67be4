import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/router';
import * as addMember from './addMember.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getMembers from './getMembers.operation';
import * as removeMember from './removeMember.operation';
import * as update from './update.operation';

/** The operation files, in the order their properties are listed; the router's table is derived from them. */
export const operations = {
	getMany,
	get,
	create,
	update,
	delete: del,
	addMember,
	removeMember,
	getMembers,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ringGroup'] } },
		options: [
			{ name: 'Add Member', value: 'addMember', description: 'Make a user a member of the ring group; the other members stay', action: 'Add a member to a ring group' },
			{ name: 'Create', value: 'create', description: 'Create a ring group with a given or the next free number', action: 'Create a ring group' },
			{ name: 'Delete', value: 'delete', description: 'Delete a ring group', action: 'Delete a ring group' },
			{ name: 'Get', value: 'get', description: 'Get a ring group by ID or number', action: 'Get a ring group' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many ring groups, with OData filter, order and paging', action: 'Get many ring groups' },
			{ name: 'Get Members', value: 'getMembers', description: 'Get the members of a ring group', action: 'Get the members of a ring group' },
			{ name: 'Remove Member', value: 'removeMember', description: 'Take a user off the members of the ring group; the others stay', action: 'Remove a member from a ring group' },
			{ name: 'Update', value: 'update', description: 'Update a ring group; the number cannot change', action: 'Update a ring group' },
		],
		default: 'getMany',
	},
	...operationProperties(operations),
];
