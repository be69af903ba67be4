// n8n-core writes an instance config (encryption key) into the user folder on first use;
// dev/harness/env points it at a temporary folder and quiets n8n's logger (expected failures
// would flood the test output; test/shared/transport.test.ts still checks what reaches it).
import './env';
