import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationContext } from '../common';
import { locateSubscriber, locatorProperties } from '../common';

export const description: INodeProperties[] = [
	{
		displayName: 'Delete removes the subscriber permanently. To keep it but stop it working, use Deactivate.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['subscriber'], operation: ['delete'] } },
	},
	...locatorProperties(['delete']),
];

/** `DELETE …/subscribers/{id}` → 204 (SPEC25). */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: OperationContext) {
	const { id, msisdn } = await locateSubscriber(this, context, itemIndex, false);
	await context.client.delete(id, msisdn, itemIndex);
	return msisdn === undefined ? { deleted: true, id } : { deleted: true, id, msisdn };
}
