import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requiredString } from '../../helpers/parameters';
import { phoneRef, readPhone } from '../../helpers/phone';
import { phoneIdProperty } from './descriptions';

const properties: INodeProperties[] = [
	phoneIdProperty('Internal phone ID or the MAC address (serial number) of the phone'),
];

const displayOptions = { show: { resource: ['phone'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const ref = phoneRef(this, requiredString(this, 'phoneId', 'Phone ID or MAC', itemIndex), 'Phone ID or MAC', itemIndex);
	return await readPhone(this, ref, itemIndex);
}
