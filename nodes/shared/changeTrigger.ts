/**
 * The poll shared by the four change triggers (3CX, Cloudonix, sipXcom, OpenVox). Each
 * trigger reads its vendor's list with that vendor's own list code and mapping; this module
 * turns the list into Extension Created / Updated / Deleted events against the state in the
 * workflow's static data (see changes.ts), behind the mass-change guard of Compare
 * Extensions (massChange.ts).
 *
 * A poll either succeeds completely or changes nothing: the list is read, compared and
 * checked first, and the state is replaced only when the poll's events are returned. A failed
 * or partial read, a duplicate number or a safety stop throws, so n8n records a failed
 * execution and the next poll compares against the last good state.
 */
import type { IDataObject, INodeExecutionData, INodeProperties, INodePropertyOptions, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CompareInputError } from './compare';
import type { ChangeEvent, ChangeItem, ChangeSettings } from './changes';
import { CHANGE_EVENTS, diffChanges, isChangeState } from './changes';
import { asNodeError } from './errors';
import type { NormalisedExtension } from './extension';
import { MassChangeSettingError, checkMassChange, readSafetySettings, safetyProperty } from './massChange';
import { requestOptionsProperty } from './properties';
import { readRequestTimeout } from './timeout';

/** Where the state lives in the node's static data. */
export const STATE_KEY = 'changes';

/** How many current extensions "Fetch Test Event" shows. */
export const SAMPLE_SIZE = 3;

export const eventsProperty: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	required: true,
	default: ['created', 'updated', 'deleted'],
	options: [
		{ name: 'Extension Created', value: 'created', description: 'An extension appeared in the list' },
		{ name: 'Extension Deleted', value: 'deleted', description: 'An extension is no longer in the list' },
		{ name: 'Extension Updated', value: 'updated', description: 'One of the watched fields of an extension changed' },
	],
	description: 'Which changes start the workflow. Each change is one item with the event, the extension and, for updates, the changed fields.',
};

const WATCHABLE: Record<string, string> = {
	aliases: 'Aliases',
	email: 'E-Mail',
	enabled: 'Enabled',
	firstName: 'First Name',
	lastName: 'Last Name',
	mobile: 'Mobile',
	name: 'Name',
	status: 'Registration Status',
};

/** One Watched Fields option: a field of the normalised extension, with the vendor's meaning. */
export function watchField(value: keyof typeof WATCHABLE, description?: string): INodePropertyOptions {
	return description ? { name: WATCHABLE[value], value, description } : { name: WATCHABLE[value], value };
}

/** The Filters collection of a trigger; `options` are the vendor's list filters. */
export function filtersProperty(options: INodeProperties[], description?: string): INodeProperties {
	const property: INodeProperties = {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options,
	};
	if (description) property.description = description;
	return property;
}

/** The Watched Fields parameter: which normalised fields count as an update. */
export function watchFieldsProperty(fields: INodePropertyOptions[], defaults: string[]): INodeProperties {
	return {
		displayName: 'Watched Fields',
		name: 'watchFields',
		type: 'multiOptions',
		default: [...defaults],
		options: fields,
		description:
			'Fields of the normalised extension whose change is an Extension Updated event. Changes to other fields are ignored.',
	};
}

export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Emit Existing Extensions on First Poll',
			name: 'emitExisting',
			type: 'boolean',
			default: false,
			description:
				'Whether the first poll after activation emits every current extension as Extension Created. Off: the first poll only remembers the list and emits nothing.',
		},
		{
			displayName: 'Keep Previous Values',
			name: 'keepPrevious',
			type: 'boolean',
			default: false,
			description:
				'Whether to remember the watched fields\' values between polls, so that updates and deletions carry them in "previous". Off: only a short digest per field is kept (about 30 bytes per extension) and updates list the changed fields.',
		},
	],
};

export const triggerSafetyProperty: INodeProperties = safetyProperty({
	local: 'Current List',
	remote: 'Previous List',
	localOnly: 'Created',
	remoteOnly: 'Deleted',
	changed: 'Updated',
	note: 'A stopped poll emits nothing and keeps the previous list, so the next poll sees the same changes again.',
});

/** Request Options › Timeout, as on the vendor nodes: the last property of every trigger. */
export const triggerRequestOptionsProperty: INodeProperties = requestOptionsProperty('trigger');

/** What a vendor trigger hands to the shared poll. */
export interface ChangeSource {
	/** The normalised `source` value, e.g. `3cx`. */
	source: string;
	/** The vendor as users name it, e.g. "3CX". */
	vendor: string;
	/** The filters the list is read with, as JSON (a change takes a new baseline). */
	filters: IDataObject;
	/**
	 * The whole list, normalised as the vendor node outputs it. Throws on any failure or when
	 * the list is known to be incomplete: an empty or partial list is never a guess.
	 */
	read: () => Promise<NormalisedExtension[]>;
}

/** Selected watched fields in a stable order (the digest order must not depend on clicks). */
function readFields(ctx: IPollFunctions): string[] {
	const value = ctx.getNodeParameter('watchFields', []) as unknown;
	const list = Array.isArray(value) ? value.map(String) : [];
	return [...new Set(list)].sort();
}

