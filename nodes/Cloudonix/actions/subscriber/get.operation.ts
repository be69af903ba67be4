import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationContext } from '../../helpers/parameters';
import { locateSubscriber, outputOptions, shape } from '../../helpers/parameters';
import { locatorProperties, outputProperty } from './descriptions';

const properties: INodeProperties[] = [...locatorProperties(), outputProperty()];

const displayOptions = { show: { resource: ['subscriber'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, context: OperationContext) {
	const { record } = await locateSubscriber(this, context, itemIndex, true);
	return shape(record!, outputOptions(this, itemIndex));
}
