import type { IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { RING_GROUP, deleteCallGroup } from '../../helpers/callGroup';
import { callGroupLocatorField } from '../queue/descriptions';

const displayOptions = { show: { resource: ['ringGroup'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions([callGroupLocatorField(RING_GROUP)], 'ring group'));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/** DELETE /RingGroups({Id}) (204); by number the ID is looked up first. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	return await deleteCallGroup(this, RING_GROUP, itemIndex);
}
