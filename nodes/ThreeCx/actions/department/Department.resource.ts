import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/router';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getMembers from './getMembers.operation';
import * as update from './update.operation';

/** The operation files, in the order their properties are listed; the router's table is derived from them. */
export const operations = {
	getMany,
	get,
	create,
	update,
	delete: del,
	getMembers,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['department'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a department (3CX group)', action: 'Create a department' },
			{ name: 'Delete', value: 'delete', description: 'Delete a department without members', action: 'Delete a department' },
			{ name: 'Get', value: 'get', description: 'Get a department by ID', action: 'Get a department' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many departments, with OData filter, order and paging', action: 'Get many departments' },
			{ name: 'Get Members', value: 'getMembers', description: 'Get the users of a department with their roles', action: 'Get the members of a department' },
			{ name: 'Update', value: 'update', description: 'Update a department; the number cannot change', action: 'Update a department' },
		],
		default: 'getMany',
	},
	...operationProperties(operations),
];
