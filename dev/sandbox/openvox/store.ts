/**
 * The OpenVox sandbox's one store: extensions keyed by number, tokens, the lockout, the logins
 * and calls tests check, the virtual clock, and the deterministic extension records.
 */
import type { SandboxOptions } from '../core';

export type ExtensionRecord = Record<string, unknown>;

export interface OpenVoxSandboxOptions extends SandboxOptions {
	username?: string;
	password?: string;
	/** Failed logins in a row before the client is locked out (OpenVox: 5). */
	lockoutAfter?: number;
	/** How long a lockout lasts (OpenVox: 10 minutes). */
	lockoutMs?: number;
	/** How long a token lives without requests (OpenVox: 30 minutes). */
	tokenIdleMs?: number;
	/** errno for a wrong username/password: Yeastar's 20003 by default; OpenVox's doc example shows 30003. */
	badLoginErrno?: string;
	/** Deterministic extensions to start with. */
	seed?: number;
}

export interface OpenVoxSandboxState {
	extensions: Map<string, ExtensionRecord>;
	tokens: Map<string, { lastUsed: number; username: string }>;
	failedLogins: number;
	lockedUntil: number;
	/** Every login attempt, in order, with its outcome (never the password). */
	logins: Array<{ username: string; ok: boolean; errno?: string; format: string }>;
	heartbeats: number;
	logouts: number;
	issued: number;
	/** How far the virtual clock is ahead of the wall clock (`advance(ms)`). */
	clockOffset: number;
}

export type OpenVoxConfig = ReturnType<typeof configOf>;

export function configOf(options: OpenVoxSandboxOptions) {
	return {
		username: options.username ?? 'api',
		password: options.password ?? 'openvox-pass',
		lockoutAfter: options.lockoutAfter ?? 5,
		lockoutMs: options.lockoutMs ?? 10 * 60_000,
		tokenIdleMs: options.tokenIdleMs ?? 30 * 60_000,
		badLoginErrno: options.badLoginErrno ?? '20003',
	};
}

export function createState(): OpenVoxSandboxState {
	return {
		extensions: new Map(),
		tokens: new Map(),
		failedLogins: 0,
		lockedUntil: 0,
		logins: [],
		heartbeats: 0,
		logouts: 0,
		issued: 0,
		clockOffset: 0,
	};
}

/** Clears extensions, tokens, lockout, the logs and the clock. */
export function resetState(state: OpenVoxSandboxState): void {
	state.extensions.clear();
	state.tokens.clear();
	state.failedLogins = 0;
	state.lockedUntil = 0;
	state.logins.length = 0;
	state.heartbeats = 0;
	state.logouts = 0;
	state.clockOffset = 0;
}

/** The sandbox clock: the wall clock moved by `advance(ms)`. */
export const now = (state: OpenVoxSandboxState) => Date.now() + state.clockOffset;

const STATUSES = ['Registered', 'Unavailable', 'Idle', 'Registered', 'Busy'];

/** Builds a deterministic extension record shaped like the "Query Extension Settings" example. */
export function seedExtension(index: number, start = 1000): ExtensionRecord {
	const number = String(start + index);
	return {
		extnumber: number,
		username: `User ${number}`,
		type: 'pjsip',
		noanswerforward: 'off',
		busyforward: 'off',
		status: STATUSES[index % STATUSES.length],
		callerid: number,
		userpassword: `login${number}`,
		registerpassword: `Reg${number}pw`,
		email: `user${number}@example.com`,
		moblie: '',
		maxregistrations: '1',
		hasvoicemail: 'on',
		vmsecret: String(100000 + index),
		enablevmtoemail: 'off',
		language: 'en',
		allowbeingmonitored: 'off',
		// As the documented "Query Extension Settings" answer spells them (not the add field list).
		monitormode: 'disable',
		maxduration: '10800',
		ringtimeout: '30',
		dnd: 'off',
		agentid: '',
	};
}

/** Adds `count` deterministic extensions numbered from `start`. */
export function seed(state: OpenVoxSandboxState, count: number, start = 1000): void {
	for (let i = 0; i < count; i++) {
		const record = seedExtension(i, start);
	state.extensions.set(String(record.extnumber), record);
	}
}
