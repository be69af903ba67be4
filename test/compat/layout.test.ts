/**
 * The layout every vendor node follows (README, "Development"): a thin `<Node>.node.ts`;
 * `actions/` with the router and one folder per resource
 * that holds only the resource file, operation files and at most one descriptions.ts; logic in
 * `helpers/`; protocol details (HTTP, XML, OData, errno) behind `transport/`; dropdowns in
 * `methods/`. Imports run one way: nodes never import from credentials/.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { basename, join, relative } from 'path';

const ROOT = join(__dirname, '..', '..');
const NODES = join(ROOT, 'nodes');
const VENDORS = ['ThreeCx', 'Cloudonix', 'OpenVox', 'SipXcom'];
const FOLDERS = ['actions', 'helpers', 'methods', 'transport'];

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const path = join(dir, entry);
		return statSync(path).isDirectory() ? files(path) : [path];
	});
}

const isDir = (path: string) => statSync(path).isDirectory();
const imports = (path: string) =>
	[...readFileSync(path, 'utf8').matchAll(/(?:from |import |require\()'([^']+)'/g)].map((m) => m[1]);

describe.each(VENDORS)('nodes/%s', (vendor) => {
	const dir = join(NODES, vendor);

	// The change trigger sits beside the node, as n8n's own <Name>Trigger.node.ts files do.
	const nodeFiles = [`${vendor}.node.ts`, `${vendor}.node.json`, `${vendor}Trigger.node.ts`, `${vendor}Trigger.node.json`];

	it('has only the node file, its trigger, their codex files, icons and the four folders at its root', () => {
		const unexpected = readdirSync(dir).filter((entry) =>
			isDir(join(dir, entry)) ? !FOLDERS.includes(entry) : !(nodeFiles.includes(entry) || entry.endsWith('.svg')),
		);
		expect(unexpected).toEqual([]);
		expect(readdirSync(dir)).toEqual(expect.arrayContaining(['actions', 'transport']));
	});

	it('keeps only the router and resource folders in actions/', () => {
		const actions = join(dir, 'actions');
		const loose = readdirSync(actions).filter((entry) => !isDir(join(actions, entry)));
		expect(loose.sort()).toEqual(['router.ts']);
		for (const resource of readdirSync(actions).filter((entry) => isDir(join(actions, entry)))) {
			const entries = readdirSync(join(actions, resource));
			const other = entries.filter(
				(entry) => !entry.endsWith('.operation.ts') && !entry.endsWith('.resource.ts') && entry !== 'descriptions.ts',
			);
			expect({ resource, other }).toEqual({ resource, other: [] });
			expect({ resource, resourceFiles: entries.filter((entry) => entry.endsWith('.resource.ts')).length }).toEqual({
				resource,
				resourceFiles: 1,
			});
		}
	});

	it('gives every operation file a description scoped by one updateDisplayOptions call, and an execute', () => {
		const operations = files(join(dir, 'actions')).filter((path) => path.endsWith('.operation.ts'));
		expect(operations.length).toBeGreaterThan(0);
		for (const path of operations) {
			const text = readFileSync(path, 'utf8');
			const name = relative(NODES, path);
			expect({ name, scopes: text.match(/updateDisplayOptions\(/g)?.length ?? 0 }).toEqual({ name, scopes: 1 });
			// The one scope names the resource; properties themselves carry no resource or operation.
			expect({ name, resources: text.match(/\bresource: \[/g)?.length ?? 0 }).toEqual({ name, resources: 1 });
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const module = require(path) as Record<string, unknown>;
			expect({ name, description: Array.isArray(module.description) }).toEqual({ name, description: true });
			const runs = ['execute', 'executeRun'].filter((key) => typeof module[key] === 'function');
			expect({ name, runs: runs.length }).toEqual({ name, runs: 1 });
		}
	});

	it('talks HTTP and parses protocol formats only in transport/', () => {
		for (const path of files(dir).filter((p) => p.endsWith('.ts') && !p.includes(`${join(vendor, 'transport')}/`))) {
			const text = readFileSync(path, 'utf8');
			const name = relative(NODES, path);
			const protocol = ['fast-xml-parser', 'vendorRequest', 'httpRequest', 'buildSoapEnvelope'].filter((word) =>
				text.includes(word),
			);
			expect({ name, protocol }).toEqual({ name, protocol: [] });
		}
	});
});

describe('imports', () => {
	it('never go from nodes/ to credentials/', () => {
		const offending = files(NODES)
			.filter((path) => path.endsWith('.ts'))
			.filter((path) => imports(path).some((from) => /(^|\/)credentials\//.test(from)))
			.map((path) => relative(ROOT, path));
		expect(offending).toEqual([]);
	});

	it('go from credentials/ only to shared modules and vendor transports', () => {
		const dir = join(ROOT, 'credentials');
		for (const path of files(dir).filter((p) => p.endsWith('.ts'))) {
			const local = imports(path).filter((from) => from.startsWith('.'));
			const other = local.filter((from) => !/^\.\.\/nodes\/(shared|\w+\/transport)\//.test(from));
			expect({ credential: basename(path), other }).toEqual({ credential: basename(path), other: [] });
		}
	});

	it('never go from bench/ or scripts/ to test/', () => {
		const offending = ['bench', 'scripts']
			.flatMap((folder) => files(join(ROOT, folder)))
			.filter((path) => path.endsWith('.ts'))
			.filter((path) => imports(path).some((from) => /(^|\/)test\//.test(from)))
			.map((path) => relative(ROOT, path));
		expect(offending).toEqual([]);
	});
});
