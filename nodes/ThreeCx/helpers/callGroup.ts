import type { IDataObject, IExecuteFunctions, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../shared/errors';
import { readLimit } from '../../shared/properties';
import type { ItemResult } from '../../shared/router';
import { deleteRecord, listRecords, request } from '../transport';
import { odataQuery, odataString, withoutODataAnnotations } from '../transport/odata';
import { otherPropertiesJson } from './json';
import { beforeEntityWrite } from './unchanged';

/*
 * Queues and ring groups: both are DNs of the PBX whose calls ring a list of users (a queue's
 * Agents, a ring group's Members), with the same operations on the same kind of paths. One
 * CallGroupKind says which; every operation here takes it.
 */

export interface CallGroupKind {
	/** The node's resource value and the name of its picker parameter. */
	resource: 'queue' | 'ringGroup';
	/** In messages: "queue", "ring group". */
	label: string;
	/** In parameter names: "Queue", "Ring Group". */
	title: string;
	/** The entity set below /xapi/v1. */
	collection: '/Queues' | '/RingGroups';
	/** The function that answers the first free number (Pbx.FirstAvailableNumber). */
	firstAvailable: string;
	/** The navigation property that lists the users the calls ring. */
	members: 'Agents' | 'Members';
	/** In messages and output: "agent", "member". */
	memberLabel: string;
	/** In operation names: Add Agent, Remove Member. */
	memberTitle: 'Agent' | 'Member';
	/** The list search of the picker (methods/listSearch.ts). */
	searchMethod: string;
}

export const QUEUE: CallGroupKind = {
	resource: 'queue',
	label: 'queue',
	title: 'Queue',
	collection: '/Queues',
	firstAvailable: '/Queues/Pbx.GetFirstAvailableQueueNumber()',
	members: 'Agents',
	memberLabel: 'agent',
	memberTitle: 'Agent',
	searchMethod: 'searchQueues',
};

export const RING_GROUP: CallGroupKind = {
	resource: 'ringGroup',
	label: 'ring group',
	title: 'Ring Group',
	collection: '/RingGroups',
	firstAvailable: '/RingGroups/Pbx.GetFirstAvailableRingGroupNumber()',
	members: 'Members',
	memberLabel: 'member',
	memberTitle: 'Member',
	searchMethod: 'searchRingGroups',
};

export type CallGroupKey = { id: number } | { number: string };

/** `/Queues(5)`, or by the alternate key (GET only in the spec) `/Queues(Number='800')`. */
export function callGroupPath(kind: CallGroupKind, key: CallGroupKey): string {
	if ('id' in key) return `${kind.collection}(${key.id})`;
	return `${kind.collection}(Number=${encodeURIComponent(odataString(key.number))})`;
}

/** The key the picker gives, checked before any request: an ID (list, By ID) or a number. */
export function callGroupKey(ctx: IExecuteFunctions, kind: CallGroupKind, itemIndex: number): CallGroupKey {
	const raw = ctx.getNodeParameter(kind.resource, itemIndex) as unknown;
	// An expression on the whole parameter may give a plain value: treat it as an ID.
	const locator = (raw !== null && typeof raw === 'object' ? raw : { mode: 'id', value: raw }) as INodeParameterResourceLocator;
	const text = typeof locator.value === 'number' ? String(locator.value) : String(locator.value ?? '').trim();
	if (locator.mode === 'number') {
		if (text === '') throw new NodeOperationError(ctx.getNode(), `"${kind.title}" (By Number) is empty in item ${itemIndex}`, { itemIndex });
		return { number: text };
	}
	if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 2147483647) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"${kind.title}" must be a 3CX ${kind.label} ID (a positive whole number) in item ${itemIndex}, got ${JSON.stringify(locator.value ?? '')}`,
			{ itemIndex, description: `Pick the ${kind.label} from the list, or switch the parameter to "By Number" to give its number.` },
		);
	}
	return { id: Number(text) };
}

/** Gives a 404 of this kind's paths a hint about the queue or ring group, not about users. */
export async function callGroupRequest<T>(ctx: IExecuteFunctions, kind: CallGroupKind, itemIndex: number, send: () => Promise<T>): Promise<T> {
	try {
		return await send();
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '404') {
			error.description = `The PBX has no such ${kind.label}: check its ID or number, or pick it from the list.`;
		}
		throw asNodeError(ctx.getNode(), error);
	}
}

/** One queue or ring group as the PBX answers it (GET by ID, or by number in one request). */
export async function readCallGroup(ctx: IExecuteFunctions, kind: CallGroupKind, key: CallGroupKey, itemIndex: number, qs?: IDataObject): Promise<IDataObject> {
	return await callGroupRequest(ctx, kind, itemIndex, async () => await request(ctx, { path: callGroupPath(kind, key), qs }, itemIndex));
}

/** The ID and number of the picked queue or ring group; by number the ID is looked up (PATCH and DELETE take only the ID). */
export async function resolveCallGroup(ctx: IExecuteFunctions, kind: CallGroupKind, itemIndex: number): Promise<{ id: number; number?: string }> {
	const key = callGroupKey(ctx, kind, itemIndex);
	if ('id' in key) return key;
	const found = await readCallGroup(ctx, kind, key, itemIndex, { $select: 'Id,Number' });
	const id = Number(found.Id);
	if (!Number.isInteger(id) || id < 1) {
		throw new NodeOperationError(ctx.getNode(), `The PBX answered the lookup of ${kind.label} ${key.number} without an ID`, { itemIndex });
	}
	return { id, number: key.number };
}

/** A queue or ring group as the node outputs it: without OData annotations. */
export const shapeCallGroup = (record: IDataObject): IDataObject => withoutODataAnnotations(record);

/**
 * A Pbx.Queue or Pbx.RingGroup body from the form fields and "Other Properties (JSON)". The
 * member list is refused here: a PATCH of it replaces the whole list, which Add Member and Remove
 * Member do safely.
 */
export function callGroupBody(ctx: IExecuteFunctions, kind: CallGroupKind, fields: IDataObject, itemIndex: number, parameter: string): IDataObject {
	const extra = otherPropertiesJson(ctx, fields, itemIndex, parameter);
	const lists = ['Agents', 'Managers', 'Members'].filter((name) => name in extra);
	if (lists.length) {
		throw new NodeOperationError(ctx.getNode(), `"${lists[0]}" cannot be set in "Other Properties (JSON)" (item ${itemIndex})`, {
			itemIndex,
			description: `Use ${kind.title} → Add ${kind.memberTitle} and Remove ${kind.memberTitle}: they change one ${kind.memberLabel} and keep the others, also while someone else changes the list.`,
		});
	}
	const body: IDataObject = { ...extra };
	for (const [key, value] of Object.entries(fields)) {
		if (key === 'additionalJson' || (typeof value === 'string' && value.trim() === '')) continue;
		body[key] = value;
	}
	return body;
}

/** GET {collection}/Pbx.GetFirstAvailable…Number(): the first number no DN has (not reserved). */
async function firstAvailableNumber(ctx: IExecuteFunctions, kind: CallGroupKind, itemIndex: number): Promise<string> {
	const answer = await request(ctx, { path: kind.firstAvailable }, itemIndex);
	const number = typeof answer.Number === 'string' ? answer.Number.trim() : '';
	if (number === '') {
		throw new NodeOperationError(ctx.getNode(), `The PBX did not return a free number for a ${kind.label}`, {
			itemIndex,
			description: 'The numbering plan may be full. Give the number yourself.',
		});
	}
	return number;
}

/** Get Many: the collection, paged under the $top cap on your order plus Id (transport listRecords). */
export async function getManyCallGroups(ctx: IExecuteFunctions, kind: CallGroupKind, itemIndex: number): Promise<ItemResult> {
	const limit = readLimit(ctx, itemIndex);
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const orderBy = typeof options.orderby === 'string' ? options.orderby : undefined;
	const result = await listRecords(ctx, { collection: kind.collection, query: odataQuery(options), orderBy, limit: Number.isFinite(limit) ? limit : undefined }, itemIndex);
	const count = options.count === true ? result.total : undefined;
	return result.records.map((record) => (count === undefined ? shapeCallGroup(record) : { ...shapeCallGroup(record), '@odata.count': count }));
}

/** Get: by ID or by number, one request, with $select and $expand (e.g. the member list). */
export async function getCallGroup(ctx: IExecuteFunctions, kind: CallGroupKind, itemIndex: number): Promise<ItemResult> {
	const key = callGroupKey(ctx, kind, itemIndex);
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return shapeCallGroup(await readCallGroup(ctx, kind, key, itemIndex, odataQuery({ select: options.select, expand: options.expand })));
}

/**
 * Create: POST {collection} (201 with the record). The number is given, or asked from the PBX
 * first (not reserved: if another client takes it in between, the PBX refuses the POST with
 * Number: ALREADY_IN_USE, and the POST is not repeated).
 */
export async function createCallGroup(ctx: IExecuteFunctions, kind: CallGroupKind, itemIndex: number): Promise<ItemResult> {
	const name = String(ctx.getNodeParameter('Name', itemIndex, '') ?? '').trim();
	if (name === '') throw new NodeOperationError(ctx.getNode(), `"Name" is empty in item ${itemIndex}`, { itemIndex });
	const fields = ctx.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = callGroupBody(ctx, kind, fields, itemIndex, 'Additional Fields');
	const source = ctx.getNodeParameter('numberSource', itemIndex) as 'specific' | 'nextFree';
	let number: string;
	if (source === 'specific') {
		number = String(ctx.getNodeParameter('Number', itemIndex, '') ?? '').trim();
		if (!/^\d+$/.test(number)) {
			throw new NodeOperationError(
				ctx.getNode(),
				number === '' ? `"${kind.title} Number" is empty in item ${itemIndex}` : `"${kind.title} Number" must be digits only in item ${itemIndex}, got ${JSON.stringify(number)}`,
				{ itemIndex, description: `Give the number (check the expression), or set "${kind.title} Number From" to "Next Free Number" to let the PBX choose.` },
			);
		}
	} else {
		number = await firstAvailableNumber(ctx, kind, itemIndex);
	}
	return shapeCallGroup(await request(ctx, { method: 'POST', path: kind.collection, body: { ...body, Name: name, Number: number } }, itemIndex));
}

/**
 * Update: PATCH {collection}({Id}) with the fields set (204), then GET for the output. The number
 * cannot change after creation: a different Number in the JSON is refused before anything is
 * sent (the PBX would refuse it too: Number: FORBIDDEN_CHANGE); the same Number is dropped.
 */
export async function updateCallGroup(ctx: IExecuteFunctions, kind: CallGroupKind, itemIndex: number): Promise<ItemResult> {
	const fields = ctx.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = callGroupBody(ctx, kind, fields, itemIndex, 'Update Fields');
	const nothing = () =>
		new NodeOperationError(ctx.getNode(), `Nothing to update in item ${itemIndex}: add at least one field under "Update Fields"`, { itemIndex });
	if (Object.keys(body).length === 0) throw nothing();
	const { id } = await resolveCallGroup(ctx, kind, itemIndex);
	if ('Number' in body) {
		const current = await readCallGroup(ctx, kind, { id }, itemIndex, { $select: 'Id,Number' });
		if (String(body.Number) !== String(current.Number)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The number of a 3CX ${kind.label} cannot change after creation (${kind.label} ${id} is ${String(current.Number)})`,
				{ itemIndex, description: `Remove "Number" from "Other Properties (JSON)". For another number, create a new ${kind.label} and delete this one.` },
			);
		}
		delete body.Number;
		if (Object.keys(body).length === 0) throw nothing();
	}
	await beforeEntityWrite(ctx, itemIndex, { path: callGroupPath(kind, { id }), label: kind.label });
	await callGroupRequest(ctx, kind, itemIndex, async () => await request(ctx, { method: 'PATCH', path: callGroupPath(kind, { id }), body }, itemIndex));
	return shapeCallGroup(await readCallGroup(ctx, kind, { id }, itemIndex));
}

