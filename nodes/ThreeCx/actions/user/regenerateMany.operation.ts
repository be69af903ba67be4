import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { threeCxRequest } from '../../transport';
import { checkMaxUsers, idSourceFields, maxUsersField, runBulk } from './idSource';
import { regenerateFields, regenerateOptions, regeneratedSummary } from './regenerateOptions';

const OPERATION = ['regenerateMany'];

export const description: INodeProperties[] = [
	...idSourceFields(OPERATION, 'regenerate credentials for'),
	...regenerateFields(OPERATION),
	maxUsersField(OPERATION, 'regenerate credentials for'),
];

/**
 * POST /Users/Pbx.RegeneratePasswords with `{"Ids":[…], "opts":{…}}` (204): one request for
 * the IDs of all items. The spec spells this action's key `Ids`, unlike `ids` elsewhere. The
 * options of the first item in the batch apply to all of it.
 */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runBulk(
		this,
		async (ids, itemIndex) => {
			checkMaxUsers(this, ids, itemIndex, 'regenerate credentials for');
			const opts = regenerateOptions(this, itemIndex);
			await threeCxRequest.call(this, { method: 'POST', path: '/Users/Pbx.RegeneratePasswords', body: { Ids: ids, opts } }, itemIndex);
			return { ids, count: ids.length, ...regeneratedSummary(opts) };
		},
		(itemIndex) => void regenerateOptions(this, itemIndex),
	);
}
