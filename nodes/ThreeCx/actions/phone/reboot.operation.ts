import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { macParameter } from '../../helpers/phone';
import { request } from '../../transport';
import { macField } from './descriptions';

const properties: INodeProperties[] = [macField()];

const displayOptions = { show: { resource: ['phone'], operation: ['reboot'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/** POST /Users/Pbx.RebootPhone `{"mac"}` (204). Never repeated after a 5xx or a dropped connection. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const mac = macParameter(this, itemIndex);
	await request(this, { method: 'POST', path: '/Users/Pbx.RebootPhone', body: { mac } }, itemIndex);
	return { mac, rebooted: true };
}
