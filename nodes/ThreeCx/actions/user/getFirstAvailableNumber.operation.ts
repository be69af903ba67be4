import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { firstAvailableExtensionNumber } from '../../helpers/numbers';

export const description: INodeProperties[] = [];

/**
 * GET /Users/Pbx.GetFirstAvailableExtensionNumber(): the number only. Nothing is reserved, so
 * a second workflow asking at the same time gets the same answer; to create a user with it in
 * one step, use Create with "Next Free Number".
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return { number: await firstAvailableExtensionNumber(this, itemIndex) };
}
