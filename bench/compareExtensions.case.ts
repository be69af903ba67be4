/**
 * One Compare Extensions measurement in its own process, so peak memory (maxRSS) belongs
 * to this case alone. Prints one JSON line.
 * Usage: <items per side> <pure|engine|engineFloor|nestedLoop> <single|twoPart> [node version, default 2]
 * `engineFloor` runs the same workflow with a node that takes both inputs and returns no items in
 * Compare's place: the memory n8n's engine holds for any node given these inputs (the items, and
 * the copy of each that n8n-core makes before a node runs), the floor Compare's memory is set against.
 * `ms` is wall time; `cpuMs` the process's CPU time over the same span (all threads, the
 * garbage collector's included), which a shared machine distorts less.
 */
import type { INodeExecutionData, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { KeyPart } from '../nodes/shared/compare';
import { compareExtensions } from '../nodes/shared/compare';
import { runWorkflow } from '../dev/harness/engine';
import { registerTestTypes } from '../dev/harness/registry';
import { buildWorkflow, pkg, source } from '../dev/harness/workflow';

type KeyShape = 'single' | 'twoPart';

/** Sites reuse extension numbers in the two-part case, so only site + number is unique. */
const SITES = ['hq', 'branch-a', 'branch-b', 'warehouse'];

function data(n: number) {
	// Half of each side overlaps; a tenth of the overlapping pairs differ in name.
	const record = (k: number, name: string) => ({
		site: SITES[k % SITES.length],
		number: String(1_000_000 + k),
		name,
		email: `u${k}@example.com`,
	});
	const local = Array.from({ length: n }, (_, i) => record(i, `User ${i}`));
	const remote = Array.from({ length: n }, (_, i) => {
		const k = i + Math.floor(n / 2);
		return record(k, i % 10 === 0 ? `Renamed ${k}` : `User ${k}`);
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

const FIELDS = [
	{ local: 'name', remote: 'name' },
	{ local: 'email', remote: 'email' },
];

function keyParts(shape: KeyShape): KeyPart[] {
	const part = (field: string): KeyPart => ({ local: field, remote: field, keyMatching: 'trimCaseInsensitive', stripPrefixes: [], lastDigits: 0 });
	return shape === 'twoPart' ? [part('site'), part('number')] : [part('number')];
}

/** Takes Local and Remote like Compare Extensions and returns no items: n8n's own memory for the inputs. */
class IgnoreInputs implements INodeType {
	description: INodeType['description'] = {
		displayName: 'Ignore Inputs',
		name: 'ignoreInputs',
		group: ['transform'],
		version: 1,
		description: 'Takes two inputs and returns no items',
		defaults: { name: 'Ignore Inputs' },
		inputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(): Promise<INodeExecutionData[][]> {
		return [[]];
	}
}
registerTestTypes({ nodes: { ignoreInputs: new IgnoreInputs() } });

function compareWorkflow(local: object[], remote: object[], shape: KeyShape, version: number, floor = false) {
	const compare = floor
		? { name: 'Compare', type: 'ignoreInputs' }
		: { name: 'Compare', type: pkg('compareExtensions'), typeVersion: version, parameters: compareParameters(shape, version) };
	return buildWorkflow(
		[source('Local', local as never), source('Remote', remote as never), compare],
		[
			['Local', 'Compare', 0, 0],
			['Remote', 'Compare', 0, 1],
		],
	);
}

function compareParameters(shape: KeyShape, version: number) {
	if (version === 1) return { fieldsToCompare: { values: FIELDS } };
	return {
		keyFields: { values: keyParts(shape).map(({ local, remote }) => ({ local, remote })) },
		compareFields: { values: FIELDS },
		// Half of each side is unmatched by design; the guard still runs and says "allowed".
		safety: { allowThisRun: true },
	};
}

async function main() {
	const n = Number(process.argv[2]);
	const mode = process.argv[3];
	const shape = (process.argv[4] ?? 'single') as KeyShape;
	const version = Number(process.argv[5] ?? 2);
	if (version === 1 && shape !== 'single') throw new Error('version 1 has single keys only');
	const options = { keys: keyParts(shape), fields: FIELDS };
	// Warm up on a tiny run (module loading, ts-node compiling the node types, JIT), so the
	// time measured below is the comparison's own.
	const warm = data(10);
	if (mode === 'engine' || mode === 'engineFloor') await runWorkflow(compareWorkflow(warm.local, warm.remote, shape, version, mode === 'engineFloor'));
	else compareExtensions(warm.local, warm.remote, options);
	const { local, remote } = data(n);
	// The machine is shared: the best of a few runs is the comparison's own time, not its neighbours'.
	const repeats = n <= 100_000 ? 3 : 1;
	let ms = Infinity;
	let cpuMs = Infinity;
	let rssBefore = 0;
	for (let run = 0; run < repeats; run++) {
		if (global.gc) global.gc();
		if (run === 0) rssBefore = process.memoryUsage().rss;
		const started = process.hrtime.bigint();
		const cpuStarted = process.cpuUsage();
		let check = 0;
		if (mode === 'pure') {
			const result = compareExtensions(local, remote, options);
			check = result.synced.length + result.changed.length;
		} else if (mode === 'nestedLoop') {
			check = nestedLoop(local, remote);
		} else if (mode === 'engineFloor') {
			const result = await runWorkflow(compareWorkflow(local, remote, shape, version, true));
			if (result.status !== 'success') throw result.error;
			check = Math.ceil(n / 2);
		} else {
			const result = await runWorkflow(compareWorkflow(local, remote, shape, version));
			if (result.status !== 'success') throw result.error;
			const outputs = result.output('Compare');
			check = outputs[2].length + outputs[3].length;
		}
		ms = Math.min(ms, Number(process.hrtime.bigint() - started) / 1e6);
		const cpu = process.cpuUsage(cpuStarted);
		cpuMs = Math.min(cpuMs, (cpu.user + cpu.system) / 1000);
		if (check !== Math.ceil(n / 2)) throw new Error(`expected ${Math.ceil(n / 2)} matches, got ${check}`);
	}
	const peakMb = process.resourceUsage().maxRSS / 1024;
	console.log(JSON.stringify({ n, mode, shape, version, ms, cpuMs, peakMb, inputsMb: rssBefore / 1024 / 1024 }));
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
