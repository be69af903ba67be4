/**
 * Node and credential types as n8n would load them: every entry of package.json's `n8n`
 * attribute, mapped from its dist path back to the TypeScript source. A node or credential
 * missing from package.json is therefore missing in tests too.
 */
import type {
	ICredentialType,
	IDataObject,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';
import * as path from 'path';

import { testNodeTypes } from './testNodes';

const ROOT = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const packageJson = require(path.join(ROOT, 'package.json')) as {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
};

export const PACKAGE_NAME = packageJson.name;

function loadClass<T>(distPath: string): T {
	const source = path.join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
	const className = path.basename(source).split('.')[0];
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(source) as Record<string, new () => T>;
	const Class = module[className];
	if (!Class) throw new Error(`${source} does not export a class named ${className}`);
	return new Class();
}

let nodes: Record<string, INodeType | IVersionedNodeType> | undefined;
let credentials: Record<string, ICredentialType> | undefined;
const extraNodes: Record<string, INodeType> = {};
const extraCredentials: Record<string, ICredentialType> = {};

/** Registers node and credential types that exist only for a test (e.g. to exercise the shared transport). */
export function registerTestTypes(types: { nodes?: Record<string, INodeType>; credentials?: ICredentialType[] }): void {
	Object.assign(extraNodes, types.nodes ?? {});
	for (const credential of types.credentials ?? []) extraCredentials[credential.name] = credential;
}

/** Our nodes under `<package>.<name>`, plus the n8n-nodes-base stand-ins tests need. */
export function packageNodes(): Record<string, INodeType | IVersionedNodeType> {
	if (!nodes) {
		nodes = { ...testNodeTypes };
		for (const distPath of packageJson.n8n.nodes) {
			const node = loadClass<INodeType>(distPath);
			nodes[`${PACKAGE_NAME}.${node.description.name}`] = node;
		}
	}
	return nodes;
}

export function packageCredentials(): Record<string, ICredentialType> {
	if (!credentials) {
		credentials = {};
		for (const distPath of packageJson.n8n.credentials) {
			const credential = loadClass<ICredentialType>(distPath);
			credentials[credential.name] = credential;
		}
	}
	return credentials;
}

export function nodeTypes(): INodeTypes {
	const all = { ...packageNodes(), ...extraNodes };
	const get = (type: string) => {
		const node = all[type];
		if (!node) throw new Error(`Unknown node type "${type}"`);
		return node;
	};
	return {
		getByName: get,
		getByNameAndVersion: (type: string, version?: number) => NodeHelpers.getVersionedNodeType(get(type), version),
		getKnownTypes: () => ({}) as IDataObject,
	};
}

export function credentialType(name: string): ICredentialType {
	const type = packageCredentials()[name] ?? extraCredentials[name];
	if (!type) throw new Error(`Unknown credential type "${name}" (is it listed in package.json?)`);
	return type;
}
