/**
 * The poll shared by the four change triggers (3CX, Cloudonix, sipXcom, OpenVox). Each
 * trigger reads its vendor's list with that vendor's own list code and mapping; this module
 * turns the list into Extension Created / Updated / Deleted events against the state in the
 * workflow's static data (see changes.ts), behind the mass-change guard of Compare
 * Extensions (massChange.ts).
 *
 * A poll either succeeds completely or changes nothing: the list is read, compared, its
 * deletions confirmed and the result checked first, and the state is replaced only when the
 * poll's events are returned. A failed or partial read, a failed confirmation, a duplicate
 * number or a safety stop throws, so n8n records a failed execution and the next poll compares
 * against the last good state. A state that cannot be compared against (first poll, other
 * filters, another PBX, a state this version cannot read) is replaced by a new baseline, which
 * emits nothing and is logged.
 */
import type { IDataObject, INode, INodeExecutionData, INodeProperties, INodePropertyOptions, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BaselineReason, ChangeEvent, ChangeItem, ChangeResult, ChangeSettings } from './changes';
import { CHANGE_EVENTS, changeItem, diffChanges, DuplicateNumberError, pbxFingerprint } from './changes';
import { asNodeError } from './errors';
import type { NormalisedExtension } from './extension';
import { MassChangeSettingError, checkMassChange, readSafetySettings, safetyProperty } from './massChange';
import { requestOptionsProperty } from './properties';
import { readRequestTimeout } from './timeout';
import type { RecordList } from './vendorApi';

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
	 * What identifies the PBX the credential points at: its base URL (and the Cloudonix domain).
	 * Another PBX takes a new baseline; another account on the same PBX does not.
	 */
	pbx: string[];
	/**
	 * The whole list, normalised as the vendor node outputs it. Throws on any failure or when
	 * the list is known to be incomplete: an empty or partial list is never a guess.
	 */
	read: () => Promise<NormalisedExtension[]>;
	/**
	 * For lists read in pages (3CX, sipXcom), where a record can slip between two pages: the
	 * record with this vendor id as the PBX holds it now, read directly, or undefined when the
	 * PBX answers that it does not exist or it no longer matches the Filters. A remembered
	 * extension missing from the list is a deletion only once this says so. Lists the vendor
	 * answers in one piece (Cloudonix, OpenVox) need none.
	 */
	recheck?: (id: string) => Promise<NormalisedExtension | undefined>;
}

/** Reads of a paged list in one poll at most, when it changes while it is paged. */
export const MAX_LIST_READS = 3;

/**
 * A list read in pages, whole. When fewer records came than the vendor's count, a page came
 * back short or the list changed while it was paged (a record deleted, or moved to an earlier
 * page, shifts a later one out of view): it is read again, at most MAX_LIST_READS times in all,
 * and a list that stays short fails the read. Never a partial list. `reporter` names who counts
 * in the message ("the PBX", "sipXconfig").
 */
