import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { resolveUser } from '../../helpers/locator';
import { sameMac } from '../../helpers/mac';
import { macParameter, userPhones } from '../../helpers/phone';
import { request } from '../../transport';
import { userPath } from '../../transport/odata';
import { userLocatorField } from '../user/descriptions';
import { macField } from './descriptions';

const properties: INodeProperties[] = [
	userLocatorField(),
	{
		displayName: 'Phones to Remove',
		name: 'phonesToRemove',
		type: 'options',
		default: 'mac',
		options: [
			{ name: 'The Phone With This MAC Address', value: 'mac' },
			{ name: 'All Phones of the User', value: 'all', description: 'For a leaver whose phones are not known by MAC address' },
		],
		description: 'Which of the user\'s phones to remove',
	},
	{ ...macField(), displayOptions: { show: { phonesToRemove: ['mac'] } } },
];

const displayOptions = { show: { resource: ['phone'], operation: ['remove'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * Read-modify-write of the user's Phones without the phone (or all of them): PATCH
 * /Users({Id}) with the remaining list. A phone that is not there is not an error (no PATCH,
 * changed: false), so an offboarding run can be repeated.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const which = this.getNodeParameter('phonesToRemove', itemIndex) as 'mac' | 'all';
	const mac = which === 'mac' ? macParameter(this, itemIndex) : undefined;
	const user = await resolveUser(this, itemIndex);
	const { number, phones } = await userPhones(this, user.id, itemIndex);
	const keep = mac === undefined ? [] : phones.filter((phone) => !sameMac(phone.MacAddress, mac));
	const removed = phones.filter((phone) => !keep.includes(phone)).map((phone) => String(phone.MacAddress));
	if (removed.length) {
		await request(this, { method: 'PATCH', path: userPath({ id: user.id }), body: { Phones: keep } }, itemIndex);
	}
	return { userId: String(user.id), number, changed: removed.length > 0, removed, remaining: keep.length };
}
