import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readOptionalNumber } from '../../shared/numbers';
import { listRecords, request } from '../transport';
import { userPath } from '../transport/odata';
import { convergentUserWrite } from './userWrite';

/** Pbx.Destination: where a forwarding rule sends a call. */
export interface Destination extends IDataObject {
	To: string;
	Number?: string;
	External?: string;
}

/** What Set Forwarding changes in each profile it touches. */
export interface ForwardingChange {
	destination: Destination;
	/** Seconds a call rings before it counts as unanswered (NoAnswerTimeout). */
	noAnswerTimeout?: number;
}

/**
 * One profile with every call forwarded to the destination: in the "available" routing,
 * unanswered, busy and not-registered calls, internal and external; in the "away" routing, all
 * calls at all hours. Other properties of the profile are kept as the PBX returned them.
 */
export function forwardAllCalls(profile: IDataObject, change: ForwardingChange): IDataObject {
	const dest = () => ({ ...change.destination });
	const available = (profile.AvailableRoute && typeof profile.AvailableRoute === 'object' ? profile.AvailableRoute : {}) as IDataObject;
	const away = (profile.AwayRoute && typeof profile.AwayRoute === 'object' ? profile.AwayRoute : {}) as IDataObject;
	const updated: IDataObject = {
		Id: profile.Id,
		AvailableRoute: {
			...available,
			NoAnswerAllCalls: true,
			NoAnswerInternal: dest(),
			NoAnswerExternal: dest(),
			BusyAllCalls: true,
			BusyInternal: dest(),
			BusyExternal: dest(),
			NotRegisteredAllCalls: true,
			NotRegisteredInternal: dest(),
			NotRegisteredExternal: dest(),
		},
		AwayRoute: { ...away, AllHoursInternal: true, AllHoursExternal: true, Internal: dest(), External: dest() },
	};
	if (change.noAnswerTimeout !== undefined) updated.NoAnswerTimeout = change.noAnswerTimeout;
	return updated;
}

/** A profile as Get Forwarding outputs it: the routes, named by where they go. */
export function describeDestination(destination: unknown): string | null {
	if (!destination || typeof destination !== 'object') return null;
	const d = destination as IDataObject;
	const to = typeof d.To === 'string' ? d.To : 'None';
	if (to === 'External') return `External ${String(d.External ?? '')}`.trim();
	if (d.Number) return `${to} ${String(d.Number)}`;
	return to;
}

/**
 * The Forward To parameters as a Pbx.Destination, checked before any request; the user's own
 * voicemail needs the user's number, which `ownNumber` may have to read.
 */
