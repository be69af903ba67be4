import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { includeSecretsProperty } from '../../../shared/properties';
import { shapeUser } from '../../helpers/output';
import { readSearch } from '../../helpers/search';
import { soapCall } from '../../transport';
import { soapItems } from '../../transport/xml';
import { outputProperty } from '../user/descriptions';
import { searchProperties } from './descriptions';

const properties: INodeProperties[] = [
	...searchProperties('find'),
	outputProperty(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			includeSecretsProperty({
				description:
					'Whether to keep the SIP password and PIN token that the SOAP API returns. Off by default so they do not end up in execution logs.',
			}),
		],
	},
];

const displayOptions = { show: { resource: ['userBulk'], operation: ['find'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const { search } = readSearch(this, i);
	const options = this.getNodeParameter('options', i, {}) as { includeSecrets?: boolean };
	// findUser with no search argument lists every user (portType documentation).
	const body = await soapCall.call(
		this,
		{ service: 'UserService', operation: 'FindUser', content: search ? { search } : {}, idempotent: true },
		i,
	);
	return soapItems(body, 'users').map((user) => shapeUser(this, i, user as IDataObject, options.includeSecrets === true));
}
