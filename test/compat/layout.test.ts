/**
 * The layout every vendor node follows (docs/dev/vendor-contract.md): a thin `<Node>.node.ts`;
 * `actions/` with the router and one folder per resource that holds only the resource file,
 * operation files and at most one descriptions.ts; logic in `helpers/`, with the record contract
 * in `helpers/record.ts`; protocol details (HTTP, XML, OData, errno) behind `transport/`, whose
 * `index.ts` is the vendor's facade; dropdowns in `methods/`; all of it on the ground floor
 * `nodes/shared/`. Imports run one way and never in a circle: nodes never import from
 * credentials/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { basename, dirname, join, relative, resolve } from 'path';

import type { INodeProperties, INodeType } from 'n8n-workflow';

import { operationScope } from '../../nodes/shared/router';

const ROOT = join(__dirname, '..', '..');
const NODES = join(ROOT, 'nodes');
const VENDORS = ['ThreeCx', 'Cloudonix', 'OpenVox', 'SipXcom'];
const FOLDERS = ['actions', 'helpers', 'methods', 'transport'];

/** What every vendor's transport/index.ts exports, and nothing else. */
const TRANSPORT_CONTRACT = ['ListFilters', 'deleteRecord', 'listRecords', 'request'];
/** What every vendor's helpers/record.ts exports, and nothing else. */
const RECORD_CONTRACT = ['RECORD_SHAPE', 'SECRET_FIELDS', 'normaliseRecord', 'shapeRecord'];
/** Packages node code may import: n8n's own, Node's crypto, and the XML parser bundled into dist. */
const PACKAGES = ['n8n-workflow', 'crypto', 'fast-xml-parser'];

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const path = join(dir, entry);
		return statSync(path).isDirectory() ? files(path) : [path];
	});
}

const isDir = (path: string) => statSync(path).isDirectory();
const imports = (path: string) =>
	[...readFileSync(path, 'utf8').matchAll(/(?:from |import |require\()'([^']+)'/g)].map((m) => m[1]);

/** The files a file imports by relative path, resolved to .ts files. */
function localImports(path: string): string[] {
	return imports(path)
		.filter((from) => from.startsWith('.'))
		.map((from) => resolve(dirname(path), from))
		.map((target) => [`${target}.ts`, join(target, 'index.ts')].find((file) => existsSync(file)) ?? target);
}

/** The names a module exports: declarations and `export { … }` lists (types included). */
function exportedNames(path: string): string[] {
	const text = readFileSync(path, 'utf8');
	const declared = [...text.matchAll(/^export (?:async )?(?:function|const|let|class|interface|type|enum) (\w+)/gm)].map((m) => m[1]);
	const listed = [...text.matchAll(/^export (?:type |const )?\{([^}]*)\}/gm)].flatMap((m) =>
		m[1].split(',').map((entry) => entry.trim().split(/\s+as\s+/).pop()!).filter(Boolean),
	);
	return [...new Set([...declared, ...listed])].sort();
}

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

describe.each(VENDORS)('the vendor contract of nodes/%s', (vendor) => {
	const dir = join(NODES, vendor);
	const vendorFiles = files(dir).filter((path) => path.endsWith('.ts'));
	const own = (path: string) => relative(dir, path);

	it('has transport/index.ts exporting exactly the facade', () => {
		expect(exportedNames(join(dir, 'transport', 'index.ts'))).toEqual([...TRANSPORT_CONTRACT].sort());
	});

	it('has helpers/record.ts exporting exactly the record contract', () => {
		expect(exportedNames(join(dir, 'helpers', 'record.ts'))).toEqual([...RECORD_CONTRACT].sort());
	});

	it('keeps transport/ below helpers/, actions/ and methods/', () => {
		for (const path of vendorFiles.filter((p) => own(p).startsWith('transport/'))) {
			const upward = localImports(path).filter((target) => /^(helpers|actions|methods)\//.test(relative(dir, target)));
			expect({ file: own(path), upward: upward.map(own) }).toEqual({ file: own(path), upward: [] });
		}
	});

	it('lets the trigger and methods/ read through transport/ and helpers/record.ts, never through actions/', () => {
		const readers = vendorFiles.filter((p) => own(p).startsWith('methods/') || own(p) === `${vendor}Trigger.node.ts`);
		expect(readers.length).toBeGreaterThan(0);
		for (const path of readers) {
			const wrong = localImports(path)
				.filter((target) => target.startsWith(dir))
				.map(own)
				.filter((target) => target.startsWith('actions/') || (target.startsWith('helpers/') && target !== 'helpers/record.ts'));
			expect({ file: own(path), wrong }).toEqual({ file: own(path), wrong: [] });
		}
	});

	it('routes exactly the Operation values the editor offers, each to the one operation file shown for it', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const node = Object.values(require(join(dir, `${vendor}.node.ts`)) as Record<string, new () => INodeType>)[0];
		const properties = new node().description.properties;
		const offered = properties
			.filter((p) => p.name === 'operation')
			.flatMap((p) => (p.options as Array<{ value: string }>).map((o) => `${String(p.displayOptions?.show?.resource)} › ${o.value}`));
		const routed = files(join(dir, 'actions'))
			.filter((path) => path.endsWith('.operation.ts'))
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			.map((path) => operationScope(require(path) as { description: INodeProperties[] }))
			.map(({ resource, operation }) => `${resource} › ${operation}`);
		expect(routed.sort()).toEqual(offered.sort());
	});
});

describe('nodes/shared/', () => {
	it('imports only itself and the packages node code may use', () => {
		const shared = join(NODES, 'shared');
		for (const path of files(shared).filter((p) => p.endsWith('.ts'))) {
			const outside = imports(path).filter((from) =>
				from.startsWith('.') ? !resolve(dirname(path), from).startsWith(`${shared}/`) : !PACKAGES.includes(from),
			);
			expect({ file: relative(NODES, path), outside }).toEqual({ file: relative(NODES, path), outside: [] });
		}
	});
});

describe('nodes/', () => {
	it('has no import cycle', () => {
		const sources = files(NODES).filter((p) => p.endsWith('.ts'));
		const state = new Map<string, 'open' | 'done'>();
		const cycles: string[] = [];
		const visit = (path: string, trail: string[]) => {
			if (state.get(path) === 'done') return;
			if (state.get(path) === 'open') {
				cycles.push([...trail.slice(trail.indexOf(path)), path].map((p) => relative(NODES, p)).join(' → '));
				return;
			}
			state.set(path, 'open');
			for (const target of localImports(path).filter((t) => t.startsWith(NODES))) visit(target, [...trail, path]);
			state.set(path, 'done');
		};
		for (const path of sources) visit(path, []);
		expect(cycles).toEqual([]);
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
