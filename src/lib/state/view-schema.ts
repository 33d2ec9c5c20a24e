/**
 * The view schema as data: each URL parameter with its parser, limits and default. `view.ts` walks
 * these tables to parse and serialize links, and the inputs take their bounds and their accept test
 * from the same rows, so an input can never produce a value the link parser would reject.
 */
import {
	BENCHMARK_KEYS,
	parseRange,
	type BenchmarkKey,
	type BenchmarkRange
} from '$lib/engine/benchmarks/defaults';
import { isSafeSource } from '$lib/engine/config';
import { PLAN_RATE_KEYS, type PlanRateKey } from '$lib/engine/metrics/plan';
import { TARGET_KEYS, type TargetKey } from '$lib/engine/metrics/targets';
import { GRAINS } from '$lib/engine/metrics/trends';
import { LEAD_DIMENSIONS } from '$lib/engine/schema';

/** `lw`, `lm`, `fqtd`: the weekly review's presets (last whole week, last whole month, quarter to date). */
export const RANGE_PRESETS = ['fy', 'fq', 'month', 'l4w', 'lw', 'lm', 'fqtd'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** The enumerated view fields: field name, URL parameter, accepted values, default. */
export const CHOICES = {
	preset: { param: 'range', values: RANGE_PRESETS, default: null },
	mode: { param: 'mode', values: ['cohort', 'period'] as const, default: 'cohort' },
	by: { param: 'by', values: LEAD_DIMENSIONS, default: 'channel' },
	grain: { param: 'grain', values: GRAINS, default: 'month' },
	rateSource: { param: 'rates', values: ['actual', 'benchmark'] as const, default: 'actual' },
	lang: { param: 'lang', values: ['ja', 'en'] as const, default: null }
} as const;
export type ChoiceField = keyof typeof CHOICES;
export type ChoiceValue<K extends ChoiceField> = (typeof CHOICES)[K]['values'][number];

/** A positive number: above 0, at most `max`, whole when `integer`. */
export interface NumberSpec {
	param: string;
	max: number;
	integer: boolean;
}

/** The numeric view fields (all default to null = not set). `win` only applies in cohort mode. */
export const NUMBERS = {
	window: { param: 'win', max: 3650, integer: true },
	target: { param: 'target', max: 1e15, integer: false },
	deal: { param: 'deal', max: 1e13, integer: false },
	days: { param: 'days', max: 366, integer: true }
} as const satisfies Record<string, NumberSpec>;
export type NumberField = keyof typeof NUMBERS;

/** Plan rates (`r.<key>`): a share in (0, 1], or calls per rep-day up to 1,000. */
/** Plan inputs that are not fractions: a per-day count, conversations per lead, money per lead. */
const RATE_MAX: Partial<Record<PlanRateKey, number>> = {
	calls_per_rep_day: 1000,
	connects_per_lead: 100,
	cost_per_lead: 1e9
};

export const RATE_SPECS = Object.fromEntries(
	PLAN_RATE_KEYS.map((k) => [k, { param: `r.${k}`, max: RATE_MAX[k] ?? 1, integer: false }])
) as Record<PlanRateKey, NumberSpec>;

/** Monthly targets (`g.<key>`): a count up to 10^7 a month, revenue up to 10^15. */
export const GOAL_SPECS = Object.fromEntries(
	TARGET_KEYS.map((k) => [k, { param: `g.${k}`, max: k === 'won_revenue' ? 1e15 : 1e7, integer: false }])
) as Record<TargetKey, NumberSpec>;

/** Benchmark overrides (`b.<key>`): `low:high` with 0 ≤ low ≤ high ≤ this. */
export const BENCH_MAX = Object.fromEntries(
	BENCHMARK_KEYS.map((k) => [k, k === 'calls_per_rep_day' ? 1000 : k === 'nps' ? 100 : 1])
) as Record<BenchmarkKey, number>;

/** The link parser for a benchmark override. */
export function parseBench(key: BenchmarkKey, raw: string): BenchmarkRange | null {
	const r = parseRange(raw);
	return r && r.low >= 0 && r.high <= BENCH_MAX[key] ? r : null;
}

export const formatBench = (r: BenchmarkRange) => `${r.low}:${r.high}`;

/** The range an input may store, or null when the link parser would reject it after the round trip. */
export function acceptBench(key: BenchmarkKey, r: BenchmarkRange): BenchmarkRange | null {
	const back = parseBench(key, formatBench(r));
	return back && back.low === r.low && back.high === r.high ? back : null;
}

export const FILTER_PARAMS = { channel: 'ch', owner: 'own', segment: 'seg', deal_owner: 'down' } as const;
export const MAX_FILTER_VALUES = 50;
export const MAX_VALUE_LENGTH = 200;
export const FINGERPRINT = /^[0-9a-z]{1,16}$/;
/** File names a link carries beside its fingerprint (`file=`). */
export const MAX_FILE_NAMES = 20;

/** A filter value a link can carry. */
export const isFilterValue = (v: string) =>
	v.length > 0 && v.length <= MAX_VALUE_LENGTH && !v.includes('\u0000');

/** Every parameter name a link may carry, besides the `b.`, `r.` and `g.` families. */
export const KNOWN_PARAMS = new Set<string>([
	'from',
	'to',
	'cmp',
	'demo',
	'fp',
	'src',
	'file',
	...Object.values(CHOICES).map((c) => c.param),
	...Object.values(NUMBERS).map((n) => n.param),
	...Object.values(FILTER_PARAMS)
]);

/** The link parser for a number: plain decimal digits only, then the spec's limits. */
export function parseNumber(spec: NumberSpec, raw: string): number | null {
	if (!/^\d+(\.\d+)?$/.test(raw)) return null;
	const n = Number(raw);
	if (!Number.isFinite(n) || n <= 0 || n > spec.max || (spec.integer && !Number.isInteger(n))) return null;
	return n;
}

/** The value an input may store, or null when the link parser would reject it after the round trip. */
export function acceptNumber(spec: NumberSpec, n: number): number | null {
	return Number.isFinite(n) && parseNumber(spec, String(n)) === n ? n : null;
}

/** `min`/`max`/`step` attributes for an input showing the value times `scale` (100 for percentages). */
export function inputBounds(spec: NumberSpec, scale = 1): { min: number; max: number; step: number | 'any' } {
	return {
		min: spec.integer ? 1 : 0,
		max: spec.max * scale,
		step: spec.integer ? 1 : 'any'
	};
}

export function isChoice<K extends ChoiceField>(field: K, raw: string): raw is ChoiceValue<K> {
	return (CHOICES[field].values as readonly string[]).includes(raw);
}

export { isSafeSource };
