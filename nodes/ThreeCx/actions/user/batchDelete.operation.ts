import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import { runBulk } from '../../helpers/bulk';
import { request } from '../../transport';
import { FROM_V4, idSourceFields, maxUsersField } from './descriptions';

const VERB = 'delete';

// Version 4 adds the guard with its default on; versions 1–3 keep running without a limit.
const properties: INodeProperties[] = [...idSourceFields(VERB), { ...maxUsersField(VERB), displayOptions: FROM_V4 }];

const displayOptions = { show: { resource: ['user'], operation: ['batchDelete'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/**
 * POST /Users/Pbx.BatchDelete with `{"ids":[int,…]}`. 3CX answers 200 with
 * `value: [{Error, ExtensionNumber}]` (Pbx.UserDeleteError), one entry per user it could not
 * delete; the others are gone. The node reports both. From node version 4 "Maximum Users" guards
 * the whole run before its first request.
 */
export async function executeRun(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const guard = this.getNode().typeVersion >= 4 ? VERB : undefined;
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
	}, undefined, guard);
}
