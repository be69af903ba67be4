import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { threeCxRequest } from '../../transport';
import { resolveUser, showUser, userLocatorField } from './locator';
import { regenerateFields, regenerateOptions, regeneratedSummary } from './regenerateOptions';

const OPERATION = ['regenerate'];

export const description: INodeProperties[] = [userLocatorField(showUser(OPERATION)), ...regenerateFields(OPERATION)];

/** POST /Users({Id})/Pbx.Regenerate with `{"opts": Pbx.RegenerateOptions}` (204). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const opts = regenerateOptions(this, itemIndex);
	const user = await resolveUser(this, itemIndex);
	await threeCxRequest.call(this, { method: 'POST', path: `/Users(${user.id})/Pbx.Regenerate`, body: { opts } }, itemIndex);
	return { id: String(user.id), ...(user.number === undefined ? {} : { number: user.number }), ...regeneratedSummary(opts) };
}
