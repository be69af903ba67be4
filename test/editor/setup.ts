/**
 * What `npm run test:editor` opens in the browser: the sandboxes of `npm run sandbox` (on
 * ephemeral loopback ports), a real n8n server with the packed package installed as a
 * community package, one credential per type with the sandbox's values, the flagship example,
 * and one workflow holding a node for every resource and operation of every node's newest
 * version (one row per node type), so that the browser loads a single canvas for all panels.
 */
import type { IDataObject, INodeProperties, INodeType, INodeTypeDescription, IVersionedNodeType } from 'n8n-workflow';

import { readExample, withCredentials } from '../../dev/harness/examples';
import { PACKAGE_NAME, packageNodes } from '../../dev/harness/registry';
import { seededSandboxes } from '../../scripts/sandbox';
import type { RealN8n } from '../n8n/realN8n';
import type { CredentialImport } from '../n8n/server';
import { N8nServer } from '../n8n/server';

export type Sandboxes = ReturnType<typeof seededSandboxes>;

export const FLAGSHIP = 'nightly-3cx-cloudonix-sync.json';
export const FLAGSHIP_ID = 'editorflagship01';
export const PANELS_ID = 'editorpanels0001';
export const PANELS_NAME = 'Editor test: every node, resource and operation';

/** A dropdown (loadOptions) or resource locator (list mode) that a panel fills from the PBX. */
export interface RemoteList {
	name: string;
	displayName: string;
	method: string;
	kind: 'dropdown' | 'locator';
}

/** One node of the panels workflow: a resource/operation pair of one node type. */
export interface PanelNode {
	name: string;
	/** The node type's display name and the version the node uses (its newest). */
	typeName: string;
	version: number;
	/** The credential type the node uses, if any. */
	credentialType?: string;
	lists: RemoteList[];
}

function newestDescription(nodeType: INodeType | IVersionedNodeType): INodeTypeDescription {
	if ('nodeVersions' in nodeType) {
		const versions = Object.keys(nodeType.nodeVersions).map(Number);
		const newest = Math.max(...versions);
		return { ...nodeType.description, ...nodeType.nodeVersions[newest].description, version: newest } as INodeTypeDescription;
	}
	return nodeType.description;
}

const newestVersion = (description: INodeTypeDescription) =>
	Array.isArray(description.version) ? Math.max(...description.version) : description.version;

const SELECTORS = ['resource', 'operation', '@version'];

/** Whether a property shows for this resource/operation; `conditions` are the other parameters it needs. */
function showsFor(property: INodeProperties, resource?: string, operation?: string): { conditions: IDataObject } | undefined {
	const show = property.displayOptions?.show ?? {};
	const hide = property.displayOptions?.hide ?? {};
	const allows = (value: string | undefined, list: unknown) => value === undefined || !Array.isArray(list) || list.includes(value);
	if (!allows(resource, show.resource) || !allows(operation, show.operation)) return undefined;
	if (resource !== undefined && Array.isArray(hide.resource) && hide.resource.includes(resource)) return undefined;
	if (operation !== undefined && Array.isArray(hide.operation) && hide.operation.includes(operation)) return undefined;
	const conditions: IDataObject = {};
	for (const [key, values] of Object.entries(show)) {
		if (SELECTORS.includes(key)) continue;
		const first = Array.isArray(values) ? values[0] : undefined;
		if (!['string', 'number', 'boolean'].includes(typeof first)) return undefined;
		conditions[key] = first as string | number | boolean;
	}
	return { conditions };
}

function remoteList(property: INodeProperties): RemoteList | undefined {
	const method = property.typeOptions?.loadOptionsMethod;
	if (method) return { name: property.name, displayName: property.displayName, method: String(method), kind: 'dropdown' };
	if (property.type !== 'resourceLocator') return undefined;
	const list = property.modes?.find((mode) => mode.typeOptions?.searchListMethod);
	if (!list) return undefined;
	return { name: property.name, displayName: property.displayName, method: String(list.typeOptions!.searchListMethod), kind: 'locator' };
}

type Option = { name: string; value: string };

