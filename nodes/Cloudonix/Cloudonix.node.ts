import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsProperty } from '../shared/properties';
import { operationSubtitle } from '../shared/properties';
import { router } from './actions/router';
import * as subscriber from './actions/subscriber/Subscriber.resource';
import { cloudonixApiTest } from './methods/credentialTest';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Subscriber', value: 'subscriber' }],
		default: 'subscriber',
	},
	...subscriber.description,
	requestOptionsProperty(),
];

export class Cloudonix implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cloudonix',
		name: 'cloudonix',
		icon: { light: 'file:cloudonix.svg', dark: 'file:cloudonix.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: operationSubtitle(properties),
		description: 'Create, update, deactivate and list subscribers of a Cloudonix domain',
		defaults: {
			name: 'Cloudonix',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// The credential's Test (methods/credentialTest.ts). The name is spelled out (it is
		// CREDENTIAL_TYPE): n8n's community-node lint sees `testedBy` only next to a literal name.
		credentials: [{ name: 'cloudonixApi', required: true, testedBy: 'cloudonixApiTest' }],
		properties,
	};

	methods = { credentialTest: { cloudonixApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
