import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isRehearsing, noteTarget } from '../../shared/dryRun';
import { assertUnchanged } from '../../shared/onlyIfUnchanged';
import type { OutputMode } from '../../shared/properties';
import { readIncludeSecrets, readOutputMode } from '../../shared/properties';
import type { SubscriberClient } from './client';
import { normaliseRecord, SECRET_FIELDS, shapeRecord } from './record';
import type { JsonObject } from './subscriber';
import {
	PASSWORD_DEFAULT_LENGTH,
	PASSWORD_MAX_LENGTH,
	PASSWORD_MIN_LENGTH,
	PROFILE_NAME_KEY,
	generateSipPassword,
} from './subscriber';

/** What the router creates once per run and every operation gets besides the item index. */
export interface OperationContext {
	client: SubscriberClient;
	itemCount: number;
}

export interface OutputOptions {
	output: OutputMode;
	includeSecrets: boolean;
}

export function outputOptions(ctx: IExecuteFunctions, itemIndex: number): OutputOptions {
	return {
		output: readOutputMode(ctx, itemIndex),
		includeSecrets: readIncludeSecrets(ctx, itemIndex),
	};
}

export function shape(raw: JsonObject, options: OutputOptions): IDataObject {
	return shapeRecord(raw as IDataObject, options.output, options.includeSecrets);
}

/** SIP usernames: letters, digits and + . _ - (no spaces or slashes, which would break the path). */
const MSISDN_PATTERN = /^\+?[A-Za-z0-9._-]{1,64}$/;

export function readMsisdn(ctx: IExecuteFunctions, itemIndex: number): string {
	const value = String(ctx.getNodeParameter('msisdn', itemIndex, '') ?? '').trim();
	if (!value) {
		throw new NodeOperationError(ctx.getNode(), `The parameter "MSISDN" is empty in item ${itemIndex}`, {
			itemIndex,
			description: 'Enter the subscriber\'s number, e.g. {{ $json.number }} for a normalised extension.',
		});
	}
	// `.` and `..` would make the path name the subscribers list or the domain itself.
	if (!MSISDN_PATTERN.test(value) || /^\.+$/.test(value)) {
		throw new NodeOperationError(ctx.getNode(), `The parameter "MSISDN" is not a valid MSISDN in item ${itemIndex}: "${value}"`, {
			itemIndex,
			description: 'Use 1–64 letters, digits or + . _ - (no spaces, slashes, ? or #, and not only dots).',
		});
	}
	return value;
}

export function readProfile(ctx: IExecuteFunctions, raw: unknown, itemIndex: number, parameter = 'Profile (JSON)'): JsonObject {
	if (raw === undefined || raw === null || raw === '') return {};
	let value = raw;
	if (typeof raw === 'string') {
		try {
			value = JSON.parse(raw);
		} catch {
			throw new NodeOperationError(ctx.getNode(), `The parameter "${parameter}" is not valid JSON in item ${itemIndex}`, {
				itemIndex,
			});
		}
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		throw new NodeOperationError(ctx.getNode(), `The parameter "${parameter}" must be a JSON object in item ${itemIndex}`, {
			itemIndex,
		});
	}
	return value as JsonObject;
}

/** Profile keys to set from "Display Name" and "Profile (JSON)"; undefined when none. */
export function profileChanges(ctx: IExecuteFunctions, fields: IDataObject, itemIndex: number): JsonObject | undefined {
	const profile = readProfile(ctx, fields.profile, itemIndex);
	const name = typeof fields.displayName === 'string' ? fields.displayName.trim() : '';
	if (name) profile[PROFILE_NAME_KEY] = name;
	return Object.keys(profile).length ? profile : undefined;
}

export function newPassword(ctx: IExecuteFunctions, fields: IDataObject, itemIndex: number): string {
	const length = Number(fields.passwordLength ?? PASSWORD_DEFAULT_LENGTH);
	if (!Number.isInteger(length) || length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
		throw new NodeOperationError(
			ctx.getNode(),
			`The parameter "Generated Password Length" must be a whole number from ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} in item ${itemIndex}`,
			{ itemIndex },
		);
	}
	return generateSipPassword(length);
}

export function readPassword(ctx: IExecuteFunctions, value: unknown, itemIndex: number, parameter = 'Password'): string {
	const password = typeof value === 'string' ? value : '';
	if (password === '') {
		throw new NodeOperationError(ctx.getNode(), `The parameter "${parameter}" is empty in item ${itemIndex}`, {
			itemIndex,
			description: 'Enter a password or choose "Generate a Strong Password".',
		});
	}
	if (password.trim() === '') {
		throw new NodeOperationError(ctx.getNode(), `The parameter "${parameter}" is only whitespace in item ${itemIndex}`, {
			itemIndex,
			description: 'A SIP password of spaces, tabs or line breaks is almost certainly an empty field; enter a password or choose "Generate a Strong Password".',
		});
	}
	return password;
}

/** What a Create or Create or Update item asks for, read and checked before any request. */
export interface NewSubscriber {
	msisdn: string;
	/** The password the user set; undefined when the node generates one. */
	setPassword?: string;
	/** Profile keys from Display Name and Profile (JSON); undefined when none. */
	profile?: JsonObject;
	/** The create body: MSISDN, the set or a generated SIP password, and the profile. */
	body: JsonObject;
}

