import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { includeSecretsProperty, optionsCollection, readIncludeSecrets } from '../../../shared/properties';
import { shapeUser, SOAP_USER_SECRETS } from '../../helpers/output';
import { readSearch } from '../../helpers/search';
import { soapCall } from '../../transport';
import { soapItems } from '../../transport/xml';
import { outputProperty } from '../user/descriptions';
import { searchProperties } from './descriptions';

const properties: INodeProperties[] = [
	...searchProperties('find'),
	outputProperty(),
	optionsCollection([includeSecretsProperty({ keeps: 'the SIP password and PIN token the SOAP API returns', fields: SOAP_USER_SECRETS })]),
];

const displayOptions = { show: { resource: ['userBulk'], operation: ['find'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const { search } = readSearch(this, i);
	const includeSecrets = readIncludeSecrets(this, i);
	// findUser with no search argument lists every user (portType documentation).
	const body = await soapCall.call(
		this,
		{ service: 'UserService', operation: 'FindUser', content: search ? { search } : {}, idempotent: true },
		i,
	);
	return soapItems(body, 'users').map((user) => shapeUser(this, i, user as IDataObject, includeSecrets));
}
