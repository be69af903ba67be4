/**
 * One Compare Extensions measurement in its own process, so peak memory (maxRSS) belongs
 * to this case alone. Prints one JSON line. Usage: <items per side> <pure|engine|nestedLoop>
 */
import { compareExtensions } from '../nodes/CompareExtensions/compare';
import { runWorkflow } from '../dev/harness/engine';
import { buildWorkflow, pkg, source } from '../dev/harness/workflow';

function data(n: number) {
	// Half of each side overlaps; a tenth of the overlapping pairs differ in name.
	const local = Array.from({ length: n }, (_, i) => ({ number: String(1_000_000 + i), name: `User ${i}`, email: `u${i}@example.com` }));
	const remote = Array.from({ length: n }, (_, i) => {
		const k = i + Math.floor(n / 2);
		return { number: String(1_000_000 + k), name: i % 10 === 0 ? `Renamed ${k}` : `User ${k}`, email: `u${k}@example.com` };
	});
	return { local, remote };
}

/** The shape of n8n's Compare Datasets matching (each local item scans the remote list). */
function nestedLoop(local: { number: string }[], remote: { number: string }[]) {
	const matched = new Set<number>();
	let pairs = 0;
	for (const l of local) {
		const index = remote.findIndex((r) => r.number === l.number);
		if (index !== -1) {
			matched.add(index);
			pairs++;
		}
	}
	return pairs;
}

function compareWorkflow(local: object[], remote: object[]) {
	return buildWorkflow(
		[
			source('Local', local as never),
			source('Remote', remote as never),
			{
				name: 'Compare',
				type: pkg('compareExtensions'),
				parameters: { fieldsToCompare: { values: [{ local: 'name', remote: 'name' }, { local: 'email', remote: 'email' }] } },
			},
		],
		[
			['Local', 'Compare', 0, 0],
			['Remote', 'Compare', 0, 1],
		],
	);
}

async function main() {
	const n = Number(process.argv[2]);
	const mode = process.argv[3];
	// Warm up on a tiny run (module loading, ts-node compiling the node types, JIT), so the
	// time measured below is the comparison's own.
	const warm = data(10);
	if (mode === 'engine') await runWorkflow(compareWorkflow(warm.local, warm.remote));
	else compareExtensions(warm.local, warm.remote);
	const { local, remote } = data(n);
	if (global.gc) global.gc();
	const rssBefore = process.memoryUsage().rss;
	const started = process.hrtime.bigint();
	let check = 0;
	if (mode === 'pure') {
		const result = compareExtensions(local, remote, { fields: [{ local: 'name', remote: 'name' }, { local: 'email', remote: 'email' }] });
		check = result.synced.length + result.changed.length;
	} else if (mode === 'nestedLoop') {
		check = nestedLoop(local, remote);
	} else {
		const result = await runWorkflow(compareWorkflow(local, remote));
		if (result.status !== 'success') throw result.error;
		const outputs = result.output('Compare');
		check = outputs[2].length + outputs[3].length;
	}
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	if (check !== Math.ceil(n / 2) && !(mode === 'nestedLoop' && check === Math.ceil(n / 2))) {
		throw new Error(`expected ${Math.ceil(n / 2)} matches, got ${check}`);
	}
	const peakMb = process.resourceUsage().maxRSS / 1024;
	console.log(JSON.stringify({ n, mode, ms, peakMb, inputsMb: rssBefore / 1024 / 1024 }));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
