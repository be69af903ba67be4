/**
 * The joiner/mover/leaver actions on users: Pbx.SendWelcomeEmail, Pbx.Regenerate (one user) and
 * Pbx.RegeneratePasswords (many) with Pbx.RegenerateOptions, and Pbx.MultiUserUpdate. Each
 * call is recorded in the store; regenerated credentials are deterministic.
 */
import type { SandboxResponse } from '../core';
import type { ThreeCxContext } from './context';
import { idList, isResponse, isUser, odataError, userById, userSub, validation } from './context';
import { applyPhones } from './phones';
import type { ThreeCxUser } from './store';

/** Pbx.RegenerateOptions. */
export const REGENERATE_OPTIONS = ['ConfigurationLink', 'DeskphonePassword', 'RpsKey', 'SendWelcomeEmail', 'SipAuth', 'VoicemailPIN', 'WebclientPassword'];

/** The properties of Pbx.MultiEditUserData the sandbox knows (the body of Pbx.MultiUserUpdate). */
const MULTI_EDIT_SCHEMA: Record<string, 'string' | 'boolean' | 'number'> = {
	AllowLanOnly: 'boolean',
	AllowOwnRecordings: 'boolean',
	CallScreening: 'boolean',
	DisplayNumbers: 'string',
	EmergencyAdditionalInfo: 'string',
	EmergencyLocationId: 'string',
	Enabled: 'boolean',
	EnableHotdesking: 'boolean',
	ForbidRecording: 'boolean',
	HideInPhonebook: 'boolean',
	Internal: 'boolean',
	Mobile: 'string',
	PinProtected: 'boolean',
	PinProtectTimeout: 'number',
	PromptSet: 'string',
	RecordCalls: 'boolean',
	RecordEmailNotify: 'boolean',
	RecordExternalCallsOnly: 'boolean',
	SendEmailMissedCalls: 'boolean',
	VMDisablePinAuth: 'boolean',
	VMEnabled: 'boolean',
	VMPlayCallerID: 'boolean',
};

/** Checks `opts` (Pbx.RegenerateOptions): an object of known boolean flags. */
const regenerateOptions = (opts: unknown): Record<string, boolean> | SandboxResponse => {
	if (!opts || typeof opts !== 'object' || Array.isArray(opts)) return validation('opts', 'WARNINGS.XAPI.REQUIRED');
	for (const [key, value] of Object.entries(opts)) {
		if (!REGENERATE_OPTIONS.includes(key)) return odataError(400, `The property '${key}' does not exist on type 'Pbx.RegenerateOptions'. Make sure to only use property names that are defined by the type.`);
		if (typeof value !== 'boolean') return odataError(400, `Cannot convert the literal '${JSON.stringify(value)}' to the expected type for property '${key}'.`);
	}
	return opts as Record<string, boolean>;
};

function regenerate(ctx: ThreeCxContext, user: ThreeCxUser, opts: Record<string, boolean>): void {
	const { state } = ctx;
	const n = ++state.regenerations;
	if (opts.SipAuth) {
		user.AuthID = `auth${user.Number}r${n}`;
		user.AuthPassword = `regen-${n}-sip-${user.Id}`;
	}
	if (opts.WebclientPassword) user.AccessPassword = `regen-${n}-web-${user.Id}`;
	if (opts.DeskphonePassword) user.DeskphonePassword = `regen-${n}-desk-${user.Id}`;
	if (opts.VoicemailPIN) user.VMPIN = String(1000 + ((n * 37 + user.Id) % 9000));
	if (opts.ConfigurationLink) {
		state.provisioningSecrets.set(user.Id, `prov${user.Id}r${n}`);
		applyPhones(ctx, user, user.Phones as never);
	}
	if (opts.SendWelcomeEmail && user.EmailAddress) state.welcomeEmails.push(user.Id);
}

export function lifecycleRoutes(ctx: ThreeCxContext): void {
	const { state, api } = ctx;
	api('POST', '/Users/Pbx.RegeneratePasswords', (req) => {
		const body = req.body as { Ids?: unknown; opts?: unknown } | undefined;
		if (!body || typeof body !== 'object') return odataError(400, 'The request body is required.');
		// The spec spells this action's key `Ids` (BatchDelete and the others use `ids`).
		if (!('Ids' in body)) return validation('Ids', 'WARNINGS.XAPI.REQUIRED');
		const ids = body.Ids;
		if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'number' || !Number.isInteger(id))) {
			return odataError(400, "The parameter 'Ids' is of type 'Collection(Edm.Int32)' and cannot be converted from the value sent.");
		}
		const opts = regenerateOptions(body.opts);
		if (isResponse(opts)) return opts;
		if (ids.some((id) => !state.users.has(id as number))) return validation('Ids', 'WARNINGS.XAPI.NOT_FOUND');
		state.regenerateCalls.push({ ids: ids as number[], opts });
		for (const id of ids as number[]) regenerate(ctx, state.users.get(id)!, opts);
		return { status: 204 };
	});

	api('POST', '/Users/Pbx.MultiUserUpdate', (req) => {
		const ids = idList(req);
		if (!Array.isArray(ids)) return ids;
		const user = (req.body as { user?: unknown }).user;
		if (!user || typeof user !== 'object' || Array.isArray(user)) return validation('user', 'WARNINGS.XAPI.REQUIRED');
		for (const [key, value] of Object.entries(user)) {
			const type = MULTI_EDIT_SCHEMA[key];
			if (!type) return odataError(400, `The property '${key}' does not exist on type 'Pbx.MultiEditUserData'. Make sure to only use property names that are defined by the type.`);
			if (value !== null && typeof value !== type) return odataError(400, `Cannot convert the literal '${JSON.stringify(value)}' to the expected type for property '${key}'.`);
		}
		if (ids.some((id) => !state.users.has(id))) return validation('ids', 'WARNINGS.XAPI.NOT_FOUND');
		state.multiUserUpdateCalls.push({ ids, user: user as Record<string, unknown> });
		// Null means "leave as it is" in the multi-edit dialog.
		for (const id of ids) for (const [key, value] of Object.entries(user)) if (value !== null) state.users.get(id)![key] = value;
		return { status: 204 };
	});

	api('POST', userSub('Pbx.SendWelcomeEmail'), (req) => {
		const user = userById(state, req.params.key);
		if (!isUser(user)) return user;
		if (!user.EmailAddress) return validation('EmailAddress', 'WARNINGS.XAPI.REQUIRED');
		state.welcomeEmails.push(user.Id);
		return { status: 204 };
	});

	api('POST', userSub('Pbx.Regenerate'), (req) => {
		const user = userById(state, req.params.key);
		if (!isUser(user)) return user;
		const opts = regenerateOptions((req.body as { opts?: unknown } | undefined)?.opts);
		if (isResponse(opts)) return opts;
		state.regenerateCalls.push({ ids: [user.Id], opts });
		regenerate(ctx, user, opts);
		return { status: 204 };
	});
}
