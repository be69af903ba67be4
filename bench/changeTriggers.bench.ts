/**
 * Change triggers: the state a trigger keeps in the workflow's static data (bytes per
 * extension, as JSON) and the time to diff the current list against it, for PBXs of
 * 1,000 to 100,000 extensions, with the default watched fields and with Keep Previous Values.
 * Pure (nodes/shared/changes.ts); the list read itself is the vendor's Get Many.
 */
import type { ChangeSettings } from '../nodes/shared/changes';
import { buildState, diffChanges } from '../nodes/shared/changes';
import type { NormalisedExtension } from '../nodes/shared/extension';
import { reportGoal } from './goals';

function pbx(count: number): NormalisedExtension[] {
	return Array.from({ length: count }, (_, i) => ({
		number: String(10000 + i),
		name: `First${i} Last${i}`,
		email: `first${i}.last${i}@example.com`,
		enabled: i % 10 !== 9,
		id: String(i + 1),
		source: '3cx',
		raw: { Id: i + 1 },
	}));
}

/** 1 % created, 1 % updated, 1 % deleted. */
function changed(list: NormalisedExtension[]): NormalisedExtension[] {
	const step = 100;
	const out = list.filter((_, i) => i % step !== 1).map((extension, i) => (i % step === 2 ? { ...extension, name: `${extension.name} (new)` } : extension));
	for (let i = 0; i < list.length / step; i++) out.push({ ...list[0], number: String(900000 + i), id: String(900000 + i) });
	return out;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** Issue 26's goal: a poll's diff costs at most this many times building the state it stores. */
const DIFF_GOAL = 1.5;

export async function run(): Promise<void> {
	const goals: Array<[number, number, number, number]> = [];
	console.log('| extensions | state | bytes | bytes/extension | baseline ms | diff ms (3 % changed) | diff / baseline | events |');
	console.log('|---|---|---|---|---|---|---|---|');
	for (const count of [1_000, 10_000, 100_000]) {
		for (const keepPrevious of [false, true]) {
			const settings: ChangeSettings = { fields: ['email', 'enabled', 'name'], filters: '{}', keepPrevious, source: '3cx' };
			const before = pbx(count);
			const after = changed(before);
			const baselines: number[] = [];
			const diffs: number[] = [];
			let events = 0;
			let bytes = 0;
			for (let round = 0; round < 5; round++) {
				let started = performance.now();
				const state = JSON.parse(JSON.stringify(buildState(before, settings))) as unknown;
				baselines.push(performance.now() - started);
				started = performance.now();
				const result = diffChanges(after, state, settings);
				diffs.push(performance.now() - started);
				events = result.created.length + result.updated.length + result.deleted.length;
				bytes = Buffer.byteLength(JSON.stringify(result.state));
			}
			const ratio = median(diffs) / median(baselines);
			console.log(
				`| ${count.toLocaleString('en')} | ${keepPrevious ? 'Keep Previous Values' : 'digests (default)'} | ${bytes.toLocaleString('en')} | ${(bytes / count).toFixed(1)} | ${median(baselines).toFixed(1)} | ${median(diffs).toFixed(1)} | ${ratio.toFixed(2)}× | ${events} |`,
			);
			if (!keepPrevious && count >= 10_000) goals.push([count, ratio, median(diffs), median(baselines)]);
		}
	}
	console.log('');
	for (const [count, ratio, diff, baseline] of goals) {
		reportGoal(
			`Change trigger diff against building the state, ${count.toLocaleString('en')} extensions`,
			ratio,
			DIFF_GOAL,
			`${diff.toFixed(1)} vs ${baseline.toFixed(1)} ms`,
		);
	}
}
