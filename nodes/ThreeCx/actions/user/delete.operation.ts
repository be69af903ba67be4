import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { threeCxRequest, userPath } from '../../transport';
import { userIdField, userIdParameter } from './fields';

const OPERATION = ['delete'];

export const description: INodeProperties[] = [userIdField(OPERATION)];

/** DELETE /Users({Id}); 3CX answers 204. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const id = userIdParameter(this, 'userId', 'User ID', itemIndex);
	await threeCxRequest.call(this, { method: 'DELETE', path: userPath({ id }) }, itemIndex);
	return { id: String(id), deleted: true };
}
