import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationContext } from '../common';
import { locateSubscriber, locatorProperties, outputOptions, outputProperty, shape } from '../common';

export const description: INodeProperties[] = [...locatorProperties(['get']), outputProperty(['get'])];

export async function execute(this: IExecuteFunctions, itemIndex: number, context: OperationContext) {
	const { record } = await locateSubscriber(this, context, itemIndex, true);
	return shape(record!, outputOptions(this, itemIndex));
}
