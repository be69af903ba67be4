import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { withoutODataAnnotations } from '../../helpers/user';
import { getAllPages } from '../../transport';
import { resolveUser, showUser, userLocatorField } from './locator';

const OPERATION = ['getForwarding'];

export const description: INodeProperties[] = [userLocatorField(showUser(OPERATION))];

/**
 * GET /Users({Id})/ForwardingProfiles (Pbx.ForwardingProfile: Available, Away, Out of office,
 * Custom 1, Custom 2 on V20), paged and ordered by Id. One item per profile, with the user ID.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const user = await resolveUser(this, itemIndex);
	const { records } = await getAllPages.call(this, `/Users(${user.id})/ForwardingProfiles`, { qs: {}, orderBy: 'Id' }, itemIndex);
	return records.map((profile): IDataObject => ({ userId: String(user.id), ...withoutODataAnnotations(profile) }));
}
