import { openVox } from '../../dev/harness/vendors';
import type { OpenVoxSandbox } from '../../dev/sandbox/openvox';

export const NODE = openVox.node;

/** How often the sandbox was asked to log in, and how often an API endpoint was called. */
export const requestCounts = (sandbox: OpenVoxSandbox) => ({
	logins: () => sandbox.server.count('POST', '/login'),
	calls: (endpoint: string) => sandbox.server.count('POST', `/api/v0.0.1/${endpoint}`),
});
