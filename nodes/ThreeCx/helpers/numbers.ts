import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { request } from '../transport';

/** GET /Users/Pbx.GetFirstAvailableExtensionNumber(), answered with Pbx.FirstAvailableNumber `{Number}`. */
export async function firstAvailableExtensionNumber(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const answer = await request(ctx, { path: '/Users/Pbx.GetFirstAvailableExtensionNumber()' }, itemIndex);
	const number = typeof answer.Number === 'string' ? answer.Number.trim() : '';
	if (number === '') {
		throw new NodeOperationError(ctx.getNode(), 'The PBX did not return a free extension number (Pbx.GetFirstAvailableExtensionNumber)', {
			itemIndex,
			description: 'The numbering plan may be full. Give the number yourself.',
		});
	}
	return number;
}
