#!/usr/bin/env node
// npm run lint: n8n's verification gate as n8n runs it. `npx @n8n/scan-community-package <name>`
// lints two things with one ESLint configuration (inline `eslint-disable` comments ignored):
//   1. the source the npm provenance points at: package.json and {nodes,credentials}/**/*.{js,ts,json};
//   2. the published tarball: every **/*.js and its package.json.
// This runs the scanner's own analyzePackage() (its config, its file patterns, its pinned
// @n8n/eslint-plugin-community-nodes) on the working tree and on a fresh `npm pack` (prepack
// builds), without the provenance and download steps, and fails on any error.
//
//   node scripts/scan-package.mjs          both legs
//   node scripts/scan-package.mjs --fix    applies ESLint's fixes to the source with the same config, then both legs
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCANNER = '@n8n/scan-community-package/scanner/scanner.mjs';

// The scanner makes a temp folder when it is imported and never removes it; keep it in ours.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pbx-sync-scan-'));
process.env.TMPDIR = work;
process.on('exit', () => fs.rmSync(work, { recursive: true, force: true }));

const { analyzePackage, buildScanConfig, SOURCE_FILE_PATTERNS } = await import(SCANNER);
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json']; // analyzePackageByName's tarball leg

/** The counts from the scanner's stylish report ("✖ 9 problems (9 errors, 0 warnings)"). */
function counts(result) {
	if (result.passed) return '0 errors';
	const summary = /\((\d+) errors?, (\d+) warnings?\)/.exec(result.details ?? '');
	return summary ? `${summary[1]} error(s), ${summary[2]} warning(s)` : result.message;
}

async function fixSource() {
	// The scanner's own copies of ESLint and fast-glob.
	const fromScanner = createRequire(import.meta.resolve(SCANNER));
	const { ESLint } = fromScanner('eslint');
	const glob = fromScanner('fast-glob');
	const eslint = new ESLint({
		cwd: ROOT,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
		fix: true,
	});
	const files = glob.sync(SOURCE_FILE_PATTERNS, { cwd: ROOT, absolute: true, ignore: ['node_modules/**'] });
	await ESLint.outputFixes(await eslint.lintFiles(files));
}

/** `npm pack` (its prepack builds dist/) into the temp folder, unpacked the way the scanner unpacks it. */
function packAndUnpack() {
	const packDir = path.join(work, 'pack');
	fs.mkdirSync(packDir);
	// The build's own output (prepack) goes to the terminal; the tarball is the one file in packDir.
	execFileSync('npm', ['pack', '--loglevel=warn', '--pack-destination', packDir], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	const [filename] = fs.readdirSync(packDir).filter((name) => name.endsWith('.tgz'));
	const unpacked = path.join(work, 'package');
	fs.mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', path.join(packDir, filename), '-C', unpacked, '--strip-components=1']);
	return { filename, unpacked };
}

if (process.argv.includes('--fix')) await fixSource();

console.log('n8n scanner (@n8n/scan-community-package, inline eslint-disable comments ignored)');
const source = await analyzePackage(ROOT, SOURCE_FILE_PATTERNS);
console.log(`  source (${SOURCE_FILE_PATTERNS.join(', ')}): ${counts(source)}`);
if (!source.passed) console.log(source.details ?? source.message);

const { filename, unpacked } = packAndUnpack();
// An unbuilt pack would pass the tarball leg with nothing to lint: every file n8n loads must be in it.
const { n8n } = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8'));
const unbuilt = [...n8n.nodes, ...n8n.credentials].filter((file) => !fs.existsSync(path.join(unpacked, file)));
if (unbuilt.length > 0) {
	console.error(`  tarball ${filename} lacks ${unbuilt.length} of the files package.json's n8n attribute lists (e.g. ${unbuilt[0]}): prepack did not build`);
	process.exit(1);
}
const tarball = await analyzePackage(unpacked, TARBALL_FILE_PATTERNS);
console.log(`  tarball ${filename} (${TARBALL_FILE_PATTERNS.join(', ')}): ${counts(tarball)}`);
if (!tarball.passed) console.log((tarball.details ?? tarball.message).replaceAll(unpacked, `<${filename}>`));

if (!source.passed || !tarball.passed) {
	console.error('n8n scanner: failed (fix the code; inline disables do not count)');
	process.exitCode = 1;
}
