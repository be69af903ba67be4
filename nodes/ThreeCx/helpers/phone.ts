import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../shared/errors';
import { withoutFieldsDeep } from '../../shared/redact';
import { request } from '../transport';
import { userPath, withoutODataAnnotations } from '../transport/odata';
import { MacAddressError, normaliseMac } from './mac';

/**
 * Pbx.Phone properties that hold secrets: the provisioning URLs embed the secret path a phone
 * fetches its configuration (with the SIP credentials) from, and Settings (Pbx.PhoneSettings)
 * has a Secret.
 */
export const PHONE_SECRET_FIELDS = ['ProvisioningLinkExt', 'ProvisioningLinkLocal', 'Secret'];

/** A phone without its provisioning links and settings secret (unless asked to keep them). */
export function stripPhoneSecrets(phone: IDataObject, includeSecrets = false): IDataObject {
	return includeSecrets ? { ...phone } : withoutFieldsDeep(phone, PHONE_SECRET_FIELDS);
}

/** The MAC Address parameter as 12 lower-case hex digits, or an error naming parameter and item. */
export function macParameter(ctx: IExecuteFunctions, itemIndex: number): string {
	try {
		return normaliseMac(ctx.getNodeParameter('macAddress', itemIndex));
	} catch (error) {
		if (error instanceof MacAddressError) {
			throw new NodeOperationError(ctx.getNode(), `"MAC Address" in item ${itemIndex} ${error.message}`, { itemIndex });
		}
		throw asNodeError(ctx.getNode(), error);
	}
}

/** The user's number and phones (GET /Users({Id})?$expand=Phones); an answer without Phones is an error. */
export async function userPhones(ctx: IExecuteFunctions, id: number, itemIndex: number): Promise<{ number: string | null; phones: IDataObject[] }> {
	const user = await request(ctx, { path: userPath({ id }), qs: { $select: 'Id,Number', $expand: 'Phones' } }, itemIndex);
	if (!Array.isArray(user.Phones)) {
		throw new NodeOperationError(ctx.getNode(), `The PBX answered without the phones of user ${id}; nothing was changed`, { itemIndex });
	}
	return {
		number: user.Number === undefined || user.Number === null ? null : String(user.Number),
		phones: (user.Phones as IDataObject[]).map(withoutODataAnnotations),
	};
}
