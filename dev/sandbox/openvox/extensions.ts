/**
 * The five extension endpoints: extensionlist/query (the list's five fields), extension/query
 * (the documented settings of some or all), extension/add, extension/update (renumbering with
 * `extnumber`) and extension/delete, with the settings checked the way the PBX's own forms do.
 */
import type { OpenVoxContext } from './protocol';
import { answer, failed } from './protocol';
import type { ExtensionRecord } from './store';
import { seedExtension } from './store';

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

const LIST_FIELDS = ['extnumber', 'status', 'type', 'username', 'agentid'];

export function extensionRoutes({ state, endpoint }: OpenVoxContext): void {
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
}
