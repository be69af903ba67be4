import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { includeSecretsProperty, optionsCollection, readIncludeSecrets, readOutputMode } from '../../../shared/properties';
import { shapeRecord } from '../../helpers/record';
import { readSearch } from '../../helpers/search';
import { request } from '../../transport';
import { soapItems } from '../../transport/xml';
import { outputProperty } from '../user/descriptions';
import { searchProperties, SOAP_USER_SECRETS } from './descriptions';

const properties: INodeProperties[] = [
	...searchProperties('find'),
	outputProperty(),
	optionsCollection([includeSecretsProperty({ keeps: 'the SIP password and PIN token the SOAP API returns', fields: SOAP_USER_SECRETS })]),
];

const displayOptions = { show: { resource: ['userBulk'], operation: ['find'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const { search } = readSearch(this, itemIndex);
	const includeSecrets = readIncludeSecrets(this, itemIndex);
	// findUser with no search argument lists every user (portType documentation).
	const body = await request(
		this,
		{ api: 'soap', service: 'UserService', operation: 'FindUser', content: search ? { search } : {}, idempotent: true },
		itemIndex,
	);
	return soapItems(body, 'users').map((user) => shapeRecord(user as IDataObject, readOutputMode(this, itemIndex), includeSecrets));
}
