import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { isRehearsing, noteTarget } from '../../../shared/dryRun';
import { assertUnchanged, readOnlyIfUnchanged } from '../../../shared/onlyIfUnchanged';
import { withWriteOptions } from '../../../shared/writeOptions';
import { requiredString } from '../../helpers/parameters';
import { phoneRef, readPhone } from '../../helpers/phone';
import { SECRET_FIELDS } from '../../helpers/record';
import { deleteRecord } from '../../transport';
import { phoneIdProperty } from './descriptions';

const properties: INodeProperties[] = [
	phoneIdProperty('Internal phone ID or the MAC address (serial number) of the phone to delete'),
];

const displayOptions = { show: { resource: ['phone'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties, 'phone'));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/** `DELETE /api/phones/{id-or-MAC}`; an empty 404 on the retry after a lost answer means it was deleted. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const ref = phoneRef(this, requiredString(this, 'phoneId', 'Phone ID or MAC', itemIndex), 'Phone ID or MAC', itemIndex);
	const expected = readOnlyIfUnchanged(this, itemIndex);
	// Only If Unchanged reads the phone just before the DELETE (a dry run too: it names the phone).
	if (expected || isRehearsing(this)) {
		const phone = await readPhone(this, ref, itemIndex);
		if (expected) assertUnchanged(this, itemIndex, expected, { what: 'sipXcom phone', number: ref, raw: phone, secretFields: SECRET_FIELDS });
		noteTarget(this, { phone: ref, ...(phone.id === undefined ? {} : { id: String(phone.id) }) });
	}
	const { confirmedBy } = await deleteRecord(this, { api: 'json', path: `/phones/${encodeURIComponent(ref)}` }, itemIndex);
	return { phone: ref, deleted: true, ...(confirmedBy ? { confirmedBy } : {}) };
}
