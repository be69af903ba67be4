/** Small builders for test workflows in the shape the n8n editor exports. */
import type { IConnections, IDataObject, INode, INodeCredentials, IPinData } from 'n8n-workflow';

import type { WorkflowJson } from './engine';
import { PACKAGE_NAME } from './registry';

/** `type` of one of this package's nodes, e.g. `pkg('compareExtensions')`. */
export const pkg = (name: string) => `${PACKAGE_NAME}.${name}`;

export interface NodeSpec {
	name: string;
	type: string;
	parameters?: IDataObject;
	credentials?: INodeCredentials;
	typeVersion?: number;
	/** Items this node outputs instead of running (n8n's pinned data). */
	pinData?: IDataObject[];
	continueOnFail?: boolean;
	/** Extra node fields such as `retryOnFail`. */
	extra?: Partial<INode>;
}

/** [from, to, fromOutput = 0, toInput = 0] */
export type Edge = [string, string, number?, number?];

export const TRIGGER = 'When clicking "Execute workflow"';

/** Builds a workflow that starts at a manual trigger connected to every node without inputs. */
export function buildWorkflow(specs: NodeSpec[], edges: Edge[]): WorkflowJson {
	const nodes: INode[] = [
		{
			id: 'trigger',
			name: TRIGGER,
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
	];
	const pinData: IPinData = {};
	specs.forEach((spec, index) => {
		nodes.push({
			id: `node-${index}`,
			name: spec.name,
			type: spec.type,
			typeVersion: spec.typeVersion ?? 1,
			position: [200 * (index + 1), 0],
			parameters: (spec.parameters ?? {}) as INode['parameters'],
			...(spec.credentials ? { credentials: spec.credentials } : {}),
			...(spec.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			...(spec.extra ?? {}),
		});
		if (spec.pinData) pinData[spec.name] = spec.pinData.map((json) => ({ json }));
	});
	const connections: IConnections = {};
	const targets = new Set(edges.map(([, to]) => to));
	const allEdges: Edge[] = [
		...specs.filter((s) => !targets.has(s.name)).map((s): Edge => [TRIGGER, s.name]),
		...edges,
	];
	for (const [from, to, output = 0, input = 0] of allEdges) {
		connections[from] = connections[from] ?? { main: [] };
		const main = connections[from].main;
		while (main.length <= output) main.push([]);
		main[output] = [...(main[output] ?? []), { node: to, type: 'main', index: input }];
	}
	return { nodes, connections, pinData };
}

/** A NoOp node that emits the given items (pinned), to feed fixtures into a node. */
export function source(name: string, items: IDataObject[]): NodeSpec {
	return { name, type: 'n8n-nodes-base.noOp', pinData: items };
}

/**
 * A workflow exactly as the editor saves it: a manual trigger and one node of the given type
 * and version with these parameters, as JSON to compare with a saved workflow file.
 */
export function savedWorkflow(node: { name: string; type: string; typeVersion: number; parameters: IDataObject; credentials: INodeCredentials }): WorkflowJson {
	return {
		nodes: [
			{ id: 'saved-start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: 'saved-node', position: [220, 0], ...node, parameters: node.parameters as INode['parameters'] },
		],
		connections: { Start: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
	};
}
