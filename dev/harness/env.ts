// Imported first by everything that runs the engine (dev/harness/engine.ts, so tests, bench and
// scripts): n8n-core writes an instance config (with an encryption key) into N8N_USER_FOLDER on
// first use, by default ~/.n8n, so point it at a temporary folder; and keep n8n's own logger
// quiet (tests and scripts report what matters themselves).
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'pbx-sync-n8n-'));
process.env.N8N_LOG_LEVEL ??= 'silent';