export async function readWholeList(node: INode, read: () => Promise<RecordList>, reporter: string): Promise<IDataObject[]> {
	for (let reads = 1; ; reads++) {
		const { records, total } = await read();
		if (total === undefined || records.length >= total) return records;
		if (reads >= MAX_LIST_READS) {
			throw new NodeOperationError(
				node,
				`${reporter} reported ${total} users but ${records.length} were read, in each of ${reads} reads (a page came back short, or the list kept changing while it was paged)`,
			);
		}
	}
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
		if (event === 'updated') return changeItem(event, extension, fields.slice(0, 1));
		if (event === 'deleted') return changeItem(event, { number: extension.number, id: extension.id ?? extension.number, source });
		return changeItem(event, extension);
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

/** The diff, with a number listed twice worded as the vendor's answer. */
function compare(ctx: IPollFunctions, source: ChangeSource, extensions: NormalisedExtension[], stored: unknown, settings: ChangeSettings): ChangeResult {
	try {
		return diffChanges(extensions, stored, settings);
	} catch (error) {
		if (!(error instanceof DuplicateNumberError)) throw asNodeError(ctx.getNode(), error);
		throw new NodeOperationError(ctx.getNode(), `${source.vendor} listed extension number ${JSON.stringify(error.number)} twice`, {
			description: 'Events need one extension per number. Nothing was emitted and the remembered list is unchanged.',
		});
	}
}

const KEPT = 'Nothing was emitted and the remembered list is unchanged, so the next poll compares against the last complete list.';

/**
 * Confirms every deletion with the PBX (`recheck`): a remembered extension the list did not show
 * is read directly by its id. One that is gone (or left the Filters) stays a deletion; one that
 * is still there slipped between two pages, and the diff is made again with it in the list (it
 * may be unchanged, updated or renumbered). Returns the diff whose deletions are all confirmed.
 */
async function confirmDeletions(
	ctx: IPollFunctions,
	source: ChangeSource,
	extensions: NormalisedExtension[],
	stored: unknown,
	settings: ChangeSettings,
	first: ChangeResult,
): Promise<ChangeResult> {
	const recheck = source.recheck;
	if (!recheck) return first;
	let result = first;
	const checked = new Set<string>();
	const found: NormalisedExtension[] = [];
	for (;;) {
		const unchecked = result.deleted.map((item) => item.extension).filter((extension) => !checked.has(String(extension.number)));
		if (unchecked.length === 0) return result;
		const before = found.length;
		for (const extension of unchecked) {
			const number = String(extension.number);
			checked.add(number);
			let now;
			try {
				now = await recheck(String(extension.id));
			} catch (error) {
				const description = (error as { description?: string }).description;
				throw new NodeOperationError(ctx.getNode(), `Could not confirm with ${source.vendor} that extension ${number} was deleted: ${(error as Error).message}`, {
					description: `${KEPT}${description ? ` ${description}` : ''}`,
				});
			}
			if (now) found.push(now);
		}
		if (found.length === before) return result;
		result = compare(ctx, source, [...extensions, ...found], stored, settings);
	}
}

function logBaseline(ctx: IPollFunctions, source: ChangeSource, reason: BaselineReason, count: number): void {
	const who = `${source.vendor} Trigger "${ctx.getNode().name}"`;
	const outcome = `took a new baseline of ${count} extension${count === 1 ? '' : 's'}, nothing was emitted`;
	const meta = { workflowId: ctx.getWorkflow().id, node: ctx.getNode().name };
	switch (reason.kind) {
		case 'first':
			ctx.logger.info(`${who}: remembered the ${count} current extension${count === 1 ? '' : 's'} (first poll)`, meta);
			return;
		case 'filters':
			ctx.logger.info(`${who}: the Filters changed; ${outcome}`, meta);
			return;
		case 'pbx':
			ctx.logger.warn(`${who}: the credential now points at another PBX (its URL or account changed); ${outcome}`, meta);
			return;
		case 'unreadable':
			ctx.logger.warn(`${who}: the remembered extension list could not be read (${reason.detail}); ${outcome}`, meta);
			return;
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
		pbx: pbxFingerprint(source.pbx),
	};
	const staticData = this.getWorkflowStaticData('node');
	const stored = staticData[STATE_KEY];
	let result = compare(this, source, extensions, stored, settings);

	if (result.baseline) {
		const reason = result.reason ?? { kind: 'first' };
		logBaseline(this, source, reason, Object.keys(result.state.e).length);
		staticData[STATE_KEY] = result.state;
		// Only a trigger that never polled emits the existing list; a replaced state never does.
		if (reason.kind !== 'first' || options.emitExisting !== true || !events.includes('created')) return null;
		return toItems(extensions.filter((extension) => extension.number).map((extension) => changeItem('created', extension)));
	}

	const chosen = (event: ChangeEvent, list: ChangeItem[]) => (events.includes(event) ? list : []);
	const guard = (checked: ChangeResult) => {
		const verdict = checkMassChange(
			{
				localTotal: checked.currentTotal,
				remoteTotal: checked.storedTotal,
				localOnly: chosen('created', checked.created).length,
				remoteOnly: chosen('deleted', checked.deleted).length,
				changed: chosen('updated', checked.updated).length,
			},
			safety,
			{ local: 'Current List', remote: 'Previous List', localOnly: 'Created', remoteOnly: 'Deleted', changed: 'Updated' },
		);
		if (verdict.status === 'stopped') {
			throw new NodeOperationError(this.getNode(), verdict.message!.replace('Nothing was passed on.', 'Nothing was emitted.'), {
				description: `${verdict.description} The remembered list is unchanged, so the next poll sees the same changes.`,
			});
		}
	};
	// Checked before the deletions are confirmed (a stop needs no confirmation requests), and after.
	guard(result);
	result = await confirmDeletions(this, source, extensions, stored, settings, result);
	guard(result);
	staticData[STATE_KEY] = result.state;
	return toItems([...chosen('created', result.created), ...chosen('updated', result.updated), ...chosen('deleted', result.deleted)]);
}
