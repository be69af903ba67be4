import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/router';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

/** The operation files, in the order their properties are listed; the router's table is derived from them. */
export const operations = {
	getMany,
	get,
	create,
	update,
	delete: del,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['extension'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create an extension', action: 'Create an extension' },
			{ name: 'Delete', value: 'delete', description: 'Delete one or more extensions', action: 'Delete extensions' },
			{ name: 'Get', value: 'get', description: 'Get the settings of one or more extensions', action: 'Get extension settings' },
			{ name: 'Get Many', value: 'getMany', description: 'List extensions with their status', action: 'Get many extensions' },
			{ name: 'Update', value: 'update', description: 'Change the settings of an extension', action: 'Update an extension' },
		],
		default: 'getMany',
	},
	...operationProperties(operations),
];
