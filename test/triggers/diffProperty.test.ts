/**
 * Property test: the direct diff (nodes/shared/changes.ts) and the reference diff it replaced
 * (Compare Extensions' join plus the renumber pairing, ./referenceDiff.ts) give the same result
 * on random lists: the same events in the same order, the same baseline decision and the same
 * new state, or both refuse a number listed twice. Random but deterministic: every list comes
 * from a seeded generator, so a failure names its seed and replays exactly.
 */
import type { IDataObject } from 'n8n-workflow';

import type { ChangeResult, ChangeSettings } from '../../nodes/shared/changes';
import { buildState, diffChanges, DuplicateNumberError } from '../../nodes/shared/changes';
import { CompareInputError } from '../../nodes/shared/compare';
import type { NormalisedExtension } from '../../nodes/shared/extension';
import { referenceDiff } from './referenceDiff';

/** mulberry32: a small seeded generator, so every run draws the same lists. */
function generator(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return {
		chance: (p: number) => next() < p,
		int: (max: number) => Math.floor(next() * max),
		pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)],
	};
}
type Random = ReturnType<typeof generator>;

const WATCHABLE = ['aliases', 'email', 'enabled', 'name', 'status'];
const ODD_NUMBERS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', ' ', '0', '007'];
const NAMES = ['Anna', 'Ben', 'Carla', 'anna', '', 'Zoë', 'Seán O\'Brien'];

function fieldsOf(random: Random): string[] {
	return WATCHABLE.filter(() => random.chance(0.5)).sort();
}

function extension(random: Random, number: string, id: string | undefined): NormalisedExtension {
	const out: NormalisedExtension = { number, source: 'pbx', raw: { number } };
	if (id !== undefined) out.id = id;
	if (random.chance(0.8)) out.name = random.pick(NAMES);
	if (random.chance(0.7)) out.email = `${number}@example.com`;
	if (random.chance(0.7)) out.enabled = random.chance(0.8);
	if (random.chance(0.5)) out.status = random.pick(['registered', 'unregistered']);
	if (random.chance(0.3)) out.aliases = random.chance(0.5) ? [] : [`${number}0`];
	return out;
}

/** A PBX's list: numbers 100…, ids either apart from the number (3CX, Cloudonix, sipXcom) or equal to it (OpenVox). */
function before(random: Random, size: number, idStyle: 'own' | 'number' | 'none'): NormalisedExtension[] {
	const list: NormalisedExtension[] = [];
	for (let i = 0; i < size; i++) {
		const number = random.chance(0.05) ? random.pick(ODD_NUMBERS) : String(100 + i);
		if (list.some((item) => item.number === number)) continue;
		list.push(extension(random, number, idStyle === 'own' ? String(i + 1) : idStyle === 'number' ? number : undefined));
	}
	return list;
}

/** The PBX one poll later: deletions, creations, changed fields, renumbers, replacements, swaps, now and then a duplicate or an empty number. */
function after(random: Random, list: NormalisedExtension[], idStyle: 'own' | 'number' | 'none'): NormalisedExtension[] {
	const out = list.filter(() => !random.chance(0.1)).map((item) => ({ ...item }));
	let nextId = 10_000 + random.int(1000);
	const freed = list.filter((item) => !out.some((kept) => kept.number === item.number)).map((item) => item.number);
	for (const item of out) {
		if (random.chance(0.15)) item.name = random.pick(NAMES);
		if (random.chance(0.1)) item.email = random.chance(0.5) ? undefined : `new.${item.number}@example.com`;
		if (random.chance(0.1)) item.enabled = !item.enabled;
		if (random.chance(0.1)) item.status = item.status === 'registered' ? 'unregistered' : 'registered';
		if (idStyle !== 'number' && random.chance(0.08)) {
			// Renumbered: a new number, sometimes one freed in the same interval.
			item.number = freed.length && random.chance(0.3) ? freed.splice(random.int(freed.length), 1)[0] : String(5000 + random.int(3000));
		}
		if (random.chance(0.03)) item.id = String(nextId++); // deleted and created again with the same number
	}
	if (random.chance(0.2) && out.length > 1) {
		// Two records swap their numbers.
		const a = out[random.int(out.length)];
		const b = out[random.int(out.length)];
		[a.number, b.number] = [b.number, a.number];
	}
	for (let i = random.int(4); i > 0; i--) {
		const number = random.chance(0.2) && freed.length ? freed[random.int(freed.length)] : String(9000 + random.int(2000));
		out.push(extension(random, number, idStyle === 'own' ? String(nextId++) : idStyle === 'number' ? number : undefined));
	}
	if (random.chance(0.03)) out.push(extension(random, '', idStyle === 'own' ? String(nextId++) : undefined));
	if (random.chance(0.04) && out.length) out.push({ ...out[random.int(out.length)], id: String(nextId++) });
	// The order the PBX lists them in (Fisher–Yates with the seeded generator).
	if (random.chance(0.5)) {
		for (let i = out.length - 1; i > 0; i--) {
			const j = random.int(i + 1);
			[out[i], out[j]] = [out[j], out[i]];
		}
	}
	return out;
}

