import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { OperationContext } from '../../helpers/parameters';
import { locateSubscriber } from '../../helpers/parameters';
import { locatorProperties } from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Delete removes the subscriber permanently. To keep it but stop it working, use Deactivate.',
		name: 'deleteNotice',
		type: 'notice',
		default: '',
	},
	...locatorProperties(),
];

const displayOptions = { show: { resource: ['subscriber'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** `DELETE …/subscribers/{id}` → 204; a 404 on the retry after a lost answer means it was deleted. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: OperationContext) {
	const { id, msisdn } = await locateSubscriber(this, context, itemIndex, false);
	const { confirmedBy } = await context.client.delete(id, msisdn, itemIndex);
	return { deleted: true, id, ...(msisdn === undefined ? {} : { msisdn }), ...(confirmedBy ? { confirmedBy } : {}) };
}
