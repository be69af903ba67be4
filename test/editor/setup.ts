/**
 * What `npm run test:editor` opens in the browser: the sandboxes of `npm run sandbox` (on
 * ephemeral loopback ports), a real n8n server with the packed package installed as a
 * community package, a right and a wrong credential per type, the flagship example, and one
 * workflow per node holding a node for every resource and operation of its newest version.
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

/** A credential the editor test opens, with the sandbox's values. */
export type EditorCredential = CredentialImport;

/** One node on a node's workflow: a resource/operation pair, or a dropdown to check. */
export interface PanelNode {
	id: string;
	name: string;
	resource?: string;
	operation?: string;
	/** Dropdowns filled from the PBX that this panel shows, with their loadOptions method. */
	dropdowns: Array<{ name: string; displayName: string; method: string }>;
}

export interface NodeWorkflow {
	id: string;
	type: string;
	displayName: string;
	version: number;
	nodes: PanelNode[];
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

/** Whether a property's displayOptions let it show for this resource/operation (ignoring other parameters). */
function showsFor(property: INodeProperties, resource?: string, operation?: string): boolean {
	const show = property.displayOptions?.show ?? {};
	const hide = property.displayOptions?.hide ?? {};
	const matches = (key: string, value: string | undefined, list: unknown) =>
		value === undefined || !Array.isArray(list) || list.includes(value) || key.startsWith('@');
	if (!matches('resource', resource, show.resource) || !matches('operation', operation, show.operation)) return false;
	if (resource !== undefined && Array.isArray(hide.resource) && hide.resource.includes(resource)) return false;
	if (operation !== undefined && Array.isArray(hide.operation) && hide.operation.includes(operation)) return false;
	// Shown only for another value of some other parameter: not visible with defaults; skip.
	return Object.keys(show).every((key) => ['resource', 'operation', '@version'].includes(key));
}

/**
 * Nodes for every resource/operation of the newest version. Dropdowns with a loadOptions
 * method that show on that panel are listed; those inside an options collection are added to
 * the node's parameters so that the panel shows them.
 */
function nodeWorkflow(type: string, nodeType: INodeType | IVersionedNodeType, index: number): NodeWorkflow & { workflow: IDataObject } {
	const description = newestDescription(nodeType);
	const version = newestVersion(description);
	const properties = description.properties;
	type Option = { name: string; value: string };
	const resources = (properties.find((p) => p.name === 'resource')?.options ?? []) as Option[];
	const pairs: Array<{ resource?: string; operation?: string; label: string }> = [];
	if (resources.length === 0) {
		const operations = (properties.find((p) => p.name === 'operation')?.options ?? []) as Option[];
		if (operations.length === 0) pairs.push({ label: description.displayName });
		for (const operation of operations) pairs.push({ operation: operation.value, label: operation.name });
	}
	for (const resource of resources) {
		const operationProperty = properties.find((p) => p.name === 'operation' && showsFor(p, resource.value));
		for (const operation of (operationProperty?.options ?? []) as Option[]) {
			pairs.push({ resource: resource.value, operation: operation.value, label: `${resource.name}: ${operation.name}` });
		}
	}
	const nodes: PanelNode[] = [];
	const workflowNodes: IDataObject[] = [];
	for (const [position, { resource, operation, label }] of pairs.entries()) {
		const parameters: IDataObject = { ...(resource ? { resource } : {}), ...(operation ? { operation } : {}) };
		const dropdowns: PanelNode['dropdowns'] = [];
		for (const property of properties) {
			if (property.name === 'resource' || property.name === 'operation' || !showsFor(property, resource, operation)) continue;
			if (property.typeOptions?.loadOptionsMethod) {
				dropdowns.push({ name: property.name, displayName: property.displayName, method: String(property.typeOptions.loadOptionsMethod) });
			}
			if (property.type === 'collection') {
				for (const option of (property.options ?? []) as INodeProperties[]) {
					if (!option.typeOptions?.loadOptionsMethod) continue;
					parameters[property.name] = { ...((parameters[property.name] as IDataObject) ?? {}), [option.name]: option.default };
					dropdowns.push({ name: option.name, displayName: option.displayName, method: String(option.typeOptions.loadOptionsMethod) });
				}
			}
		}
		const name = label;
		const id = `${description.name}-${position + 1}`;
		nodes.push({ id, name, resource, operation, dropdowns });
		workflowNodes.push({
			id,
			name,
			type,
			typeVersion: version,
			position: [(position % 6) * 220, Math.floor(position / 6) * 200],
			parameters,
			...(description.credentials?.length
				? { credentials: { [description.credentials[0].name]: { id: `editor-${description.credentials[0].name}`, name: `${description.credentials[0].name} (sandbox)` } } }
				: {}),
		});
	}
	const id = `editornodes${String(index + 1).padStart(5, '0')}`;
	return {
		id,
		type,
		displayName: description.displayName,
		version,
		nodes,
		workflow: { id, name: `Editor test: ${description.displayName}`, nodes: workflowNodes, connections: {}, settings: {} },
	};
}

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
	nodeWorkflows: NodeWorkflow[];
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
		const ours = Object.entries(packageNodes()).filter(([type]) => type.startsWith(`${PACKAGE_NAME}.`));
		const built = ours.map(([type, nodeType], index) => nodeWorkflow(type, nodeType, index));
		const references = Object.fromEntries(credentials.map((c) => [c.type, { id: c.id, name: c.name }]));
		const flagship = { ...withCredentials(readExample(FLAGSHIP), references), id: FLAGSHIP_ID };
		await server.importCredentials(credentials);
		await server.importWorkflows([flagship as unknown as IDataObject, ...built.map((b) => b.workflow)]);
		await server.start();
		return {
			sandboxes,
			server,
			credentials,
			nodeWorkflows: built.map(({ workflow, ...rest }) => (void workflow, rest)),
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
