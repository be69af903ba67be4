import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { RING_GROUP, createCallGroup } from '../../helpers/callGroup';
import { createProperties } from '../queue/descriptions';
import { ringGroupFields } from './descriptions';

const displayOptions = { show: { resource: ['ringGroup'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(createProperties(RING_GROUP, ringGroupFields())));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/** POST /RingGroups with Name and Number (given, or from Pbx.GetFirstAvailableRingGroupNumber() first); 201 with the ring group. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await createCallGroup(this, RING_GROUP, itemIndex);
}
