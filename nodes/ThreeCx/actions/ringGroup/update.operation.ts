import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { RING_GROUP, updateCallGroup } from '../../helpers/callGroup';
import { updateProperties } from '../queue/descriptions';
import { ringGroupFields } from './descriptions';

const displayOptions = { show: { resource: ['ringGroup'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(updateProperties(RING_GROUP, ringGroupFields()), 'ring group'));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/** PATCH /RingGroups({Id}) with the fields set (204), then GET for the output; never a new number. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await updateCallGroup(this, RING_GROUP, itemIndex);
}
