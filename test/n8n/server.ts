/**
 * A real n8n server (`n8n start`) for tests that need what only a running instance does:
 * active workflows with pollers and triggers, the REST API the editor uses, executions saved
 * in the database. It listens on 127.0.0.1 on a free port with the temporary user folder of
 * a RealN8n; the owner is set up through the REST API, and it is stopped afterwards.
 *
 *   const server = new N8nServer(n8n);
 *   await server.importCredentials(list); await server.importWorkflows(list); // CLI, before start
 *   await server.start();                       // waits for /healthz/readiness, sets up the owner
 *   await server.activate(workflowId);          // publishes + activates, as the editor's toggle
 *   const done = await server.waitForExecutions(workflowId, 2);
 *   const run = await server.execution(done[0].id);
 *   await server.stop();
 */
import type { ChildProcess } from 'child_process';
import { spawn } from 'child_process';
import { parse as parseFlatted } from 'flatted';
import * as fs from 'fs';
import type { IDataObject, IRunExecutionData } from 'n8n-workflow';
import * as path from 'path';

import type { LogEntry, RealN8n } from './realN8n';
import { freePort, readLog } from './realN8n';

/** One row of GET /rest/executions. */
export interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	finished: boolean;
	startedAt?: string;
	stoppedAt?: string;
}

export interface ExecutionDetail extends ExecutionSummary {
	data: IRunExecutionData;
}

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	/** Plain credential data; import:credentials encrypts it with the instance's key. */
	data: IDataObject;
}

export interface ServerOptions {
	/** Extra environment for the server process (e.g. EXECUTIONS_MODE for queue mode). */
	env?: NodeJS.ProcessEnv;
	/** How long start() waits for readiness. */
	startTimeoutMs?: number;
}

export const OWNER = {
	email: 'owner@pbx-sync.test',
	firstName: 'Test',
	lastName: 'Owner',
	password: 'Pbx-sync-test-0wner',
};

// n8n ties its auth cookie to the browser that logged in; every request sends the same ID.
export const BROWSER_ID = 'pbx-sync-real-n8n-test';

const pause = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

export class N8nServer {
	port?: number;
	logFile?: string;
	private child?: ChildProcess;
	private exited?: Promise<number | null>;
	private cookie = '';
	private output = '';

	constructor(
		readonly n8n: RealN8n,
		readonly options: ServerOptions = {},
	) {}

	get baseUrl(): string {
		if (this.port === undefined) throw new Error('The n8n server is not started');
		return `http://127.0.0.1:${this.port}`;
	}

	/** Imports credentials with the CLI (run before start(): one process at a time on SQLite). */
	async importCredentials(credentials: CredentialImport[]): Promise<void> {
		if (credentials.length === 0) return;
		const file = path.join(this.n8n.workDir, `credentials-${Date.now()}.json`);
		fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
		await this.n8n.ok('import-credentials', ['import:credentials', `--input=${file}`]);
	}

	/** Imports workflows (each with its `id`) with the CLI, inactive; activate them with activate(). */
	async importWorkflows(workflows: IDataObject[]): Promise<void> {
		if (workflows.length === 0) return;
		const dir = fs.mkdtempSync(path.join(this.n8n.workDir, 'import-'));
		for (const workflow of workflows) {
			if (typeof workflow.id !== 'string') throw new Error('Every imported workflow needs an id');
			fs.writeFileSync(path.join(dir, `${workflow.id}.json`), JSON.stringify({ ...workflow, active: false }, null, 2));
		}
		await this.n8n.ok('import-workflows', ['import:workflow', '--separate', `--input=${dir}`]);
	}

