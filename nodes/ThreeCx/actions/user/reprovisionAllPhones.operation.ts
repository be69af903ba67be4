import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import { runBulk } from '../../helpers/bulk';
import { request } from '../../transport';
import { idSourceFields } from './descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'Makes every phone of the given users fetch its configuration again. By default the IDs of all input items go out in one request.',
		name: 'reprovisionNotice',
		type: 'notice',
		default: '',
	},
	...idSourceFields('reprovision'),
];

const displayOptions = { show: { resource: ['user'], operation: ['reprovisionAllPhones'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/**
 * POST /Users/Pbx.ReprovisionAllPhones with `{"ids":[int,…]}` (lower-case `ids`, int32 user
 * IDs; swagger UsersReprovisionAllPhonesRequestBody); 3CX answers 204. It is an action, so
 * the transport does not repeat it after a 5xx (only after 429, which comes before any work).
 */
export async function executeRun(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runBulk(this, async (ids, itemIndex) => {
		await request(this, { method: 'POST', path: '/Users/Pbx.ReprovisionAllPhones', body: { ids } }, itemIndex);
		return { reprovisioned: true, ids, count: ids.length };
	});
}
