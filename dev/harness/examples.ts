/**
 * Loads an example workflow from `examples/` the way every runner needs it: the jest example
 * tests (n8n-core's engine), `npm run demo` and `npm run test:n8n` (a real n8n's `n8n execute`).
 * The workflow stays as a user would import it, except:
 *
 * - a trigger that cannot start a test or CLI run (Schedule, Webhook, …) becomes a Manual
 *   Trigger with the same name and position;
 * - with `triggerOutput` (the items the trigger would emit, e.g. a webhook's request), the
 *   trigger becomes a Code node (or, with `standIn: 'editFields'`, an Edit Fields node) with the
 *   trigger's name and position that returns those items, started by a Manual Trigger named `<name> (start)` placed left of it. Downstream expressions
 *   such as `$('New Hire Webhook').item.json.body` keep working. Pinned data is not used for
 *   this: `n8n execute` ignores it (only manual and evaluation runs read pinData);
 * - credential references point at the given credentials;
 * - with `dryRun`, the example's "Settings" node (Edit Fields with a Dry Run boolean, which
 *   the examples that write ship switched on) is set to that value.
 */
import * as fs from 'fs';
import type { IConnections, IDataObject, INode, INodeCredentialsDetails } from 'n8n-workflow';
import * as path from 'path';

import type { WorkflowJson } from './engine';

export const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');

export const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';

/** An Edit Fields (Set) node (v3.4, raw JSON) that outputs `item` as its only item. */
function editFieldsEmitting(trigger: INode, items: IDataObject[]): INode {
	if (items.length !== 1) throw new Error(`An Edit Fields node stands in for ${trigger.name} with exactly one item, not ${items.length}`);
	const { webhookId: _webhookId, credentials: _credentials, ...rest } = trigger;
	return {
		...rest,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: { mode: 'raw', jsonOutput: JSON.stringify(items[0], null, 2), options: {} },
		notes: `Stands in for the ${trigger.type} trigger`,
	};
}

/** Horizontal distance between the added Manual Trigger and the Code node standing in for a trigger. */
const START_OFFSET = 240;

export interface LoadExampleOptions {
	/** Items the replaced trigger emits, e.g. `[{ body: {...}, headers: {}, params: {}, query: {} }]` for a webhook. */
	triggerOutput?: IDataObject[];
	/**
	 * What emits `triggerOutput`: a Code node (default), or an Edit Fields node in raw JSON mode
	 * for one item. In `n8n execute` n8n 1.123 resolves `$('<a Code node>')` to null (its
	 * `$('…').all()` and `.item` alike), so downstream expressions lose the webhook's request
	 * there; an Edit Fields node behaves the same on 1.x and 2.x (npm run test:n8n uses it).
	 */
	standIn?: 'code' | 'editFields';
	/** The value of Settings › dryRun; the example's own (on) when not given. */
	dryRun?: boolean;
}

type CredentialReferences = Record<string, INodeCredentialsDetails & { id: string }>;

/** Triggers that start a run on their own and therefore never start a CLI or test run. */
function isReplaceableTrigger(node: INode): boolean {
	if (node.type === MANUAL_TRIGGER || node.type === 'n8n-nodes-base.executeWorkflowTrigger') return false;
	return /Trigger$/.test(node.type) || ['n8n-nodes-base.cron', 'n8n-nodes-base.interval', 'n8n-nodes-base.webhook'].includes(node.type);
}

/** The example's JSON as exported by the n8n editor. */
export function readExample(file: string): WorkflowJson & { id?: string } {
	return JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as WorkflowJson;
}

/** A Code node (v2, run once for all items, JavaScript) that returns `items`. */
function codeEmitting(trigger: INode, items: IDataObject[]): INode {
	const { webhookId: _webhookId, credentials: _credentials, ...rest } = trigger;
	const json = JSON.stringify(
		items.map((item) => ({ json: item })),
		null,
		2,
	);
	return {
		...rest,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		parameters: { mode: 'runOnceForAllItems', language: 'javaScript', jsCode: `return ${json};` },
		notes: `Stands in for the ${trigger.type} trigger`,
	};
}