/** Every resource/operation pair of the node's newest version, with the label the editor shows. */
function panelPairs(description: INodeTypeDescription): Array<{ resource?: string; operation?: string; label?: string }> {
	const properties = description.properties;
	const resources = (properties.find((p) => p.name === 'resource')?.options ?? []) as Option[];
	if (resources.length === 0) {
		const operations = (properties.find((p) => p.name === 'operation')?.options ?? []) as Option[];
		if (operations.length === 0) return [{}];
		return operations.map((operation) => ({ operation: operation.value, label: operation.name }));
	}
	return resources.flatMap((resource) => {
		const operationProperty = properties.find((p) => p.name === 'operation' && showsFor(p, resource.value));
		return ((operationProperty?.options ?? []) as Option[]).map((operation) => ({
			resource: resource.value,
			operation: operation.value,
			label: `${resource.name}: ${operation.name}`,
		}));
	});
}

/**
 * The nodes of one node type: one per resource/operation pair. Remote lists that show on that
 * panel are listed; those inside a collection are added to the node's parameters so that the
 * panel shows them, and those that need another parameter's value get it (a second node when
 * two lists need different values of the same parameter).
 */
function nodesOf(type: string, nodeType: INodeType | IVersionedNodeType): Array<{ panel: PanelNode; parameters: IDataObject }> {
	const description = newestDescription(nodeType);
	const version = newestVersion(description);
	const credentialType = description.credentials?.[0]?.name;
	const result: Array<{ panel: PanelNode; parameters: IDataObject }> = [];
	for (const { resource, operation, label } of panelPairs(description)) {
		const base: IDataObject = { ...(resource ? { resource } : {}), ...(operation ? { operation } : {}) };
		const nodes = [{ panel: { name: label ? `${description.displayName} ${label}` : description.displayName, typeName: description.displayName, version, credentialType, lists: [] as RemoteList[] }, parameters: { ...base } }];
		for (const property of description.properties) {
			if (SELECTORS.includes(property.name)) continue;
			const visible = showsFor(property, resource, operation);
			if (!visible) continue;
			const direct = remoteList(property);
			if (direct) {
				const conflicts = (node: (typeof nodes)[number]) =>
					Object.entries(visible.conditions).some(([key, value]) => key in node.parameters && node.parameters[key] !== value);
				let node = nodes.find((candidate) => !conflicts(candidate));
				if (!node) {
					node = { panel: { ...nodes[0].panel, name: `${nodes[0].panel.name} (${direct.displayName})`, lists: [] }, parameters: { ...base } };
					nodes.push(node);
				}
				Object.assign(node.parameters, visible.conditions);
				node.panel.lists.push(direct);
			}
			if (property.type === 'collection' && Object.keys(visible.conditions).length === 0) {
				for (const option of (property.options ?? []) as INodeProperties[]) {
					const nested = remoteList(option);
					if (!nested) continue;
					const node = nodes[0];
					node.parameters[property.name] = { ...((node.parameters[property.name] as IDataObject) ?? {}), [option.name]: option.default };
					node.panel.lists.push(nested);
				}
			}
		}
		result.push(...nodes);
	}
	return result;
}

const COLUMNS = 8;

/** The panels workflow: a row (or more) of nodes per node type, with the sandbox credential of its type. */
function panelsWorkflow(credentials: EditorCredential[]): { workflow: IDataObject; panels: PanelNode[] } {
	const ours = Object.entries(packageNodes()).filter(([type]) => type.startsWith(`${PACKAGE_NAME}.`));
	const panels: PanelNode[] = [];
	const nodes: IDataObject[] = [];
	let row = 0;
	for (const [type, nodeType] of ours) {
		const entries = nodesOf(type, nodeType);
		for (const [index, { panel, parameters }] of entries.entries()) {
			const credential = credentials.find((c) => c.type === panel.credentialType);
			panels.push(panel);
			nodes.push({
				id: `panel-${nodes.length + 1}`,
				name: panel.name,
				type,
				typeVersion: panel.version,
				position: [(index % COLUMNS) * 260, (row + Math.floor(index / COLUMNS)) * 200],
				parameters,
				...(credential ? { credentials: { [credential.type]: { id: credential.id, name: credential.name } } } : {}),
			});
		}
		row += Math.ceil(entries.length / COLUMNS);
	}
	return { workflow: { id: PANELS_ID, name: PANELS_NAME, nodes, connections: {}, settings: {} }, panels };
}

