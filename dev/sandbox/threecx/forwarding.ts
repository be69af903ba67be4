/**
 * Forwarding profiles (Pbx.ForwardingProfile): the five every V20 user has, listed under
 * `Users({Id})/ForwardingProfiles` and changed by a user PATCH that names them.
 */
import type { SandboxResponse } from '../core';
import type { ThreeCxContext } from './context';
import { isUser, userById, userSub, validation } from './context';
import { FORWARDING_PROFILES } from './schema';
import type { ThreeCxDestination, ThreeCxForwardingProfile, ThreeCxUser } from './store';
import { FORWARDING_PROFILE_NAMES } from './store';

/** Pbx.DestinationType values. */
const DESTINATION_TYPES = [
	'None',
	'VoiceMail',
	'Extension',
	'Queue',
	'RingGroup',
	'IVR',
	'External',
	'Fax',
	'Boomerang',
	'Deflect',
	'VoiceMailOfDestination',
	'Callback',
	'RoutePoint',
	'ProceedWithNoExceptions',
];

/** The five forwarding profiles of a new user: unanswered calls go to the user's voicemail. */
export function defaultForwardingProfiles(number: string, firstId: number): ThreeCxForwardingProfile[] {
	const voicemail = (): ThreeCxDestination => ({ To: 'VoiceMail', Number: number, External: null, Name: null });
	return FORWARDING_PROFILE_NAMES.map((Name, index) => ({
		Id: firstId + index,
		Name,
		CustomName: null,
		NoAnswerTimeout: 20,
		AcceptMultipleCalls: false,
		RingMyMobile: false,
		AvailableRoute: {
			NoAnswerAllCalls: true,
			NoAnswerInternal: voicemail(),
			NoAnswerExternal: voicemail(),
			BusyAllCalls: true,
			BusyInternal: voicemail(),
			BusyExternal: voicemail(),
			NotRegisteredAllCalls: true,
			NotRegisteredInternal: voicemail(),
			NotRegisteredExternal: voicemail(),
		},
		AwayRoute: { AllHoursInternal: true, AllHoursExternal: true, Internal: voicemail(), External: voicemail() },
	}));
}

/** A PATCH replaces the complex properties of each profile it names (OData PATCH of a complex value). */
export function applyForwardingProfiles(user: ThreeCxUser, profiles: Array<Record<string, unknown>>): void {
	for (const change of profiles) {
		const profile = user.ForwardingProfiles.find((p) => p.Id === change.Id)!;
		for (const [key, value] of Object.entries(change)) if (key !== 'Id' && key !== 'Name') profile[key] = value;
	}
}

/** Checks the ForwardingProfiles of a Pbx.User body: the user's own profiles, known destination types. */
export function forwardingProblem(profiles: Array<Record<string, unknown>>, self?: ThreeCxUser): SandboxResponse | undefined {
	for (const profile of profiles) {
		if (!self || !self.ForwardingProfiles.some((p) => p.Id === profile.Id)) return validation('ForwardingProfiles', 'WARNINGS.XAPI.NOT_FOUND');
		for (const route of [profile.AvailableRoute, profile.AwayRoute]) {
			if (route === undefined || route === null) continue;
			for (const value of Object.values(route as Record<string, unknown>)) {
				if (value && typeof value === 'object' && !DESTINATION_TYPES.includes(String((value as ThreeCxDestination).To))) {
					return validation('To', 'WARNINGS.XAPI.INVALID');
				}
			}
		}
	}
	return undefined;
}

export function forwardingRoutes({ state, api, collection }: ThreeCxContext): void {
	api('GET', userSub('ForwardingProfiles'), (req) => {
		const user = userById(state, req.params.key);
		if (!isUser(user)) return user;
		return collection(FORWARDING_PROFILES, JSON.parse(JSON.stringify(user.ForwardingProfiles)) as never, req, `Users(${user.Id})/ForwardingProfiles`);
	});
}