function readEvents(ctx: IPollFunctions): ChangeEvent[] {
	const value = ctx.getNodeParameter('events', []) as unknown;
	const events = (Array.isArray(value) ? value : []).filter((event): event is ChangeEvent =>
		CHANGE_EVENTS.includes(event as ChangeEvent),
	);
	if (events.length === 0) {
		throw new NodeOperationError(ctx.getNode(), 'Choose at least one event under "Events"', {
			description: 'Extension Created, Extension Updated or Extension Deleted.',
		});
	}
	return events;
}

function toItems(changes: ChangeItem[]): INodeExecutionData[][] | null {
	return changes.length ? [changes.map((json) => ({ json }))] : null;
}

/** "Fetch Test Event": a few current extensions shaped as the selected events, state untouched. */
function sampleEvents(extensions: NormalisedExtension[], events: ChangeEvent[], fields: string[], source: string): ChangeItem[] {
	return extensions.slice(0, SAMPLE_SIZE).map((extension, index): ChangeItem => {
		const event = events[index % events.length];
		if (event === 'updated') return { event, extension, changedFields: fields.slice(0, 1) };
		if (event === 'deleted') return { event, extension: { number: extension.number, id: extension.id ?? extension.number, source } };
		return { event, extension };
	});
}

async function readList(ctx: IPollFunctions, source: ChangeSource): Promise<NormalisedExtension[]> {
	try {
		return await source.read();
	} catch (error) {
		const message = (error as Error).message;
		const description = (error as { description?: string }).description;
		throw new NodeOperationError(ctx.getNode(), `Could not read the ${source.vendor} extension list: ${message}`, {
			description: `Nothing was emitted and the remembered list is unchanged, so the next poll compares against the last complete list.${description ? ` ${description}` : ''}`,
		});
	}
}

/** The poll() of every change trigger. */
export async function pollChanges(this: IPollFunctions, source: ChangeSource): Promise<INodeExecutionData[][] | null> {
	const events = readEvents(this);
	const fields = readFields(this);
	const options = this.getNodeParameter('options', {}) as IDataObject;
	let safety;
	try {
		safety = readSafetySettings(this.getNodeParameter('safety', {}));
	} catch (error) {
		if (!(error instanceof MassChangeSettingError)) throw asNodeError(this.getNode(), error);
		throw new NodeOperationError(this.getNode(), error.message, { description: `Fix "${error.parameter}" under Safety.` });
	}
	// Checked before the list is read, so a bad value is named as itself, not as a failed read.
	readRequestTimeout(this, undefined);
	const extensions = await readList(this, source);

	if (this.getMode() === 'manual') {
		if (extensions.length === 0) {
			throw new NodeOperationError(this.getNode(), `The ${source.vendor} list has no extensions to show as a test event`, {
				description: 'Check the Filters, or add an extension on the PBX.',
			});
		}
		return toItems(sampleEvents(extensions, events, fields, source.source));
	}

	const settings: ChangeSettings = {
		fields,
		filters: JSON.stringify(source.filters),
		keepPrevious: options.keepPrevious === true,
		source: source.source,
	};
	const staticData = this.getWorkflowStaticData('node');
	const stored = staticData[STATE_KEY];
	let result;
	try {
		result = diffChanges(extensions, stored, settings);
	} catch (error) {
		if (!(error instanceof CompareInputError)) throw asNodeError(this.getNode(), error);
		throw new NodeOperationError(this.getNode(), `${source.vendor} listed an extension number twice: ${error.message.replace(/ in the Local input.*$/, '')}`, {
			description: 'Events need one extension per number. Nothing was emitted and the remembered list is unchanged.',
		});
	}

	if (result.baseline) {
		const firstPoll = !isChangeState(stored);
		staticData[STATE_KEY] = result.state;
		if (!firstPoll || options.emitExisting !== true || !events.includes('created')) return null;
		return toItems(extensions.filter((extension) => extension.number).map((extension) => ({ event: 'created', extension })));
	}

	const chosen = (event: ChangeEvent, list: ChangeItem[]) => (events.includes(event) ? list : []);
	const created = chosen('created', result.created);
	const updated = chosen('updated', result.updated);
	const deleted = chosen('deleted', result.deleted);
	const verdict = checkMassChange(
		{
			localTotal: result.currentTotal,
			remoteTotal: result.storedTotal,
			localOnly: created.length,
			remoteOnly: deleted.length,
			changed: updated.length,
		},
		safety,
		{ local: 'Current List', remote: 'Previous List', localOnly: 'Created', remoteOnly: 'Deleted', changed: 'Updated' },
	);
	if (verdict.status === 'stopped') {
		throw new NodeOperationError(this.getNode(), verdict.message!.replace('Nothing was passed on.', 'Nothing was emitted.'), {
			description: `${verdict.description} The remembered list is unchanged, so the next poll sees the same changes.`,
		});
	}
	staticData[STATE_KEY] = result.state;
	return toItems([...created, ...updated, ...deleted]);
}
