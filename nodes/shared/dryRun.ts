import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from './errors';
import { redactDeep } from './redact';
import type { RequestContext } from './requestContext';

/*
 * Options › Dry Run. The write gate: every vendor request passes `vendorRequest`/`vendorDelete`
 * (transport.ts), which asks `gateWrite` first. While an item is rehearsed, reads go through and
 * the first write is not sent: it is recorded (secrets removed like in errors) and the item stops;
 * the router turns the record into the item's output, the plan. Operations add what only they
 * know: the target and the record they read (noteTarget), so that an update's `changes` compare
 * what was read with what would be sent.
 */

/** A request the item would have sent. */
export interface PlannedRequest extends IDataObject {
	method: string;
	path: string;
	body?: IDataObject;
}

/** A field the write would change. */
export interface PlannedChange extends IDataObject {
	field: string;
	from: IDataObject[string];
	to: IDataObject[string];
}

/** A rehearsed item's output. */
export interface DryRunPlan extends IDataObject {
	dryRun: true;
	action: string;
	target: IDataObject;
	requests: PlannedRequest[];
	changes?: PlannedChange[];
}

/** The request the gate stops, as the transport has it. */
export interface GatedRequest {
	method: string;
	url: string;
	qs?: IDataObject;
	body?: unknown;
	/** Credential secrets and the request's own (e.g. a SIP password in the body). */
	secrets: string[];
	/** The vendor's pattern-based redaction (3CX provisioning links). */
	redact?: (text: string) => string;
	/** How the path reads in the plan; the URL's path and query by default. */
	path?: string;
}

interface Rehearsal {
	itemIndex: number;
	/** The Operation value, the action of every write except create, update and delete. */
	operation: string;
	target?: IDataObject;
	current?: IDataObject;
	/** Body fields that name the record rather than change it (OpenVox `extid`). */
	keyFields?: string[];
	action?: string;
	plan?: DryRunPlan;
	/** Writes that follow the first one, known before it (e.g. deactivate after create). */
	followUps: PlannedRequest[];
}

/** Operations whose action is named by the write's method (POST create, PUT/PATCH update, DELETE delete); the others by their Operation value. */
const METHOD_NAMED = new Set(['upsert']);

/**
 * Body fields whose values a plan never shows, whatever the vendor calls them (SIP, register,
 * login and web client passwords, PINs, secrets, tokens), besides the known secret values.
 */
const SECRET_KEY = /pass(word)?|secret|pin|token/i;

function withoutSecretFields<T>(value: T): T {
	if (Array.isArray(value)) return value.map(withoutSecretFields) as unknown as T;
	if (value === null || typeof value !== 'object') return value;
	const out: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
		out[key] = SECRET_KEY.test(key) && entry !== null && entry !== undefined && entry !== '' ? '***' : withoutSecretFields(entry);
	}
	return out as T;
}
const METHOD_ACTIONS: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' };
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The item being rehearsed, per node run (keyed by the run's execution context). */
const rehearsals = new WeakMap<object, Rehearsal>();

/** Thrown by the gate; the router outputs the plan whatever an operation did with the error. */
export class DryRunStop extends Error {
	constructor(readonly plan: DryRunPlan) {
		super('Dry run: the write was not sent');
	}
}

export function dryRunProperty(): INodeProperties {
	return {
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		default: false,
		description:
			'Whether to only show what the operation would do, without changing anything: parameters are checked and the records read as usual, no write is sent, and each item outputs the planned action, target, requests (secrets removed) and changed fields',
	};
}

/** Options › Dry Run for an item; an expression may give true/false or "true"/"false". */
export function readDryRun(ctx: IExecuteFunctions, itemIndex: number): boolean {
	const value = ctx.getNodeParameter('options.dryRun', itemIndex, false) as unknown;
	if (value === true || value === 'true') return true;
	if (value === false || value === 'false' || value === undefined || value === null || value === '') return false;
	throw new NodeOperationError(ctx.getNode(), `The option "Dry Run" must be true or false in item ${itemIndex}, got ${JSON.stringify(value)}`, {
		itemIndex,
	});
}

/** Whether the item now running is a dry run (for operations that read more in one, e.g. the record an update changes). */
export function isRehearsing(ctx: RequestContext): boolean {
	return rehearsals.has(ctx);
}

/**
 * Records the item's target and the record as read (before any write), for the plan; `keyFields`
 * are body fields that name the record and are never a change. No-op outside a dry run.
 */
export function noteTarget(ctx: RequestContext, target: IDataObject, current?: IDataObject, keyFields?: string[]): void {
	const rehearsal = rehearsals.get(ctx);
	if (!rehearsal) return;
	rehearsal.target = target;
	if (current !== undefined) rehearsal.current = current;
	if (keyFields) rehearsal.keyFields = keyFields;
}

/** Names the action when neither the Operation value nor the method does (e.g. `create` then `deactivate`). */
export function noteAction(ctx: RequestContext, action: string): void {
	const rehearsal = rehearsals.get(ctx);
	if (rehearsal) rehearsal.action = action;
}

/**
 * A write that will follow the first one, listed in the plan after it. A relative path (e.g.
 * `{id}` for the record the first write creates) is shown below the first request's path.
 */
export function noteFollowUp(ctx: RequestContext, request: PlannedRequest): void {
	rehearsals.get(ctx)?.followUps.push(request);
}

function pathOf(request: GatedRequest): string {
	if (request.path !== undefined) return request.path;
	let path: string;
	try {
		const url = new URL(request.url);
		path = `${url.pathname}${url.search}`;
	} catch {
		path = request.url;
	}
	const query = request.qs && Object.keys(request.qs).length
		? new URLSearchParams(Object.entries(request.qs).map(([key, value]): [string, string] => [key, String(value)])).toString()
		: '';
	return query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path;
}

function clean<T>(value: T, request: GatedRequest): T {
	const masked = redactDeep(value, request.secrets);
	return request.redact ? mapStrings(masked, request.redact) : masked;
}

function mapStrings<T>(value: T, map: (text: string) => string): T {
	if (typeof value === 'string') return map(value) as unknown as T;
	if (Array.isArray(value)) return value.map((entry) => mapStrings(entry, map)) as unknown as T;
	if (value !== null && typeof value === 'object') {
		const out: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value as Record<string, unknown>)) out[key] = mapStrings(entry, map);
		return out as T;
	}
	return value;
}

function isPlainObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Leaf paths of a body: nested objects by dotted path, arrays and scalars as they are. */
function leaves(value: IDataObject, prefix = ''): Array<[string, unknown]> {
	return Object.entries(value).flatMap(([key, entry]) =>
		isPlainObject(entry) && Object.keys(entry).length ? leaves(entry, `${prefix}${key}.`) : [[`${prefix}${key}`, entry] as [string, unknown]],
	);
}

/** The value at a dotted path of a record (undefined where it has none). */
export function valueAt(record: IDataObject | undefined, path: string): unknown {
	let value: unknown = record;
	for (const key of path.split('.')) {
		if (!isPlainObject(value)) return undefined;
		value = value[key];
	}
	return value;
}

/** Same JSON value; missing and null count as the same. */
export function sameValue(a: unknown, b: unknown): boolean {
	if ((a === undefined || a === null) && (b === undefined || b === null)) return true;
	return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields a body would change in `current`; a secret shows as `***` on both sides. */
function changesOf(body: IDataObject, current: IDataObject, request: GatedRequest, keyFields: string[] = []): PlannedChange[] {
	const changes: PlannedChange[] = [];
	for (const [field, to] of leaves(body)) {
		if (keyFields.includes(field)) continue;
		const from = valueAt(current, field);
		if (sameValue(from, to)) continue;
		const shownTo = clean(to, request);
		const secret = SECRET_KEY.test(field.split('.').pop() ?? field) || JSON.stringify(shownTo) !== JSON.stringify(to);
		changes.push({
			field,
			from: secret ? '***' : ((from ?? null) as IDataObject[string]),
			to: secret ? '***' : ((shownTo ?? null) as IDataObject[string]),
		});
	}
	return changes;
}

/**
 * Called by the transport before every request. Outside a dry run, or for a read, it returns;
 * for a write of a rehearsed item it records the plan (the first write only) and throws DryRunStop.
 * `read` marks a request that only reads although its method is not GET (e.g. a query sent as POST).
 */
export function gateWrite(ctx: RequestContext, request: GatedRequest, read = false): void {
	const rehearsal = rehearsals.get(ctx);
	if (!rehearsal) return;
	// Once the item reached its write, nothing more is sent for it: an operation that catches the
	// stop and tries again (a read-modify-write loop) stops again at once.
	if (rehearsal.plan) throw new DryRunStop(rehearsal.plan);
	const method = request.method.toUpperCase();
	if (read || READ_METHODS.has(method)) return;
	if (!rehearsal.plan) {
		const body = isPlainObject(request.body) ? request.body : undefined;
		const planned: PlannedRequest = { method, path: clean(pathOf(request), request) };
		if (body !== undefined) planned.body = withoutSecretFields(clean(body, request));
		const action =
			rehearsal.action ?? (METHOD_NAMED.has(rehearsal.operation) ? (METHOD_ACTIONS[method] ?? rehearsal.operation) : rehearsal.operation);
		const followUps = rehearsal.followUps.map((next) => (next.path.startsWith('/') ? next : { ...next, path: `${planned.path}/${next.path}` }));
		const plan: DryRunPlan = { dryRun: true, action, target: rehearsal.target ?? {}, requests: [planned, ...followUps] };
		// An update's changes: what the record as read holds against what would be sent.
		if (body && rehearsal.current && method !== 'DELETE' && action !== 'create' && action !== 'delete') {
			plan.changes = changesOf(body, rehearsal.current, request, rehearsal.keyFields);
		}
		rehearsal.plan = plan;
	}
	throw new DryRunStop(rehearsal.plan);
}

/**
 * Runs one item as a dry run: the plan of its first write, or `none` when it would write nothing.
 * Any error an operation raises after the gate stopped a write (a client that wraps it) still
 * yields the plan: the plan exists only because the item reached its write.
 */
export async function rehearse(
	ctx: IExecuteFunctions,
	itemIndex: number,
	operation: string,
	run: () => Promise<unknown>,
	target?: IDataObject,
): Promise<DryRunPlan> {
	const rehearsal: Rehearsal = { itemIndex, operation, target, followUps: [] };
	rehearsals.set(ctx, rehearsal);
	try {
		await run();
	} catch (error) {
		if (!rehearsal.plan) throw asNodeError(ctx.getNode(), error);
	} finally {
		rehearsals.delete(ctx);
	}
	return rehearsal.plan ?? { dryRun: true, action: 'none', target: rehearsal.target ?? {}, requests: [] };
}
