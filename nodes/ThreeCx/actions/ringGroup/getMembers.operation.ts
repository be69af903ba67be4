import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { RING_GROUP, getCallGroupMembers } from '../../helpers/callGroup';
import { getMembersProperties } from '../queue/descriptions';

const displayOptions = { show: { resource: ['ringGroup'], operation: ['getMembers'] } };

export const description = updateDisplayOptions(displayOptions, getMembersProperties(RING_GROUP));

/** GET /RingGroups({Id})/Members, paged, ordered by Number then Id. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await getCallGroupMembers(this, RING_GROUP, itemIndex);
}
