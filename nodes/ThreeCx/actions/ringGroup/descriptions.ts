import type { INodeProperties } from 'n8n-workflow';

/**
 * The ring group's own form fields. Everything else a ring group shares with a queue (the
 * picker, Get Many's options, Create's number, adding and removing members) is built in
 * ../queue/descriptions.ts.
 */

/** The Pbx.RingGroup fields offered as form fields; the rest goes in the JSON field. */
export function ringGroupFields(): INodeProperties[] {
	return [
		{
			displayName: 'Ring Strategy',
			name: 'RingStrategy',
			type: 'options',
			default: 'RingAll',
			// Pbx.StrategyType
			options: [
				{ name: 'Hunt', value: 'Hunt', description: 'Members one after the other in their order' },
				{ name: 'Paging', value: 'Paging', description: 'The members\' phones answer at once on speaker (one-way announcement)' },
				{ name: 'Ring All', value: 'RingAll', description: 'All members at once; the first to answer takes the call' },
			],
			description: 'How calls ring the members',
		},
		{
			displayName: 'Ring Time (Seconds)',
			name: 'RingTime',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 20,
			description: 'How long the members\' phones ring before the call goes to the no-answer destination',
		},
	];
}
