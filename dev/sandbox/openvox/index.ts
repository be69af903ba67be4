/**
 * A loopback OpenVox UC-series PBX API (`/api/v0.0.1/`), as documented on help.openvox.cn
 * (see the OpenVox section of the README): every call is a POST answered with HTTP 200 and a body status of
 * "Success" or "Failed" + errno (Yeastar S-Series v1.1.0 codes, which OpenVox copies).
 * - login: username + MD5 hex of the password + port; 5 failures lock the client out for
 *   `lockoutMs` (10 minutes by default); token lives `tokenIdleMs` (30 minutes) of inactivity;
 * - heartbeat and logout; the five extension endpoints; JSON (`type=json`) and XML
 *   (`type=xml`, `<xml>` root, `<item id="N">` lists) variants;
 * - a virtual clock (`advance(ms)`) so expiry and lockout are tested without waiting;
 * - the core's request log and fault injection.
 */
import { createHash } from 'crypto';
import { XMLParser } from 'fast-xml-parser';

import type { SandboxOptions, SandboxRequest, SandboxResponse } from '../core';
import { SandboxServer } from '../core';

export const API_PREFIX = '/api/v0.0.1';

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
}

const STATUSES = ['Registered', 'Unavailable', 'Idle', 'Registered', 'Busy'];
const SWITCHES = new Set([
	'hasvoicemail',
	'enablevmtoemail',
	'noanswerforward',
	'busyforward',
	'enablemobile',
	'ringsimultaneous',
	'allowbeingmonitored',
	'dnd',
]);
/**
 * The values add/update accept: the union of what OpenVox documents. The "Add an Extension" field
 * list names `Disabled` and the durations up to 6000, its own request example sends `Disable`, and
 * the "Query Extension Settings" answer shows `disable` and `10800`; a real PBX takes its own
 * example and its own answer back, so the sandbox takes all of them and stores the value as sent.
 * Where the documents disagree on case (monitormode) the comparison ignores case.
 */
const ENUMS: Record<string, string[]> = {
	ntransferto: ['Voicemail', 'Extension', 'Mobile Number', 'Custom Number'],
	btransferto: ['Voicemail', 'Extension', 'Mobile Number', 'Custom Number'],
	monitormode: ['Disabled', 'Disable', 'Extensive', 'Listen', 'Whisper', 'Barge-in'],
	ringtimeout: ['15', '30', '60', '120', '300'],
	maxduration: ['Follow System', 'Unlimited', '60', '300', '600', '900', '1800', '3600', '6000', '10800'],
};
const CASE_INSENSITIVE = new Set(['monitormode']);
const inEnum = (field: string, value: string) =>
	CASE_INSENSITIVE.has(field) ? ENUMS[field].some((allowed) => allowed.toLowerCase() === value.toLowerCase()) : ENUMS[field].includes(value);
/** The keys "Query Extension Settings" documents (example answer and parameter table); nothing else is answered. */
const QUERY_FIELDS = new Set([
	'extnumber', 'username', 'type', 'noanswerforward', 'busyforward', 'status', 'callerid', 'userpassword',
	'registerpassword', 'email', 'moblie', 'maxregistrations', 'hasvoicemail', 'vmsecret', 'enablevmtoemail',
	'language', 'allowbeingmonitored', 'monitormode', 'maxduration', 'dnd', 'port', 'loginpassword',
	'alwaysforward', 'atransferto', 'atransferext', 'atransferprefix', 'atransfernum', 'ntransferto',
	'ntransferext', 'ntransferprefix', 'ntransfernum', 'btransferto', 'btransferext', 'btransferprefix',
	'btransfernum', 'enablemobile', 'ringsimultaneous', 'mobileprefix', 'ringtimeout',
]);
/** Settings fields add/update accept; anything else is refused with 10017 (as a strict PBX would). */
const SETTINGS = new Set([
	'username',
	'callerid',
	'registerpassword',
	'maxregistrations',
	'loginpassword',
	'email',
	'mobile',
	...SWITCHES,
	'vmsecret',
	'ntransferto',
	'ntransferext',
	'ntransferprefix',
	'ntransfernum',
	'btransferto',
	'btransferext',
	'btransferprefix',
	'btransfernum',
	'mobileprefix',
	'monitormode',
	'ringtimeout',
	'maxduration',
]);

