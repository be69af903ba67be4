import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptionsProperty } from '../shared/properties';
import { operationSubtitle } from '../shared/properties';
import { router } from './actions/router';
import * as department from './actions/department/Department.resource';
import * as phone from './actions/phone/Phone.resource';
import * as queue from './actions/queue/Queue.resource';
import * as ringGroup from './actions/ringGroup/RingGroup.resource';
import * as system from './actions/system/System.resource';
import * as user from './actions/user/User.resource';
import { searchQueues, searchRingGroups, searchUsers } from './methods/listSearch';
import { getGroups, getPhoneTemplates } from './methods/loadOptions';
import { CREDENTIAL_TYPE } from './transport/credential';

const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Department', value: 'department', description: 'Departments are the groups of the PBX' },
			{ name: 'Phone', value: 'phone', description: 'Desk phones of users and phones the PBX discovered' },
			{ name: 'Queue', value: 'queue', description: 'Call queues and their agents' },
			{ name: 'Ring Group', value: 'ringGroup', description: 'Ring groups and their members' },
			{ name: 'System', value: 'system', description: 'Version, edition and licence of the PBX' },
			{ name: 'User', value: 'user', description: 'Users are the extensions of the PBX' },
		],
		default: 'user',
	},
	...user.description,
	...department.description,
	...phone.description,
	...queue.description,
	...ringGroup.description,
	...system.description,
	requestOptionsProperty(),
];

export class ThreeCx implements INodeType {
	description: INodeTypeDescription = {
		displayName: '3CX',
		name: 'threeCx',
		icon: { light: 'file:threeCx.svg', dark: 'file:threeCx.dark.svg' },
		group: ['output'],
		// Version 2: Get, Update and Delete pick the user with a resource locator (list, extension
		// number or ID), and Create never sends an empty number: it is an error, and "Next Free
		// Number" asks the PBX explicitly. Export Extensions leaves the secret columns out of the
		// file unless Include Secrets is on. Version 1 keeps its User ID parameters, its Create and its export.
		// Version 3: Get Provisioning Link has Include Secrets in Options, like every other
		// operation (versions 1 and 2 keep it at the top level).
		// Version 4: Delete Many has "Maximum Users" (default 100), like the other bulk operations
		// that can take many users out at once; versions 1–3 keep deleting without a limit.
		version: [1, 2, 3, 4],
		defaultVersion: 4,
		subtitle: operationSubtitle(properties),
		description: 'Manage users (extensions), departments, phones, queues and ring groups of a 3CX V20 PBX through the Configuration API (XAPI)',
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
		loadOptions: { getGroups, getPhoneTemplates },
		listSearch: { searchUsers, searchQueues, searchRingGroups },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
