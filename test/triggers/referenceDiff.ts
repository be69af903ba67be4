/**
 * The change triggers' diff as it was before the direct pass (issue 26): Compare Extensions'
 * join on digest items built for both sides, then the renumber pairing. Kept as the reference
 * the property test holds nodes/shared/changes.ts to: the same events on any list. It reads the
 * stored state with the same functions (baselineReason, storedEntry); what it checks is the join.
 */
import type { IDataObject } from 'n8n-workflow';

import type { ChangeItem, ChangeResult, ChangeSettings, ChangeState } from '../../nodes/shared/changes';
import { baselineReason, buildState, DIGEST_CHARS, fieldDigest, storedEntry } from '../../nodes/shared/changes';
import type { CompareOptions } from '../../nodes/shared/compare';
import { compareExtensions } from '../../nodes/shared/compare';
import type { NormalisedExtension } from '../../nodes/shared/extension';

const JOIN: Partial<CompareOptions> = {
	localKey: 'number',
	remoteKey: 'number',
	keyMatching: 'exact',
	looseRules: [],
	// Two extensions with one number make the picture ambiguous; the poll fails instead.
	duplicates: 'error',
	missingKeys: 'skip',
};

/**
 * Compares the current list with the stored state. Without a usable state (first poll, other
 * filters, another PBX, or a state this version cannot read) the result is a baseline with no
 * events. Fields watched now but not when the state was stored are not compared this once
 * (their old digests are unknown). An extension whose number is gone but whose vendor id is in
 * the current list was renumbered: one update with `number` in `changedFields` and the old
 * number in `previous`, never a deletion. Throws CompareInputError for duplicate numbers in the
 * current list.
 */
export function referenceDiff(
	extensions: readonly NormalisedExtension[],
	stored: unknown,
	settings: ChangeSettings,
): ChangeResult {
	const state = buildState(extensions, settings);
	const result: ChangeResult = {
		baseline: true,
		created: [],
		updated: [],
		deleted: [],
		currentTotal: extensions.length,
		storedTotal: 0,
		state,
	};
	const reason = baselineReason(stored, settings);
	if (reason) return { ...result, reason };
	const previousState = stored as ChangeState;

	const storedFields = previousState.f === '' ? [] : previousState.f.split(',');
	const digestLength = storedFields.length * DIGEST_CHARS;
	const compared = settings.fields.filter((field) => storedFields.includes(field));
	const storedNumbers = Object.keys(previousState.e);
	const entries: Array<[string, IDataObject | undefined]> = [];
	for (const number of storedNumbers) {
		const parts = storedEntry(previousState.e[number], digestLength);
		if (!parts) return { ...result, reason: { kind: 'unreadable', detail: 'an extension\'s entry is not a digest' } };
		entries.push(parts);
	}
	result.baseline = false;
	result.storedTotal = storedNumbers.length;

	// One digest item per extension on each side; Compare Extensions joins them by number.
	const currentItems = extensions.map((extension) => {
		const item: IDataObject = { number: extension.number };
		for (const field of compared) item[field] = fieldDigest(extension[field]);
		return item;
	});
	const storedDigest = (index: number, field: string) => {
		const at = storedFields.indexOf(field) * DIGEST_CHARS;
		return entries[index][0].slice(at, at + DIGEST_CHARS);
	};
	const storedItems = storedNumbers.map((number, index) => {
		const item: IDataObject = { number };
		for (const field of compared) item[field] = storedDigest(index, field);
		return item;
	});
	const joined = compareExtensions(currentItems, storedItems, {
		...JOIN,
		fields: compared.map((field) => ({ local: field, remote: field })),
	});

	// The vendor's id on each side; an id that is not stored equals the number (OpenVox).
	const storedId = (index: number) => entries[index][0].slice(digestLength) || storedNumbers[index];
	const currentId = (index: number) => extensions[index].id ?? extensions[index].number;
	const previousOf = (index: number): IDataObject | undefined => {
		const values = entries[index][1];
		return settings.keepPrevious && values ? { ...values } : undefined;
	};

	// Renumbers: a stored number that is gone, whose id is now on a created extension, or on an
	// extension whose number was matched to a stored one with another id. That stored one then
	// looks for its own id in turn; if it finds none it is no deletion, since its number lives on.
	// Written as a plain search over the join's lists (the direct diff uses maps), so the property
	// test checks the pairing too: each id is taken once, by its first extension in list order.
	const matched = [...joined.changed, ...joined.synced].sort((a, b) => a.local - b.local);
	const takenIds = new Set<string>();
	const takenMatchedIds = new Set<string>();
	const renumbered = new Map<number, number>(); // current index → stored index
	const dissolved = new Set<number>(); // positions in `matched` replaced by a renumber
	const gone: number[] = [];
	const queue = joined.remoteOnly.map((index) => ({ index, numberLives: false }));
	while (queue.length > 0) {
		const { index, numberLives } = queue.shift()!;
		const id = storedId(index);
		const created = takenIds.has(id) ? undefined : joined.localOnly.find((local) => currentId(local) === id);
		if (created !== undefined) {
			takenIds.add(id);
			renumbered.set(created, index);
			continue;
		}
		const at = takenMatchedIds.has(id) ? -1 : matched.findIndex((pair) => currentId(pair.local) === id && storedId(pair.remote) !== id);
		if (at >= 0) {
			takenMatchedIds.add(id);
			dissolved.add(at);
			renumbered.set(matched[at].local, index);
			queue.push({ index: matched[at].remote, numberLives: true });
			continue;
		}
		if (!numberLives) gone.push(index);
	}

	for (const index of joined.localOnly) {
		if (!renumbered.has(index)) result.created.push({ event: 'created', extension: extensions[index] });
	}
	const updates: Array<[number, ChangeItem]> = [];
	matched.forEach((pair, at) => {
		if (dissolved.has(at) || pair.differences.length === 0) return;
		const item: ChangeItem = { event: 'updated', extension: extensions[pair.local], changedFields: pair.differences.map((difference) => difference.field) };
		const previous = previousOf(pair.remote);
		if (previous) item.previous = previous;
		updates.push([pair.local, item]);
	});
	for (const [index, storedIndex] of renumbered) {
		const changedFields = ['number', ...compared.filter((field) => currentItems[index][field] !== storedDigest(storedIndex, field))];
		const previous = { number: storedNumbers[storedIndex], ...previousOf(storedIndex) };
		updates.push([index, { event: 'updated', extension: extensions[index], changedFields, previous }]);
	}
	updates.sort(([a], [b]) => a - b);
	result.updated = updates.map(([, item]) => item);
	for (const index of gone) {
		const number = storedNumbers[index];
		const previous = previousOf(index);
		const extension: IDataObject = { number, id: storedId(index), source: settings.source, ...(previous ?? {}) };
		const item: ChangeItem = { event: 'deleted', extension };
		if (previous) item.previous = previous;
		result.deleted.push(item);
	}
	return result;
}
