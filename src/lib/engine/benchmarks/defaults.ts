/**
 * Default benchmark ranges. The first three are The Model's seed figures (docs/metrics.md); the others are
 * this project's choice, explained beside each. Organisations override them in `modelboard.config.json`,
 * views in the URL, the report command with `--benchmark KEY=LOW:HIGH`.
 */

export interface BenchmarkRange {
	low: number;
	high: number;
}

export interface BenchmarkDef extends BenchmarkRange {
	/** Which direction is good: for churn, lower is better, so `above` is the bad status. */
	better: 'higher' | 'lower';
	/** Per-day counts and NPS points are not fractions. */
	unit: 'rate' | 'count' | 'points';
	/** A range per year (churn, upsell): it scales with the period it is compared against (`scaledBand`). */
	perYear?: true;
	source: string;
}

export const BENCHMARK_KEYS = [
	'mql',
	'sql',
	'opportunity',
	'won',
	'calls_per_rep_day',
	'contact_rate',
	'meeting_rate',
	'acceptance_rate',
	'churn_rate',
	'upsell_rate',
	'nps'
] as const;
export type BenchmarkKey = (typeof BENCHMARK_KEYS)[number];

export const DEFAULT_BENCHMARKS: Record<BenchmarkKey, BenchmarkDef> = {
	mql: {
		low: 0.2,
		high: 0.4,
		better: 'higher',
		unit: 'rate',
		source:
			'lead→MQL: inbound B2B programmes commonly qualify a fifth to two fifths of raw leads; outbound-heavy mixes sit lower.'
	},
	sql: {
		low: 0.1,
		high: 0.2,
		better: 'higher',
		unit: 'rate',
		source:
			'MQL→SQL conversion: an SQL is a lead inside sales set a meeting for, so this uses the same 10–20% range as The Model’s meeting rate (商談化率, meetings per contacted lead) — a different figure with the same seed.'
	},
	opportunity: {
		low: 0.4,
		high: 0.7,
		better: 'higher',
		unit: 'rate',
		source:
			'SQL→opportunity: field sales accepting less than 40% of the meetings handed over signals a hand-off (SLA) problem.'
	},
	won: {
		low: 0.2,
		high: 0.3,
		better: 'higher',
		unit: 'rate',
		source: 'Win rate (opportunity→won): 20–30% is the usual B2B SaaS range for qualified opportunities.'
	},
	calls_per_rep_day: {
		low: 50,
		high: 80,
		better: 'higher',
		unit: 'count',
		source: 'The Model (docs/metrics.md): 50–80 calls per inside-sales rep per active day.'
	},
	contact_rate: {
		low: 0.2,
		high: 0.3,
		better: 'higher',
		unit: 'rate',
		source: 'The Model (docs/metrics.md): 接触率 20–30% of calls.'
	},
	meeting_rate: {
		low: 0.1,
		high: 0.2,
		better: 'higher',
		unit: 'rate',
		source: 'The Model (docs/metrics.md): 商談化率 10–20% of contacted leads.'
	},
	acceptance_rate: {
		low: 0.4,
		high: 0.7,
		better: 'higher',
		unit: 'rate',
		source:
			'Hand-off (per inside-sales rep): the share of the rep’s SQLs field sales accepted as opportunities, read like the SQL→opportunity step; below 40% the meetings handed over are not what field sales needs.'
	},
	churn_rate: {
		low: 0,
		high: 0.1,
		better: 'lower',
		unit: 'rate',
		perYear: true,
		source:
			'Churn per year: up to 10% (mid-market SaaS); above is bad. Scaled to the period compared (a month: up to 0.82%).'
	},
	upsell_rate: {
		low: 0.05,
		high: 0.15,
		better: 'higher',
		unit: 'rate',
		perYear: true,
		source:
			'Share of active accounts expanding, per year: 5–15% is typical for seat-based SaaS; scaled to the period compared.'
	},
	nps: {
		low: 20,
		high: 40,
		better: 'higher',
		unit: 'points',
		source: 'NPS: B2B software averages around +30; below +20 deserves a look.'
	}
};

export type BenchmarkOverrides = Partial<Record<BenchmarkKey, BenchmarkRange>>;

/** Defaults ← organisation config ← view overrides, later ones winning. */
export function mergeBenchmarks(
	...layers: (BenchmarkOverrides | undefined)[]
): Record<BenchmarkKey, BenchmarkDef> {
	const out = { ...DEFAULT_BENCHMARKS };
	for (const layer of layers) {
		if (!layer) continue;
		for (const key of BENCHMARK_KEYS) {
			const r = layer[key];
			if (r) out[key] = { ...out[key], low: r.low, high: r.high };
		}
	}
	return out;
}

/** Days from `from` to `to`, both included (ISO dates). */
export function daysInclusive(from: string, to: string): number {
	return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86_400_000) + 1;
}

/**
 * docs/metrics.md v2, "Period-based benchmarks scale with the period": a per-year range compared with a
 * range or trend bucket of `days` days is `[low × d / 365.25, high × d / 365.25]`; other ranges stand.
 */
export function scaledBand<R extends BenchmarkRange>(def: R & { perYear?: true }, days: number): R {
	if (!def.perYear || !(days > 0)) return def;
	const f = days / 365.25;
	return { ...def, low: def.low * f, high: def.high * f };
}

export type Status = 'below' | 'within' | 'above';

/** docs/metrics.md: below (< low), within (low ≤ x ≤ high), above (> high); no value → no status. */
export function status(value: number | null, range: BenchmarkRange): Status | null {
	if (value === null || !Number.isFinite(value)) return null;
	if (value < range.low) return 'below';
	if (value > range.high) return 'above';
	return 'within';
}

/** Parses `0.2:0.3` (the report command's and the URL's form). */
export function parseRange(text: string): BenchmarkRange | null {
	const m = /^\s*(-?\d+(?:\.\d+)?)\s*:\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
	if (!m) return null;
	const low = Number(m[1]);
	const high = Number(m[2]);
	return low <= high ? { low, high } : null;
}
