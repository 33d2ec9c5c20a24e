/**
 * The demo generator's randomness: a seeded sfc32 PRNG, the hash that turns
 * (seed, stream, index) into its state, and the stream ids. Every random draw
 * of the generator comes from here (no Math.random), so any single row can be
 * regenerated on its own and the same arguments give the same bytes.
 */

/** murmur3's 32-bit finaliser: spreads structured inputs (small seeds, consecutive indices) over all bits. */
export function fmix32(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/** A seed from CLI text: integers are used as given, anything else is hashed (FNV-1a) so `--seed demo` works too. */
export function seedFrom(text: string | number): number {
	if (typeof text === 'number') return text >>> 0;
	if (/^-?\d+$/.test(text.trim())) return Number(text.trim()) >>> 0;
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return fmix32(h);
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128-bit state,
 * passes PractRand, and needs only 32-bit integer ops, so it is fast in JS.
 */
export class Rng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	/** `stream` separates independent uses (leads, activities, …); `index` gives each row its own sequence. */
	constructor(seed: number, stream = 0, index = 0) {
		let h = fmix32((seed ^ 0x243f6a88) >>> 0);
		h = fmix32((h ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0);
		h = fmix32((h ^ fmix32((index + 0x632be5ab) >>> 0)) >>> 0);
		this.a = h;
		this.b = fmix32(h ^ 0x1b873593);
		this.c = fmix32(h ^ 0xcc9e2d51);
		this.d = 1; // sfc32's counter: guarantees a period of at least 2^32 for any state
		for (let i = 0; i < 12; i++) this.nextUint32(); // warm-up: decorrelate neighbouring indices
	}

	nextUint32(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return t >>> 0;
	}

	/** Uniform in [0, 1). */
	float(): number {
		return this.nextUint32() / 4294967296;
	}

	/** Uniform integer in [min, max], both ends included. */
	int(min: number, max: number): number {
		return min + Math.floor(this.float() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.float() < p;
	}

	/** Index drawn with probability proportional to `weights[i]`. */
	weighted(weights: ArrayLike<number>): number {
		let total = 0;
		for (let i = 0; i < weights.length; i++) total += weights[i];
		let r = this.float() * total;
		for (let i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) return i;
		}
		return weights.length - 1;
	}

	/** Log-uniform in [min, max]: deal sizes are spread multiplicatively, not additively. */
	logUniform(min: number, max: number): number {
		return min * Math.pow(max / min, this.float());
	}

	/** In-place Fisher–Yates shuffle. */
	shuffle<T>(items: T[]): T[] {
		for (let i = items.length - 1; i > 0; i--) {
			const j = this.int(0, i);
			const tmp = items[i];
			items[i] = items[j];
			items[j] = tmp;
		}
		return items;
	}
}

/** PRNG stream ids: each use of randomness gets its own sequence, so adding draws to one never shifts another. */
export const Stream = {
	Calendar: 1,
	Lead: 2,
	Activity: 3,
	WonCustomer: 4,
	ExistingCustomer: 5,
	CustomerLife: 6,
	Spend: 7,
	// Version 2 columns: new streams only, so the version 1 columns stay byte-identical.
	Triage: 8,
	DealOwner: 9,
	DealStage: 10,
	LostReason: 11,
	LastActivity: 12,
	LeadScore: 13,
	Expansion: 14,
	ChurnReason: 15,
	NpsDate: 16
} as const;
