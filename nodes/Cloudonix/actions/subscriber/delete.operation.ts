import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { readOnlyIfUnchanged } from '../../../shared/onlyIfUnchanged';
import type { OperationContext } from '../../helpers/parameters';
import { checkUnchanged, locateSubscriber } from '../../helpers/parameters';
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

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/** `DELETE …/subscribers/{id}` → 204; a 404 on the retry after a lost answer means it was deleted. */
export async function execute(this: IExecuteFunctions, itemIndex: number, context: OperationContext) {
	const expected = readOnlyIfUnchanged(this, itemIndex);
	const target = await locateSubscriber(this, context, itemIndex, false);
	if (expected) await checkUnchanged(this, context, itemIndex, expected, target);
	const { id, msisdn } = target;
	const { confirmedBy } = await context.client.delete(id, msisdn, itemIndex);
	return { deleted: true, id, ...(msisdn === undefined ? {} : { msisdn }), ...(confirmedBy ? { confirmedBy } : {}) };
}
