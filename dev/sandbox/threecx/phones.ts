/**
 * Desk phones: a user's Phones (Pbx.Phone, replaced as a list by a user PATCH, with their
 * provisioning links), PhoneTemplates, DeviceInfos (phones the PBX discovered) with
 * Pbx.Provision, Pbx.ReprovisionPhone / Pbx.RebootPhone by MAC, Pbx.ReprovisionAllPhones,
 * Pbx.GenerateProvLink() and SipDevices. Every call is recorded in the store.
 */
import type { SandboxRequest, SandboxResponse } from '../core';
import type { ThreeCxContext } from './context';
import { idList, isUser, notFound, userById, userSub, validation } from './context';
import { ODataError } from './odata';
import { DEVICE_INFOS, PHONE_TEMPLATES, SIP_DEVICES } from './schema';
import type { ThreeCxPhone, ThreeCxState, ThreeCxUser } from './store';

/** The user (other than `except`) who has a phone with this MAC. */
export const userWithMac = (state: ThreeCxState, mac: string, except?: ThreeCxUser) =>
	[...state.users.values()].find((u) => u !== except && u.Phones.some((p) => p.MacAddress.toLowerCase() === mac.toLowerCase()));

/** A user's provisioning link (the secret part changes with Regenerate ConfigurationLink). */
export const provisioningLink = ({ server, state }: ThreeCxContext, userId: number, mac?: string) => {
	if (!state.provisioningSecrets.has(userId)) state.provisioningSecrets.set(userId, `prov${userId}k${1000 + userId * 7}`);
	return `${server.baseUrl}/provisioning/${state.provisioningSecrets.get(userId)!}/${mac ? `${mac.toLowerCase()}.cfg` : ''}`;
};

/**
 * Phones replace the user's list; a phone keeps its Id (and link) when its MAC stays, and its
 * Settings when the write leaves them out (Phones is a navigation property: a phone named by
 * its Id is updated, not made anew). The links are the PBX's: whatever a write sends for them
 * is ignored.
 */
export function applyPhones(ctx: ThreeCxContext, user: ThreeCxUser, phones: Array<Record<string, unknown>>): void {
	const { server, state } = ctx;
	user.Phones = phones.map((phone) => {
		const mac = String(phone.MacAddress);
		const existing = user.Phones?.find((p) => p.MacAddress.toLowerCase() === mac.toLowerCase());
		const template = String(phone.TemplateName);
		const id = existing?.Id ?? state.nextPhoneId++;
		const settings = phone.Settings as ThreeCxPhone['Settings'] | undefined;
		return {
			Id: id,
			MacAddress: mac,
			Name: typeof phone.Name === 'string' && phone.Name !== '' ? phone.Name : template.replace(/\.ph\.xml$/, ''),
			TemplateName: template,
			Interface: typeof phone.Interface === 'string' ? phone.Interface : null,
			ProvisioningLinkExt: provisioningLink(ctx, user.Id, mac),
			ProvisioningLinkLocal: provisioningLink(ctx, user.Id, mac).replace(server.baseUrl, 'http://192.0.2.1:5000'),
			Settings: settings && typeof settings === 'object' ? { ...settings } : (existing?.Settings ?? { Secret: `phs${id}q${7000 + id * 13}`, RingTone: 'Ring1' }),
		};
	});
	for (const device of state.devices) {
		const owner = userWithMac(state, device.MAC);
		device.Assigned = owner !== undefined;
		device.AssignedUser = owner?.Number ?? null;
	}
}

/** Checks the Phones of a Pbx.User body: valid, unused MACs and known templates. */
export function phonesProblem(state: ThreeCxState, phones: Array<Record<string, unknown>>, self?: ThreeCxUser): SandboxResponse | undefined {
	const macs = new Set<string>();
	for (const phone of phones) {
		const mac = typeof phone.MacAddress === 'string' ? phone.MacAddress : '';
		if (!/^[0-9a-fA-F]{12}$/.test(mac)) return validation('MacAddress', 'WARNINGS.INVALID_HEX_CHARACTER');
		const key = mac.toLowerCase();
		if (macs.has(key)) return validation('MacAddress', 'WARNINGS.MAC_ADDRESS_ALREADY_IN_USE');
		macs.add(key);
		if (userWithMac(state, key, self)) return validation('MacAddress', 'WARNINGS.MAC_ADDRESS_ALREADY_IN_USE');
		if (!state.templates.some((t) => t.Id === phone.TemplateName)) return validation('TemplateName', 'WARNINGS.XAPI.NOT_FOUND');
	}
	return undefined;
}