/** Reads the MSISDN, the password mode and password (or generates one) and the profile of one item. */
export function readNewSubscriber(ctx: IExecuteFunctions, itemIndex: number, fields: IDataObject): NewSubscriber {
	const msisdn = readMsisdn(ctx, itemIndex);
	const mode = ctx.getNodeParameter('passwordMode', itemIndex, 'generate') as 'generate' | 'set';
	const setPassword = mode === 'set' ? readPassword(ctx, ctx.getNodeParameter('sipPassword', itemIndex, ''), itemIndex) : undefined;
	const body: JsonObject = { msisdn, sipPassword: setPassword ?? newPassword(ctx, fields, itemIndex) };
	const profile = profileChanges(ctx, fields, itemIndex);
	if (profile) body.profile = profile;
	return { msisdn, setPassword, profile, body };
}

export interface LocatedSubscriber {
	id: string;
	msisdn?: string;
	record?: JsonObject;
}

/**
 * Reads "Find By" and its value, and finds the subscriber. A dry run always reads the record
 * (its plan compares it with what would be sent) and notes it as the plan's target.
 */
export async function locateSubscriber(
	ctx: IExecuteFunctions,
	context: OperationContext,
	itemIndex: number,
	needRecord: boolean,
): Promise<LocatedSubscriber> {
	const located = await findSubscriber(ctx, context, itemIndex, needRecord || isRehearsing(ctx));
	noteTarget(ctx, subscriberTarget(located.msisdn, located.id), located.record as IDataObject | undefined);
	return located;
}

/** A plan's target: the subscriber's number (MSISDN) and ID, as far as known. */
export function subscriberTarget(msisdn: string | undefined, id: string | undefined): IDataObject {
	return { ...(msisdn === undefined ? {} : { number: msisdn }), ...(id === undefined ? {} : { id }) };
}

/**
 * Options › Only If Unchanged: reads the subscriber again just before the write and fails the
 * item if a field differs from `expected`. Returns the record as read, for the write to build on.
 */
export async function checkUnchanged(
	ctx: IExecuteFunctions,
	{ client }: OperationContext,
	itemIndex: number,
	expected: IDataObject,
	target: { id?: string; msisdn?: string },
): Promise<JsonObject> {
	// No ID: Create or Update found no subscriber with the MSISDN, so it is gone since compared.
	const current = target.id === undefined ? undefined : await client.current(target.id, itemIndex);
	assertUnchanged(ctx, itemIndex, expected, {
		what: 'Cloudonix subscriber',
		number: target.msisdn ?? (current?.msisdn === undefined ? `ID ${target.id}` : String(current.msisdn)),
		raw: current as IDataObject | undefined,
		normalised: current && normaliseRecord(current as IDataObject, true),
		secretFields: SECRET_FIELDS,
	});
	noteTarget(ctx, subscriberTarget(target.msisdn ?? String(current!.msisdn), target.id), current as IDataObject);
	return current!;
}

async function findSubscriber(
	ctx: IExecuteFunctions,
	{ client, itemCount }: OperationContext,
	itemIndex: number,
	needRecord: boolean,
): Promise<LocatedSubscriber> {
	const findBy = ctx.getNodeParameter('findBy', itemIndex, 'msisdn') as 'msisdn' | 'id';
	if (findBy === 'id') {
		const id = String(ctx.getNodeParameter('subscriberId', itemIndex, '') ?? '').trim();
		if (!/^\d+$/.test(id)) {
			throw new NodeOperationError(
				ctx.getNode(),
				`The parameter "Subscriber ID" must be a numeric subscriber ID in item ${itemIndex}${id ? `: "${id}"` : ''}`,
				{ itemIndex, description: 'To use a number such as 1001, set "Find By" to MSISDN.' },
			);
		}
		if (!needRecord) return { id };
		const record = await client.getById(id, itemIndex);
		if (String(record.id) !== id) {
			// The server read the value as an MSISDN; look the ID up in the list instead.
			const found = (await client.list(itemIndex)).find((sub) => String(sub.id) === id);
			if (!found) throw notFound(ctx, `ID ${id}`, client.domain, itemIndex);
			return { id, msisdn: String(found.msisdn), record: found };
		}
		return { id, msisdn: String(record.msisdn), record };
	}
	const msisdn = readMsisdn(ctx, itemIndex);
	// Several items: one list for the run costs fewer requests than one lookup per item.
	if (itemCount > 1 && !client.hasDirectory()) await client.loadDirectory(itemIndex);
	const record = await client.findByMsisdn(msisdn, itemIndex);
	if (!record) throw notFound(ctx, `MSISDN ${msisdn}`, client.domain, itemIndex);
	return { id: String(record.id), msisdn, record };
}

export function notFound(ctx: IExecuteFunctions, what: string, domain: string, itemIndex: number): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `No Cloudonix subscriber with ${what} in domain "${domain}"`, {
		itemIndex,
		description: 'Check the value, and the Domain in the credential.',
	});
}

