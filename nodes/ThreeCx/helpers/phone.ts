import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../../shared/errors';
import { withoutFieldsDeep } from '../../shared/redact';
import { request } from '../transport';
import { userPath, withoutODataAnnotations } from '../transport/odata';
import { MacAddressError, normaliseMac, sameMac } from '../../shared/mac';
import { convergentUserWrite } from './userWrite';

/**
 * Pbx.Phone properties that hold secrets: the provisioning URLs embed the secret path a phone
 * fetches its configuration (with the SIP credentials) from, and Settings (Pbx.PhoneSettings)
 * has a Secret.
 */
export const PHONE_SECRET_FIELDS = ['ProvisioningLinkExt', 'ProvisioningLinkLocal', 'Secret'];

/** A phone without its provisioning links and settings secret (unless asked to keep them). */
export function stripPhoneSecrets(phone: IDataObject, includeSecrets = false): IDataObject {
	return includeSecrets ? { ...phone } : withoutFieldsDeep(phone, PHONE_SECRET_FIELDS);
}

/** The MAC Address parameter as 12 lower-case hex digits, or an error naming parameter and item. */
export function macParameter(ctx: IExecuteFunctions, itemIndex: number): string {
	try {
		return normaliseMac(ctx.getNodeParameter('macAddress', itemIndex));
	} catch (error) {
		if (error instanceof MacAddressError) {
			throw new NodeOperationError(ctx.getNode(), `"MAC Address" in item ${itemIndex} ${error.message}`, { itemIndex });
		}
		throw asNodeError(ctx.getNode(), error);
	}
}

/** The user's number and phones (GET /Users({Id})?$expand=Phones); an answer without Phones is an error. */
export async function userPhones(ctx: IExecuteFunctions, id: number, itemIndex: number): Promise<{ number: string | null; phones: IDataObject[] }> {
	const user = await request(ctx, { path: userPath({ id }), qs: { $select: 'Id,Number', $expand: 'Phones' } }, itemIndex);
	if (!Array.isArray(user.Phones)) {
		throw new NodeOperationError(ctx.getNode(), `The PBX answered without the phones of user ${id}; nothing was changed`, { itemIndex });
	}
	return {
		number: user.Number === undefined || user.Number === null ? null : String(user.Number),
		phones: (user.Phones as IDataObject[]).map(withoutODataAnnotations),
	};
}

/**
 * What a PATCH of Phones sends for a phone it does not change: the phone by its Id (Phones is a
 * navigation property, so the PBX keeps that phone as it is, Settings included) with its MAC,
 * template, name and interface. Never its provisioning links (the PBX makes them from the
 * user's provisioning secret) or its Settings with their Secret.
 */
export function phoneForWrite(phone: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const key of ['Id', 'MacAddress', 'TemplateName', 'Name', 'Interface']) {
		if (phone[key] !== undefined && phone[key] !== null) body[key] = phone[key];
	}
	return body;
}

/** Every secret value in a list of phones (links, Settings.Secret), so errors can leave them out in any encoding. */
function phoneSecrets(phones: IDataObject[]): string[] {
	return phones.flatMap((phone) => [
		phone.ProvisioningLinkExt,
		phone.ProvisioningLinkLocal,
		(phone.Settings as IDataObject | undefined)?.Secret,
	]).filter((value): value is string => typeof value === 'string' && value !== '');
}

/** PATCH /Users({Id}) with the whole new phone list (Phones replaces the user's phones). */
async function writePhones(ctx: IExecuteFunctions, id: number, phones: IDataObject[], read: IDataObject[], itemIndex: number): Promise<void> {
	await request(ctx, { method: 'PATCH', path: userPath({ id }), body: { Phones: phones }, secrets: phoneSecrets(read) }, itemIndex);
}

export interface PhoneAssignment {
	mac: string;
	template: string;
	/** The phone's name; empty: the PBX names it (and an existing phone keeps its name). */
	name: string;
}

/**
 * Gives the user the phone (or changes its template or name in place), keeping the user's other
 * phones as the PBX holds them at each write; read back until it holds (convergentUserWrite).
 */
export async function assignPhone(
	ctx: IExecuteFunctions,
	itemIndex: number,
	id: number,
	wanted: PhoneAssignment,
): Promise<{ number: string | null; changed: boolean; phone: IDataObject }> {
	const isIt = (phone: IDataObject) => sameMac(phone.MacAddress, wanted.mac);
	const { state, changed } = await convergentUserWrite(ctx, itemIndex, id, {
		target: `the phones of user ${id} (${wanted.mac} with ${wanted.template})`,
		read: async () => await userPhones(ctx, id, itemIndex),
		holds: ({ phones }) => phones.some((phone) => isIt(phone) && phone.TemplateName === wanted.template && (wanted.name === '' || phone.Name === wanted.name)),
		write: async ({ phones }) => {
			const existing = phones.find(isIt);
			const phone: IDataObject = { ...(existing ? phoneForWrite(existing) : {}), MacAddress: wanted.mac, TemplateName: wanted.template };
			if (wanted.name !== '') phone.Name = wanted.name;
			const next = existing ? phones.map((p) => (p === existing ? phone : phoneForWrite(p))) : [...phones.map(phoneForWrite), phone];
			await writePhones(ctx, id, next, phones, itemIndex);
		},
	});
	return { number: state.number, changed, phone: state.phones.find(isIt)! };
}

/**
 * Takes the phone with this MAC (or, without one, every phone the user had when the node first
 * read them) away from the user, keeping the other phones as the PBX holds them at each write.
 * A phone assigned by someone else meanwhile stays; read back until it holds.
 */
export async function removePhones(
	ctx: IExecuteFunctions,
	itemIndex: number,
	id: number,
	mac: string | undefined,
): Promise<{ number: string | null; changed: boolean; removed: string[]; remaining: number }> {
	// The MACs as the PBX listed them when the node first read the phones.
	let listed: string[] | undefined;
	const isTarget = (phone: IDataObject) => (mac === undefined ? listed!.some((m) => sameMac(phone.MacAddress, m)) : sameMac(phone.MacAddress, mac));
	const { state, changed } = await convergentUserWrite(ctx, itemIndex, id, {
		target: `the phones of user ${id} (${mac === undefined ? 'all phones' : mac} removed)`,
		read: async () => {
			const current = await userPhones(ctx, id, itemIndex);
			listed ??= current.phones.map((phone) => String(phone.MacAddress));
			return current;
		},
		holds: ({ phones }) => !phones.some(isTarget),
		write: async ({ phones }) => await writePhones(ctx, id, phones.filter((phone) => !isTarget(phone)).map(phoneForWrite), phones, itemIndex),
	});
	const removed = changed ? listed!.filter((m) => mac === undefined || sameMac(m, mac)) : [];
	return { number: state.number, changed, removed, remaining: state.phones.length };
}
