import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The "Other Properties (JSON)" field of a collection (`fields.additionalJson`) as an object:
 * `{}` when empty, an error naming the collection when it is not valid JSON or not an object.
 */
export function otherPropertiesJson(ctx: IExecuteFunctions, fields: IDataObject, itemIndex: number, parameter: string): IDataObject {
	const json = fields.additionalJson;
	if (json === undefined || json === '' || json === '{}') return {};
	let parsed: unknown = json;
	if (typeof json === 'string') {
		try {
			parsed = JSON.parse(json);
		} catch (error) {
			throw new NodeOperationError(ctx.getNode(), `"Other Properties (JSON)" in "${parameter}" is not valid JSON: ${(error as Error).message}`, {
				itemIndex,
			});
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new NodeOperationError(ctx.getNode(), `"Other Properties (JSON)" in "${parameter}" must be a JSON object`, { itemIndex });
	}
	return parsed as IDataObject;
}
