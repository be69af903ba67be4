import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import { runBulk } from '../../helpers/bulk';
import { request } from '../../transport';
import { idSourceFields } from './descriptions';

const properties: INodeProperties[] = [...idSourceFields('delete')];

const displayOptions = { show: { resource: ['user'], operation: ['batchDelete'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/**
 * POST /Users/Pbx.BatchDelete with `{"ids":[int,…]}`. 3CX answers 200 with
 * `value: [{Error, ExtensionNumber}]` (Pbx.UserDeleteError), one entry per user it could not
 * delete; the others are gone. The node reports both.
 */
export async function executeRun(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runBulk(this, async (ids, itemIndex) => {
		const response = await request(this, { method: 'POST', path: '/Users/Pbx.BatchDelete', body: { ids } }, itemIndex);
		const failures = (Array.isArray(response?.value) ? (response.value as IDataObject[]) : []).map((entry) => ({
			extensionNumber: entry.ExtensionNumber ?? null,
			error: entry.Error ?? null,
		}));
		return {
			ids,
			requested: ids.length,
			failedCount: failures.length,
			deletedCount: ids.length - failures.length,
			failures,
		};
	});
}
