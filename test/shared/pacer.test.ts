import { RequestPacer } from '../../nodes/shared/transport';

describe('RequestPacer.acquire', () => {
	it('counts a request from when it finished, so a slow answer holds its slot longer', async () => {
		let clock = 0;
		const pacer = new RequestPacer(2, 100, () => clock);
		const releaseFirst = await pacer.acquire();
		const releaseSecond = await pacer.acquire();
		clock = 90;
		releaseFirst(); // both answers came at 90
		releaseSecond();
		clock = 150; // by start times (0) both slots are free; by completion (90) neither is
		let granted = false;
		const third = pacer.acquire().then(() => (granted = true));
		for (let i = 0; i < 5; i++) await Promise.resolve();
		expect(granted).toBe(false);
		clock = 191; // 90 + 100 has passed
		await third;
		expect(granted).toBe(true);
	});

	it('counts a request from its start until it is released', async () => {
		let clock = 0;
		const pacer = new RequestPacer(1, 100, () => clock);
		await pacer.acquire();
		clock = 100;
		await pacer.acquire(); // no sleep needed: the first started 100 ms ago
		expect(clock).toBe(100);
	});
});
