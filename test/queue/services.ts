/**
 * Redis and PostgreSQL for `npm run test:queue`, from the machine's Debian packages
 * (redis-server, postgresql), each on a free loopback port with its data in a temporary
 * folder, stopped (and their data removed with the folder) afterwards. PostgreSQL refuses to
 * run as root, so as root the cluster belongs to the `postgres` user and its server is started
 * as that user (setpriv execs it directly, so the child we hold is the server itself).
 */
import type { ChildProcess } from 'child_process';
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';

import { freePort } from '../n8n/realN8n';

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** A long-running child process with its output in a log file; `stop` ends it and waits. */
export class Service {
	private exited = false;
	private readonly exit: Promise<void>;

	constructor(
		readonly name: string,
		readonly child: ChildProcess,
		readonly logFile: string,
	) {
		const log = fs.createWriteStream(logFile);
		child.stdout?.pipe(log);
		child.stderr?.pipe(log);
		this.exit = new Promise((resolve) =>
			child.once('exit', () => {
				this.exited = true;
				resolve();
			}),
		);
	}

	get running(): boolean {
		return !this.exited;
	}

	log(): string {
		return fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8') : '';
	}

	/** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
	async stop(graceMs = 10_000): Promise<void> {
		if (this.exited) return;
		this.child.kill('SIGTERM');
		const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
		await this.exit;
		clearTimeout(timer);
	}

	/** Polls `ready` until it holds; fails early if the process exits. */
	async waitUntil(what: string, ready: () => Promise<boolean>, timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.exited) throw new Error(`${this.name} exited before ${what}; log ${this.logFile}:\n${this.log().slice(-2000)}`);
			if (await ready().catch(() => false)) return;
			await sleep(250);
		}
		throw new Error(`${this.name} not ${what} after ${timeoutMs / 1000} s; log ${this.logFile}:\n${this.log().slice(-2000)}`);
	}
}

/** Sends `command` (RESP inline) to a TCP port and resolves with the first reply line. */
async function tcpAsk(port: number, command: string): Promise<string> {
	return await new Promise((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1');
		let reply = '';
		socket.setTimeout(2000, () => socket.destroy(new Error('timeout')));
		socket.once('error', reject);
		socket.on('data', (chunk) => {
			reply += chunk.toString();
			if (reply.includes('\r\n')) {
				socket.end();
				resolve(reply.split('\r\n')[0]);
			}
		});
		socket.once('connect', () => socket.write(`${command}\r\n`));
	});
}

export async function startRedis(workDir: string): Promise<Service & { port: number }> {
	const dir = path.join(workDir, 'redis');
	fs.mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const child = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'],
		{ cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	const service = Object.assign(new Service('redis', child, path.join(workDir, 'logs', 'redis.log')), { port });
	await service.waitUntil('answering PING', async () => (await tcpAsk(port, 'PING')) === '+PONG', 20_000);
	return service;
}

/** Where Debian's postgresql package put initdb and postgres (/usr/lib/postgresql/<major>/bin). */
function postgresBinDir(): string {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root)
		? fs
				.readdirSync(root)
				.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (versions.length > 0) return path.join(root, versions[0], 'bin');
	const onPath = execFileSync('sh', ['-c', 'command -v initdb || true'], { encoding: 'utf8' }).trim();
	if (onPath) return path.dirname(fs.realpathSync(onPath));
	throw new Error('PostgreSQL is not installed (apt-get install -y postgresql)');
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** argv that runs `command` as the postgres user when we are root (PostgreSQL refuses root). */
function asPostgresUser(command: string[]): string[] {
	return isRoot() ? ['setpriv', '--reuid=postgres', '--regid=postgres', '--init-groups', '--', ...command] : command;
}

export interface Postgres extends Service {
	port: number;
	database: string;
	user: string;
	/** Runs SQL through psql and returns its unaligned, tab-separated rows. */
	query(sql: string): string[][];
}

export async function startPostgres(workDir: string): Promise<Postgres> {
	const bin = postgresBinDir();
	const dataDir = path.join(workDir, 'postgres');
	fs.mkdirSync(dataDir, { mode: 0o700 });
	if (isRoot()) {
		// The postgres user must reach its data folder inside our temporary folder.
		fs.chmodSync(workDir, 0o711);
		execFileSync('chown', ['postgres:postgres', dataDir]);
	}
	const user = 'n8n';
	const database = 'n8n';
	// Trust on loopback only: the server listens on 127.0.0.1 and a socket in its own folder.
	const initdb = asPostgresUser([path.join(bin, 'initdb'), '-D', dataDir, '-U', user, '-A', 'trust', '-E', 'UTF8', '--no-sync']);
	execFileSync(initdb[0], initdb.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
	const port = await freePort();
	const argv = asPostgresUser([
		path.join(bin, 'postgres'),
		'-D',
		dataDir,
		'-p',
		String(port),
		'-k',
		dataDir,
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		'fsync=off',
		'-c',
		'max_connections=200',
	]);
	const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
	const service = new Service('postgres', child, path.join(workDir, 'logs', 'postgres.log'));
	const psql = path.join(bin, 'psql');
	const query = (sql: string, db = database): string[][] =>
		execFileSync(psql, ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', db, '-X', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		})
			.split('\n')
			.filter((line) => line !== '')
			.map((line) => line.split('\t'));
	await service.waitUntil('accepting connections', async () => query('select 1', 'postgres')[0]?.[0] === '1', 30_000);
	query(`create database ${database}`, 'postgres');
	return Object.assign(service, { port, database, user, query: (sql: string) => query(sql) });
}
