/**
 * Compare Extensions at 1k, 10k, 100k and 1M items per side (half overlapping, a tenth of
 * the matches changed): the pure comparison and a full run through n8n's engine, each in
 * its own process for an honest peak-memory figure. A nested loop shaped like n8n's
 * Compare Datasets matching is timed at the small sizes for reference.
 */
import { execFileSync } from 'child_process';
import { join } from 'path';

interface Measurement {
	n: number;
	mode: string;
	ms: number;
	peakMb: number;
	inputsMb: number;
}

function measure(n: number, mode: string): Measurement {
	const output = execFileSync(
		process.execPath,
		['--max-old-space-size=16000', '--expose-gc', '-r', 'ts-node/register/transpile-only', join(__dirname, 'compareExtensions.case.ts'), String(n), mode],
		{ env: { ...process.env, N8N_LOG_LEVEL: 'silent' }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
	);
	return JSON.parse(output.trim().split('\n').pop()!) as Measurement;
}

function fmtMs(ms: number) {
	return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

export async function run(): Promise<void> {
	const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000,1000000').split(',').map(Number);
	const rows: string[] = ['| items per side | mode | time | peak RSS | RSS with inputs loaded |', '|---:|---|---:|---:|---:|'];
	const byMode: Record<string, Measurement[]> = {};
	const modes = ['pure', 'engine', 'nestedLoop'];
	for (const n of sizes) {
		for (const mode of modes) {
			if (mode === 'nestedLoop' && n > 10_000) continue;
			const m = measure(n, mode);
			(byMode[mode] = byMode[mode] ?? []).push(m);
			rows.push(`| ${n.toLocaleString('en')} | ${mode} | ${fmtMs(m.ms)} | ${m.peakMb.toFixed(0)} MB | ${m.inputsMb.toFixed(0)} MB |`);
		}
	}
	console.log(rows.join('\n'));
	console.log('\nGrowth for 10x the items (goal: at most 12x the time):');
	for (const mode of ['pure', 'engine']) {
		const list = byMode[mode] ?? [];
		for (let i = 1; i < list.length; i++) {
			console.log(`  ${mode}: ${list[i - 1].n.toLocaleString('en')} → ${list[i].n.toLocaleString('en')}: ×${(list[i].ms / list[i - 1].ms).toFixed(1)}`);
		}
	}
	const engine100k = byMode.engine?.find((m) => m.n === 100_000);
	if (engine100k) console.log(`\n100k × 100k through the engine: ${fmtMs(engine100k.ms)} (goal: under 3 s)`);
}