export const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

const xmlParser = new XMLParser({ parseTagValue: false, ignoreDeclaration: true, trimValues: true });

function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The documented XML answer shape: `<xml>` root, lists as `<item id="N">`. */
export function toXml(body: Record<string, unknown>): string {
	const render = (value: unknown): string => {
		if (Array.isArray(value)) return value.map((entry, id) => `<item id="${id}">${render(entry)}</item>`).join('');
		if (value !== null && typeof value === 'object') {
			return Object.entries(value as Record<string, unknown>)
				.map(([key, entry]) => `<${key}>${render(entry)}</${key}>`)
				.join('');
		}
		return escapeXml(value === undefined || value === null ? '' : String(value));
	};
	return `<?xml version="1.0" encoding="utf-8"?>\n<xml>${render(body)}</xml>`;
}

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

const LIST_FIELDS = ['extnumber', 'status', 'type', 'username', 'agentid'];

export function createOpenVoxSandbox(options: OpenVoxSandboxOptions = {}) {
	const config = {
		username: options.username ?? 'api',
		password: options.password ?? 'openvox-pass',
		lockoutAfter: options.lockoutAfter ?? 5,
		lockoutMs: options.lockoutMs ?? 10 * 60_000,
		tokenIdleMs: options.tokenIdleMs ?? 30 * 60_000,
		badLoginErrno: options.badLoginErrno ?? '20003',
	};
	const server = new SandboxServer('openvox', { tls: options.tls });
	const state: OpenVoxSandboxState = {
		extensions: new Map(),
		tokens: new Map(),
		failedLogins: 0,
		lockedUntil: 0,
		logins: [],
		heartbeats: 0,
		logouts: 0,
		issued: 0,
	};
	let offset = 0;
	const now = () => Date.now() + offset;

	const formatOf = (req: SandboxRequest) => (req.query.type === 'xml' ? 'xml' : 'json');
	const answer = (req: SandboxRequest, body: Record<string, unknown>): SandboxResponse => {
		const headers = {
			'Access-control-allow-origin': '*',
			'Access-control-allow-methods': 'GET, POST, OPTIONS, PUT, DELETE',
		};
		return formatOf(req) === 'xml'
			? { status: 200, headers: { ...headers, 'Content-Type': 'text/xml; charset=utf-8' }, body: toXml(body) }
			: { status: 200, headers: { ...headers, 'Content-Type': 'application/json' }, body };
	};
	const failed = (req: SandboxRequest, errno: string) => answer(req, { status: 'Failed', errno });

	/** Reads a JSON or XML body (doc examples sometimes send XML with a JSON content type). */
	const readBody = (req: SandboxRequest): Record<string, unknown> | undefined => {
		const text = req.text.trim();
		if (text === '') return {};
		if (text.startsWith('<')) {
			try {
				const parsed = xmlParser.parse(text) as { xml?: Record<string, unknown> | string };
				if (parsed.xml === undefined) return undefined;
				return parsed.xml === '' ? {} : (parsed.xml as Record<string, unknown>);
			} catch {
				return undefined;
			}
		}
		try {
			const parsed = JSON.parse(text) as unknown;
			return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
		} catch {
			return undefined;
		}
	};

	/** Checks ?token=; refreshes its idle timer. Returns an errno on failure. */
	const checkToken = (req: SandboxRequest): string | undefined => {
		const token = req.query.token;
		if (!token) return '20005';
		const entry = state.tokens.get(token);
		if (!entry) return '20004';
		if (now() - entry.lastUsed > config.tokenIdleMs) {
			state.tokens.delete(token);
			return '20006';
		}
		entry.lastUsed = now();
		return undefined;
	};

	type Endpoint = (req: SandboxRequest, body: Record<string, unknown>) => SandboxResponse;
	const endpoint = (name: string, handler: Endpoint, needsToken = true) => {
		server.route('*', `${API_PREFIX}/${name}`, (req) => {
			if (req.method !== 'POST') return failed(req, '20001');
			const body = readBody(req);
			if (body === undefined) return failed(req, formatOf(req) === 'xml' ? '10002' : '30001');
			if (needsToken) {
				const errno = checkToken(req);
				if (errno) return failed(req, errno);
			}
			return handler(req, body);
		});
	};

	endpoint(
		'login',
		(req, body) => {
			const username = String(body.username ?? '');
			const record = (ok: boolean, errno?: string) => state.logins.push({ username, ok, errno, format: formatOf(req) });
			if (now() < state.lockedUntil) {
				record(false, '20002');
				return failed(req, '20002');
			}
			if (!body.username || !body.password) {
				record(false, '10004');
				return failed(req, '10004');
			}
			if (!body.port || !/^\d+$/.test(String(body.port))) {
				record(false, '20008');
				return failed(req, '20008');
			}
			if (username !== config.username || String(body.password) !== md5(config.password)) {
				state.failedLogins++;
				if (state.failedLogins >= config.lockoutAfter) {
					state.lockedUntil = now() + config.lockoutMs;
					state.failedLogins = 0;
				}
				record(false, config.badLoginErrno);
				return failed(req, config.badLoginErrno);
			}
			state.failedLogins = 0;
			const token = md5(`token-${++state.issued}-${now()}`);
			state.tokens.set(token, { lastUsed: now(), username });
			record(true);
			return answer(req, { status: 'Success', token });
		},
		false,
	);

	endpoint('heartbeat', (req) => {
		state.heartbeats++;
		return answer(req, { status: 'Success' });
	});

	endpoint('logout', (req) => {
		state.tokens.delete(req.query.token);
		state.logouts++;
		return answer(req, { status: 'Success' });
	});

	endpoint('extensionlist/query', (req) => {
		const extlist = [...state.extensions.values()].map((record) => {
			const entry: Record<string, unknown> = {};
			for (const field of LIST_FIELDS) entry[field] = record[field] ?? '';
			return entry;
		});
		return answer(req, { status: 'Success', extlist });
	});

	const numbersOf = (value: unknown): string[] =>
		String(value ?? '')
			.split(',')
			.map((n) => n.trim())
			.filter((n) => n !== '');

	const settingsOf = (record: ExtensionRecord) => Object.fromEntries(Object.entries(record).filter(([key]) => QUERY_FIELDS.has(key)));

	endpoint('extension/query', (req, body) => {
		if (body.extid === undefined || body.extid === '') {
			return answer(req, { status: 'Success', extinfos: [...state.extensions.values()].map(settingsOf) });
		}
		const numbers = numbersOf(body.extid);
		if (numbers.some((n) => !state.extensions.has(n))) return failed(req, '10006');
		return answer(req, { status: 'Success', extinfos: numbers.map((n) => settingsOf(state.extensions.get(n)!)) });
	});

	/** Checks settings the way the PBX's own forms do; returns an errno or the cleaned fields. */
	const applySettings = (record: ExtensionRecord, body: Record<string, unknown>): string | undefined => {
		for (const [field, raw] of Object.entries(body)) {
			if (field === 'number' || field === 'extid' || field === 'extnumber') continue;
			if (!SETTINGS.has(field)) return '10017';
			const value = String(raw ?? '');
			if (SWITCHES.has(field) && value !== 'on' && value !== 'off') return '10017';
			if (ENUMS[field] && !inEnum(field, value)) return '10017';
			if (field === 'registerpassword' && (value === '' || value.length > 31 || /[;&"'\\<>`| ]/.test(value))) return '10017';
			if (field === 'maxregistrations' && !/^\d+$/.test(value)) return '10017';
			if (field === 'btransferprefix' && !/^\d{0,7}$/.test(value)) return '10017';
			if (field === 'btransfernum' && !/^\d{0,15}$/.test(value)) return '10017';
		}
		for (const [field, raw] of Object.entries(body)) {
			if (field === 'number' || field === 'extid' || field === 'extnumber') continue;
			const value = String(raw ?? '');
			// The settings answer names these differently from the add/update parameters.
			if (field === 'loginpassword') record.userpassword = value;
			else if (field === 'mobile') record.moblie = value;
			else record[field] = value;
		}
		return undefined;
	};

	endpoint('extension/add', (req, body) => {
		const number = String(body.number ?? '').trim();
		if (!number) return failed(req, '10004');
		if (!/^\d+$/.test(number) || state.extensions.has(number)) return failed(req, '10017');
		if (!body.registerpassword) return failed(req, '10004');
		const record: ExtensionRecord = {
			...seedExtension(0),
			extnumber: number,
			username: number,
			callerid: number,
			status: 'Unavailable',
			userpassword: '',
			email: '',
			hasvoicemail: 'off',
			vmsecret: '',
		};
		const errno = applySettings(record, body);
		if (errno) return failed(req, errno);
		state.extensions.set(number, record);
		return answer(req, { status: 'Success' });
	});

	endpoint('extension/update', (req, body) => {
		const extid = String(body.extid ?? '').trim();
		if (!extid) return failed(req, '10004');
		const existing = state.extensions.get(extid);
		if (!existing) return failed(req, '10006');
		const record = { ...existing };
		const renumber = body.extnumber !== undefined && String(body.extnumber) !== '' ? String(body.extnumber) : undefined;
		if (renumber !== undefined && (!/^\d+$/.test(renumber) || (renumber !== extid && state.extensions.has(renumber)))) {
			return failed(req, '10017');
		}
		const errno = applySettings(record, body);
		if (errno) return failed(req, errno);
		if (renumber !== undefined) {
			state.extensions.delete(extid);
			record.extnumber = renumber;
		}
		state.extensions.set(String(record.extnumber), record);
		return answer(req, { status: 'Success' });
	});

	endpoint('extension/delete', (req, body) => {
		const numbers = numbersOf(body.number);
		if (!numbers.length) return failed(req, '10004');
		if (numbers.some((n) => !state.extensions.has(n))) return failed(req, '10006');
		for (const n of numbers) state.extensions.delete(n);
		return answer(req, { status: 'Success' });
	});

	server.notFound((req) => failed(req, '10003'));

	const seed = (count: number, start = 1000) => {
		for (let i = 0; i < count; i++) {
			const record = seedExtension(i, start);
			state.extensions.set(String(record.extnumber), record);
		}
	};
	if (options.seed) seed(options.seed);

	return {
		server,
		state,
		config,
		seed,
		/** Moves the sandbox clock forward (token idle expiry, lockout end). */
		advance: (ms: number) => {
			offset += ms;
		},
		/** Ends every token now: 'timeout' answers 20006 next time, 'erase' 20004. */
		expireTokens: (how: 'timeout' | 'erase' = 'timeout') => {
			if (how === 'erase') state.tokens.clear();
			else for (const entry of state.tokens.values()) entry.lastUsed = -Infinity;
		},
		/** Clears extensions, tokens, lockout and the logs. */
		reset: () => {
			state.extensions.clear();
			state.tokens.clear();
			state.failedLogins = 0;
			state.lockedUntil = 0;
			state.logins.length = 0;
			state.heartbeats = 0;
			state.logouts = 0;
			offset = 0;
			server.clearFaults();
			server.clearLog();
		},
		/** The values a user types into the OpenVox API credential for this sandbox. */
		credentials: (overrides: Record<string, unknown> = {}) => ({
			url: server.baseUrl,
			username: config.username,
			password: config.password,
			reportPort: '8260',
			apiFormat: 'json',
			ignoreSSLIssues: false,
			token: '',
			...overrides,
		}),
	};
}

export type OpenVoxSandbox = ReturnType<typeof createOpenVoxSandbox>;
