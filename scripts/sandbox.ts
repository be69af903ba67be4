/**
 * `npm run sandbox`: all four vendor sandboxes on fixed loopback ports with seeded data, for
 * trying the nodes in a local n8n. Prints the values to enter in each credential. Ctrl+C stops.
 * `npm run sandbox -- --help` lists the options (another listen address for an n8n in Docker);
 * SANDBOX_3CX_PORT, SANDBOX_CLOUDONIX_PORT, SANDBOX_OPENVOX_PORT and SANDBOX_SIPXCOM_PORT move the ports.
 */
import { createCloudonixSandbox } from '../dev/sandbox/cloudonix';
import { createOpenVoxSandbox } from '../dev/sandbox/openvox';
import { seedMigrationAudit, seedNightlySync } from '../dev/sandbox/scenarios';
import { createSipXcomSandbox } from '../dev/sandbox/sipxcom';
import { createThreeCxSandbox } from '../dev/sandbox/threecx';

/** Each sandbox's fixed port and the variable that moves it. */
const PORTS = {
	threeCx: { label: '3CX', variable: 'SANDBOX_3CX_PORT', port: 5001 },
	cloudonix: { label: 'Cloudonix', variable: 'SANDBOX_CLOUDONIX_PORT', port: 5002 },
	openVox: { label: 'OpenVox', variable: 'SANDBOX_OPENVOX_PORT', port: 9011 },
	sipXcom: { label: 'sipXcom', variable: 'SANDBOX_SIPXCOM_PORT', port: 8443 },
} as const;
type SandboxKey = keyof typeof PORTS;

const HELP = `Usage: npm run sandbox [-- options]

Starts the 3CX, Cloudonix, OpenVox and sipXcom sandboxes with seeded data and prints the values
to enter in each n8n credential. Ctrl+C stops them.

Options:
  --host <address>     Listen on this address instead of 127.0.0.1, e.g. 0.0.0.0 (every interface)
                       or the Docker bridge's address, so that an n8n in a container can reach them.
                       The sandboxes' credentials are fixed and public: anyone who can reach them
                       can use them.
  --url-host <name>    The host name to print in the credential URLs, as n8n reaches this machine
                       (default: the --host address; 127.0.0.1 for 0.0.0.0 and ::), e.g.
                       host.docker.internal.
  --help               Show this help.

Ports (environment variables):
${Object.values(PORTS)
	.map(({ label, variable, port }) => `  ${variable.padEnd(24)} ${label} sandbox, default ${port}`)
	.join('\n')}
`;

/** Thrown for a mistake in how the command was called; main prints the message, not a stack. */
class UsageError extends Error {}

interface Options {
	host: string;
	urlHost: string;
	help: boolean;
}

export function parseArguments(args: string[]): Options {
	const options = { host: '127.0.0.1', urlHost: '', help: false };
	for (let i = 0; i < args.length; i++) {
		const [flag, inline] = args[i].split(/=(.*)/s, 2) as [string, string | undefined];
		const value = () => {
			const next = inline ?? args[++i];
			if (next === undefined || next === '' || next.startsWith('--')) throw new UsageError(`${flag} needs a value (see --help)`);
			return next;
		};
		if (flag === '--help' || flag === '-h') options.help = true;
		else if (flag === '--host') options.host = value();
		else if (flag === '--url-host') options.urlHost = value();
		else throw new UsageError(`Unknown option ${args[i]} (see npm run sandbox -- --help)`);
	}
	const wildcard = options.host === '0.0.0.0' || options.host === '::';
	options.urlHost ||= wildcard ? '127.0.0.1' : options.host;
	return options;
}

/** The port of each sandbox: its variable if set (a whole number 1–65535), else the fixed default. */
export function sandboxPorts(env: Record<string, string | undefined> = process.env): Record<SandboxKey, number> {
	const ports = {} as Record<SandboxKey, number>;
	for (const [key, { variable, port }] of Object.entries(PORTS) as Array<[SandboxKey, (typeof PORTS)[SandboxKey]]>) {
		const text = env[variable]?.trim();
		const value = text ? Number(text) : port;
		if (!Number.isInteger(value) || value < 1 || value > 65535) {
			throw new UsageError(`${variable}=${env[variable]} is not a port: give a whole number from 1 to 65535`);
		}
		ports[key] = value;
	}
	return ports;
}

