import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { operationSubtitle } from '../shared/properties';
import { router } from './actions/router';
import * as user from './actions/user/User.resource';
import { getGroups } from './methods/loadOptions';
import { CREDENTIAL_TYPE } from './transport/credential';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'User', value: 'user', description: 'Users are the extensions of the PBX' }],
		default: 'user',
	},
	...user.description,
];

export class ThreeCx implements INodeType {
	description: INodeTypeDescription = {
		displayName: '3CX',
		name: 'threeCx',
		icon: { light: 'file:threeCx.svg', dark: 'file:threeCx.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description: 'Manage users (extensions) of a 3CX V20 PBX through the Configuration API (XAPI)',
		defaults: {
			name: '3CX',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties,
	};

	methods = {
		loadOptions: { getGroups },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
