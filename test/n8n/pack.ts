/**
 * What `npm pack` puts in the tarball, checked against what n8n needs: the compiled
 * JavaScript, codex files and icons under dist/, plus package.json, README.md,
 * LICENSE.md, CHANGELOG.md and the empty `index.js` (package.json `main`, the starter layout's). Every
 * path in package.json's `n8n` attribute and every icon a node or credential names must be
 * in the tarball; nothing else (sources, tests, maps, type declarations, build caches) may be.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');

interface PackFile {
	path: string;
	size: number;
}

interface PackageJson {
	name: string;
	version: string;
	main?: string;
	n8n: { nodes: string[]; credentials: string[] };
	dependencies?: Record<string, string>;
}

export function packageJson(): PackageJson {
	return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as PackageJson;
}

/**
 * Files outside dist/ that may be packed. `index.js` is the classic starter layout's empty
 * `main` (n8n never requires the package root; npm always packs the `main` file).
 */
const TOP_LEVEL = new Set(['package.json', 'README.md', 'LICENSE.md', 'CHANGELOG.md', 'index.js']);
/** What n8n loads from dist/: node/credential classes and their imports, codex files, icons. */
const DIST_FILE = /^dist\/(nodes|credentials)\/.+\.(js|node\.json|svg|png)$/;

function npm(args: string[], cwd = ROOT): string {
	return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function packedFiles(): string[] {
	const output = npm(['pack', '--dry-run', '--json', '--ignore-scripts']);
	const [info] = JSON.parse(output) as [{ files: PackFile[] }];
	return info.files.map((file) => file.path).sort();
}

/** Icon file names a built node or credential refers to (`file:x.svg`), relative to its folder. */
function iconsOf(distFile: string): string[] {
	const source = fs.readFileSync(path.join(ROOT, distFile), 'utf8');
	return [...source.matchAll(/['"]file:([^'"]+)['"]/g)].map((match) =>
		path.posix.join(path.posix.dirname(distFile), match[1]),
	);
}

/** Problems with the packed file list; empty when the tarball holds exactly what n8n needs. */
export function checkPackContents(files: string[] = packedFiles()): string[] {
	const problems: string[] = [];
	const packed = new Set(files);
	for (const file of files) {
		if (!TOP_LEVEL.has(file) && !DIST_FILE.test(file)) problems.push(`packed but not needed by n8n: ${file}`);
	}
	const main = packageJson().main;
	for (const required of ['package.json', 'LICENSE.md', 'CHANGELOG.md', ...(main ? [main] : [])]) {
		if (!packed.has(required)) problems.push(`missing from the package: ${required}`);
	}
	const { n8n, dependencies } = packageJson();
	// n8n Cloud installs no community package with runtime dependencies; fast-xml-parser is
	// bundled into dist at build time instead (scripts/bundle-xml.js).
	if (Object.keys(dependencies ?? {}).length > 0) {
		problems.push(`package.json has runtime dependencies (${Object.keys(dependencies ?? {}).join(', ')}); bundle them into dist instead`);
	}
	for (const entry of [...n8n.nodes, ...n8n.credentials]) {
		if (!packed.has(entry)) {
			problems.push(`package.json n8n attribute lists ${entry}, which is not packed (run npm run build?)`);
			continue;
		}
		for (const icon of iconsOf(entry)) {
			if (!packed.has(icon)) problems.push(`${entry} refers to icon ${icon}, which is not packed`);
		}
		if (entry.endsWith('.node.js')) {
			const codex = entry.replace(/\.js$/, '.json');
			if (!packed.has(codex)) problems.push(`${entry} has no codex file ${codex} in the package`);
		}
	}
	return problems;
}

/**
 * `npm pack` into `directory`, as docs/install.md says: its prepack builds dist/ first. Returns
 * the tarball's path.
 */
export function packInto(directory: string): string {
	fs.mkdirSync(directory, { recursive: true });
	execFileSync('npm', ['pack', '--loglevel=warn', '--pack-destination', directory], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	const tarballs = fs.readdirSync(directory).filter((name) => name.endsWith('.tgz'));
	if (tarballs.length !== 1) throw new Error(`npm pack left ${tarballs.length} tarballs in ${directory}`);
	return path.join(directory, tarballs[0]);
}

/** The files in a packed tarball, as paths inside the package (without npm's `package/` prefix). */
export function tarballFiles(tarball: string): string[] {
	return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
		.split('\n')
		.filter((line) => line !== '' && !line.endsWith('/'))
		.map((line) => line.replace(/^package\//, ''))
		.sort();
}

if (require.main === module) {
	const files = packedFiles();
	const problems = checkPackContents(files);
	console.log(`npm pack would include ${files.length} files:\n  ${files.join('\n  ')}`);
	if (problems.length > 0) {
		console.error(`\nPackage contents are wrong:\n  ${problems.join('\n  ')}`);
		process.exit(1);
	}
	console.log('\nPackage contents: only what n8n needs.');
}
