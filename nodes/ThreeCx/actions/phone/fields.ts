import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MacAddressError, normaliseMac } from '../../helpers/mac';
import { threeCxRequest, userPath } from '../../transport';

export const showPhone = (operations: string[], extra: Record<string, string[] | boolean[]> = {}): IDisplayOptions => ({
	show: { resource: ['phone'], operation: operations, ...extra },
});

export function macField(displayOptions: IDisplayOptions, description = 'MAC address of the phone'): INodeProperties {
	return {
		displayName: 'MAC Address',
		name: 'macAddress',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 80:5E:C0:A1:B2:C3',
		displayOptions,
		description: `${description}, in any common notation (80:5E:C0:A1:B2:C3, 80-5E-C0-A1-B2-C3, 805e.c0a1.b2c3 or 805EC0A1B2C3); sent as 12 lower-case hex digits`,
	};
}

/** The MAC parameter as 12 lower-case hex digits, or an error naming parameter and item. */
export function macParameter(ctx: IExecuteFunctions, itemIndex: number): string {
	try {
		return normaliseMac(ctx.getNodeParameter('macAddress', itemIndex));
	} catch (error) {
		if (error instanceof MacAddressError) {
			throw new NodeOperationError(ctx.getNode(), `"MAC Address" in item ${itemIndex} ${error.message}`, { itemIndex });
		}
		throw error;
	}
}

/** The user's number and phones (GET /Users({Id})?$expand=Phones); an answer without Phones is an error. */
export async function userPhones(ctx: IExecuteFunctions, id: number, itemIndex: number): Promise<{ number: string | null; phones: IDataObject[] }> {
	const user = await threeCxRequest.call(ctx, { path: userPath({ id }), qs: { $select: 'Id,Number', $expand: 'Phones' } }, itemIndex);
	if (!Array.isArray(user.Phones)) {
		throw new NodeOperationError(ctx.getNode(), `The PBX answered without the phones of user ${id}; nothing was changed`, { itemIndex });
	}
	const phones = (user.Phones as IDataObject[]).map((phone) =>
		Object.fromEntries(Object.entries(phone).filter(([key]) => !key.startsWith('@odata.'))),
	);
	return { number: user.Number === undefined || user.Number === null ? null : String(user.Number), phones };
}
