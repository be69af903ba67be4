/**
 * What queues and ring groups have in common: a DN whose calls ring a list of users. One set of
 * routes per entity (queues.ts, ringGroups.ts configure it): the collection with the OData
 * subset, by key and by Number (the alternate key), Pbx.GetFirstAvailable…Number(), create /
 * PATCH / DELETE with the PBX's validation, and the member lists (Agents and Managers of a queue,
 * Members of a ring group) as navigation properties and sub-collections.
 *
 * - Numbers: one numbering plan for users, queues and ring groups (store.ts numberInUse); a new
 *   queue or ring group without a Number gets the first free one from 800 up (UNCONFIRMED: the
 *   spec names the functions, not the plan).
 * - "Should not allow to change number" (3cx/xapi-tutorial src/queues.spec.ts and
 *   ring-groups.spec.ts): a PATCH with another Number is refused, the same Number accepted.
 * - A member list in a body replaces the whole list, like Members of a department (the harsher
 *   reading). Each row names a member by `Number`; a number that is not a user is refused
 *   (`Agents: WARNINGS.XAPI.NOT_FOUND`) unless it is already in the list: a row outlives its
 *   user (the issue reports leavers left listed), and writing it back unchanged is allowed.
 */
import type { SandboxRequest, SandboxResponse } from '../core';
import type { ThreeCxContext } from './context';
import { notFound, odataError, projection, validation } from './context';
import type { EntitySet, Schema } from './odata';
import { shape } from './odata';
import { ENUMS } from './schema';
import type { ThreeCxMember, ThreeCxState } from './store';
import { firstFreeNumber, numberInUse } from './store';

/** A queue or a ring group as the store keeps it. */
export interface CallGroupRecord {
	Id: number;
	Number: string;
	Name: string;
	[key: string]: unknown;
}

export interface CallGroupKind<R extends CallGroupRecord> {
	/** The entity set's name in paths, e.g. `Queues`. */
	collection: string;
	/** The function that answers the first free number, e.g. `Pbx.GetFirstAvailableQueueNumber()`. */
	firstAvailable: string;
	set: EntitySet;
	/** Member lists (navigation properties) and the entity set of each one's rows. */
	memberLists: Record<string, EntitySet>;
	records(state: ThreeCxState): R[];
	nextId(state: ThreeCxState): number;
	/** A new record with the PBX's defaults. */
	create(id: number, number: string, name: string): R;
}

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** A member row as the PBX lists it: the user's current name while the user exists. */
function memberRow(state: ThreeCxState, member: ThreeCxMember, schema: Schema): Record<string, unknown> {
	const user = [...state.users.values()].find((u) => u.Number === member.Number);
	const row: Record<string, unknown> = {
		Id: member.Id,
		Name: user ? (user.DisplayName ?? `${user.FirstName} ${user.LastName}`.trim()) : member.Name,
		Number: member.Number,
		Tags: [],
	};
	if ('SkillGroup' in schema) row.SkillGroup = member.SkillGroup ?? null;
	return row;
}

