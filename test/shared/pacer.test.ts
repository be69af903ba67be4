import { RequestPacer } from '../../nodes/shared/pacer';

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

	it('lets callers sharing a pacer keep their own rates within the shared budget', async () => {
		let clock = 0;
		const pacer = new RequestPacer(3, 100, () => clock);
		await pacer.acquire(); // the default rate: 3 per 100 ms
		let slowGranted = false;
		// A slower caller (1 per 100 ms) waits: the shared window already holds one request.
		const slow = pacer.acquire(1, 100).then(() => (slowGranted = true));
		await pacer.acquire();
		await pacer.acquire(); // the default caller still had its second and third
		let fastGranted = false;
		const fast = pacer.acquire().then(() => (fastGranted = true));
		for (let i = 0; i < 5; i++) await Promise.resolve();
		expect([slowGranted, fastGranted]).toEqual([false, false]);
		clock = 101;
		await Promise.all([slow, fast]);
		expect([slowGranted, fastGranted]).toEqual([true, true]);
	});
});
