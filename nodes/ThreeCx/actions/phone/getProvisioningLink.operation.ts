import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { movedIncludeSecretsProperties, readIncludeSecrets } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { resolveUser } from '../../helpers/locator';
import { request } from '../../transport';
import { userLocatorField } from '../user/descriptions';

/** Node version 3 moved Include Secrets into Options; versions 1 and 2 keep it at the top level. */
const SECRETS_IN_OPTIONS_FROM = 3;

const properties: INodeProperties[] = [
	userLocatorField(),
	...movedIncludeSecretsProperties(
		{
			keeps: 'the provisioning link',
			fields: ['provisioningLink'],
			note: 'It embeds the secret path a phone loads its SIP credentials from; without it the output only says whether there is one (hasProvisioningLink).',
		},
		SECRETS_IN_OPTIONS_FROM,
	),
];

const displayOptions = { show: { resource: ['phone'], operation: ['getProvisioningLink'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /Users({Id})/Pbx.GenerateProvLink(), answered with `{"value": "<link>"}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const includeSecrets = readIncludeSecrets(this, itemIndex, SECRETS_IN_OPTIONS_FROM);
	const user = await resolveUser(this, itemIndex);
	const answer = await request(this, { path: `/Users(${user.id})/Pbx.GenerateProvLink()` }, itemIndex);
	const link = typeof answer.value === 'string' ? answer.value : '';
	return includeSecrets ? { id: String(user.id), provisioningLink: link } : { id: String(user.id), hasProvisioningLink: link !== '' };
}
