import type { IDataObject } from 'n8n-workflow';

import { DryRunStop } from '../../shared/dryRun';
import { asNodeError } from '../../shared/errors';
import type { RequestContext } from '../../shared/requestContext';
import type { DeleteOutcome } from '../../shared/vendorApi';
import { deleteRecord, listRecords, request } from '../transport';
import { SUBSCRIBER, SUBSCRIBER_LOOKUP } from '../transport/api';
import { cloudonixDomain, CREDENTIAL_TYPE } from '../transport/credential';
import type { RateLimit } from '../transport/pacing';
import { paceRun } from '../transport/pacing';
import type { JsonObject } from './subscriber';
import { subscriberPassword } from './subscriber';

/** The HTTP status of a transport error, or undefined when no answer came. */
export function statusOf(error: unknown): number | undefined {
	const code = (error as { httpCode?: string | null }).httpCode;
	return code && /^\d{3}$/.test(code) ? Number(code) : undefined;
}

/** Cloudonix's answer to a duplicate MSISDN is UNCONFIRMED: 409, or 400/422/500 saying so. */
export function isDuplicateError(error: unknown): boolean {
	const status = statusOf(error);
	if (status === 409) return true;
	if (status === 400 || status === 422 || status === 500) {
		return /already exists?|duplicate|in use|exists/i.test((error as Error).message ?? '');
	}
	return false;
}

export interface CreateResult {
	subscriber: JsonObject;
	/** `created`: this call created it; `exists`: the MSISDN was already taken. */
	outcome: 'created' | 'exists';
}

/**
 * One per node execution: checks the credential's domain once, sets the run's pace (every
 * request of the run goes through the domain's process-wide pacer at this rate, see
 * transport/pacing.ts), and keeps an MSISDN → subscriber directory for this execution only.
 * It holds the subscriber logic the API leaves to its clients: lookups by MSISDN, a create that
 * never runs twice, duplicates reported so that upsert can update instead.
 */
export class SubscriberClient {
	private directory?: Map<string, JsonObject>;

	private constructor(
		private readonly ctx: RequestContext,
		readonly domain: string,
	) {}

	static async create(ctx: RequestContext, rate: RateLimit): Promise<SubscriberClient> {
		const domain = cloudonixDomain(ctx, await ctx.getCredentials(CREDENTIAL_TYPE));
		paceRun(ctx, rate);
		return new SubscriberClient(ctx, domain);
	}

	/** The whole domain (one GET; the documented 404 "No subscribers found" means none). */
	async list(itemIndex: number): Promise<JsonObject[]> {
		const { records } = await listRecords(this.ctx, {}, itemIndex);
		this.directory = new Map(records.map((sub) => [String(sub.msisdn), sub]));
		return records;
	}

	/** Loads the MSISDN directory once per execution. */
	async loadDirectory(itemIndex: number): Promise<Map<string, JsonObject>> {
		if (!this.directory) await this.list(itemIndex);
		return this.directory!;
	}

	hasDirectory(): boolean {
		return this.directory !== undefined;
	}

	private remember(sub: JsonObject): void {
		this.directory?.set(String(sub.msisdn), sub);
	}

	private forget(msisdn: string): void {
		this.directory?.delete(msisdn);
	}

	/** GET by subscriber id (a 404 throws). */
	async getById(id: string, itemIndex: number): Promise<JsonObject> {
		return await request<JsonObject>(this.ctx, { subscriber: id, expect: SUBSCRIBER }, itemIndex);
	}

	/**
	 * The subscriber with this ID as it is now, or undefined when it is gone (never from the
	 * directory). If the path segment was read as an MSISDN, the list answers.
	 */
	async current(id: string, itemIndex: number): Promise<JsonObject | undefined> {
		const found = await request<JsonObject | null>(this.ctx, { subscriber: id, expect: SUBSCRIBER_LOOKUP }, itemIndex);
		if (found === null) return undefined;
		if (String(found.id) === id) {
			this.remember(found);
			return found;
		}
		return (await this.list(itemIndex)).find((sub) => String(sub.id) === id);
	}

	/**
	 * The subscriber with this MSISDN, or undefined. Uses the execution's directory when loaded
	 * (unless `fresh`), else GET `/subscribers/{msisdn}`; if that answers a different subscriber
	 * (an id equal to the MSISDN), it falls back to the list.
	 */
	async findByMsisdn(msisdn: string, itemIndex: number, fresh = false): Promise<JsonObject | undefined> {
		if (this.directory && !fresh) return this.directory.get(msisdn);
		const found = await request<JsonObject | null>(this.ctx, { subscriber: msisdn, expect: SUBSCRIBER_LOOKUP }, itemIndex);
		if (found === null) {
			this.forget(msisdn);
			return undefined;
		}
		if (found && String(found.msisdn) === msisdn) {
			this.remember(found);
			return found;
		}
		// The path segment matched a subscriber *id*; only the list can answer by MSISDN.
		const list = await this.list(itemIndex);
		return list.find((sub) => String(sub.msisdn) === msisdn);
	}

	/**
	 * POST a subscriber without ever creating it twice. A lost answer (dropped connection,
	 * timeout, 5xx) may hide a create that was applied, so the MSISDN is looked up before
	 * trying again; a duplicate answer reports `exists` so that upsert can update instead.
	 */
	async create(body: JsonObject, itemIndex: number, maxAttempts = 3): Promise<CreateResult> {
		const msisdn = String(body.msisdn);
		const password = typeof body.sipPassword === 'string' ? body.sipPassword : undefined;
		const secrets = password ? [password] : [];
		for (let attempt = 1; ; attempt++) {
			try {
				const created = await request<JsonObject>(this.ctx, { method: 'POST', body: body as IDataObject, secrets }, itemIndex);
				this.remember(created);
				return { subscriber: created, outcome: 'created' };
			} catch (error) {
				if (error instanceof DryRunStop) throw asNodeError(this.ctx.getNode(), error);
				if (isDuplicateError(error)) {
					const existing = await this.findByMsisdn(msisdn, itemIndex, true);
					if (existing) return { subscriber: existing, outcome: 'exists' };
					throw asNodeError(this.ctx.getNode(), error);
				}
				const status = statusOf(error);
				if (status !== undefined && status < 500) throw asNodeError(this.ctx.getNode(), error);
				// No answer or a server error: the create may have happened.
				const existing = await this.findByMsisdn(msisdn, itemIndex, true);
				if (existing) {
					const ours = password === undefined || subscriberPassword(existing) === password;
					return { subscriber: existing, outcome: ours ? 'created' : 'exists' };
				}
				if (attempt >= maxAttempts) throw asNodeError(this.ctx.getNode(), error);
			}
		}
	}

	async update(id: string, body: JsonObject, itemIndex: number): Promise<JsonObject> {
		const secrets = typeof body.sipPassword === 'string' ? [body.sipPassword] : [];
		const updated = await request<JsonObject>(this.ctx, { method: 'PUT', subscriber: id, body: body as IDataObject, secrets }, itemIndex);
		if (updated && typeof updated === 'object' && updated.msisdn !== undefined) this.remember(updated);
		return updated;
	}

	/** Deletes by id; `confirmedBy` is set when a lost answer's retry found the subscriber gone. */
	async delete(id: string, msisdn: string | undefined, itemIndex: number): Promise<DeleteOutcome> {
		const outcome = await deleteRecord(this.ctx, { subscriber: id }, itemIndex);
		if (msisdn !== undefined) this.forget(msisdn);
		else if (this.directory) {
			for (const [key, sub] of this.directory) if (String(sub.id) === id) this.directory.delete(key);
		}
		return outcome;
	}
}
