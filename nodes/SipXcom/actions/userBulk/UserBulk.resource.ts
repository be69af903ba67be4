import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/router';
import * as find from './find.operation';
import * as manage from './manage.operation';

/** The operation files, in the order their properties are listed; the router's table is derived from them. */
export const operations = {
	find,
	manage,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['userBulk'] } },
		options: [
			{
				name: 'Find',
				value: 'find',
				description: 'Find users by user name, part of a user name or alias, or group',
				action: 'Find users',
			},
			{
				name: 'Manage',
				value: 'manage',
				description: 'Edit, regroup, move or delete every user a search matches',
				action: 'Manage matching users',
			},
		],
		default: 'find',
	},
	...operationProperties(operations),
];
