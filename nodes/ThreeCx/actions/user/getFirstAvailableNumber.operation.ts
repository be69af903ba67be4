import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { threeCxRequest } from '../../transport';

export const description: INodeProperties[] = [];

/** GET /Users/Pbx.GetFirstAvailableExtensionNumber(), answered with Pbx.FirstAvailableNumber `{Number}`. */
export async function firstAvailableExtensionNumber(ctx: IExecuteFunctions, itemIndex: number): Promise<string> {
	const answer = await threeCxRequest.call(ctx, { path: '/Users/Pbx.GetFirstAvailableExtensionNumber()' }, itemIndex);
	const number = typeof answer.Number === 'string' ? answer.Number.trim() : '';
	if (number === '') {
		throw new NodeOperationError(ctx.getNode(), 'The PBX did not return a free extension number (Pbx.GetFirstAvailableExtensionNumber)', {
			itemIndex,
			description: 'The numbering plan may be full. Give the number yourself.',
		});
	}
	return number;
}

/**
 * The number only: nothing is reserved, so a second workflow asking at the same time gets the
 * same answer. To create a user with it in one step, use Create with "Next Free Number".
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return { number: await firstAvailableExtensionNumber(this, itemIndex) };
}
