/**
 * Runs workflows (as exported by the n8n editor) through n8n-core's real execution
 * engine with this package's node and credential types.
 */
// Must come first: it keeps n8n-core out of the user's own ~/.n8n.
import './env';
import {
	CredentialTestContext,
	ExecuteContext,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialTestFunction,
	ICredentialTestRequest,
	IConnections,
	IDataObject,
	INode,
	INodeCredentials,
	INodeExecutionData,
	INodeParameters,
	INodePropertyOptions,
	INodeType,
	IPinData,
	IRun,
	IRunExecutionData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { CredentialStore, TestCredentialsHelper } from './credentials';
import { credentialType, nodeTypes, packageNodes } from './registry';

export interface WorkflowJson {
	name?: string;
	nodes: INode[];
	connections: IConnections;
	pinData?: IPinData;
	settings?: IDataObject;
}

export interface WorkflowResult {
	run: IRun;
	status: IRun['status'];
	/** The first error any node threw, if the run failed. */
	error?: Error & { description?: string; node?: INode };
	/** Items per output index of a node's last run; `[]` for a node that did not run. */
	output(nodeName: string, runIndex?: number): INodeExecutionData[][];
	/** The JSON of one output of a node. */
	json(nodeName: string, outputIndex?: number, runIndex?: number): IDataObject[];
	/** Names of nodes that ran, in order. */
	executed: string[];
}

export function additionalData(
	store: CredentialStore,
	workflowData: IWorkflowBase,
	mode: WorkflowExecuteMode,
): IWorkflowExecuteAdditionalData {
	const hooks = new ExecutionLifecycleHooks(mode, '1', workflowData);
	return {
		credentialsHelper: new TestCredentialsHelper(store),
		hooks,
		executionId: '1',
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		variables: {},
		currentNodeExecutionIndex: 0,
		userId: 'test-user',
		logAiEvent: () => undefined,
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not supported in tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Finds the node a run starts from: the manual trigger, or the first node without inputs. */
function startNodeOf(workflow: Workflow, nodes: INode[], connections: IConnections): INode {
	const targets = new Set<string>();
	for (const outputs of Object.values(connections)) {
		for (const byIndex of Object.values(outputs)) {
			for (const list of byIndex ?? []) for (const c of list ?? []) targets.add(c.node);
		}
	}
	const start =
		nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger' && !n.disabled) ??
		nodes.find((n) => !targets.has(n.name) && !n.disabled);
	if (!start) throw new Error('The workflow has no node to start from');
	return workflow.getNode(start.name)!;
}

export async function runWorkflow(
	workflowJson: WorkflowJson,
	store: CredentialStore = new CredentialStore(),
	mode: WorkflowExecuteMode = 'manual',
	/** What a trigger or poller emitted: the run starts at it with these items, as n8n runs an active workflow. */
	triggerData?: INodeExecutionData[][],
): Promise<WorkflowResult> {
	const nodes = workflowJson.nodes.map((node) => ({ ...node, parameters: { ...node.parameters } }));
	const workflow = new Workflow({
		id: 'test-workflow',
		name: workflowJson.name ?? 'test',
		nodes,
		connections: workflowJson.connections,
		active: false,
		nodeTypes: nodeTypes(),
		settings: { executionOrder: 'v1', ...(workflowJson.settings ?? {}) },
		pinData: workflowJson.pinData,
	});
	const workflowData: IWorkflowBase = {
		id: 'test-workflow',
		name: workflowJson.name ?? 'test',
		nodes,
		connections: workflowJson.connections,
		active: false,
		isArchived: false,
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	} as unknown as IWorkflowBase;
	const data = additionalData(store, workflowData, mode);
	const executor = new WorkflowExecute(data, mode);
	const startNode = startNodeOf(workflow, nodes, workflowJson.connections);
	const run = await executor.run({
		workflow,
		startNode,
		pinData: workflowJson.pinData,
		triggerToStartFrom: triggerData ? { name: startNode.name, data: { data: { main: triggerData } } as never } : undefined,
	});
	const runData = run.data.resultData.runData;
	const output = (nodeName: string, runIndex?: number): INodeExecutionData[][] => {
		const runs = runData[nodeName];
		if (!runs?.length) return [];
		const task = runs[runIndex ?? runs.length - 1];
		return (task.data?.main ?? []).map((items) => items ?? []);
	};
	return {
		run,
		status: run.status,
		error: run.data.resultData.error as WorkflowResult['error'],
		output,
		json: (nodeName, outputIndex = 0, runIndex) =>
			(output(nodeName, runIndex)[outputIndex] ?? []).map((item) => item.json),
		executed: Object.keys(runData),
	};
}

function readPath(source: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>(
		(value, part) => (value !== null && typeof value === 'object' ? (value as IDataObject)[part] : undefined),
		source,
	);
}

/** The name n8n 2.41 gives its loaded NoOp node type (see testCredential). */
const NOOP_TYPE = 'noOp';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

type TestedBy = ICredentialTestFunction | ICredentialTestRequest;

/**
 * Finds a credential's Test as n8n 2.41's CredentialsTester.getCredentialTestFunction does:
 * the credential's own declarative `test` first; else the first node (every version of it)
 * whose credential entry has `testedBy`: a name in the node's `methods.credentialTest`, or a
 * declarative request.
 */
function credentialTestOf(typeName: string): TestedBy | undefined {
	const test = credentialType(typeName).test;
	if (test) return test;
	for (const node of Object.values(packageNodes())) {
		const versions: INodeType[] = 'nodeVersions' in node ? Object.values(node.nodeVersions) : [node];
		for (const nodeType of versions) {
			for (const { name, testedBy } of nodeType.description.credentials ?? []) {
				if (name !== typeName || !testedBy) continue;
				if (typeof testedBy !== 'string') return testedBy;
				return versions.map((version) => version.methods?.credentialTest?.[testedBy]).find(Boolean);
			}
		}
	}
	return undefined;
}

/**
 * Tests a credential the way the n8n editor's "Test" button does. A test function (a node's
 * `testedBy`) is called with n8n-core's CredentialTestContext and the credential's data. A
 * declarative `test` goes through n8n-core's RoutingNode on a temporary node built as n8n
 * 2.41's CredentialsTester builds it, and `rules` decide the outcome. Its type is the loaded
 * NoOp's own name, `noOp` (the prefixed name exists only in the descriptions sent to the
 * editor), so the credentials helper's "is a credential test" check never matches and
 * preAuthentication runs only when the token field is empty or after a 401: a stored token
 * is used as it is, as in n8n.
 */
export async function testCredential(
	store: CredentialStore,
	typeName: string,
	credentialId: string,
): Promise<CredentialTestResult> {
	const tested = credentialTestOf(typeName);
	if (!tested) return { status: 'Error', message: 'No testing function found for this credential.' };
	if (typeof tested === 'function') {
		const data = additionalData(store, { nodes: [], connections: {} } as unknown as IWorkflowBase, 'internal');
		const stored = store.get(credentialId);
		const decrypted = await data.credentialsHelper.getDecrypted(data, { id: stored.id, name: stored.name }, typeName, 'internal');
		const result = await tested.call(new CredentialTestContext(data), {
			id: stored.id,
			name: stored.name,
			type: typeName,
			data: decrypted,
		});
		return { status: result.status, message: result.message };
	}
	const test = tested;
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: NOOP_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [typeName]: { id: credentialId, name: store.get(credentialId).name } },
	};
	const tempType: INodeType = {
		description: {
			displayName: 'Temp',
			name: NOOP_TYPE,
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			credentials: [{ name: typeName, required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: test.request } },
			],
		},
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => tempType,
			getByNameAndVersion: () => tempType,
			getKnownTypes: () => ({}),
		},
	});
	const data = additionalData(store, { nodes: [node], connections: {} } as unknown as IWorkflowBase, 'internal');
	const runExecutionData = createRunExecutionData({ resultData: { runData: {} } }) as IRunExecutionData;
	const context = new ExecuteContext(
		workflow,
		node,
		data,
		'internal',
		runExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const decrypted = await data.credentialsHelper.getDecrypted(data, node.credentials![typeName], typeName, 'internal');
	const routingNode = new RoutingNode(context, tempType, {
		id: credentialId,
		name: store.get(credentialId).name,
		type: typeName,
		data: decrypted,
	});
	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) {
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && cause.response.status === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			return {
				status: 'Error',
				message: cause.response.statusText || `Received HTTP status code: ${cause.response.status}`,
			};
		}
		if (cause?.code) return { status: 'Error', message: cause.code };
		return { status: 'Error', message: (error as Error).message };
	}
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const body = response?.[0]?.[0]?.json;
			if (readPath(body, rule.properties.key) === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/**
 * Runs a node's `methods.loadOptions[method]` the way the editor fills a dropdown: through
 * n8n-core's LoadOptionsContext, with the node's current parameters and credentials.
 */
export async function loadOptions(
	store: CredentialStore,
	nodeTypeName: string,
	method: string,
	options: { parameters?: INodeParameters; credentials?: INodeCredentials } = {},
): Promise<INodePropertyOptions[]> {
	const types = nodeTypes();
	const nodeType = types.getByNameAndVersion(nodeTypeName) as INodeType;
	const loader = nodeType.methods?.loadOptions?.[method];
	if (!loader) throw new Error(`${nodeTypeName} has no loadOptions method "${method}"`);
	const node: INode = {
		id: 'load-options',
		name: 'Load Options',
		type: nodeTypeName,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters ?? {},
		credentials: options.credentials,
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: types });
	const data = additionalData(store, { nodes: [node], connections: {} } as unknown as IWorkflowBase, 'internal');
	data.currentNodeParameters = node.parameters;
	const context = new LoadOptionsContext(workflow, node, data, `parameters.${method}`);
	return await loader.call(context);
}
