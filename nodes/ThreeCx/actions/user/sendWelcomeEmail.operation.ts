import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { resolveUser } from '../../helpers/locator';
import { request } from '../../transport';
import { userLocatorField } from './descriptions';

const properties: INodeProperties[] = [userLocatorField()];

const displayOptions = { show: { resource: ['user'], operation: ['sendWelcomeEmail'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/**
 * POST /Users({Id})/Pbx.SendWelcomeEmail (no body, 204). The PBX sends its welcome e-mail
 * template to the user's EmailAddress. An action: never repeated after a 5xx or a dropped
 * connection, so a user never gets it twice by the node's doing.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const user = await resolveUser(this, itemIndex);
	await request(this, { method: 'POST', path: `/Users(${user.id})/Pbx.SendWelcomeEmail` }, itemIndex);
	return { id: String(user.id), ...(user.number === undefined ? {} : { number: user.number }), welcomeEmailSent: true };
}
