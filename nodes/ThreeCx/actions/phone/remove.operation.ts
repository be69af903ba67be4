import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { resolveUser } from '../../helpers/locator';
import { macParameter, removePhones } from '../../helpers/phone';
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

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/**
 * Read-modify-write of the user's Phones without the phone (or all the phones the user had when
 * the node read them): PATCH /Users({Id}) with the remaining list, read back as for Assign. A
 * phone that is not there is not an error (no PATCH, changed: false), so an offboarding run can
 * be repeated.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const which = this.getNodeParameter('phonesToRemove', itemIndex) as 'mac' | 'all';
	const mac = which === 'mac' ? macParameter(this, itemIndex) : undefined;
	const user = await resolveUser(this, itemIndex);
	const { number, changed, removed, remaining } = await removePhones(this, itemIndex, user.id, mac);
	return { userId: String(user.id), number, changed, removed, remaining };
}
