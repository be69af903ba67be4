/**
 * Report only (issue 26): Compare Extensions, every version, against n8n's own Compare Datasets
 * at 10,000 × 10,000 items in a real n8n (`n8n start`). One workflow (a Webhook whose body holds
 * both lists, split into items) feeds several copies of each node, interleaved on the canvas so
 * that a busy moment of a shared machine does not hit one node only; each node's time is n8n's
 * own `executionTime` from the saved execution, and the report is the median per node and the
 * ratios. Times are printed, never asserted; only a failed run or a node that did not see every
 * item is a failure.
 */
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { PACKAGE_NAME, packageNodes } from '../../dev/harness/registry';
import type { RealN8n } from './realN8n';
import { N8nServer } from './server';
import type { Reporter } from './triggers';

const ITEMS = 10_000;
/** Copies per node: Compare Datasets takes seconds each at this size, Compare Extensions milliseconds (its first copy warms up). */
const COPIES = { compareExtensions: 5, compareDatasets: 3 };
const WORKFLOW_ID = 'pbxsynccomparespeed';
const WEBHOOK_PATH = 'pbx-sync-compare-speed';
const COMPARE_EXTENSIONS = `${PACKAGE_NAME}.compareExtensions`;
const FIELDS = [
	{ local: 'name', remote: 'name' },
	{ local: 'email', remote: 'email' },
];

/**
 * Compare Extensions' parameters per node version for the same comparison (key `number`,
 * compare name and email). A version the node has but this table lacks is reported as not
 * measured; add its parameters here when it lands.
 */
const COMPARE_EXTENSIONS_PARAMETERS: Record<number, INodeParameters> = {
	1: { fieldsToCompare: { values: FIELDS } },
	2: { keyFields: { values: [{ local: 'number', remote: 'number' }] }, compareFields: { values: FIELDS } },
	3: { keyFields: { values: [{ local: 'number', remote: 'number' }] }, compareFields: { values: FIELDS } },
};

/** n8n's Compare Datasets (its newest version in n8n 2.41 and 1.123) on the same key. */
const COMPARE_DATASETS = {
	type: 'n8n-nodes-base.compareDatasets',
	typeVersion: 2.3,
	parameters: { mergeByFields: { values: [{ field1: 'number', field2: 'number' }] }, options: {} },
};

/** Both sides hold the same numbers; a tenth of the remote names differ. */
function lists(): { local: IDataObject[]; remote: IDataObject[] } {
	const record = (i: number, name: string) => ({ number: String(100_000 + i), name, email: `u${i}@example.com` });
	return {
		local: Array.from({ length: ITEMS }, (_, i) => record(i, `User ${i}`)),
		remote: Array.from({ length: ITEMS }, (_, i) => record(i, i % 10 === 0 ? `Renamed ${i}` : `User ${i}`)),
	};
}

interface Variant {
	label: string;
	copies: number;
	node: Omit<INode, 'id' | 'name' | 'position'>;
}

function variants(): { measured: Variant[]; notMeasured: number[] } {
	const type = packageNodes()[COMPARE_EXTENSIONS];
	const declared = 'nodeVersions' in type ? Object.keys(type.nodeVersions).map(Number) : type.description.version;
	const versions = (Array.isArray(declared) ? declared : [declared]).sort((a, b) => a - b);
	const measured: Variant[] = versions
		.filter((version) => COMPARE_EXTENSIONS_PARAMETERS[version])
		.map((version) => ({
			label: `Compare Extensions v${version}`,
			copies: COPIES.compareExtensions,
			node: { type: COMPARE_EXTENSIONS, typeVersion: version, parameters: COMPARE_EXTENSIONS_PARAMETERS[version] },
		}));
	measured.push({ label: 'Compare Datasets', copies: COPIES.compareDatasets, node: COMPARE_DATASETS });
	return { measured, notMeasured: versions.filter((version) => !COMPARE_EXTENSIONS_PARAMETERS[version]) };
}

