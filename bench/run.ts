/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or those named on the command line,
 * e.g. `npm run bench -- compare`) one after another and prints their tables.
 */
// Must come first: benchmarks run n8n's engine, which must not write into the user's ~/.n8n.
import '../dev/harness/env';
import { readdirSync } from 'fs';
import { join } from 'path';
import { goalSummary, loadAverage } from './goals';

async function main() {
	const only = process.argv.slice(2);
	const files = readdirSync(__dirname)
		.filter((f) => f.endsWith('.bench.ts'))
		.filter((f) => !only.length || only.some((name) => f.startsWith(name)))
		.sort();
	for (const file of files) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const bench = require(join(__dirname, file)) as { run: () => Promise<void> };
		console.log(`\n## ${file.replace('.bench.ts', '')}\n`);
		await bench.run();
	}
	const summary = goalSummary();
	if (summary) console.log(`\n## Goals (issue 26), from this run\n\n${summary}`);
	else console.log(`\nLoad average at the end: ${loadAverage()}.`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
