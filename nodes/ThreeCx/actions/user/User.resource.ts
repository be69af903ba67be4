import type { INodeProperties } from 'n8n-workflow';

import * as batchDelete from './batchDelete.operation';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as exportExtensions from './exportExtensions.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as reprovisionAllPhones from './reprovisionAllPhones.operation';
import * as update from './update.operation';

export { batchDelete, create, del as delete, exportExtensions, get, getMany, reprovisionAllPhones, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a user (extension)',
				action: 'Create a user',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a user (extension)',
				action: 'Delete a user',
			},
			{
				name: 'Delete Many',
				value: 'batchDelete',
				description: 'Delete several users in one request and report the ones that failed',
				action: 'Delete many users',
			},
			{
				name: 'Export Extensions',
				value: 'exportExtensions',
				description: 'Export users as the CSV file of the admin console',
				action: 'Export extensions',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a user by ID or extension number',
				action: 'Get a user',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get many users, with OData filter, order and paging',
				action: 'Get many users',
			},
			{
				name: 'Reprovision All Phones',
				value: 'reprovisionAllPhones',
				description: 'Make the phones of the given users fetch their configuration again',
				action: 'Reprovision all phones of users',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update a user (extension); the number cannot change',
				action: 'Update a user',
			},
		],
		default: 'getMany',
	},
	...exportExtensions.description,
	...getMany.description,
	...get.description,
	...create.description,
	...update.description,
	...del.description,
	...batchDelete.description,
	...reprovisionAllPhones.description,
];