/** Delete: DELETE {collection}({Id}) (204); a lost answer whose retry gets 404 is reported as deleted. */
export async function deleteCallGroup(ctx: IExecuteFunctions, kind: CallGroupKind, itemIndex: number): Promise<ItemResult> {
	const group = await resolveCallGroup(ctx, kind, itemIndex);
	await beforeEntityWrite(ctx, itemIndex, { path: callGroupPath(kind, { id: group.id }), label: kind.label });
	const { confirmedBy } = await callGroupRequest(ctx, kind, itemIndex, async () => await deleteRecord(ctx, { path: callGroupPath(kind, { id: group.id }) }, itemIndex));
	const deleted: IDataObject = group.number === undefined ? { id: group.id, deleted: true } : { id: group.id, number: group.number, deleted: true };
	return confirmedBy ? { ...deleted, confirmedBy } : deleted;
}

/** Get Agents / Get Members: {collection}({Id})/Agents or /Members, paged, ordered by Number then Id. */
export async function getCallGroupMembers(ctx: IExecuteFunctions, kind: CallGroupKind, itemIndex: number): Promise<ItemResult> {
	const { id } = await resolveCallGroup(ctx, kind, itemIndex);
	const limit = readLimit(ctx, itemIndex);
	const collection = `${callGroupPath(kind, { id })}/${kind.members}`;
	const { records } = await callGroupRequest(ctx, kind, itemIndex, async () =>
		await listRecords(ctx, { collection, orderBy: 'Number', limit: Number.isFinite(limit) ? limit : undefined }, itemIndex),
	);
	return records.map((member) => ({ [`${kind.resource}Id`]: id, ...withoutODataAnnotations(member) }));
}