/** What to tell a user whose sandbox could not listen, or undefined for an unexpected error. */
export function listenFailure(error: unknown, key: SandboxKey, port: number, host: string): string | undefined {
	const { label, variable } = PORTS[key];
	const code = (error as NodeJS.ErrnoException).code;
	const free = port === 65535 ? port - 100 : port + 100;
	if (code === 'EADDRINUSE') {
		return (
			`Port ${port} on ${host} is already in use, so the ${label} sandbox cannot start. ` +
			`Stop what uses it (another npm run sandbox?), or move the sandbox to another port:\n  ${variable}=${free} npm run sandbox`
		);
	}
	if (code === 'EACCES') {
		return `Not allowed to listen on port ${port} for the ${label} sandbox (ports below 1024 need root). Pick another:\n  ${variable}=${free} npm run sandbox`;
	}
	if (code === 'EADDRNOTAVAIL') return `${host} is not an address of this machine, so the sandboxes cannot listen on it (--host).`;
	return undefined;
}

function block(title: string, rows: Array<[string, unknown]>) {
	console.log(`\n${title}`);
	for (const [label, value] of rows) console.log(`  ${label.padEnd(22)} ${String(value)}`);
}

/** The four sandboxes with the seeded data this command serves (also used by `npm run test:editor`). */
export function seededSandboxes() {
	const threeCx = createThreeCxSandbox();
	const cloudonix = createCloudonixSandbox();
	const openVox = createOpenVoxSandbox({ seed: 20 });
	const sipXcom = createSipXcomSandbox({ tls: true, users: 0, phones: 4 });
	seedNightlySync(threeCx, cloudonix);
	seedMigrationAudit(sipXcom, threeCx);
	return { threeCx, cloudonix, openVox, sipXcom };
}

async function main(): Promise<void> {
	const options = parseArguments(process.argv.slice(2));
	if (options.help) {
		console.log(HELP);
		return;
	}
	const ports = sandboxPorts();
	const sandboxes = seededSandboxes();
	const { threeCx, cloudonix, openVox, sipXcom } = sandboxes;
	const beyondLoopback = !['127.0.0.1', '::1', 'localhost'].includes(options.host);
	const started: Array<{ server: { stop(): Promise<void> } }> = [];
	for (const key of Object.keys(PORTS) as SandboxKey[]) {
		try {
			await sandboxes[key].server.start(ports[key], options.host, { beyondLoopback });
			started.push(sandboxes[key]);
		} catch (error) {
			await Promise.all(started.map(async (sandbox) => await sandbox.server.stop()));
			const message = listenFailure(error, key, ports[key], options.host);
			if (message) throw new UsageError(message);
			throw error;
		}
	}
	// The credentials carry the listen address; show the one n8n reaches this machine at.
	const shown = (url: string) => url.replace(/^(https?:\/\/)[^/]+:(\d+)/, (_, scheme: string, port: string) => {
		const host = options.urlHost.includes(':') ? `[${options.urlHost}]` : options.urlHost;
		return `${scheme}${host}:${port}`;
	});

	if (beyondLoopback) {
		console.log(
			`PBX sandboxes are running on ${options.host}, reachable beyond this machine. Their credentials are fixed and ` +
				'published in this repository: anyone who can reach these ports can use them. Use a trusted network ' +
				'and stop them (Ctrl+C) when you are done.',
		);
	} else {
		console.log(`PBX sandboxes are running on ${options.host} (loopback only). Press Ctrl+C to stop them.`);
	}
	console.log('Create these credentials in n8n (Credentials → Add credential):');
	const tx = threeCx.credentials();
	block(`3CX API — ${threeCx.state.users.size} users, extensions 100–159`, [
		['PBX URL', shown(tx.url)],
		['Client ID', tx.clientId],
		['Client Secret', tx.clientSecret],
	]);
	const cx = cloudonix.credentials();
	block(`Cloudonix API — ${cloudonix.state.subscribers.size} subscribers (40 of the 3CX extensions, drifted; 5 orphans; 2 DIDs)`, [
		['API Key', cx.apiKey],
		['Domain', cx.domain],
		['API Base URL', shown(cx.baseUrl)],
	]);
	const ox = openVox.credentials();
	block(`OpenVox API — ${openVox.state.extensions.size} extensions, 1000–1019 (5 wrong logins lock you out for 10 minutes)`, [
		['PBX API URL', shown(ox.url)],
		['API Username', ox.username],
		['API Password', ox.password],
		['Event Report Port', ox.reportPort],
	]);
	const sx = sipXcom.credentials();
	block(`sipXcom API — ${sipXcom.state.users.size} users, 130–179 (130–159 also on 3CX); ${sipXcom.state.phones.size} phones`, [
		['Server URL', shown(sx.serverUrl)],
		['Username', sx.username],
		['Password', sx.password],
		['Ignore SSL Issues', 'on (the sandbox uses a self-signed certificate)'],
	]);
	console.log('\nThen import a workflow from examples/ and pick these credentials in its nodes.');

	const stop = async () => {
		await Promise.all([threeCx, cloudonix, openVox, sipXcom].map((s) => s.server.stop()));
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

if (require.main === module) {
	main().catch((error: unknown) => {
		console.error(error instanceof UsageError ? error.message : error);
		process.exit(1);
	});
}
