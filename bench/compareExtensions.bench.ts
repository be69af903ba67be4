/**
 * Compare Extensions at 1k, 10k, 100k and 1M items per side (half overlapping, a tenth of
 * the matches changed, two compared fields): the pure comparison and a full run through
 * n8n's engine, with a single key and a two-part key (site + number), each in its own
 * process for an honest peak-memory figure. Version 1 through the engine is the reference
 * for "within today's figure"; a nested loop shaped like n8n's Compare Datasets matching
 * is timed at the small sizes. Up to 100k the time is the best of three runs in the process.
 * Versions 2 and 3 (the default; it adds `compared` to every unmatched item) are measured
 * through the engine. Issue 26's goals are reported with reportGoal: 10× the items within 12×
 * the time, a two-part key within 1.5× a single key, and peak memory at a million per side
 * within 1.5× the process's memory with the two inputs loaded. That memory is reported two ways:
 * as plain arrays, before n8n wraps them in items (the issue's own figure, which no node can meet:
 * n8n's engine alone takes the process past it before any node runs), and as n8n's floor, the
 * peak of the same workflow with a node that takes both inputs and returns nothing in Compare's
 * place (the inputs as n8n holds them for any node).
 */
import { execFileSync } from 'child_process';
import { join } from 'path';

import { loadAverage, reportGoal } from './goals';

interface Measurement {
	n: number;
	mode: string;
	shape: string;
	version: number;
	ms: number;
	cpuMs: number;
	peakMb: number;
	inputsMb: number;
}

interface Case {
	label: string;
	mode: 'pure' | 'engine' | 'engineFloor' | 'nestedLoop';
	shape: 'single' | 'twoPart';
	version: number;
	maxN?: number;
}

const CASES: Case[] = [
	{ label: 'pure, single key', mode: 'pure', shape: 'single', version: 2 },
	{ label: 'pure, two-part key', mode: 'pure', shape: 'twoPart', version: 2 },
	{ label: 'engine v1, single key', mode: 'engine', shape: 'single', version: 1 },
	{ label: 'engine v2, single key', mode: 'engine', shape: 'single', version: 2 },
	{ label: 'engine v2, two-part key', mode: 'engine', shape: 'twoPart', version: 2 },
	{ label: 'engine v3, single key', mode: 'engine', shape: 'single', version: 3 },
	{ label: 'engine v3, two-part key', mode: 'engine', shape: 'twoPart', version: 3 },
	{ label: "n8n's floor (a node that returns nothing)", mode: 'engineFloor', shape: 'single', version: 2 },
	{ label: 'nested loop', mode: 'nestedLoop', shape: 'single', version: 2, maxN: 10_000 },
];

function measure(n: number, c: Case): Measurement {
	const output = execFileSync(
		process.execPath,
		[
			'--max-old-space-size=16000',
			'--expose-gc',
			'-r',
			'ts-node/register/transpile-only',
			join(__dirname, 'compareExtensions.case.ts'),
			String(n),
			c.mode,
			c.shape,
			String(c.version),
		],
		{ env: { ...process.env, N8N_LOG_LEVEL: 'silent' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
	);
	return JSON.parse(output.trim().split('\n').pop()!) as Measurement;
}

function fmtMs(ms: number) {
	return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

/** A goal's detail: the two wall times, and the ratio of CPU times for a machine that is not idle. */
function timeDetail(a: Measurement, b: Measurement) {
	return `${fmtMs(b.ms)} vs ${fmtMs(a.ms)}; CPU time ${(b.cpuMs / a.cpuMs).toFixed(2)}×`;
}

export async function run(): Promise<void> {
	const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000,1000000').split(',').map(Number);
	const rows: string[] = ['| items per side | case | time | CPU time | peak RSS | RSS with inputs loaded |', '|---:|---|---:|---:|---:|---:|'];
	const byCase = new Map<string, Map<number, Measurement>>();
	for (const n of sizes) {
		for (const c of CASES) {
			if (c.maxN !== undefined && n > c.maxN) continue;
			const m = measure(n, c);
			if (!byCase.has(c.label)) byCase.set(c.label, new Map());
			byCase.get(c.label)!.set(n, m);
			rows.push(`| ${n.toLocaleString('en')} | ${c.label} | ${fmtMs(m.ms)} | ${fmtMs(m.cpuMs)} | ${m.peakMb.toFixed(0)} MB | ${m.inputsMb.toFixed(0)} MB |`);
		}
	}
	console.log(rows.join('\n'));
	console.log(`\nLoad average after the runs: ${loadAverage()} (2 cores; a loaded machine makes ratios indicative only).\n`);

	const at = (label: string, n: number) => byCase.get(label)?.get(n);
	// Issue 26: 10× the items within 12× the time, at every step from 10k, pure and through the engine.
	for (const label of ['pure, single key', 'engine v2, single key', 'engine v3, single key']) {
		for (const [from, to] of [
			[10_000, 100_000],
			[100_000, 1_000_000],
		]) {
			const a = at(label, from);
			const b = at(label, to);
			if (a && b) reportGoal(`Compare ${label}, ${from.toLocaleString('en')} → ${to.toLocaleString('en')} items`, b.ms / a.ms, 12, timeDetail(a, b));
		}
	}
	// A two-part key (site + number) within 1.5× the time of a single key, from 10k.
	for (const [single, twoPart] of [
		['pure, single key', 'pure, two-part key'],
		['engine v2, single key', 'engine v2, two-part key'],
		['engine v3, single key', 'engine v3, two-part key'],
	]) {
		for (const n of sizes.filter((size) => size >= 10_000)) {
			const a = at(single, n);
			const b = at(twoPart, n);
			if (a && b) reportGoal(`Compare ${twoPart} against single key, ${n.toLocaleString('en')} items`, b.ms / a.ms, 1.5, timeDetail(a, b));
		}
	}
	// Peak memory of a 1,000,000 × 1,000,000 run through the engine within 1.5× the process's memory
	// with the inputs loaded: as plain arrays (the issue's figure; the detail gives what n8n alone
	// takes), and as n8n holds them for any node (the floor's peak).
	const floor = at("n8n's floor (a node that returns nothing)", 1_000_000);
	const floorNote = floor ? `; n8n's floor alone ${(floor.peakMb / floor.inputsMb).toFixed(2)}×` : '';
	for (const label of ['engine v2, single key', 'engine v2, two-part key', 'engine v3, single key', 'engine v3, two-part key']) {
		const m = at(label, 1_000_000);
		if (!m) continue;
		reportGoal(`Compare ${label}, peak memory at 1,000,000 × 1,000,000 against the inputs as plain arrays`, m.peakMb / m.inputsMb, 1.5, `${m.peakMb.toFixed(0)} vs ${m.inputsMb.toFixed(0)} MB${floorNote}`);
		if (floor) reportGoal(`Compare ${label}, peak memory at 1,000,000 × 1,000,000 against n8n's floor`, m.peakMb / floor.peakMb, 1.5, `${m.peakMb.toFixed(0)} vs ${floor.peakMb.toFixed(0)} MB`);
	}
	const v1 = at('engine v1, single key', 100_000);
	for (const label of ['engine v2, single key', 'engine v2, two-part key', 'engine v3, single key']) {
		const m = at(label, 100_000);
		if (m) console.log(`100k × 100k, ${label}: ${fmtMs(m.ms)}${v1 ? ` (version 1: ${fmtMs(v1.ms)})` : ''}`);
	}
}
