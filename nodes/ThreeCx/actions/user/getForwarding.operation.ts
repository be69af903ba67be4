import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { resolveUser } from '../../helpers/locator';
import { listRecords } from '../../transport';
import { withoutODataAnnotations } from '../../transport/odata';
import { userLocatorField } from './descriptions';

const properties: INodeProperties[] = [userLocatorField()];

const displayOptions = { show: { resource: ['user'], operation: ['getForwarding'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * GET /Users({Id})/ForwardingProfiles (Pbx.ForwardingProfile: Available, Away, Out of office,
 * Custom 1, Custom 2 on V20), paged and ordered by Id. One item per profile, with the user ID.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const user = await resolveUser(this, itemIndex);
	const { records } = await listRecords(this, { collection: `/Users(${user.id})/ForwardingProfiles`, orderBy: 'Id' }, itemIndex);
	return records.map((profile): IDataObject => ({ userId: String(user.id), ...withoutODataAnnotations(profile) }));
}