/** The stored state as n8n keeps it (JSON), now and then from other settings or damaged. */
function stored(random: Random, list: NormalisedExtension[], settings: ChangeSettings): unknown {
	if (random.chance(0.03)) return undefined;
	const storedWith: ChangeSettings = {
		...settings,
		fields: random.chance(0.7) ? settings.fields : fieldsOf(random),
		keepPrevious: random.chance(0.7) ? settings.keepPrevious : !settings.keepPrevious,
		filters: random.chance(0.95) ? settings.filters : '{"other":1}',
		pbx: random.chance(0.9) ? settings.pbx : random.chance(0.5) ? undefined : 'another-pbx',
	};
	const state = JSON.parse(JSON.stringify(buildState(list, storedWith))) as IDataObject & { e: IDataObject };
	const numbers = Object.keys(state.e);
	if (random.chance(0.04) && numbers.length) state.e[random.pick(numbers)] = random.pick([42, 'A', null, ['AAAA'], { a: 1 }, '!!!!!!!!!!!!!!!!!!!!']);
	if (random.chance(0.02)) state.e[''] = 'AAAAAAAAAAAAAAAAAAAA';
	if (random.chance(0.02)) state.v = 2;
	return state;
}

type Outcome = { duplicate: true } | { duplicate: false; result: ChangeResult };

function outcome(run: () => ChangeResult): Outcome {
	try {
		return { duplicate: false, result: run() };
	} catch (error) {
		if (error instanceof DuplicateNumberError || error instanceof CompareInputError) return { duplicate: true };
		throw error;
	}
}

/** The whole result: the events in order, and the state as n8n saves it. */
function serialised(outcome: Outcome): string {
	if (outcome.duplicate) return 'duplicate';
	const { baseline, reason, created, updated, deleted, currentTotal, storedTotal, state } = outcome.result;
	return JSON.stringify([baseline, reason, created, updated, deleted, currentTotal, storedTotal, state]);
}

interface Seen {
	events: number;
	renumbers: number;
	baselines: number;
	duplicates: number;
}

function check(seed: number, size: number, seen: Seen): void {
	const random = generator(seed);
	const idStyle = random.pick(['own', 'own', 'number', 'none'] as const);
	const settings: ChangeSettings = { fields: fieldsOf(random), filters: '{}', keepPrevious: random.chance(0.3), source: 'pbx', pbx: 'this-pbx' };
	const list = before(random, size, idStyle);
	const state = stored(random, list, settings);
	const current = after(random, list, idStyle);
	const direct = outcome(() => diffChanges(current, state, settings));
	const reference = outcome(() => referenceDiff(current, state, settings));
	// Compared as JSON (events in order, the state as n8n saves it); a difference is shown in full.
	if (serialised(direct) !== serialised(reference)) {
		try {
			expect(direct).toEqual(reference);
			expect(serialised(direct)).toBe(serialised(reference));
		} catch (error) {
			(error as Error).message = `seed ${seed}, size ${size}: ${(error as Error).message}`;
			throw error;
		}
	}
	if (direct.duplicate) {
		seen.duplicates++;
		return;
	}
	const { created, updated, deleted, baseline } = direct.result;
	seen.events += created.length + updated.length + deleted.length;
	seen.renumbers += updated.filter((item) => item.changedFields?.[0] === 'number').length;
	if (baseline) seen.baselines++;
}

describe('the direct diff gives the same result as the reference diff', () => {
	it('on 2,000 random small lists (seeds 1–2000)', () => {
		const seen: Seen = { events: 0, renumbers: 0, baselines: 0, duplicates: 0 };
		for (let seed = 1; seed <= 2000; seed++) check(seed, 1 + (seed % 40), seen);
		// The lists exercise every path: events and renumbers (onto freed numbers, swaps), baselines
		// (unreadable, other filters, another PBX) and duplicates.
		expect(seen.events).toBeGreaterThan(5000);
		expect(seen.renumbers).toBeGreaterThan(300);
		expect(seen.baselines).toBeGreaterThan(50);
		expect(seen.duplicates).toBeGreaterThan(30);
	});

	it('on 8 random lists of 2,000 extensions', () => {
		const seen: Seen = { events: 0, renumbers: 0, baselines: 0, duplicates: 0 };
		for (let seed = 10_001; seed <= 10_008; seed++) check(seed, 2000, seen);
		expect(seen.events).toBeGreaterThan(1000);
	});
});
