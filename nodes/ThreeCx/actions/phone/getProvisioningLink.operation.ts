import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { includeSecretsProperty } from '../../../shared/properties';
import type { ItemResult } from '../../../shared/router';
import { resolveUser } from '../../helpers/locator';
import { threeCxRequest } from '../../transport';
import { userLocatorField } from '../user/descriptions';

const properties: INodeProperties[] = [
	userLocatorField(),
	includeSecretsProperty({
		description:
			'Whether to output the link itself. It embeds the secret path a phone loads its SIP credentials from, so it is left out by default and the output only says whether there is one.',
	}),
];

const displayOptions = { show: { resource: ['phone'], operation: ['getProvisioningLink'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** GET /Users({Id})/Pbx.GenerateProvLink(), answered with `{"value": "<link>"}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const includeSecrets = this.getNodeParameter('includeSecrets', itemIndex, false) as boolean;
	const user = await resolveUser(this, itemIndex);
	const answer = await threeCxRequest.call(this, { path: `/Users(${user.id})/Pbx.GenerateProvLink()` }, itemIndex);
	const link = typeof answer.value === 'string' ? answer.value : '';
	return includeSecrets ? { id: String(user.id), provisioningLink: link } : { id: String(user.id), hasProvisioningLink: link !== '' };
}
