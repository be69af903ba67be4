/**
 * Call queues (Pbx.Queue): the routes of callGroups.ts with Agents (Pbx.QueueAgent, with their
 * SkillGroup) and Managers as member lists, and Pbx.GetFirstAvailableQueueNumber().
 */
import type { CallGroupKind } from './callGroups';
import { callGroupRoutes } from './callGroups';
import type { ThreeCxContext } from './context';
import { QUEUE_AGENTS, QUEUE_MANAGERS, QUEUES } from './schema';
import type { ThreeCxQueue } from './store';

export const QUEUE_KIND: CallGroupKind<ThreeCxQueue> = {
	collection: 'Queues',
	firstAvailable: 'Pbx.GetFirstAvailableQueueNumber()',
	set: QUEUES,
	memberLists: { Agents: QUEUE_AGENTS, Managers: QUEUE_MANAGERS },
	records: (state) => state.queues,
	nextId: (state) => state.nextQueueId++,
	create: (Id, Number, Name) => ({
		Id,
		Number,
		Name,
		PollingStrategy: 'Hunt',
		RingTimeout: 20,
		MasterTimeout: 0,
		MaxCallersInQueue: 0,
		WrapUpTime: 0,
		AnnouncementInterval: 0,
		PriorityQueue: false,
		Recording: 'Disabled',
		IsRegistered: false,
		Agents: [],
		Managers: [],
	}),
};

export function queueRoutes(ctx: ThreeCxContext): void {
	callGroupRoutes(ctx, QUEUE_KIND);
}
