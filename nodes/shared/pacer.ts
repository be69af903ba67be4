import { sleep } from 'n8n-workflow';

/**
 * Spaces requests so that at most `limit` start in any `windowMs`. A vendor transport can
 * share one pacer between executions of one process (e.g. all Cloudonix nodes on one domain);
 * several n8n workers each pace themselves, and the kernel's 429 retry covers what they spend
 * of each other's budget.
 *
 * `acquire()` counts a request from when it starts, and from when it finishes once the
 * returned function is called then: the server saw it no later than that, so a server-side
 * sliding window can never see `limit + 1` requests, whatever the latency jitter. Callers that
 * share a pacer may pass their own limit and window: each waits until fewer than its `limit`
 * of the shared requests fall within its `windowMs`.
 */
export class RequestPacer {
	private readonly slots: Array<{ at: number }> = [];
	private longestWindowMs: number;

	constructor(
		private readonly limit: number,
		private readonly windowMs: number,
		private readonly now: () => number = Date.now,
	) {
		this.longestWindowMs = windowMs;
	}

	async acquire(limit = this.limit, windowMs = this.windowMs): Promise<() => void> {
		this.longestWindowMs = Math.max(this.longestWindowMs, windowMs);
		for (;;) {
			const current = this.now();
			// Slots no caller counts any more are dropped, so a shared pacer keeps only recent times.
			for (let i = this.slots.length - 1; i >= 0; i--) {
				if (current - this.slots[i].at >= this.longestWindowMs) this.slots.splice(i, 1);
			}
			const recent = this.slots.filter((slot) => current - slot.at < windowMs);
			if (recent.length < limit) {
				const slot = { at: current };
				this.slots.push(slot);
				return () => {
					slot.at = Math.max(slot.at, this.now());
				};
			}
			const oldest = Math.min(...recent.map((slot) => slot.at));
			await sleep(windowMs - (current - oldest) + 1);
		}
	}
}
