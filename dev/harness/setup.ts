// n8n-core writes an instance config (encryption key) into the user folder on first use;
// keep it out of the developer's home directory.
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'pbx-sync-n8n-'));
}
// n8n logs every node error it reports; expected failures would flood the test output.
// test/shared/transport.test.ts still checks what reaches the logger.
process.env.N8N_LOG_LEVEL ??= 'silent';
