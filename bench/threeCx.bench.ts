/**
 * Return All of 10,000 3CX users through the node (engine, credential, shared transport,
 * paging on Id) against the sandbox, next to a plain axios loop over the same pages, measured in
 * a process of its own (threeCx.case.ts); the goal's loop keeps one connection alive, a second one
 * (reported, not a goal) opens a new connection per request as n8n's request helper does. Each client runs ROUNDS times, interleaved, and the
 * table shows medians. The goal compares wall time, as a user waits for it; CPU time is shown
 * next to it because on a shared machine it varies less.
 */
import { execFileSync } from 'child_process';
import { join } from 'path';

import { reportGoal } from './goals';
import type { Row } from './threeCx.case';

const USERS = 10_000;

/** Issue 26's goal: Return All through the node at most this many times the plain loop. */
const RETURN_ALL_GOAL = 1.25;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

export async function run(): Promise<void> {
	const output = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'threeCx.case.ts')], {
		env: { ...process.env, N8N_LOG_LEVEL: 'silent' },
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const rows = JSON.parse(output.trim().split('\n').pop()!) as Row[];
	console.log(`Return All of ${USERS} users (sandbox on 127.0.0.1, $top=100), median of ${rows[0].ms.length} interleaved rounds in a process of its own\n`);
	console.log('| Client | Users | GET /Users | Token requests | Time (ms) | CPU time (ms) |');
	console.log('|---|---|---|---|---|---|');
	for (const row of rows) {
		console.log(`| ${row.client} | ${row.users} | ${row.pages} | ${row.tokens} | ${median(row.ms).toFixed(0)} | ${median(row.cpuMs).toFixed(0)} |`);
	}
	const [node, , plain, closing] = rows;
	const cpuRatio = median(node.cpuMs) / median(plain.cpuMs);
	console.log('');
	// Not a goal: the same comparison with the connection policy of n8n's request helper.
	console.log(
		`For comparison, against the plain loop with a new connection per request (as n8n's request helper): ` +
			`${(median(node.ms) / median(closing.ms)).toFixed(2)}× (${median(node.ms).toFixed(0)} vs ${median(closing.ms).toFixed(0)} ms; ` +
			`CPU time ${(median(node.cpuMs) / median(closing.cpuMs)).toFixed(2)}×)`,
	);
	reportGoal(
		`3CX Get Many, Return All of ${USERS.toLocaleString('en')} users against the plain axios loop`,
		median(node.ms) / median(plain.ms),
		RETURN_ALL_GOAL,
		`${median(node.ms).toFixed(0)} vs ${median(plain.ms).toFixed(0)} ms; CPU time ${cpuRatio.toFixed(2)}×`,
	);
}
