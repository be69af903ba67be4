/**
 * Pure XML mapping for sipXconfig: the Restlet REST `/rest/user` XML (XStream), its
 * `<response><code>` results, and the Axis SOAP envelopes of UserService / PhoneService.
 * No n8n imports, so unit tests call these directly.
 *
 * Everything is parsed and built with fast-xml-parser: user values are never concatenated
 * into XML, so `&`, `<`, quotes and non-ASCII text are escaped by the builder and decoded by
 * the parser.
 */
import { XMLBuilder, XMLParser, XMLValidator } from '../../shared/fastXmlParser';

export type Json = { [key: string]: unknown };

export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
/** Target namespace of sipxconfig.wsdl (unchanged since 2007). */
export const CONFIG_SERVICE_NS = 'http://www.sipfoundry.org/2007/08/21/ConfigService';

/** A REST user as the node emits it: ids as numbers (like the JSON variant), names as strings. */
export interface RestUser extends Json {
	id?: number;
	userName?: string;
	lastName?: string;
	firstName?: string;
	emailAddress?: string;
	groups: Array<{ id?: number; name?: string; description?: string }>;
	branch?: { id?: number; name?: string; description?: string };
	aliases: string[];
}

export interface RestPage {
	metadata: { totalResults: number; currentPage: number; totalPages: number; resultsPerPage: number };
	users: RestUser[];
}

export interface RestResult {
	code: string;
	message?: string;
	id?: string;
	additionalMessage?: string;
	data?: Json;
}

const LIST_PATHS = /(^|\.)(users\.user|groups\.group|aliases\.alias|branches\.branch)$/;

// Values stay strings (parseTagValue: false): user names and aliases are extension numbers,
// and "0200" must not become 200. Ids are converted explicitly below.
const restParser = new XMLParser({
	ignoreAttributes: true,
	parseTagValue: false,
	htmlEntities: true,
	isArray: (_name, jPath) => LIST_PATHS.test(jPath),
});

const builder = new XMLBuilder({
	ignoreAttributes: false,
	suppressEmptyNode: false,
	suppressBooleanAttributes: false,
	format: false,
});

export class XmlFormatError extends Error {}

function asObject(value: unknown): Json | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function asList(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	// `<groups/>` parses as '' and a container with one child as an object.
	if (value === undefined || value === null || value === '') return [];
	return [value];
}

function text(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'object') return undefined;
	return String(value);
}

function toId(value: unknown): number | undefined {
	const raw = text(value);
	if (raw === undefined || raw.trim() === '') return undefined;
	const n = Number(raw);
	return Number.isFinite(n) ? n : undefined;
}

function toInt(value: unknown): number {
	return toId(value) ?? 0;
}

/** Parses XML text, throwing XmlFormatError for a body that is not well-formed XML. */
export function parseXml(xml: string, parser: XMLParser = restParser): Json {
	const body = xml.trim();
	if (!body.startsWith('<')) throw new XmlFormatError('the response is not XML');
	const valid = XMLValidator.validate(body);
	if (valid !== true) throw new XmlFormatError(`the response is not well-formed XML (${valid.err.msg})`);
	return parser.parse(body) as Json;
}

function mapNamed(value: unknown): { id?: number; name?: string; description?: string } {
	const obj = asObject(value) ?? {};
	const out: { id?: number; name?: string; description?: string } = {};
	const id = toId(obj.id);
	if (id !== undefined) out.id = id;
	if (text(obj.name) !== undefined) out.name = text(obj.name);
	if (text(obj.description) !== undefined) out.description = text(obj.description);
	return out;
}

/** Maps one XStream `<user>` element (already parsed) to clean JSON. */
export function mapRestUser(element: unknown): RestUser {
	const obj = asObject(element) ?? {};
	const user: RestUser = { groups: [], aliases: [] };
	for (const [key, value] of Object.entries(obj)) {
		if (key === 'id') user.id = toId(value);
		else if (key === 'groups') user.groups = asList(asObject(value)?.group).map(mapNamed);
		else if (key === 'branch') user.branch = mapNamed(value);
		else if (key === 'aliases')
			user.aliases = asList(asObject(value)?.alias)
				.map((a) => text(asObject(a)?.alias ?? a))
				.filter((a): a is string => a !== undefined && a !== '');
		else if (typeof value !== 'object') user[key] = String(value);
		else user[key] = value;
	}
	return user;
}