/** What each list method must show: the sandbox's own entries, by the label the node gives them, in order. */
export function expectedEntries(sandboxes: Sandboxes): Record<string, string[]> {
	const { threeCx, openVox, sipXcom } = sandboxes;
	const byName = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b));
	const byNumber = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
	const sipXcomBranches = byName([...sipXcom.state.branches.values()].map((branch) => branch.name));
	return {
		getGroups: byName(threeCx.state.groups.map((group) => (group.Number ? `${group.Name} (${group.Number})` : group.Name))),
		getPhoneTemplates: byName(threeCx.state.templates.map((template) => template.Id)),
		searchUsers: byNumber([...threeCx.state.users.values()].map((user) => `${user.Number} (${[user.FirstName, user.LastName].filter(Boolean).join(' ')})`)),
		searchQueues: byNumber(threeCx.state.queues.map((queue) => (queue.Name ? `${queue.Number} (${queue.Name})` : queue.Number))),
		searchRingGroups: byNumber(threeCx.state.ringGroups.map((group) => (group.Name ? `${group.Number} (${group.Name})` : group.Number))),
		getBranches: sipXcomBranches,
		getBranchNames: sipXcomBranches,
		getUserGroups: byName([...sipXcom.state.groups.values()].map((group) => group.name)),
		getPhoneModels: byName(sipXcom.state.models.map((model) => model.label ?? model.modelId)),
		getExtensions: byNumber(
			[...openVox.state.extensions.values()].map((extension) => `${String(extension.extnumber)} – ${String(extension.username)} (${String(extension.status)})`),
		),
	};
}

/** A credential the editor test opens, with the sandbox's values. */
export type EditorCredential = CredentialImport;

/** One credential per type with the sandbox's values. */
export function editorCredentials(sandboxes: Sandboxes): EditorCredential[] {
	const { threeCx, cloudonix, openVox, sipXcom } = sandboxes;
	const data: Record<string, IDataObject> = {
		threeCxApi: threeCx.credentials(),
		cloudonixApi: cloudonix.credentials(),
		openVoxApi: openVox.credentials(),
		sipXcomApi: sipXcom.credentials(),
	};
	return Object.entries(data).map(([type, values]) => ({ id: `editor-${type}`, name: `${type} (sandbox)`, type, data: values }));
}

export interface EditorSetup {
	sandboxes: Sandboxes;
	server: N8nServer;
	credentials: EditorCredential[];
	panels: PanelNode[];
	expected: Record<string, string[]>;
	stop(): Promise<void>;
}

/** Starts the sandboxes, imports everything into the n8n user folder and starts `n8n start` with its editor. */
export async function startEditorSetup(n8n: RealN8n): Promise<EditorSetup> {
	const sandboxes = seededSandboxes();
	const all = Object.values(sandboxes);
	for (const sandbox of all) await sandbox.server.start();
	// The seeded sipXcom has branches but no user groups; the User Groups dropdown gets two.
	if (sandboxes.sipXcom.state.groups.size === 0) {
		sandboxes.sipXcom.state.groups.set(1, { id: 1, name: 'sales', description: 'Sales team' });
		sandboxes.sipXcom.state.groups.set(2, { id: 2, name: 'support' });
		sandboxes.sipXcom.state.nextGroupId = 3;
	}
	const server = new N8nServer(n8n, { env: { N8N_DISABLE_UI: 'false' }, startTimeoutMs: 240_000 });
	try {
		const credentials = editorCredentials(sandboxes);
		const { workflow, panels } = panelsWorkflow(credentials);
		const references = Object.fromEntries(credentials.map((c) => [c.type, { id: c.id, name: c.name }]));
		const flagship = { ...withCredentials(readExample(FLAGSHIP), references), id: FLAGSHIP_ID };
		await server.importCredentials(credentials);
		await server.importWorkflows([flagship as unknown as IDataObject, workflow]);
		await server.start();
		return {
			sandboxes,
			server,
			credentials,
			panels,
			expected: expectedEntries(sandboxes),
			async stop() {
				await server.stop();
				for (const sandbox of all) await sandbox.server.stop();
			},
		};
	} catch (error) {
		await server.stop();
		for (const sandbox of all) await sandbox.server.stop();
		throw error;
	}
}
