import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { firstAvailableExtensionNumber } from '../../helpers/numbers';

const properties: INodeProperties[] = [
	{
		displayName:
			'The PBX does not reserve the number: to create a user with it, use Create with "Extension Number From: Next Free Number" instead',
		name: 'nextFreeNotice',
		type: 'notice',
		default: '',
	},
];

const displayOptions = { show: { resource: ['user'], operation: ['getFirstAvailableNumber'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * GET /Users/Pbx.GetFirstAvailableExtensionNumber(): the number only. Nothing is reserved, so
 * a second workflow asking at the same time gets the same answer; to create a user with it in
 * one step, use Create with "Next Free Number".
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return { number: await firstAvailableExtensionNumber(this, itemIndex) };
}
