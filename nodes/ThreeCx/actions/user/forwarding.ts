import type { IDataObject } from 'n8n-workflow';

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
