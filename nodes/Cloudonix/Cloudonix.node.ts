import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsProperty } from '../shared/properties';
import { operationSubtitle } from '../shared/properties';
import { router } from './actions/router';
import * as subscriber from './actions/subscriber/Subscriber.resource';

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
		// CREDENTIAL_TYPE, spelled out for n8n's community-node lint; the credential has its own Test.
		credentials: [{ name: 'cloudonixApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
