import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/router';
import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as sendProfiles from './sendProfiles.operation';

/** The operation files, in the order their properties are listed; the router's table is derived from them. */
export const operations = {
	getMany,
	get,
	create,
	delete: del,
	sendProfiles,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['phone'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Add a phone by MAC address and model', action: 'Create a phone' },
			{ name: 'Delete', value: 'delete', description: 'Delete a phone', action: 'Delete a phone' },
			{ name: 'Get', value: 'get', description: 'Get a phone by ID or MAC address', action: 'Get a phone' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many phones', action: 'Get many phones' },
			{
				name: 'Send Profiles',
				value: 'sendProfiles',
				description: 'Send configuration profiles to phones, optionally restarting them (reprovision)',
				action: 'Send profiles to phones',
			},
		],
		default: 'getMany',
	},
	...operationProperties(operations),
];
