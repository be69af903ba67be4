import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/router';
import * as getStatus from './getStatus.operation';

/** The operation files, in the order their properties are listed; the router's table is derived from them. */
export const operations = { getStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['system'] } },
		options: [
			{
				name: 'Get Status',
				value: 'getStatus',
				description: 'Get the version and edition of the PBX, its licence and how many extensions and trunks it has',
				action: 'Get the system status',
			},
		],
		default: 'getStatus',
	},
	...operationProperties(operations),
];
