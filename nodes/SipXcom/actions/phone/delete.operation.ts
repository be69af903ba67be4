import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import { requiredString } from '../../helpers/parameters';
import { phoneRef } from '../../helpers/phone';
import { deleteRecord } from '../../transport';
import { phoneIdProperty } from './descriptions';

const properties: INodeProperties[] = [
	phoneIdProperty('Internal phone ID or the MAC address (serial number) of the phone to delete'),
];

const displayOptions = { show: { resource: ['phone'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/** `DELETE /api/phones/{id-or-MAC}`; an empty 404 on the retry after a lost answer means it was deleted. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const ref = phoneRef(this, requiredString(this, 'phoneId', 'Phone ID or MAC', itemIndex), 'Phone ID or MAC', itemIndex);
	const { confirmedBy } = await deleteRecord(this, { api: 'json', path: `/phones/${encodeURIComponent(ref)}` }, itemIndex);
	return { phone: ref, deleted: true, ...(confirmedBy ? { confirmedBy } : {}) };
}
