import type { IExecuteFunctions } from 'n8n-workflow';

import { readOnlyIfUnchanged } from '../../shared/onlyIfUnchanged';
import type { OperationContext } from './parameters';
import { checkUnchanged, locateSubscriber, outputOptions, shape } from './parameters';

/** Activate / Deactivate: `PUT {active}` (deactivating keeps the subscriber, unlike Delete). */
export async function setActive(this: IExecuteFunctions, itemIndex: number, context: OperationContext, active: boolean) {
	const expected = readOnlyIfUnchanged(this, itemIndex);
	const target = await locateSubscriber(this, context, itemIndex, false);
	if (expected) await checkUnchanged(this, context, itemIndex, expected, target);
	const updated = await context.client.update(target.id, { active }, itemIndex);
	return shape(updated, outputOptions(this, itemIndex));
}
