import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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
