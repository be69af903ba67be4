import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { RING_GROUP, getCallGroup } from '../../helpers/callGroup';
import { getProperties } from '../queue/descriptions';

const displayOptions = { show: { resource: ['ringGroup'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, getProperties(RING_GROUP));

/** GET /RingGroups({Id}) or, by number, GET /RingGroups(Number='…') (one request). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await getCallGroup(this, RING_GROUP, itemIndex);
}