function workflow(measured: Variant[]): { workflow: IDataObject; names: Map<string, string[]> } {
	const nodes: INode[] = [
		{
			id: 'webhook',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: '6f1c2a4e-5b7d-4c3e-9a8f-0d1e2f3a4b5c',
			position: [0, 0],
			// Answers when the run has finished, so nothing polls n8n while a node blocks its event loop.
			parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'lastNode', responseData: 'noData', options: {} },
		},
		...(['local', 'remote'] as const).map((side, index) => ({
			id: `split-${side}`,
			name: `Split ${side}`,
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [220, index * 200] as [number, number],
			parameters: { fieldToSplitOut: `body.${side}`, options: {} },
		})),
	];
	const names = new Map<string, string[]>(measured.map((variant) => [variant.label, []]));
	const targets: Array<{ node: string; type: string; index: number }> = [];
	// Canvas order is execution order among siblings (v1): copy 1 of every variant, then copy 2…
	for (let copy = 1; copy <= Math.max(...measured.map((variant) => variant.copies)); copy++) {
		for (const variant of measured.filter((candidate) => copy <= candidate.copies)) {
			const name = `${variant.label} #${copy}`;
			names.get(variant.label)!.push(name);
			nodes.push({ ...variant.node, id: name, name, position: [440, nodes.length * 100] } as INode);
			targets.push({ node: name, type: 'main', index: 0 }, { node: name, type: 'main', index: 1 });
		}
	}
	const connections = {
		Webhook: { main: [[{ node: 'Split local', type: 'main', index: 0 }, { node: 'Split remote', type: 'main', index: 0 }]] },
		'Split local': { main: [targets.filter((target) => target.index === 0)] },
		'Split remote': { main: [targets.filter((target) => target.index === 1)] },
	};
	return {
		workflow: { id: WORKFLOW_ID, name: 'Compare speed (report)', nodes, connections, settings: { executionOrder: 'v1' } },
		names,
	};
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function runCompareSpeedReport(n8n: RealN8n, report: Reporter): Promise<void> {
	console.log(`\nCompare Extensions against Compare Datasets, ${ITEMS.toLocaleString('en')} × ${ITEMS.toLocaleString('en')} items (report only, n8n start):`);
	const server = new N8nServer(n8n);
	try {
		const { measured, notMeasured } = variants();
		const { workflow: definition, names } = workflow(measured);
		await server.importWorkflows([definition]);
		await server.start();
		try {
			await server.activate(WORKFLOW_ID);
		} catch (error) {
			// n8n 2.41 may still process the import's own "unpublish" record after the activation
			// call, and activate() then sees that record's result; the publication follows it.
			if (!/ended "unpublished"/.test((error as Error).message)) throw error;
		}
		const before = (await server.executions(WORKFLOW_ID)).length;
		const body = JSON.stringify(lists());
		let response: Response;
		// 404 until n8n has registered the webhook.
		for (const deadline = Date.now() + 60_000; ; ) {
			response = await fetch(`${server.baseUrl}/webhook/${WEBHOOK_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
			if (response.status !== 404 || Date.now() > deadline) break;
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
		if (!response.ok) throw new Error(`the webhook answered HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
		const summary = (await server.waitForExecutions(WORKFLOW_ID, before + 1)).at(-1)!;
		const execution = await server.execution(summary.id);
		const runData = execution.data.resultData.runData ?? {};
		if (execution.status !== 'success') {
			const error = execution.data.resultData.error as { message?: string; node?: { name?: string } } | undefined;
			report.fail(`compare speed: execution ${execution.id} ended ${execution.status}: ${error?.node?.name ?? ''} ${error?.message ?? ''}`);
			return;
		}
		const medians = new Map<string, number>();
		for (const [label, nodeNames] of names) {
			const times: number[] = [];
			for (const name of nodeNames) {
				const task = runData[name]?.[0];
				const items = (task?.data?.main ?? []).reduce((sum, output) => sum + (output?.length ?? 0), 0);
				// Every key is on both sides: each node must put out one item per key, whatever its outputs are.
				if (!task || items !== ITEMS) report.fail(`compare speed: ${name} put out ${items} items, expected ${ITEMS}`);
				else times.push(task.executionTime);
			}
			if (times.length === 0) continue;
			medians.set(label, median(times));
			console.log(`  ${label}: median ${median(times)} ms (${times.map((time) => `${time} ms`).join(', ')})`);
		}
		const datasets = medians.get('Compare Datasets');
		const first = medians.get('Compare Extensions v1');
		for (const [label, ms] of medians) {
			if (label === 'Compare Datasets') continue;
			const ratios = [
				first !== undefined && label !== 'Compare Extensions v1' ? `${(ms / first).toFixed(2)}× version 1's time` : '',
				datasets !== undefined ? `Compare Datasets takes ${(datasets / Math.max(ms, 1)).toFixed(0)}× its time` : '',
			].filter(Boolean);
			report.pass(`${label}: ${ms} ms median of ${names.get(label)!.length}; ${ratios.join('; ')}`);
		}
		for (const version of notMeasured) console.log(`  note Compare Extensions v${version} not measured: add its parameters to COMPARE_EXTENSIONS_PARAMETERS in test/n8n/compareSpeed.ts`);
	} catch (error) {
		report.fail(`compare speed: ${(error as Error).message}${(error as { cause?: Error }).cause ? ` (${String((error as { cause?: Error }).cause)})` : ''}\n${server.port ? server.describe() : ''}`);
	} finally {
		await server.stop();
	}
}
