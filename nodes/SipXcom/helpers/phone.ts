import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { jsonObject } from '../../shared/answer';
import { request } from '../transport';
import { withoutFieldsDeep } from '../../shared/redact';
import { SECRET_FIELDS } from './record';

/** A phone (or any record) without its secrets, at any depth: phone lines carry SIP passwords. */
export function stripSecrets<T>(value: T): T {
	return withoutFieldsDeep(value, SECRET_FIELDS);
}

/** `00:04:F2:AE:48:38`, `0004-f2ae-4838` or `0004f2ae4838` → `0004f2ae4838`, or undefined. */
export function normaliseMac(value: string): string | undefined {
	const compact = value.trim().replace(/[:\-.\s]/g, '').toLowerCase();
	return /^[0-9a-f]{12}$/.test(compact) ? compact : undefined;
}

/** A phone reference for `/api/phones/{id-or-MAC}`: a numeric id or a MAC (normalised). */
export function phoneRef(ctx: IExecuteFunctions, value: string, display: string, itemIndex: number): string {
	const mac = normaliseMac(value);
	if (mac) return mac;
	if (/^\d+$/.test(value.trim())) return value.trim();
	throw new NodeOperationError(ctx.getNode(), `"${display}" value "${value}" is neither a phone ID nor a MAC address (item ${itemIndex})`, {
		itemIndex,
		description: 'Use the internal phone ID (e.g. 12) or the MAC / serial number (12 hex digits, separators allowed).',
	});
}

/** The CXF API wraps a single phone in nothing or in `{phone: …}` depending on version; unwrap. */
export function unwrapPhone(body: unknown): IDataObject {
	const obj = (body ?? {}) as IDataObject;
	const inner = obj.phone ?? obj.Phone;
	return stripSecrets((inner && typeof inner === 'object' ? inner : obj) as IDataObject);
}

/** Reads one phone by id or MAC, without its secrets. */
export async function readPhone(ctx: IExecuteFunctions, ref: string, itemIndex: number): Promise<IDataObject> {
	return unwrapPhone(await request(ctx, { api: 'json', method: 'GET', path: `/phones/${encodeURIComponent(ref)}`, expect: jsonObject() }, itemIndex));
}
