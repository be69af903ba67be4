import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { userIdParameter } from '../../helpers/ids';
import { threeCxDelete, userPath } from '../../transport';
import { userIdField } from './descriptions';

const properties: INodeProperties[] = [userIdField()];

const displayOptions = { show: { resource: ['user'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** DELETE /Users({Id}); 3CX answers 204. A 404 on a retry after a lost answer means the first attempt deleted it. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const id = userIdParameter(this, 'userId', 'User ID', itemIndex);
	const { confirmedBy } = await threeCxDelete.call(this, userPath({ id }), itemIndex);
	return confirmedBy ? { id: String(id), deleted: true, confirmedBy } : { id: String(id), deleted: true };
}
