/**
 * The parameter paths of every node (per version) and every credential of the package, as
 * saved workflows and credentials refer to them: a parameter's name through collections and
 * fixed collections, its type, its default (n8n leaves parameters at their default out of the
 * saved workflow, so a changed default changes saved workflows) and its option values.
 *
 * Each entry is one line, so a snapshot is a set: an entry that disappears is a break, an
 * entry that appears is an addition. Top-level node parameters are prefixed by where they are
 * shown (`resource/operation`, `*` for "any"), because a saved workflow stores its parameters
 * for the resource and operation it uses.
 */
import type {
	ICredentialType,
	IDisplayOptions,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IVersionedNodeType,
} from 'n8n-workflow';

import { PACKAGE_NAME, packageCredentials, packageNodes } from '../../dev/harness/registry';

export interface ParameterPathSnapshot {
	/** Node type name → version → entries. */
	nodes: Record<string, Record<string, string[]>>;
	/** Credential type name → entries. */
	credentials: Record<string, string[]>;
}

type Condition = number | { _cnd: Record<string, unknown> };

function matchesVersion(condition: Condition, version: number): boolean {
	if (typeof condition === 'number') return condition === version;
	const [[operator, operand]] = Object.entries(condition._cnd);
	const value = operand as number;
	switch (operator) {
		case 'eq':
			return version === value;
		case 'not':
			return version !== value;
		case 'gte':
			return version >= value;
		case 'lte':
			return version <= value;
		case 'gt':
			return version > value;
		case 'lt':
			return version < value;
		case 'between': {
			const { from, to } = operand as { from: number; to: number };
			return version >= from && version <= to;
		}
		default:
			throw new Error(`Unknown @version condition "${operator}"`);
	}
}

/** Whether a property exists in this node version, judged by its `@version` display options. */
function inVersion(displayOptions: IDisplayOptions | undefined, version: number): boolean {
	const show = displayOptions?.show?.['@version'] as Condition[] | undefined;
	const hide = displayOptions?.hide?.['@version'] as Condition[] | undefined;
	if (show && !show.some((c) => matchesVersion(c, version))) return false;
	if (hide && hide.some((c) => matchesVersion(c, version))) return false;
	return true;
}

function scopes(displayOptions: IDisplayOptions | undefined): string[] {
	const show = displayOptions?.show ?? {};
	const resources = (show.resource as string[] | undefined) ?? ['*'];
	const operations = (show.operation as string[] | undefined) ?? ['*'];
	return resources.flatMap((resource) => operations.map((operation) => `${String(resource)}/${String(operation)}`));
}

export function isCollectionGroup(option: unknown): option is INodePropertyCollection {
	return typeof option === 'object' && option !== null && 'values' in option;
}

function propertyEntries(property: INodeProperties, path: string, version: number, out: Set<string>): void {
	// A notice is text in the editor; workflows store no value for it.
	if (property.type === 'notice') return;
	out.add(`${path}: ${property.type}`);
	out.add(`${path} default ${JSON.stringify(property.default ?? null)}`);
	for (const option of property.options ?? []) {
		if (property.type === 'options' || property.type === 'multiOptions') {
			out.add(`${path} = ${JSON.stringify((option as INodePropertyOptions).value)}`);
		} else if (isCollectionGroup(option)) {
			for (const child of option.values) {
				if (inVersion(child.displayOptions, version)) propertyEntries(child, `${path}.${option.name}.${child.name}`, version, out);
			}
		} else {
			const child = option as INodeProperties;
			if (inVersion(child.displayOptions, version)) propertyEntries(child, `${path}.${child.name}`, version, out);
		}
	}
}

function descriptionEntries(description: INodeTypeDescription, version: number): string[] {
	const out = new Set<string>();
	for (const property of description.properties) {
		if (!inVersion(property.displayOptions, version)) continue;
		for (const scope of scopes(property.displayOptions)) propertyEntries(property, `${scope} ${property.name}`, version, out);
	}
	for (const credential of description.credentials ?? []) out.add(`credential ${credential.name}`);
	return [...out].sort();
}

/** The description of each version of a node. */
export function nodeDescriptions(node: INodeType | IVersionedNodeType): INodeTypeDescription[] {
	return 'nodeVersions' in node ? Object.values(node.nodeVersions).map((v) => v.description) : [node.description];
}

/** The package's parameter paths as they are now. */
export function currentParameterPaths(): ParameterPathSnapshot {
	const nodes: ParameterPathSnapshot['nodes'] = {};
	for (const [type, node] of Object.entries(packageNodes())) {
		// Our nodes only, not the n8n-nodes-base stand-ins the harness registers.
		if (!type.startsWith(`${PACKAGE_NAME}.`)) continue;
		const descriptions = nodeDescriptions(node);
		const name = type.slice(PACKAGE_NAME.length + 1);
		nodes[name] = {};
		for (const description of descriptions) {
			const versions = Array.isArray(description.version) ? description.version : [description.version];
			for (const version of versions) nodes[name][String(version)] = descriptionEntries(description, version);
		}
	}
	const credentials: ParameterPathSnapshot['credentials'] = {};
	for (const credential of Object.values(packageCredentials()) as ICredentialType[]) {
		const out = new Set<string>();
		for (const property of credential.properties) propertyEntries(property, property.name, 1, out);
		for (const parent of credential.extends ?? []) out.add(`extends ${parent}`);
		credentials[credential.name] = [...out].sort();
	}
	return { nodes, credentials };
}

/** Entries of `recorded` that `current` no longer has, as readable lines. */
export function missingPaths(recorded: ParameterPathSnapshot, current: ParameterPathSnapshot): string[] {
	const missing: string[] = [];
	for (const [node, versions] of Object.entries(recorded.nodes)) {
		for (const [version, entries] of Object.entries(versions)) {
			const now = current.nodes[node]?.[version];
			if (!now) {
				missing.push(`node ${node} v${version} is gone`);
				continue;
			}
			const present = new Set(now);
			for (const entry of entries) if (!present.has(entry)) missing.push(`node ${node} v${version}: ${entry}`);
		}
	}
	for (const [credential, entries] of Object.entries(recorded.credentials)) {
		const now = current.credentials[credential];
		if (!now) {
			missing.push(`credential ${credential} is gone`);
			continue;
		}
		const present = new Set(now);
		for (const entry of entries) if (!present.has(entry)) missing.push(`credential ${credential}: ${entry}`);
	}
	return missing;
}
