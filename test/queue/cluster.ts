/**
 * n8n in queue mode on loopback: PostgreSQL as the shared database, Redis as the queue, one
 * main instance (test/n8n/server.ts: editor API, webhooks, enqueuing) and `workers` workers
 * (`n8n worker`) that run the executions, each a real n8n 2.41 process from the cache with our
 * packed package installed as a community package (see test/n8n/realN8n.ts). Everything
 * listens on 127.0.0.1 only.
 */
import { spawn } from 'child_process';
import * as http from 'http';
import * as path from 'path';

import type { RealN8n } from '../n8n/realN8n';
import { freePort } from '../n8n/realN8n';
import { N8nServer } from '../n8n/server';
import type { Postgres } from './services';
import { Service, startPostgres, startRedis } from './services';

export interface ClusterOptions {
	workers: number;
	/** Executions each worker runs at once (`n8n worker --concurrency`). */
	concurrency: number;
}

/** GET on loopback; resolves with the status code (0 when nothing answers). */
export async function httpStatus(port: number, urlPath: string): Promise<number> {
	return await new Promise((resolve) => {
		const request = http.get({ host: '127.0.0.1', port, path: urlPath, timeout: 2000 }, (response) => {
			response.resume();
			resolve(response.statusCode ?? 0);
		});
		request.on('timeout', () => request.destroy());
		request.on('error', () => resolve(0));
	});
}

/** POSTs a JSON body on loopback; resolves with the status code and the answer's text. */
export async function postJson(port: number, urlPath: string, body: unknown): Promise<{ status: number; text: string }> {
	const payload = JSON.stringify(body);
	return await new Promise((resolve, reject) => {
		const request = http.request(
			{
				host: '127.0.0.1',
				port,
				path: urlPath,
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) },
			},
			(response) => {
				let text = '';
				response.on('data', (chunk: Buffer) => (text += chunk.toString()));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
			},
		);
		request.on('error', reject);
		request.end(payload);
	});
}

export class QueueCluster {
	/** The running workers; each one's `service.name` is its label and log file name (worker-1 …). */
	readonly workers: Array<{ service: Service; healthPort: number }> = [];
	private spawned = 0;
	/** Main: start() waits for its readiness and sets up the owner (for activating workflows). */
	readonly main: N8nServer;
	private redis?: Service;

	private constructor(
		readonly n8n: RealN8n,
		readonly postgres: Postgres,
	) {
		// Migrations on a fresh PostgreSQL take a while on a busy machine.
		this.main = new N8nServer(n8n, { startTimeoutMs: 300_000 });
	}

	get mainPort(): number {
		if (this.main.port === undefined) throw new Error('main is not started');
		return this.main.port;
	}

	/** Starts PostgreSQL and Redis and points every n8n command of `n8n` at them. */
	static async prepare(n8n: RealN8n): Promise<QueueCluster> {
		const postgres = await startPostgres(n8n.workDir);
		const cluster = new QueueCluster(n8n, postgres);
		try {
			const redis = await startRedis(n8n.workDir);
			cluster.redis = redis;
			n8n.settings = {
				...n8n.settings,
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redis.port),
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(postgres.port),
				DB_POSTGRESDB_DATABASE: postgres.database,
				DB_POSTGRESDB_USER: postgres.user,
				DB_POSTGRESDB_PASSWORD: '',
				N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
			};
		} catch (error) {
			await cluster.stop();
			throw error;
		}
		return cluster;
	}

	/** A worker process with its own ports (task broker, health check) and log file. */
	private async spawnWorker(label: string, args: string[], ports: NodeJS.ProcessEnv): Promise<Service> {
		const logFile = path.join(this.n8n.logDir, `${label}.log`);
		const env = { ...(await this.n8n.env(logFile)), N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...ports };
		const child = spawn(this.n8n.node24, [this.n8n.n8nBin, ...args], { env, cwd: this.n8n.workDir, stdio: ['ignore', 'pipe', 'pipe'] });
		return new Service(label, child, path.join(this.n8n.logDir, `${label}.out`));
	}

	/** Starts `count` workers (labels worker-1, worker-2, … counting on from those started before). */
	private async spawnWorkers(count: number, concurrency: number): Promise<void> {
		for (let i = 0; i < count; i++) {
			const healthPort = await freePort();
			const worker = await this.spawnWorker(`worker-${this.spawned + 1}`, ['worker', `--concurrency=${concurrency}`], {
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(healthPort),
				N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
			});
			this.spawned++;
			this.workers.push({ service: worker, healthPort });
		}
	}

	/** A worker's readiness endpoint answers 200 once its database and Redis connections are up. */
	private async workersReady(): Promise<void> {
		for (const { service, healthPort } of this.workers) {
			await service.waitUntil('ready', async () => (await httpStatus(healthPort, '/healthz/readiness')) === 200, 300_000);
		}
	}

	/** Starts the workers and main and waits until each says it is ready. */
	async start({ workers, concurrency }: ClusterOptions): Promise<void> {
		await this.spawnWorkers(workers, concurrency);
		await this.main.start();
		await this.workersReady();
	}

	/** Stops the workers (they finish what they run) and starts new ones with these options. */
	async replaceWorkers({ workers, concurrency }: ClusterOptions): Promise<void> {
		const old = this.workers.splice(0);
		await Promise.all(old.map(async ({ service }) => await service.stop(20_000)));
		await this.spawnWorkers(workers, concurrency);
		await this.workersReady();
	}

	/** Stops the n8n processes first (they flush to the database and Redis), then the services. */
	async stop(): Promise<void> {
		await Promise.all([this.main.stop(), ...this.workers.map(async ({ service }) => await service.stop(20_000))]);
		await this.redis?.stop();
		await this.postgres.stop();
	}
}
