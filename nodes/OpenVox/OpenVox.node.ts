import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { operationSubtitle } from '../shared/properties';
import * as extension from './actions/extension/Extension.resource';
import { requestOptionsProperty } from '../shared/properties';
import { router } from './actions/router';
import { getExtensions } from './methods/loadOptions';
import { CREDENTIAL_TYPE } from './transport/credential';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [{ name: 'Extension', value: 'extension' }],
		default: 'extension',
	},
	...extension.description,
	requestOptionsProperty(),
];

export class OpenVox implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OpenVox',
		name: 'openVox',
		icon: { light: 'file:openVox.svg', dark: 'file:openVox.dark.svg' },
		group: ['output'],
		// Version 2: Create generates the register password by default (version 1 keeps "set", so
		// workflows saved before the option existed keep their password; see helpers/password.ts).
		// Version 3: Get, Create and Update have Include Secrets in Options, like the other
		// nodes (versions 1 and 2 keep it at the top level).
		version: [1, 2, 3],
		defaultVersion: 3,
		subtitle: operationSubtitle(properties),
		description: 'Provision extensions on OpenVox UC-series IP PBXs (UC300/UC500/UC501) through their HTTP API',
		defaults: {
			name: 'OpenVox',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties,
	};

	methods = {
		loadOptions: { getExtensions },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
