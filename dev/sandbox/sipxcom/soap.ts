/**
 * Axis SOAP `/services/UserService` and `/services/PhoneService`, document/literal as in
 * sipxconfig.wsdl (FindUser, AddUser, ManageUser, FindPhone, AddPhone, ManagePhone), with SOAP
 * faults (HTTP 500) for malformed envelopes and bad input.
 */
import { createHash } from 'crypto';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

import type { SandboxRequest, SandboxResponse } from '../core';
import type { Obj, SipXcomContext } from './context';
import { BASE, compact, isResponse, list, obj, str } from './context';
import type { SipXcomPhone, SipXcomPhoneLine, SipXcomUser } from './store';
import { addGroup, addPhone, conflict, findPhone, named, REALM } from './store';

const NS = 'http://www.sipfoundry.org/2007/08/21/ConfigService';
const SOAP_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
/** fuzzy and group searches are capped like UserServiceImpl does. */
const SOAP_SEARCH_CAP = 1000;

const soapParser = new XMLParser({
	ignoreAttributes: true,
	parseTagValue: false,
	removeNSPrefix: true,
	htmlEntities: true,
	isArray: (name, jPath) => name === 'edit' || /\.(user|phone)\.(aliases|groups|permissions|lines)$/.test(jPath),
});

export function soapRoutes({ state, route }: SipXcomContext): void {
	const soapEnvelope = (body: Obj | string): string =>
		`<?xml version="1.0" encoding="UTF-8"?>${
			compact.build({
				'soapenv:Envelope': {
					'@_xmlns:soapenv': SOAP_NS,
					'@_xmlns:xsd': 'http://www.w3.org/2001/XMLSchema',
					'@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
					'soapenv:Body': body,
				},
			}) as string
		}`;
	const soapOk = (body: Obj | string): SandboxResponse => ({
		status: 200,
		headers: { 'Content-Type': 'text/xml;charset=utf-8' },
		body: soapEnvelope(body),
	});
	/** Axis answers faults with HTTP 500 and a soapenv:Fault. */
	const soapFault = (faultstring: string, faultcode = 'soapenv:Server.userException'): SandboxResponse => ({
		status: 500,
		headers: { 'Content-Type': 'text/xml;charset=utf-8' },
		body: soapEnvelope({
			'soapenv:Fault': {
				faultcode,
				faultstring,
				detail: { 'ns1:hostname': { '@_xmlns:ns1': 'http://xml.apache.org/axis/', '#text': 'sipx.example.org' } },
			},
		}),
	});

	/** Parses the envelope and returns [operation, content] or a fault. */
	const readEnvelope = (req: SandboxRequest): [string, Obj] | SandboxResponse => {
		const text = req.text.trim();
		if (!text) return soapFault('No SOAPAction header and no request body', 'soapenv:Client');
		const valid = XMLValidator.validate(text);
		if (valid !== true) {
			return soapFault(`org.xml.sax.SAXParseException: ${valid.err.msg} (line ${valid.err.line})`, 'soapenv:Server.userException');
		}
		const body = obj(obj(obj(soapParser.parse(text) as Obj)?.Envelope)?.Body);
		if (!body) return soapFault('Not a SOAP envelope: expected soapenv:Envelope/soapenv:Body', 'soapenv:Client');
		const [operation] = Object.keys(body);
		if (!operation) return soapFault('Empty SOAP body', 'soapenv:Client');
		if (!text.includes(NS)) return soapFault(`No such operation '${operation}'`, 'soapenv:Client');
		return [operation, obj(body[operation]) ?? {}];
	};

	const pintoken = (u: SipXcomUser) => createHash('md5').update(`${u.userName}:${REALM}:${u.pin}`).digest('hex');
	const soapUser = (u: SipXcomUser): Obj => {
		const nil = { '@_xsi:nil': 'true' };
		return {
			userName: u.userName,
			pintoken: pintoken(u),
			lastName: u.lastName ?? nil,
			firstName: u.firstName ?? nil,
			sipPassword: u.sipPassword,
			aliases: u.aliases,
			emailAddress: u.emailAddress ?? nil,
			groups: u.groupIds.map((id) => state.groups.get(id)?.name).filter(Boolean),
			permissions: u.permissions,
			branchName: named(u.branchId, state.branches)?.name ?? nil,
		};
	};

	/** UserServiceImpl search semantics: null → all; criteria → filter; no criteria → none. */
	const searchUsers = (search: Obj | undefined): SipXcomUser[] => {
		const all = [...state.users.values()].sort((a, b) => a.id - b.id);
		if (search === undefined) return all;
		const byUserName = str(search.byUserName);
		const fuzzy = str(search.byFuzzyUserNameOrAlias);
		const byGroup = str(search.byGroup);
		if (byUserName !== undefined) return all.filter((u) => u.userName === byUserName);
		if (fuzzy !== undefined) {
			return all.filter((u) => [u.userName, ...u.aliases].some((n) => n.includes(fuzzy))).slice(0, SOAP_SEARCH_CAP);
		}
		if (byGroup !== undefined) {
			const group = [...state.groups.values()].find((g) => g.name === byGroup);
			return group ? all.filter((u) => u.groupIds.includes(group.id)).slice(0, SOAP_SEARCH_CAP) : [];
		}
		return [];
	};
	const searchOf = (content: Obj): Obj | undefined =>
		content.search === undefined ? undefined : (obj(content.search) ?? {});

	const EDITABLE = new Set(['userName', 'firstName', 'lastName', 'emailAddress', 'sipPassword', 'pintoken']);

	const userService = (req: SandboxRequest): SandboxResponse => {
		const envelope = readEnvelope(req);
		if (isResponse(envelope)) return envelope;
		const [operation, content] = envelope;
		if (operation === 'FindUser') {
			const users = searchUsers(searchOf(content)).map(soapUser);
			return soapOk({ FindUserResponse: { '@_xmlns': NS, users: { '@_xmlns': '', user: users } } });
		}
		if (operation === 'AddUser') {
			const user = obj(content.user);
			const userName = str(user?.userName)?.trim();
			if (!user || !userName) return soapFault('java.lang.IllegalArgumentException: userName is required');
			if (conflict(state, [userName])) return soapFault(`Extension ${userName} is already in use`);
			const id = state.nextUserId++;
			state.users.set(id, {
				id,
				userName,
				firstName: str(user.firstName),
				lastName: str(user.lastName),
				emailAddress: str(user.emailAddress),
				pin: str(content.pin) ?? '',
				sipPassword: str(user.sipPassword) ?? `generated-${id}`,
				groupIds: list(user.groups).map((g) => addGroup(state, String(g)).id),
				branchId: [...state.branches.values()].find((b) => b.name === str(user.branchName))?.id,
				aliases: list(user.aliases).map(String),
				permissions: list(user.permissions).map(String),
			});
			return soapOk('');
		}
		if (operation === 'ManageUser') {
			// A missing search selects every user, exactly as in UserServiceImpl.
			const users = searchUsers(searchOf(content));
			const edits = list(content.edit).map((e) => ({ property: str(obj(e)?.property) ?? '', value: str(obj(e)?.value) }));
			const bad = edits.find((e) => !EDITABLE.has(e.property));
			if (bad) return soapFault(`java.lang.IllegalArgumentException: Unknown property '${bad.property}'`);
			const branchName = str(content.updateBranch);
			const branch = branchName !== undefined ? [...state.branches.values()].find((b) => b.name === branchName) : undefined;
			if (branchName !== undefined && !branch) return soapFault(`Branch not found: ${branchName}`);
			for (const user of users) {
				if (str(content.deleteUser) === 'true') {
					state.users.delete(user.id);
					continue;
				}
				for (const { property, value } of edits) (user as unknown as Obj)[property] = value;
				const add = str(content.addGroup);
				if (add && !user.groupIds.includes(addGroup(state, add).id)) user.groupIds.push(addGroup(state, add).id);
				const remove = str(content.removeGroup);
				if (remove) user.groupIds = user.groupIds.filter((id) => state.groups.get(id)?.name !== remove);
				if (branch) user.branchId = branch.id;
			}
			return soapOk('');
		}
		return soapFault(`No such operation '${operation}'`, 'soapenv:Client');
	};

	const soapPhone = (p: SipXcomPhone): Obj => ({
		serialNumber: p.serialNo,
		modelId: p.modelId,
		description: p.description ?? { '@_xsi:nil': 'true' },
		groups: p.groups,
		lines: p.lines.map((l) => ({ userId: l.user, uri: l.uri })),
		deviceVersion: p.deviceVersion ?? { '@_xsi:nil': 'true' },
	});
	const searchPhones = (search: Obj | undefined): SipXcomPhone[] => {
		const all = [...state.phones.values()].sort((a, b) => a.id - b.id);
		if (search === undefined) return all;
		const serial = str(search.bySerialNumber);
		const group = str(search.byGroup);
		if (serial !== undefined) return all.filter((p) => p.serialNo === serial.toLowerCase());
		if (group !== undefined) return all.filter((p) => p.groups.includes(group));
		return [];
	};

	/** A `Line` (userId = the user's name, uri) for a sipXcom user; a fault message when there is no such user. */
	const lineFor = (line: Obj | undefined): SipXcomPhoneLine | string => {
		const userName = str(line?.userId)?.trim() ?? '';
		const user = [...state.users.values()].find((u) => u.userName === userName);
		if (!user) return `User not found: ${userName}`;
		return {
			id: state.nextLineId++,
			uri: str(line?.uri) ?? `sip:${user.userName}@${REALM}`,
			user: user.userName,
			userId: user.id,
			extension: user.userName,
			displayName: `${user.firstName ?? ''} ${user.lastName ?? ''}`.trim(),
			password: user.sipPassword,
			registrationServer: REALM,
		};
	};
	/** ManagePhone `edit` properties that name Phone fields (sipxconfig.wsdl Phone). */
	const PHONE_EDITABLE: Record<string, keyof SipXcomPhone> = { serialNumber: 'serialNo', modelId: 'modelId', description: 'description', deviceVersion: 'deviceVersion' };

	const phoneService = (req: SandboxRequest): SandboxResponse => {
		const envelope = readEnvelope(req);
		if (isResponse(envelope)) return envelope;
		const [operation, content] = envelope;
		if (operation === 'FindPhone') {
			// ArrayOfPhones items are named <user> in sipxconfig.wsdl.
			const phones = searchPhones(searchOf(content)).map(soapPhone);
			return soapOk({ FindPhoneResponse: { '@_xmlns': NS, phones: { '@_xmlns': '', user: phones } } });
		}
		if (operation === 'AddPhone') {
			const phone = obj(content.phone);
			const serialNo = str(phone?.serialNumber)?.toLowerCase() ?? '';
			const modelId = str(phone?.modelId);
			if (!/^[0-9a-f]{12}$/.test(serialNo)) return soapFault(`Invalid serial number: ${serialNo}`);
			if (!state.models.some((m) => m.modelId === modelId)) return soapFault(`Unknown phone model: ${modelId}`);
			if (findPhone(state, serialNo)) return soapFault(`Duplicate serial number: ${serialNo}`);
			const lines: SipXcomPhoneLine[] = [];
			for (const raw of list(phone?.lines)) {
				const line = lineFor(obj(raw));
				if (typeof line === 'string') return soapFault(line);
				lines.push(line);
			}
			addPhone(state, {
				serialNo,
				modelId: modelId!,
				description: str(phone?.description),
				deviceVersion: str(phone?.deviceVersion),
				groups: list(phone?.groups).map(String),
				lines,
			});
			return soapOk('');
		}
		if (operation === 'ManagePhone') {
			const edits = list(content.edit).map((e) => ({ property: str(obj(e)?.property) ?? '', value: str(obj(e)?.value) }));
			const bad = edits.find((e) => !PHONE_EDITABLE[e.property]);
			if (bad) return soapFault(`java.lang.IllegalArgumentException: Unknown property '${bad.property}'`);
			const addLine = obj(content.addLine);
			const external = obj(content.addExternalLine);
			if (external && !str(external.userId)) return soapFault('java.lang.IllegalArgumentException: addExternalLine needs a userId');
			if (external && !str(external.registrationServer)) return soapFault('java.lang.IllegalArgumentException: addExternalLine needs a registrationServer');
			for (const phone of searchPhones(searchOf(content))) {
				if (str(content.deletePhone) === 'true') {
					state.phones.delete(phone.id);
					continue;
				}
				for (const { property, value } of edits) (phone as unknown as Obj)[PHONE_EDITABLE[property]] = value;
				if (addLine) {
					const line = lineFor(addLine);
					if (typeof line === 'string') return soapFault(line);
					phone.lines.push(line);
				}
				if (external) {
					const userId = str(external.userId)!;
					const server = str(external.registrationServer)!;
					phone.lines.push({
						id: state.nextLineId++,
						uri: `sip:${userId}@${server}`,
						user: userId,
						userId: null,
						extension: userId,
						displayName: str(external.displayName) ?? '',
						password: str(external.password) ?? '',
						registrationServer: server,
					});
				}
				const byUser = str(content.removeLineByUserId);
				if (byUser !== undefined) phone.lines = phone.lines.filter((l) => l.user !== byUser);
				const byUri = str(content.removeLineByUri);
				if (byUri !== undefined) phone.lines = phone.lines.filter((l) => l.uri !== byUri);
				const add = str(content.addGroup);
				if (add && !phone.groups.includes(add)) phone.groups.push(add);
				const remove = str(content.removeGroup);
				if (remove) phone.groups = phone.groups.filter((g) => g !== remove);
				if (str(content.generateProfiles) === 'true' || str(content.restart) === 'true') {
					state.profilesSent.push({ serialNo: phone.serialNo, restart: str(content.restart) === 'true' });
				}
			}
			return soapOk('');
		}
		return soapFault(`No such operation '${operation}'`, 'soapenv:Client');
	};

	route('POST', `${BASE}/services/UserService`, userService);
	route('POST', `${BASE}/services/PhoneService`, phoneService);
}
