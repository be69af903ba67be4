import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiJson } from '../../transport';
import { requiredString } from '../common';
import { phoneIdProperty, phoneRef, unwrapPhone } from './common';

export const description: INodeProperties[] = [
	phoneIdProperty('get', 'Internal phone ID or the MAC address (serial number) of the phone'),
];

export async function readPhone(ctx: IExecuteFunctions, ref: string, i: number): Promise<IDataObject> {
	return unwrapPhone(await apiJson(ctx, { method: 'GET', path: `/phones/${encodeURIComponent(ref)}` }, i));
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const ref = phoneRef(this, requiredString(this, 'phoneId', 'Phone ID or MAC', i), 'Phone ID or MAC', i);
	return await readPhone(this, ref, i);
}
