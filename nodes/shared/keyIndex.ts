/**
 * A hash index of item numbers for at most a known number of keys, for Compare's hash join.
 *
 * V8's Map slows down sharply past some hundred thousand entries (about 25× the time for 10×
 * the keys measured on 100,000 → 1,000,000): each entry lives in a large hash table that grows by
 * rehashing, and every probe touches it at random. Here the number of keys is known before the
 * first one is added (the items of one input), so the table is allocated once at most half
 * full: open addressing with linear probing over flat 32-bit arrays (outside the JS heap, so the
 * garbage collector never scans them). It holds no key text: the caller hashes a key (hashText)
 * and says, for an entry whose hash agrees, whether its item holds that key. So a composite key
 * is never built as one string to be looked up.
 */
export class KeyIndex {
	private readonly mask: number;
	/** Per slot: the entry's value + 1, 0 when the slot is empty. */
	private readonly slots: Int32Array;
	/** Per slot: the hash of the entry's key, so most probes never ask `holds`. */
	private readonly hashes: Int32Array;

	constructor(maxKeys: number) {
		let capacity = 16;
		while (capacity < maxKeys * 2) capacity *= 2;
		this.mask = capacity - 1;
		this.slots = new Int32Array(capacity);
		this.hashes = new Int32Array(capacity);
	}

	/**
	 * The value (a whole number from 0 to 2³¹ − 2) of the entry with this hash whose item `holds`
	 * the key, or -1. When there is none, `add` with the same hash puts its entry where it belongs.
	 */
	find(hash: number, holds: (value: number) => boolean): number {
		for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
			const entry = this.slots[slot];
			if (entry === 0) return -1;
			if (this.hashes[slot] === hash && holds(entry - 1)) return entry - 1;
		}
	}

	/** Adds an entry for a key that `find` did not find. */
	add(hash: number, value: number): void {
		let slot = hash & this.mask;
		while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
		this.slots[slot] = value + 1;
		this.hashes[slot] = hash;
	}
}

/** FNV-1a's starting value; continue with hashText for each piece of a key, end with hashEnd. */
export const HASH_START = 0x811c9dc5;

/** FNV-1a over the UTF-16 code units of `text`, continuing from `hash`. */
export function hashText(hash: number, text: string): number {
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
	return hash;
}

/** MurmurHash3's finaliser, so the low bits (the slot) mix well. */
export function hashEnd(hash: number): number {
	hash ^= hash >>> 16;
	hash = Math.imul(hash, 0x85ebca6b);
	hash ^= hash >>> 13;
	hash = Math.imul(hash, 0xc2b2ae35);
	return hash ^ (hash >>> 16);
}
