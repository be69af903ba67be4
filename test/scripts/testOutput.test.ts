/**
 * `npm test` looks like what it is (issue 24): a green run prints no line that reads like a
 * failure. Jest shows every console line a test writes as a "● Console" block with a source
 * excerpt, the same shape as a failure's.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

const ROOT = join(__dirname, '..', '..');

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
	});
}

/**
 * The one console line `npm test` may print on purpose: parameter paths of a new node version
 * that are not recorded yet (a reminder to record them, test/compat/parameterPaths.test.ts).
 */
const ALLOWED = ['test/compat/parameterPaths.test.ts'];
/** Scripts of the real-n8n, editor and queue proofs: run on their own and report progress there, not in jest. */
const OWN_RUNNERS = ['test/n8n/', 'test/editor/', 'test/queue/'];

describe('npm test output', () => {
	it('no test or harness file writes to the console (jest shows every such line as a "● Console" block)', () => {
		const printing = [...files(join(ROOT, 'test')), ...files(join(ROOT, 'dev', 'harness'))]
			.map((path) => relative(ROOT, path))
			.filter((path) => !ALLOWED.includes(path) && !OWN_RUNNERS.some((dir) => path.startsWith(dir)))
			.filter((path) => /\bconsole\.(log|info|warn|error|debug)\s*\(/.test(readFileSync(join(ROOT, path), 'utf8')));
		expect(printing).toEqual([]);
	});
});
