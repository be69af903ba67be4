import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { includeSecretsProperty } from '../../../shared/properties';
import { soapCall } from '../../transport';
import { soapItems } from '../../transport/xml';
import { outputProperty, shapeUser } from '../common';
import { readSearch, searchProperties } from './search';

export const description: INodeProperties[] = [
	...searchProperties('find'),
	outputProperty('userBulk', ['find']),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['userBulk'], operation: ['find'] } },
		options: [
			includeSecretsProperty({
				description:
					'Whether to keep the SIP password and PIN token that the SOAP API returns. Off by default so they do not end up in execution logs.',
			}),
		],
	},
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const { search } = readSearch(this, i);
	const options = this.getNodeParameter('options', i, {}) as { includeSecrets?: boolean };
	// findUser with no search argument lists every user (portType documentation).
	const body = await soapCall(this, 'UserService', 'FindUser', search ? { search } : {}, { idempotent: true }, i);
	return soapItems(body, 'users').map((user) => shapeUser(this, i, user as IDataObject, options.includeSecrets === true));
}
