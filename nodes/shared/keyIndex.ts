/**
 * A string → index lookup for at most a known number of keys, for Compare's hash join.
 *
 * V8's Map slows down sharply past some hundred thousand entries (about 25× the time for 10×
 * the keys measured on 100,000 → 1,000,000): each entry lives in a large hash table that grows by
 * rehashing, and every probe touches it at random. Here the number of keys is known before the
 * first one is added (the items of one input), so the table is allocated once at most half
 * full: open addressing with linear probing over two flat 32-bit arrays (outside the JS heap, so
 * the garbage collector never scans them), and a key's text is compared only when the 32-bit
 * hashes agree.
 */
export class KeyIndex {
	private readonly mask: number;
	/** Per slot: the entry's number + 1, 0 when the slot is empty. */
	private readonly slots: Int32Array;
	/** Per slot: the hash of the entry's key, so most probes never compare text. */
	private readonly hashes: Int32Array;
	private readonly keys: string[] = [];
	private readonly values: Int32Array;

	constructor(maxKeys: number) {
		let capacity = 16;
		while (capacity < maxKeys * 2) capacity *= 2;
		this.mask = capacity - 1;
		this.slots = new Int32Array(capacity);
		this.hashes = new Int32Array(capacity);
		this.values = new Int32Array(Math.max(maxKeys, 1));
	}

	/** The value of `key`, or undefined. */
	get(key: string): number | undefined {
		const hash = hashOf(key);
		for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
			const entry = this.slots[slot];
			if (entry === 0) return undefined;
			if (this.hashes[slot] === hash && this.keys[entry - 1] === key) return this.values[entry - 1];
		}
	}

	/**
	 * Adds `key` with `value` (a whole number from 0 to 2³¹ − 1) unless it is there already.
	 * Returns the value the key already had, or undefined when it was added.
	 */
	addIfAbsent(key: string, value: number): number | undefined {
		const hash = hashOf(key);
		let slot = hash & this.mask;
		for (; ; slot = (slot + 1) & this.mask) {
			const entry = this.slots[slot];
			if (entry === 0) break;
			if (this.hashes[slot] === hash && this.keys[entry - 1] === key) return this.values[entry - 1];
		}
		if (this.keys.length === this.values.length) throw new RangeError('KeyIndex is full');
		this.values[this.keys.length] = value;
		this.keys.push(key);
		this.slots[slot] = this.keys.length;
		this.hashes[slot] = hash;
		return undefined;
	}
}

/** FNV-1a over the UTF-16 code units, then MurmurHash3's finaliser so the low bits (the slot) mix well. */
function hashOf(key: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
	hash ^= hash >>> 16;
	hash = Math.imul(hash, 0x85ebca6b);
	hash ^= hash >>> 13;
	hash = Math.imul(hash, 0xc2b2ae35);
	return hash ^ (hash >>> 16);
}