	/** Starts `n8n start`, waits until it is ready and sets up the owner account. */
	async start(): Promise<void> {
		if (this.child) throw new Error('The n8n server is already running');
		this.port = await freePort();
		this.logFile = this.n8n.nextLogFile('start');
		const env = {
			...(await this.n8n.env(this.logFile)),
			N8N_PORT: String(this.port),
			N8N_DISABLE_UI: 'true',
			N8N_SECURE_COOKIE: 'false',
			...(this.options.env ?? {}),
		};
		const child = spawn(this.n8n.node24, [this.n8n.n8nBin, 'start'], { env, cwd: this.n8n.workDir });
		this.child = child;
		child.stdout?.on('data', (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000)));
		child.stderr?.on('data', (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000)));
		this.exited = new Promise((resolve) => child.on('close', resolve));
		const deadline = Date.now() + (this.options.startTimeoutMs ?? 300_000);
		for (;;) {
			if (child.exitCode !== null) throw new Error(`n8n start exited with ${child.exitCode}\n${this.describe()}`);
			try {
				const response = await fetch(`${this.baseUrl}/healthz/readiness`);
				if (response.ok) break;
			} catch {
				// not listening yet
			}
			if (Date.now() > deadline) {
				await this.stop();
				throw new Error(`n8n start was not ready within ${(this.options.startTimeoutMs ?? 300_000) / 1000} s\n${this.describe()}`);
			}
			await pause(250);
		}
		await this.setupOwner();
	}

	/**
	 * Sets up the owner, or signs in as the owner when an earlier server on the same user folder
	 * (e.g. the credential Tests before the triggers) already set it up.
	 */
	private async setupOwner(): Promise<void> {
		const post = async (route: string, body: unknown) =>
			await fetch(`${this.baseUrl}/rest${route}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
				body: JSON.stringify(body),
			});
		// Written after the first setup in this user folder, so no server asks n8n to set it up twice.
		const marker = path.join(this.n8n.workDir, 'owner-set-up');
		const attempt = async () =>
			fs.existsSync(marker)
				? await post('/login', { emailOrLdapLoginId: OWNER.email, password: OWNER.password })
				: await post('/owner/setup', OWNER);
		// n8n 1.x reports ready before it has registered its REST routes and answers 404 until then.
		let response = await attempt();
		for (const deadline = Date.now() + 60_000; response.status === 404 && Date.now() < deadline; ) {
			await pause(500);
			response = await attempt();
		}
		if (response.ok) fs.writeFileSync(marker, OWNER.email);
		if (!response.ok) throw new Error(`Owner setup failed: HTTP ${response.status} ${await response.text()}`);
		const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
		this.cookie = cookies.join('; ');
		if (!this.cookie.includes('n8n-auth=')) throw new Error('Owner setup returned no n8n-auth cookie');
	}

	/** A call to the REST API the editor uses, as the owner; returns the `data` of the answer. */
	async rest<T = unknown>(method: string, route: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.baseUrl}/rest${route}`, {
			method,
			headers: {
				cookie: this.cookie,
				'browser-id': BROWSER_ID,
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} /rest${route}: HTTP ${response.status} ${text.slice(0, 1000)}`);
		const parsed = text === '' ? {} : (JSON.parse(text) as { data?: T });
		return (parsed.data ?? parsed) as T;
	}

	/**
	 * Publishes and activates a workflow as the editor's toggle does, and waits until n8n has
	 * finished activating it. n8n 2.41 activates through its publication outbox after the REST
	 * call has returned (1.x within it), and runs every poller once while activating; so when this
	 * returns, the first poll has happened (a poll that fails makes activation fail, and this throws).
	 */
	async activate(workflowId: string, timeoutMs = 120_000): Promise<void> {
		const workflow = await this.rest<{ versionId: string }>('GET', `/workflows/${workflowId}`);
		const seen = this.log().length;
		await this.rest('POST', `/workflows/${workflowId}/activate`, { versionId: workflow.versionId });
		// n8n 1.x has activated it (and run its pollers once) when the call returns, or the call
		// failed; a workflow with only webhooks logs nothing at info level there.
		if (this.n8n.version.startsWith('1.')) return;
		const done = await this.waitForLog(
			(entry) =>
				entry.metadata?.workflowId === workflowId &&
				(entry.message === 'Finished processing workflow publication outbox record' || entry.message.startsWith('Activated workflow')),
			timeoutMs,
			seen,
		);
		const result = done.metadata?.result;
		if (result !== undefined && result !== 'completed') {
			const error = await this.rest<unknown>('GET', `/active-workflows/error/${workflowId}`).catch(() => undefined);
			throw new Error(`Activating workflow ${workflowId} ended "${String(result)}": ${JSON.stringify(error)}`);
		}
	}

	/** Waits for a log entry (after the first `from` entries) that matches, and returns it. */
	async waitForLog(matches: (entry: LogEntry) => boolean, timeoutMs = 60_000, from = 0): Promise<LogEntry> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const found = this.log().slice(from).find(matches);
			if (found) return found;
			if (Date.now() > deadline) throw new Error(`No matching n8n log entry within ${timeoutMs / 1000} s\n${this.describe()}`);
			await pause(250);
		}
	}

	async deactivate(workflowId: string): Promise<void> {
		await this.rest('POST', `/workflows/${workflowId}/deactivate`, {});
	}

	/** The workflow's executions, oldest first. */
	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const page = await this.rest<{ results: ExecutionSummary[] }>('GET', `/executions?filter=${filter}&limit=100`);
		return [...page.results].sort((a, b) => Number(a.id) - Number(b.id));
	}

	/** One execution with its run data (n8n sends it flatted, as the editor reads it). */
	async execution(id: string): Promise<ExecutionDetail> {
		const raw = await this.rest<ExecutionSummary & { data: string }>('GET', `/executions/${id}`);
		return { ...raw, data: parseFlatted(raw.data) as IRunExecutionData };
	}

	/**
	 * Waits until the workflow has at least `count` finished executions (success or error) and
	 * returns them, oldest first. Pollers run on a cron, so this waits on the clock, with a
	 * generous timeout; nothing is asserted about how long it took.
	 */
	async waitForExecutions(workflowId: string, count: number, timeoutMs = 240_000): Promise<ExecutionSummary[]> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const done = (await this.executions(workflowId)).filter((e) => !['new', 'running', 'waiting'].includes(e.status));
			if (done.length >= count) return done;
			if (Date.now() > deadline) {
				throw new Error(`workflow ${workflowId}: ${done.length} of ${count} executions after ${timeoutMs / 1000} s\n${this.describe()}`);
			}
			await pause(1000);
		}
	}

	/** The server's log so far. */
	log(): LogEntry[] {
		return this.logFile ? readLog(this.logFile) : [];
	}

	describe(): string {
		const interesting = this.log()
			.filter((entry) => entry.level !== 'debug')
			.slice(-15)
			.map((entry) => `  [${entry.level}] ${entry.message.slice(0, 600)}`);
		return [`log ${this.logFile}:`, ...interesting, this.output.trim() ? `output:\n${this.output.trim().slice(-2000)}` : '']
			.filter(Boolean)
			.join('\n');
	}

	/** Stops the server (SIGTERM, then SIGKILL after 20 s) and waits for it to exit. */
	async stop(): Promise<void> {
		const child = this.child;
		if (!child) return;
		this.child = undefined;
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
			await this.exited;
			clearTimeout(killer);
		}
	}
}
