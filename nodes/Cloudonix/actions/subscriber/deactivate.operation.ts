import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationContext } from '../../helpers/parameters';
import { setActive } from '../../helpers/setActive';
import { locatorProperties, outputProperty } from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'Deactivate keeps the subscriber and its settings but stops it from registering and calling. Use Delete to remove it.',
		name: 'deactivateNotice',
		type: 'notice',
		default: '',
	},
	...locatorProperties(),
	outputProperty(),
];

const displayOptions = { show: { resource: ['subscriber'], operation: ['deactivate'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

export async function execute(this: IExecuteFunctions, itemIndex: number, context: OperationContext) {
	return await setActive.call(this, itemIndex, context, false);
}
