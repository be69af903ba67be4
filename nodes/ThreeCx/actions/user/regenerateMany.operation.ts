import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import { runBulk } from '../../helpers/bulk';
import { regeneratedSummary, regenerateOptions } from '../../helpers/regenerate';
import { request } from '../../transport';
import { idSourceFields, maxUsersField, regenerateFields } from './descriptions';

const VERB = 'regenerate credentials for';

const properties: INodeProperties[] = [...idSourceFields(VERB), ...regenerateFields(), maxUsersField(VERB)];

const displayOptions = { show: { resource: ['user'], operation: ['regenerateMany'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/**
 * POST /Users/Pbx.RegeneratePasswords with `{"Ids":[…], "opts":{…}}` (204): one request for
 * the IDs of all items. The spec spells this action's key `Ids`, unlike `ids` elsewhere. The
 * options of the first item in the batch apply to all of it.
 */
export async function executeRun(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runBulk(
		this,
		async (ids, itemIndex) => {
			const opts = regenerateOptions(this, itemIndex);
			await request(this, { method: 'POST', path: '/Users/Pbx.RegeneratePasswords', body: { Ids: ids, opts } }, itemIndex);
			return { ids, count: ids.length, ...regeneratedSummary(opts) };
		},
		(itemIndex) => void regenerateOptions(this, itemIndex),
		VERB,
	);
}
