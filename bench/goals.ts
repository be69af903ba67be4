/**
 * Issue 26's goals, reported the same way by every bench: the goal, the ratio measured in
 * this run, and whether it holds, with the load average (a ratio from a loaded machine is
 * only indicative). Benchmarks report; no test asserts a time.
 */
import { loadavg } from 'os';

export interface GoalResult {
	what: string;
	/** e.g. 'at most 1.5×' */
	goal: string;
	ratio: number;
	holds: boolean;
	/** The two measurements the ratio divides, e.g. '36.8 vs 17.8 ms'. */
	detail?: string;
}

const results: GoalResult[] = [];

/** Records and prints one goal line: `Goal <what>: <ratio>× (goal <goal>; holds|does not hold)`. */
export function reportGoal(what: string, ratio: number, limit: number, detail?: string): GoalResult {
	const result = { what, goal: `at most ${limit}×`, ratio, holds: ratio <= limit, detail };
	results.push(result);
	console.log(`Goal ${what}: ${ratio.toFixed(2)}× (${detail ? `${detail}; ` : ''}goal ${result.goal}; ${result.holds ? 'holds' : 'does not hold'})`);
	return result;
}

export function loadAverage(): string {
	return loadavg().map((load) => load.toFixed(2)).join(', ');
}

/** The summary `npm run bench` prints at the end: every goal of this run in one table. */
export function goalSummary(): string {
	if (results.length === 0) return '';
	const rows = results.map((r) => `| ${r.what} | ${r.goal} | ${r.ratio.toFixed(2)}×${r.detail ? ` (${r.detail})` : ''} | ${r.holds ? 'holds' : 'does not hold'} |`);
	return ['| What | Goal | Measured | |', '|---|---|---|---|', ...rows, '', `Load average at the end: ${loadAverage()}.`].join('\n');
}
