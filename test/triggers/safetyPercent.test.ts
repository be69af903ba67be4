/**
 * The change triggers share Compare Extensions' mass-change guard (nodes/shared/massChange.ts):
 * a decimal percent limit is compared exactly there too (issue 21 point 5). 18.4 % of 375 is
 * 69 deletions, which floating point put at 68.99…, stopping a poll that was at the limit.
 */
import { useAdapter } from './helpers';
import { ADAPTERS, triggerRunner } from './vendors';

const [, makeCloudonix] = ADAPTERS;
const cloudonix = makeCloudonix();

describe('Change trigger: a decimal percent limit on Deleted', () => {
	useAdapter(cloudonix, 375);
	const safety = { remoteOnlyLimit: 'percent', maxRemoteOnly: 18.4 };

	it('emits exactly 18.4 % of 375 deletions (69)', async () => {
		const poller = triggerRunner(cloudonix, { safety });
		await poller.poll();
		for (const number of cloudonix.numbers().slice(0, 69)) cloudonix.remove(number);
		const result = await poller.poll();
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(69);
	});

	it('stops at 70 deletions, naming 69 as the allowed count', async () => {
		const poller = triggerRunner(cloudonix, { safety });
		await poller.poll();
		for (const number of cloudonix.numbers().slice(0, 70)) cloudonix.remove(number);
		const result = await poller.poll();
		expect(result.items).toBeNull();
		expect(result.error?.message).toContain('Deleted would be 70 of 375 items in the Previous List input');
		expect(result.error?.message).toContain('above the limit of 18.4 % of the Previous List input (69 items)');
	});
});