export function callGroupRoutes<R extends CallGroupRecord>({ server, state, api, collection }: ThreeCxContext, kind: CallGroupKind<R>): void {
	const context = `${server.baseUrl}/xapi/v1/$metadata#${kind.collection}/$entity`;
	const listNames = Object.keys(kind.memberLists);
	const row = (record: R) => {
		const out: Record<string, unknown> = { ...record };
		for (const name of listNames) out[name] = (record[name] as ThreeCxMember[]).map((m) => memberRow(state, m, kind.memberLists[name].schema));
		return out;
	};
	const byId = () => [...kind.records(state)].sort((a, b) => a.Id - b.Id);

	// A key is a number or, for GET only (the spec's alternate key), Number='…' with quotes doubled inside.
	const keyPattern = new RegExp(`^/xapi/v1/${kind.collection}\\((?<key>(?:[^'/()]|'(?:[^']|'')*')*)\\)$`);
	const idPattern = new RegExp(`^/xapi/v1/${kind.collection}\\((?<key>-?\\d+)\\)$`);
	const find = (key: string): R | SandboxResponse => {
		const byNumber = /^Number='((?:[^']|'')*)'$/.exec(key);
		if (byNumber) return kind.records(state).find((r) => r.Number === byNumber[1].replace(/''/g, "'")) ?? notFound('Number');
		if (/^Number=/.test(key)) return odataError(400, `The key value '${key}' is not valid: string literals need single quotes.`);
		if (!/^-?\d+$/.test(key)) return odataError(400, `The key value '${key}' is not a valid value for type 'Edm.Int32'.`);
		return kind.records(state).find((r) => r.Id === Number(key)) ?? notFound('Id');
	};
	const isFound = (value: R | SandboxResponse): value is R => 'Id' in value;

	/** A member list from a body: rows with a user's Number (or one already listed), no number twice. */
	function memberList(name: string, value: unknown, current: ThreeCxMember[]): ThreeCxMember[] | SandboxResponse {
		if (!Array.isArray(value)) return odataError(400, `Cannot convert the literal '${JSON.stringify(value)}' to the expected type for property '${name}'.`);
		const members: ThreeCxMember[] = [];
		for (const entry of value) {
			if (!isRecord(entry) || typeof entry.Number !== 'string' || entry.Number.trim() === '') return validation(name, 'WARNINGS.XAPI.REQUIRED');
			const known = kind.memberLists[name].schema;
			const unknown = Object.keys(entry).find((key) => !(key in known));
			if (unknown) return odataError(400, `The property '${unknown}' does not exist on type 'Pbx.${kind.memberLists[name].entity}'. Make sure to only use property names that are defined by the type.`);
			if (members.some((m) => m.Number === entry.Number)) return validation(name, 'WARNINGS.XAPI.DUPLICATE');
			const user = [...state.users.values()].find((u) => u.Number === entry.Number);
			const listed = current.find((m) => m.Number === entry.Number);
			if (!user && !listed) return validation(name, 'WARNINGS.XAPI.NOT_FOUND');
			const member: ThreeCxMember = user
				? { Id: user.Id, Number: user.Number, Name: user.DisplayName ?? `${user.FirstName} ${user.LastName}`.trim() }
				: { ...listed! };
			if ('SkillGroup' in known) member.SkillGroup = typeof entry.SkillGroup === 'string' ? entry.SkillGroup : (listed?.SkillGroup ?? null);
			members.push(member);
		}
		return members;
	}

	/** Checks a body and returns what it sets: scalar properties and member lists. */
	function changes(body: unknown, self?: R): { properties: Record<string, unknown>; lists: Record<string, ThreeCxMember[]> } | SandboxResponse {
		if (!isRecord(body)) return odataError(400, `The request body is not a valid Pbx.${kind.set.entity}.`);
		const properties: Record<string, unknown> = {};
		const lists: Record<string, ThreeCxMember[]> = {};
		for (const [key, value] of Object.entries(body)) {
			if (key.startsWith('@odata.')) continue;
			const type = kind.set.schema[key];
			if (!type) return odataError(400, `The property '${key}' does not exist on type 'Pbx.${kind.set.entity}'. Make sure to only use property names that are defined by the type.`);
			if (listNames.includes(key)) {
				const list = memberList(key, value, (self?.[key] as ThreeCxMember[] | undefined) ?? []);
				if (!Array.isArray(list)) return list;
				lists[key] = list;
				continue;
			}
			if (value !== null) {
				const wrongType = (type === 'string' && typeof value !== 'string') || (type === 'boolean' && typeof value !== 'boolean') || (type === 'number' && !Number.isInteger(value)) || (type === 'object' && !isRecord(value));
				if (wrongType) return odataError(400, `Cannot convert the literal '${JSON.stringify(value)}' to the expected type for property '${key}'.`);
				if (ENUMS[key] && !ENUMS[key].includes(value as string)) return odataError(400, `The value '${String(value)}' is not valid for property '${key}'.`);
			}
			properties[key] = value;
		}
		return { properties, lists };
	}

	api('GET', `/${kind.collection}/${kind.firstAvailable}`, () => ({
		status: 200,
		body: { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#Pbx.FirstAvailableNumber`, Number: firstFreeNumber(state, 800) },
	}));

	api('GET', `/${kind.collection}`, (req) => collection(kind.set, byId().map(row), req, kind.collection));

	for (const [name, set] of Object.entries(kind.memberLists)) {
		api('GET', new RegExp(`^/xapi/v1/${kind.collection}\\((?<key>[^/()]*)\\)/${name}$`), (req) => {
			const found = find(req.params.key);
			if (!isFound(found)) return found;
			return collection(set, row(found)[name] as Array<Record<string, unknown>>, req, `${kind.collection}(${found.Id})/${name}`);
		});
	}

	api('GET', keyPattern, (req) => {
		const found = find(req.params.key);
		if (!isFound(found)) return found;
		const { select, expand } = projection(kind.set, req);
		return { status: 200, body: { '@odata.context': context, ...shape(kind.set, row(found), select, expand) } };
	});

	api('POST', `/${kind.collection}`, (req: SandboxRequest) => {
		const checked = changes(req.body);
		if (!('properties' in checked)) return checked;
		const { properties, lists } = checked;
		let number = typeof properties.Number === 'string' ? properties.Number.trim() : '';
		if (number !== '' && !/^\d+$/.test(number)) return validation('Number', 'WARNINGS.XAPI.INVALID');
		if (number !== '' && numberInUse(state, number)) return validation('Number', 'WARNINGS.XAPI.ALREADY_IN_USE');
		if (number === '') number = firstFreeNumber(state, 800);
		const name = typeof properties.Name === 'string' ? properties.Name.trim() : '';
		const record = kind.create(kind.nextId(state), number, name);
		Object.assign(record, properties, lists, { Id: record.Id, Number: number, Name: name });
		kind.records(state).push(record);
		return { status: 201, body: { '@odata.context': context, ...shape(kind.set, row(record), [], []) } };
	});

	api('PATCH', idPattern, (req) => {
		const found = find(req.params.key);
		if (!isFound(found)) return found;
		const body = (req.body ?? {}) as Record<string, unknown>;
		// The key and the number never change ("Should not allow to change number").
		const changedKey = (['Id', 'Number'] as const).find((key) => key in body && body[key] !== found[key]);
		if (changedKey) return validation(changedKey, 'WARNINGS.XAPI.FORBIDDEN_CHANGE');
		const checked = changes(body, found);
		if (!('properties' in checked)) return checked;
		Object.assign(found, checked.properties, checked.lists);
		if (typeof checked.properties.Name === 'string') found.Name = checked.properties.Name.trim();
		return { status: 204 };
	});

	api('DELETE', idPattern, (req) => {
		const found = find(req.params.key);
		if (!isFound(found)) return found;
		const records = kind.records(state);
		records.splice(records.indexOf(found), 1);
		return { status: 204 };
	});
}
