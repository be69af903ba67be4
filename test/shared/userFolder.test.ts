/**
 * Benchmarks and tools run n8n's engine in their own processes; none may write into the
 * user's own ~/.n8n (n8n-core creates `config` with an encryption key there on first use).
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

it('a benchmark case run through the engine leaves ~/.n8n alone', () => {
	const home = mkdtempSync(join(tmpdir(), 'pbx-sync-home-'));
	try {
		const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, USERPROFILE: home };
		delete env.N8N_USER_FOLDER;
		const root = join(__dirname, '..', '..');
		const output = execFileSync(
			process.execPath,
			['-r', 'ts-node/register/transpile-only', join(root, 'bench', 'compareExtensions.case.ts'), '100', 'engine'],
			{ cwd: root, env, encoding: 'utf8' },
		);
		expect(JSON.parse(output.trim().split('\n').pop()!)).toMatchObject({ n: 100, mode: 'engine' });
		expect(existsSync(join(home, '.n8n'))).toBe(false);
	} finally {
		rmSync(home, { recursive: true, force: true });
	}
});
