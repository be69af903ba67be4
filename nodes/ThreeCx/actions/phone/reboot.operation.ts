import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { threeCxRequest } from '../../transport';
import { macParameter } from './fields';

/** Shares the MAC Address parameter of Reprovision. */
export const description: INodeProperties[] = [];

/** POST /Users/Pbx.RebootPhone `{"mac"}` (204). Never repeated after a 5xx or a dropped connection. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const mac = macParameter(this, itemIndex);
	await threeCxRequest.call(this, { method: 'POST', path: '/Users/Pbx.RebootPhone', body: { mac } }, itemIndex);
	return { mac, rebooted: true };
}
