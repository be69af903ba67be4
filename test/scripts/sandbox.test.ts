/** `npm run sandbox`: its options, its ports and what it says when it cannot listen. */
import * as net from 'net';

import { SandboxServer } from '../../dev/sandbox/core';
import { listenFailure, parseArguments, sandboxPorts } from '../../scripts/sandbox';

describe('npm run sandbox', () => {
	it('listens on loopback unless --host says otherwise, and prints the address n8n reaches', () => {
		expect(parseArguments([])).toEqual({ host: '127.0.0.1', urlHost: '127.0.0.1', help: false });
		expect(parseArguments(['--host', '0.0.0.0'])).toEqual({ host: '0.0.0.0', urlHost: '127.0.0.1', help: false });
		expect(parseArguments(['--host=172.17.0.1'])).toEqual({ host: '172.17.0.1', urlHost: '172.17.0.1', help: false });
		expect(parseArguments(['--host', '0.0.0.0', '--url-host', 'host.docker.internal']).urlHost).toBe('host.docker.internal');
		expect(parseArguments(['--help']).help).toBe(true);
		expect(() => parseArguments(['--host'])).toThrow('--host needs a value (see --help)');
		expect(() => parseArguments(['--port', '1'])).toThrow('Unknown option --port (see npm run sandbox -- --help)');
	});

	it('takes ports from the variables, and refuses what is not a port', () => {
		expect(sandboxPorts({})).toEqual({ threeCx: 5001, cloudonix: 5002, openVox: 9011, sipXcom: 8443 });
		expect(sandboxPorts({ SANDBOX_3CX_PORT: '5101' }).threeCx).toBe(5101);
		expect(() => sandboxPorts({ SANDBOX_OPENVOX_PORT: 'abc' })).toThrow(
			'SANDBOX_OPENVOX_PORT=abc is not a port: give a whole number from 1 to 65535',
		);
		expect(() => sandboxPorts({ SANDBOX_SIPXCOM_PORT: '70000' })).toThrow('SANDBOX_SIPXCOM_PORT=70000 is not a port');
	});

	it('names the port, the sandbox and the variable that moves it when the port is taken', async () => {
		const blocker = net.createServer();
		await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
		const port = (blocker.address() as net.AddressInfo).port;
		const sandbox = new SandboxServer('3CX');
		try {
			const error = await sandbox.start(port).then(
				() => undefined,
				(failure: unknown) => failure,
			);
			expect(listenFailure(error, 'threeCx', port, '127.0.0.1')).toBe(
				`Port ${port} on 127.0.0.1 is already in use, so the 3CX sandbox cannot start. ` +
					`Stop what uses it (another npm run sandbox?), or move the sandbox to another port:\n  SANDBOX_3CX_PORT=${port + 100} npm run sandbox`,
			);
			await sandbox.stop(); // never listened: nothing to close
		} finally {
			await new Promise<void>((resolve) => blocker.close(() => resolve()));
		}
	});

	it('listens on another address only when asked to', async () => {
		// 127.0.0.2 stands in for any other address: it is not one the sandboxes accept by default,
		// and the test still reaches nothing beyond this machine.
		const sandbox = new SandboxServer('3CX');
		await expect(sandbox.start(0, '127.0.0.2')).rejects.toThrow('Sandboxes listen on loopback only, not on 127.0.0.2');
		expect(await sandbox.start(0, '127.0.0.2', { beyondLoopback: true })).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
		await sandbox.stop();
	});
});
