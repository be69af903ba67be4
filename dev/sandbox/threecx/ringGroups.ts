/**
 * Ring groups (Pbx.RingGroup): the routes of callGroups.ts with Members (Pbx.RingGroupMember)
 * as the member list, and Pbx.GetFirstAvailableRingGroupNumber().
 */
import type { CallGroupKind } from './callGroups';
import { callGroupRoutes } from './callGroups';
import type { ThreeCxContext } from './context';
import { RING_GROUP_MEMBERS, RING_GROUPS } from './schema';
import type { ThreeCxRingGroup } from './store';

export const RING_GROUP_KIND: CallGroupKind<ThreeCxRingGroup> = {
	collection: 'RingGroups',
	firstAvailable: 'Pbx.GetFirstAvailableRingGroupNumber()',
	set: RING_GROUPS,
	memberLists: { Members: RING_GROUP_MEMBERS },
	records: (state) => state.ringGroups,
	nextId: (state) => state.nextRingGroupId++,
	create: (Id, Number, Name) => ({ Id, Number, Name, RingStrategy: 'RingAll', RingTime: 20, IsRegistered: false, Members: [] }),
};

export function ringGroupRoutes(ctx: ThreeCxContext): void {
	callGroupRoutes(ctx, RING_GROUP_KIND);
}
