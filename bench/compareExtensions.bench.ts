/**
 * Compare Extensions at 1k, 10k, 100k and 1M items per side (half overlapping, a tenth of
 * the matches changed, two compared fields): the pure comparison and a full run through
 * n8n's engine, with a single key and a two-part key (site + number), each in its own
 * process for an honest peak-memory figure. Version 1 through the engine is the reference
 * for "within today's figure"; a nested loop shaped like n8n's Compare Datasets matching
 * is timed at the small sizes. Up to 100k the time is the best of three runs in the process.
 */
import { execFileSync } from 'child_process';
import { join } from 'path';

interface Measurement {
	n: number;
	mode: string;
	shape: string;
	version: number;
	ms: number;
	peakMb: number;
	inputsMb: number;
}

interface Case {
	label: string;
	mode: 'pure' | 'engine' | 'nestedLoop';
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

export async function run(): Promise<void> {
	const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000,1000000').split(',').map(Number);
	const rows: string[] = ['| items per side | case | time | peak RSS | RSS with inputs loaded |', '|---:|---|---:|---:|---:|'];
	const byCase = new Map<string, Map<number, Measurement>>();
	for (const n of sizes) {
		for (const c of CASES) {
			if (c.maxN !== undefined && n > c.maxN) continue;
			const m = measure(n, c);
			if (!byCase.has(c.label)) byCase.set(c.label, new Map());
			byCase.get(c.label)!.set(n, m);
			rows.push(`| ${n.toLocaleString('en')} | ${c.label} | ${fmtMs(m.ms)} | ${m.peakMb.toFixed(0)} MB | ${m.inputsMb.toFixed(0)} MB |`);
		}
	}
	console.log(rows.join('\n'));

	console.log('\nTwo-part key against single key (goal: at most 1.5×):');
	for (const [single, twoPart] of [
		['pure, single key', 'pure, two-part key'],
		['engine v2, single key', 'engine v2, two-part key'],
	]) {
		for (const n of sizes) {
			const a = byCase.get(single)?.get(n);
			const b = byCase.get(twoPart)?.get(n);
			if (a && b) console.log(`  ${twoPart.split(',')[0]} ${n.toLocaleString('en')}: ×${(b.ms / a.ms).toFixed(2)}`);
		}
	}
	console.log('\nGrowth for 10x the items (goal: at most 12x the time):');
	for (const label of ['pure, single key', 'engine v2, single key']) {
		const list = sizes.map((n) => byCase.get(label)?.get(n)).filter((m): m is Measurement => m !== undefined);
		for (let i = 1; i < list.length; i++) {
			console.log(`  ${label}: ${list[i - 1].n.toLocaleString('en')} → ${list[i].n.toLocaleString('en')}: ×${(list[i].ms / list[i - 1].ms).toFixed(1)}`);
		}
	}
	const v1 = byCase.get('engine v1, single key')?.get(100_000);
	for (const label of ['engine v2, single key', 'engine v2, two-part key']) {
		const m = byCase.get(label)?.get(100_000);
		if (m) console.log(`\n100k × 100k, ${label}: ${fmtMs(m.ms)}${v1 ? ` (version 1: ${fmtMs(v1.ms)}; README today: 0.41 s)` : ''}`);
	}
}