/** Parses the list document `<user><metadata/><users><user>…</users></user>`. */
export function parseUserList(xml: string): RestPage {
	const root = asObject(parseXml(xml).user);
	if (!root || !('users' in root || 'metadata' in root)) {
		throw new XmlFormatError('expected a <user> document with <metadata> and <users>');
	}
	const meta = asObject(root.metadata) ?? {};
	const users = asList(asObject(root.users)?.user).map(mapRestUser);
	return {
		metadata: {
			totalResults: toInt(meta.totalResults),
			currentPage: toInt(meta.currentPage),
			totalPages: toInt(meta.totalPages),
			resultsPerPage: toInt(meta.resultsPerPage),
		},
		users,
	};
}

/** Parses `GET /rest/user/{id}`: a single `<user>` element. */
export function parseSingleUser(xml: string): RestUser {
	const root = parseXml(xml).user;
	if (!asObject(root)) throw new XmlFormatError('expected a <user> element');
	return mapRestUser(root);
}

/** Parses `<response><code>…</code><message>…</message><data>…</data></response>`, or undefined. */
export function parseRestResult(xml: string): RestResult | undefined {
	let doc: Json;
	try {
		doc = parseXml(xml);
	} catch {
		return undefined;
	}
	const response = asObject(doc.response);
	if (!response || text(response.code) === undefined) return undefined;
	const data = asObject(response.data);
	const result: RestResult = { code: String(response.code) };
	if (text(response.message) !== undefined) result.message = text(response.message);
	if (data) {
		result.data = data;
		if (text(data.id) !== undefined) result.id = text(data.id);
		const extra = text(data.additionalMessage) ?? text(data.string);
		if (extra !== undefined) result.additionalMessage = extra;
	}
	return result;
}

/** Lists of named records such as `/rest/branch` (`<branch><branches><branch>`) for dropdowns. */
export function parseNamedList(xml: string): Array<{ id: number; name: string; description?: string }> {
	const doc = parseXml(xml);
	const found: Array<{ id: number; name: string; description?: string }> = [];
	// The container names differ per resource (branches/branch, userGroups/userGroup …):
	// take every object two levels down that has an id and a name.
	for (const root of Object.values(doc)) {
		for (const [key, container] of Object.entries(asObject(root) ?? {})) {
			if (key === 'metadata') continue;
			for (const list of Object.values(asObject(container) ?? {})) {
				for (const entry of asList(list)) {
					const named = mapNamed(entry);
					if (named.id !== undefined && named.name !== undefined) {
						found.push({ id: named.id, name: named.name, description: named.description });
					}
				}
			}
		}
	}
	return found;
}

/** Fields of a REST user write body (PUT /rest/user and /rest/user/{id}). */
export interface UserWrite {
	userName: string;
	pin?: string;
	sipPassword?: string;
	lastName?: string;
	firstName?: string;
	emailAddress?: string;
	groupIds?: number[];
	branchId?: number;
	aliases?: string[];
}

/**
 * Builds the XStream body sipXconfig reads. Element order follows the server's own output
 * (superclass fields first). Absent groups/branch/aliases are omitted, which sipXconfig
 * treats as "clear" on update: callers doing an update pass the current values.
 */
export function buildUserXml(user: UserWrite): string {
	const body: Json = {
		userName: user.userName,
		// An empty pin or sipPassword is ignored by the server on update (keeps the current one).
		pin: user.pin ?? '',
		sipPassword: user.sipPassword ?? '',
	};
	if (user.lastName !== undefined) body.lastName = user.lastName;
	if (user.firstName !== undefined) body.firstName = user.firstName;
	if (user.emailAddress !== undefined) body.emailAddress = user.emailAddress;
	if (user.groupIds?.length) body.groups = { group: user.groupIds.map((id) => ({ id })) };
	if (user.branchId !== undefined) body.branch = { id: user.branchId };
	if (user.aliases?.length) body.aliases = { alias: user.aliases.map((alias) => ({ alias })) };
	return builder.build({ user: body }) as string;
}

// ---------------------------------------------------------------- SOAP

