import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { ItemResult } from '../../../shared/router';
import { RING_GROUP, getManyCallGroups } from '../../helpers/callGroup';
import { getManyProperties } from '../queue/descriptions';

const displayOptions = { show: { resource: ['ringGroup'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, getManyProperties(RING_GROUP));

/** GET /RingGroups paged ($top ≤ 100, $skip) on your order plus Id, like Get Many users. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await getManyCallGroups(this, RING_GROUP, itemIndex);
}
