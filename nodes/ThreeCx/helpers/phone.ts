import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../shared/errors';
import { threeCxRequest, userPath } from '../transport';
import { MacAddressError, normaliseMac } from './mac';
import { withoutODataAnnotations } from './user';

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
	const user = await threeCxRequest.call(ctx, { path: userPath({ id }), qs: { $select: 'Id,Number', $expand: 'Phones' } }, itemIndex);
	if (!Array.isArray(user.Phones)) {
		throw new NodeOperationError(ctx.getNode(), `The PBX answered without the phones of user ${id}; nothing was changed`, { itemIndex });
	}
	return {
		number: user.Number === undefined || user.Number === null ? null : String(user.Number),
		phones: (user.Phones as IDataObject[]).map(withoutODataAnnotations),
	};
}
