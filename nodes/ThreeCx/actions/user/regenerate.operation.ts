import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { resolveUser } from '../../helpers/locator';
import { regeneratedSummary, regenerateOptions } from '../../helpers/regenerate';
import { request } from '../../transport';
import { regenerateFields, userLocatorField } from './descriptions';

const properties: INodeProperties[] = [userLocatorField(), ...regenerateFields()];

const displayOptions = { show: { resource: ['user'], operation: ['regenerate'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/** POST /Users({Id})/Pbx.Regenerate with `{"opts": Pbx.RegenerateOptions}` (204). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const opts = regenerateOptions(this, itemIndex);
	const user = await resolveUser(this, itemIndex);
	await request(this, { method: 'POST', path: `/Users(${user.id})/Pbx.Regenerate`, body: { opts } }, itemIndex);
	return { id: String(user.id), ...(user.number === undefined ? {} : { number: user.number }), ...regeneratedSummary(opts) };
}
