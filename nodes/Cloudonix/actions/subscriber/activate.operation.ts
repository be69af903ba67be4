import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationContext } from '../common';
import { locatorProperties, outputProperty } from '../common';
import { setActive } from './setActive';

export const description: INodeProperties[] = [...locatorProperties(['activate']), outputProperty(['activate'])];

export async function execute(this: IExecuteFunctions, itemIndex: number, context: OperationContext) {
	return await setActive.call(this, itemIndex, context, true);
}