export function phoneRoutes(ctx: ThreeCxContext): void {
	const { server, state, api, collection } = ctx;
	api('GET', '/PhoneTemplates', (req) => {
		// ListPhoneTemplate takes only $top, $skip, $search, $filter and $count (swagger).
		for (const option of ['$orderby', '$select', '$expand']) {
			if (req.query[option] !== undefined) throw new ODataError(`The query specified in the URI is not valid. The query parameter '${option}' is not supported.`);
		}
		return collection(PHONE_TEMPLATES, [...state.templates].sort((a, b) => (a.Id < b.Id ? -1 : 1)) as never, req, 'PhoneTemplates');
	});

	api('GET', '/DeviceInfos', (req) => collection(DEVICE_INFOS, [...state.devices].sort((a, b) => a.Id - b.Id) as never, req, 'DeviceInfos'));

	api('POST', /^\/xapi\/v1\/DeviceInfos\((?<key>[^/()]*)\)\/Pbx\.Provision$/, (req) => {
		const device = /^\d+$/.test(req.params.key) ? state.devices.find((d) => d.Id === Number(req.params.key)) : undefined;
		if (!device) return notFound('Id');
		const body = (req.body ?? {}) as { userId?: unknown; reprovision?: unknown };
		if (typeof body.userId !== 'number') return validation('userId', 'WARNINGS.XAPI.REQUIRED');
		const user = state.users.get(body.userId);
		if (!user) return validation('userId', 'WARNINGS.XAPI.NOT_FOUND');
		const owner = userWithMac(state, device.MAC);
		if (owner && owner !== user) return validation('MAC', 'WARNINGS.XAPI.MAC_USED_BY');
		state.provisionCalls.push({ deviceId: device.Id, userId: user.Id, reprovision: body.reprovision === true });
		if (!owner) applyPhones(ctx, user, [...user.Phones, { MacAddress: device.MAC, TemplateName: device.TemplateName, Name: `${device.Vendor} ${device.Model}` }] as never);
		return { status: 204 };
	});

	const phoneAction = (action: 'reprovision' | 'reboot') => (req: SandboxRequest): SandboxResponse => {
		const body = (req.body ?? {}) as { mac?: unknown };
		if (typeof body.mac !== 'string' || body.mac === '') return validation('mac', 'WARNINGS.XAPI.REQUIRED');
		if (!/^[0-9a-fA-F]{12}$/.test(body.mac)) return validation('mac', 'WARNINGS.INVALID_HEX_CHARACTER');
		if (!userWithMac(state, body.mac)) return notFound('mac');
		state.phoneActions.push({ action, mac: body.mac });
		return { status: 204 };
	};
	api('POST', '/Users/Pbx.ReprovisionPhone', phoneAction('reprovision'));
	api('POST', '/Users/Pbx.RebootPhone', phoneAction('reboot'));

	// 3cx/xapi-tutorial src/phones.spec.ts lists them with $select=Id.
	api('GET', '/SipDevices', (req) => collection(SIP_DEVICES, state.sipDevices, req, 'SipDevices'));

	api('POST', '/Users/Pbx.ReprovisionAllPhones', (req) => {
		const ids = idList(req);
		if (!Array.isArray(ids)) return ids;
		state.reprovisionCalls.push(ids);
		return { status: 204 };
	});

	api('GET', userSub('Pbx.GenerateProvLink()'), (req) => {
		const user = userById(state, req.params.key);
		if (!isUser(user)) return user;
		return { status: 200, body: { '@odata.context': `${server.baseUrl}/xapi/v1/$metadata#Edm.String`, value: provisioningLink(ctx, user.Id) } };
	});
}
