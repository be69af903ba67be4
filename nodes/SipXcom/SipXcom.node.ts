import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { operationSubtitle } from '../shared/properties';
import * as phone from './actions/phone/Phone.resource';
import { requestOptionsProperty } from '../shared/properties';
import { router } from './actions/router';
import * as user from './actions/user/User.resource';
import * as userBulk from './actions/userBulk/UserBulk.resource';
import * as loadOptions from './methods/loadOptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Phone', value: 'phone', description: 'Phones via the /api REST API (JSON)' },
			{ name: 'User', value: 'user', description: 'One user at a time via the /rest REST API (XML)' },
			{
				name: 'User (Bulk, SOAP)',
				value: 'userBulk',
				description: 'Find users, or change every user a search matches, via the SOAP UserService',
			},
		],
		default: 'user',
	},
	...user.description,
	...userBulk.description,
	...phone.description,
	requestOptionsProperty(),
];

export class SipXcom implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'sipXcom',
		name: 'sipXcom',
		icon: { light: 'file:sipxcom.svg', dark: 'file:sipxcom.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description: 'Manage users and phones on a sipXcom / sipXecs PBX (sipXconfig REST and SOAP APIs)',
		defaults: {
			name: 'sipXcom',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// CREDENTIAL_TYPE, spelled out for n8n's community-node lint; the credential has its own Test.
		credentials: [{ name: 'sipXcomApi', required: true }],
		properties,
	};

	methods = { loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
