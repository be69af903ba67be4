import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { userIdParameter } from '../../helpers/ids';
import { threeCxRequest, userPath } from '../../transport';
import { userIdField } from './descriptions';

const properties: INodeProperties[] = [userIdField()];

const displayOptions = { show: { resource: ['user'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** DELETE /Users({Id}); 3CX answers 204. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const id = userIdParameter(this, 'userId', 'User ID', itemIndex);
	await threeCxRequest.call(this, { method: 'DELETE', path: userPath({ id }) }, itemIndex);
	return { id: String(id), deleted: true };
}
