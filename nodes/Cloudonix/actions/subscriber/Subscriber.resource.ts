import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/router';
import * as activate from './activate.operation';
import * as create from './create.operation';
import * as deactivate from './deactivate.operation';
import { optionsProperty } from './descriptions';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

/** The operation files, in the order their properties are listed; the router's table is derived from them. */
export const operations = {
	getMany,
	get,
	create,
	upsert,
	update,
	activate,
	deactivate,
	delete: del,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['subscriber'] } },
		options: [
			{
				name: 'Activate',
				value: 'activate',
				description: 'Set a subscriber active',
				action: 'Activate a subscriber',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a subscriber',
				action: 'Create a subscriber',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a subscriber',
			},
			{
				name: 'Deactivate',
				value: 'deactivate',
				description: 'Set a subscriber inactive, keeping it',
				action: 'Deactivate a subscriber',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a subscriber permanently',
				action: 'Delete a subscriber',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a subscriber',
				action: 'Get a subscriber',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'Get many subscribers',
				action: 'Get many subscribers',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update a subscriber',
				action: 'Update a subscriber',
			},
		],
		default: 'getAll',
	},
	...operationProperties(operations),
	optionsProperty,
];