/**
 * Replaces Schedule, Webhook and other triggers with a Manual Trigger of the same name and
 * position, or, with `triggerOutput`, with a Code node emitting those items behind a Manual
 * Trigger (see the file header).
 */
export function withManualTrigger<T extends WorkflowJson>(workflow: T, options: LoadExampleOptions = {}): T {
	const nodes: INode[] = [];
	const connections: IConnections = { ...workflow.connections };
	let replaced = 0;
	for (const node of workflow.nodes) {
		if (!isReplaceableTrigger(node)) {
			nodes.push(node);
			continue;
		}
		replaced++;
		if (!options.triggerOutput) {
			const { webhookId: _webhookId, credentials: _credentials, ...rest } = node;
			nodes.push({ ...rest, type: MANUAL_TRIGGER, typeVersion: 1, parameters: {} });
			continue;
		}
		const start = `${node.name} (start)`;
		if (workflow.nodes.some((other) => other.name === start)) throw new Error(`${start} already exists in the workflow`);
		nodes.push({
			id: `${node.id}-start`,
			name: start,
			type: MANUAL_TRIGGER,
			typeVersion: 1,
			position: [node.position[0] - START_OFFSET, node.position[1]],
			parameters: {},
		});
		nodes.push(options.standIn === 'editFields' ? editFieldsEmitting(node, options.triggerOutput) : codeEmitting(node, options.triggerOutput));
		connections[start] = { main: [[{ node: node.name, type: 'main', index: 0 }]] };
	}
	if (options.triggerOutput && replaced === 0) {
		throw new Error('triggerOutput was given, but the workflow has no trigger to replace');
	}
	return { ...workflow, nodes, connections };
}

/** Points every node's reference to a credential of a given type at the given credential. */
export function withCredentials<T extends WorkflowJson>(workflow: T, references: CredentialReferences): T {
	return {
		...workflow,
		nodes: workflow.nodes.map((node) => {
			if (!node.credentials) return node;
			const credentials = { ...node.credentials };
			for (const type of Object.keys(credentials)) {
				if (references[type]) credentials[type] = { id: references[type].id, name: references[type].name };
			}
			return { ...node, credentials };
		}),
	};
}

/** The node examples use for the workflow-wide Dry Run switch. */
export const SETTINGS_NODE = 'Settings';

/** Sets the Dry Run boolean of the example's Settings node (an Edit Fields node); fails if there is none. */
export function withDryRun<T extends WorkflowJson>(workflow: T, dryRun: boolean): T {
	let found = false;
	const nodes = workflow.nodes.map((node) => {
		if (node.name !== SETTINGS_NODE || node.type !== 'n8n-nodes-base.set') return node;
		const parameters = node.parameters as { assignments?: { assignments?: Array<{ name: string; value: unknown }> } };
		const assignments = (parameters.assignments?.assignments ?? []).map((assignment) => {
			if (assignment.name !== 'dryRun') return assignment;
			found = true;
			return { ...assignment, value: dryRun };
		});
		return { ...node, parameters: { ...node.parameters, assignments: { ...parameters.assignments, assignments } } as INode['parameters'] };
	});
	if (!found) throw new Error(`The workflow has no ${SETTINGS_NODE} node with a dryRun field`);
	return { ...workflow, nodes };
}

/** An example ready to run: trigger replaced, credentials pointed at the caller's, Dry Run as asked. */
export function loadExample(
	file: string,
	credentials: CredentialReferences = {},
	options: LoadExampleOptions = {},
): WorkflowJson {
	const example = readExample(file);
	const workflow = options.dryRun === undefined ? example : withDryRun(example, options.dryRun);
	return withCredentials(withManualTrigger(workflow, options), credentials);
}
