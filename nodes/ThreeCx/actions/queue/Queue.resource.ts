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
		displayOptions: { show: { resource: ['queue'] } },
		options: [
			{ name: 'Add Member', value: 'addMember', description: 'Make a user an agent of the queue; the other agents stay', action: 'Add a member to a queue' },
			{ name: 'Create', value: 'create', description: 'Create a queue with a given or the next free number', action: 'Create a queue' },
			{ name: 'Delete', value: 'delete', description: 'Delete a queue', action: 'Delete a queue' },
			{ name: 'Get', value: 'get', description: 'Get a queue by ID or number', action: 'Get a queue' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many queues, with OData filter, order and paging', action: 'Get many queues' },
			{ name: 'Get Members', value: 'getMembers', description: 'Get the agents of a queue', action: 'Get the members of a queue' },
			{ name: 'Remove Member', value: 'removeMember', description: 'Take a user off the agents of the queue; the others stay', action: 'Remove a member from a queue' },
			{ name: 'Update', value: 'update', description: 'Update a queue; the number cannot change', action: 'Update a queue' },
		],
		default: 'getMany',
	},
	...operationProperties(operations),
];
