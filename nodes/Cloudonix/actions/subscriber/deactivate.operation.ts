import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationContext } from '../common';
import { locatorProperties, outputProperty } from '../common';
import { setActive } from './setActive';

export const description: INodeProperties[] = [
	{
		displayName:
			'Deactivate keeps the subscriber and its settings but stops it from registering and calling. Use Delete to remove it.',
		name: 'deactivateNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['subscriber'], operation: ['deactivate'] } },
	},
	...locatorProperties(['deactivate']),
	outputProperty(['deactivate']),
];

export async function execute(this: IExecuteFunctions, itemIndex: number, context: OperationContext) {
	return await setActive.call(this, itemIndex, context, false);
}
