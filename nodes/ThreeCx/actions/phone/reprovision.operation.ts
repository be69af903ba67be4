import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { threeCxRequest } from '../../transport';
import { macField, macParameter, showPhone } from './fields';

export const description: INodeProperties[] = [macField(showPhone(['reprovision', 'reboot']))];

/** POST /Users/Pbx.ReprovisionPhone `{"mac"}` (204): the phone fetches its configuration again. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const mac = macParameter(this, itemIndex);
	await threeCxRequest.call(this, { method: 'POST', path: '/Users/Pbx.ReprovisionPhone', body: { mac } }, itemIndex);
	return { mac, reprovisioned: true };
}