export function forwardingDestination(ctx: IExecuteFunctions, itemIndex: number, ownNumber: () => Promise<string>): Promise<Destination> | Destination {
	const type = ctx.getNodeParameter('destinationType', itemIndex) as 'extension' | 'external' | 'voicemail';
	if (type === 'extension') {
		const number = String(ctx.getNodeParameter('destinationNumber', itemIndex, '') ?? '').trim();
		if (!/^[0-9*#]{1,16}$/.test(number)) {
			throw new NodeOperationError(ctx.getNode(), `"Extension Number" must be an extension number (digits) in item ${itemIndex}, got ${JSON.stringify(number)}`, { itemIndex });
		}
		return { To: 'Extension', Number: number };
	}
	if (type === 'external') {
		const raw = String(ctx.getNodeParameter('destinationExternal', itemIndex, '') ?? '').trim();
		const number = raw.replace(/[\s().-]/g, '');
		if (!/^\+?[0-9]{3,20}$/.test(number)) {
			throw new NodeOperationError(ctx.getNode(), `"External Number" must be a phone number in item ${itemIndex}, got ${JSON.stringify(raw)}`, { itemIndex });
		}
		return { To: 'External', External: number };
	}
	return ownNumber().then((number) => ({ To: 'VoiceMail', Number: number }));
}

/** The range the editor offers for No Answer Timeout (Seconds); an expression cannot go past it either. */
export const NO_ANSWER_TIMEOUT = { min: 1, max: 600 };

/** Options › No Answer Timeout (Seconds), checked before any request (also from an expression, also given as text). */
export function readNoAnswerTimeout(ctx: IExecuteFunctions, itemIndex: number): number | undefined {
	return readOptionalNumber(ctx, 'options.noAnswerTimeout', itemIndex, { displayName: 'No Answer Timeout (Seconds)', ...NO_ANSWER_TIMEOUT });
}

/** A forward to the user's own extension would ring the user again: refused before any write. */
export function checkNotOwnExtension(ctx: IExecuteFunctions, itemIndex: number, destination: Destination, ownNumber: string): void {
	if (destination.To === 'Extension' && destination.Number === ownNumber) {
		throw new NodeOperationError(ctx.getNode(), `"Extension Number" in item ${itemIndex} is the user's own extension (${ownNumber}): a forward to itself forwards nothing`, {
			itemIndex,
			description: 'Give the extension that should get the calls (e.g. the manager\'s), or choose "Own Voicemail". Nothing was changed.',
		});
	}
}

function sameDestination(value: unknown, destination: Destination): boolean {
	if (!value || typeof value !== 'object') return false;
	const d = value as IDataObject;
	if (d.To !== destination.To) return false;
	return destination.To === 'External' ? String(d.External ?? '') === destination.External : String(d.Number ?? '') === destination.Number;
}

/** Whether a profile, as the PBX returns it, forwards every call as forwardAllCalls writes it. */
export function forwardsAllCalls(profile: IDataObject, change: ForwardingChange): boolean {
	const available = (profile.AvailableRoute ?? {}) as IDataObject;
	const away = (profile.AwayRoute ?? {}) as IDataObject;
	const routed = (route: IDataObject, keys: string[]) => keys.every((key) => sameDestination(route[key], change.destination));
	return (
		available.NoAnswerAllCalls === true &&
		available.BusyAllCalls === true &&
		available.NotRegisteredAllCalls === true &&
		routed(available, ['NoAnswerInternal', 'NoAnswerExternal', 'BusyInternal', 'BusyExternal', 'NotRegisteredInternal', 'NotRegisteredExternal']) &&
		away.AllHoursInternal === true &&
		away.AllHoursExternal === true &&
		routed(away, ['Internal', 'External']) &&
		(change.noAnswerTimeout === undefined || profile.NoAnswerTimeout === change.noAnswerTimeout)
	);
}

/**
 * Forwards every call of the user in the chosen profiles: GET /Users({Id})/ForwardingProfiles,
 * PATCH /Users({Id}) with those profiles built from the profiles as read (XAPI has no endpoint
 * for one profile), read back until they hold (convergentUserWrite). A profile name the PBX
 * does not have stops the node before any change.
 */
export async function forwardProfiles(ctx: IExecuteFunctions, itemIndex: number, id: number, chosen: string[], change: ForwardingChange): Promise<void> {
	const isChosen = (profile: IDataObject) => chosen.includes(String(profile.Name));
	await convergentUserWrite(ctx, itemIndex, id, {
		target: `the forwarding of user ${id} (${chosen.join(', ')} to ${describeDestination(change.destination)})`,
		read: async () => {
			const { records: profiles } = await listRecords(ctx, { collection: `/Users(${id})/ForwardingProfiles`, orderBy: 'Id' }, itemIndex);
			const missing = chosen.filter((name) => !profiles.some((p) => p.Name === name));
			if (missing.length) {
				throw new NodeOperationError(ctx.getNode(), `User ${id} has no forwarding profile named ${missing.map((m) => `"${m}"`).join(', ')} (item ${itemIndex})`, {
					itemIndex,
					description: `The PBX returned: ${profiles.map((p) => `"${String(p.Name)}"`).join(', ') || 'no profiles'}. Nothing was changed.`,
				});
			}
			return profiles;
		},
		holds: (profiles) => profiles.filter(isChosen).every((profile) => forwardsAllCalls(profile, change)),
		write: async (profiles) => {
			const changes = profiles.filter(isChosen).map((profile) => forwardAllCalls(profile, change));
			await request(ctx, { method: 'PATCH', path: userPath({ id }), body: { ForwardingProfiles: changes } }, itemIndex);
		},
	});
}