/** SOAP-side parser: namespace prefixes removed; repeated WSDL elements are always lists. */
const SOAP_LIST_CHILDREN = new Set(['aliases', 'groups', 'permissions', 'lines']);
const soapParser = new XMLParser({
	ignoreAttributes: true,
	parseTagValue: false,
	htmlEntities: true,
	removeNSPrefix: true,
	isArray: (name, jPath) => {
		// ArrayOfUsers/ArrayOfPhones items are <user> in sipxconfig.wsdl and <item> in the
		// older Axis-generated WSDL printed in the manual; accept both.
		if (/(^|\.)(users|phones)\.(user|item)$/.test(jPath)) return true;
		const parts = jPath.split('.');
		return parts.length >= 2 && ['user', 'item'].includes(parts[parts.length - 2]) && SOAP_LIST_CHILDREN.has(name);
	},
});

export interface SoapFault {
	faultcode: string;
	faultstring: string;
	detail?: string;
}

/** Builds a document/literal SOAP 1.1 envelope; `operation` is the wrapper element (e.g. FindUser). */
export function buildSoapEnvelope(operation: string, content: Json): string {
	return builder.build({
		'soapenv:Envelope': {
			'@_xmlns:soapenv': SOAP_ENV_NS,
			'@_xmlns:cs': CONFIG_SERVICE_NS,
			'soapenv:Body': {
				// The schema has no elementFormDefault: the wrapper is qualified, its children are not.
				[`cs:${operation}`]: content,
			},
		},
	}) as string;
}

function detailText(detail: unknown): string | undefined {
	if (detail === undefined || detail === null || detail === '') return undefined;
	if (typeof detail !== 'object') return String(detail);
	const values: string[] = [];
	const walk = (value: unknown) => {
		if (value === null || value === undefined) return;
		if (typeof value === 'object') Object.values(value as Json).forEach(walk);
		else if (String(value).trim()) values.push(String(value).trim());
	};
	walk(detail);
	return values.length ? values.join('; ') : undefined;
}

/** Parses a SOAP response: the Body's first element, or a fault. */
export function parseSoapResponse(xml: string): { fault?: SoapFault; body?: Json; operation?: string } {
	const doc = parseXml(xml, soapParser);
	const envelope = asObject(doc.Envelope);
	const body = asObject(envelope?.Body);
	if (!envelope || body === undefined) {
		if (envelope && envelope.Body === '') return { body: {} };
		throw new XmlFormatError('the response is not a SOAP envelope');
	}
	const fault = asObject(body.Fault);
	if (fault) {
		return {
			fault: {
				faultcode: text(fault.faultcode) ?? 'soapenv:Server',
				faultstring: text(fault.faultstring) ?? 'Unknown SOAP fault',
				detail: detailText(fault.detail),
			},
		};
	}
	const [operation] = Object.keys(body);
	return { operation, body: operation ? (asObject(body[operation]) ?? {}) : {} };
}

/** A SOAP `User` (FindUserResponse item), nil/empty elements left out. */
export function mapSoapUser(element: unknown): Json {
	const obj = asObject(element) ?? {};
	const user: Json = {};
	for (const [key, value] of Object.entries(obj)) {
		if (SOAP_LIST_CHILDREN.has(key)) {
			user[key] = asList(value)
				.map(text)
				.filter((v): v is string => v !== undefined && v !== '');
		} else if (typeof value !== 'object' && String(value) !== '') {
			user[key] = String(value);
		}
	}
	for (const key of ['aliases', 'groups', 'permissions']) user[key] = user[key] ?? [];
	return user;
}

/** Items of FindUserResponse/users or FindPhoneResponse/phones. */
export function soapItems(body: Json | undefined, container: 'users' | 'phones'): Json[] {
	const list = asObject(body?.[container]);
	return asList(list?.user ?? list?.item).map(mapSoapUser);
}

/** Faults and REST results as one line for error messages. */
export function describeXmlError(xml: string): string | undefined {
	const result = parseRestResult(xml);
	if (result) {
		const parts = [result.code, result.message].filter(Boolean).join(': ');
		return result.additionalMessage ? `${parts} (${result.additionalMessage})` : parts;
	}
	try {
		const { fault } = parseSoapResponse(xml);
		if (fault) return `SOAP fault ${fault.faultcode}: ${fault.faultstring}${fault.detail ? ` (${fault.detail})` : ''}`;
	} catch {
		return undefined;
	}
	return undefined;
}
