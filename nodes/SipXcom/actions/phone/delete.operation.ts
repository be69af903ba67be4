import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { apiJson } from '../../transport';
import { requiredString } from '../common';
import { phoneIdProperty, phoneRef } from './common';

export const description: INodeProperties[] = [
	phoneIdProperty('delete', 'Internal phone ID or the MAC address (serial number) of the phone to delete'),
];

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const ref = phoneRef(this, requiredString(this, 'phoneId', 'Phone ID or MAC', i), 'Phone ID or MAC', i);
	await apiJson(this, { method: 'DELETE', path: `/phones/${encodeURIComponent(ref)}` }, i);
	return { phone: ref, deleted: true };
}
