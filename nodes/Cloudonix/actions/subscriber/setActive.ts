import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationContext } from '../common';
import { locateSubscriber, outputOptions, shape } from '../common';

/** Activate / Deactivate: `PUT {active}` (cloudonix.md §7: deactivate instead of delete). */
export async function setActive(this: IExecuteFunctions, itemIndex: number, context: OperationContext, active: boolean) {
	const { id } = await locateSubscriber(this, context, itemIndex, false);
	const updated = await context.client.update(id, { active }, itemIndex);
	return shape(updated, outputOptions(this, itemIndex));
}
