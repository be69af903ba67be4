import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationContext } from './parameters';
import { locateSubscriber, outputOptions, shape } from './parameters';

/** Activate / Deactivate: `PUT {active}` (deactivating keeps the subscriber, unlike Delete). */
export async function setActive(this: IExecuteFunctions, itemIndex: number, context: OperationContext, active: boolean) {
	const { id } = await locateSubscriber(this, context, itemIndex, false);
	const updated = await context.client.update(id, { active }, itemIndex);
	return shape(updated, outputOptions(this, itemIndex));
}
