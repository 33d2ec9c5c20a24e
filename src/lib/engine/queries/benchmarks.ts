/**
 * Each measured rate against its benchmark range, and the bottleneck. A page asks only for the sources
 * its tiles show: the funnel's step rates, inside sales' call rates or customer success' rates.
 */
import {
	daysInclusive,
	mergeBenchmarks,
	scaledBand,
	status,
	type BenchmarkDef,
	type BenchmarkKey,
	type BenchmarkOverrides,
	type Status
} from '../benchmarks/defaults';
import { bottleneck as rankBottleneck, type Bottleneck } from '../metrics/bottleneck';
import { department } from './departments';
import { funnel, revenue } from './funnel';
import { defineQuery, type QueryEnv } from './query';

export interface BenchmarkResult {
	key: BenchmarkKey;
	value: number | null;
	low: number;
	high: number;
	status: Status | null;
	better: BenchmarkDef['better'];
}

export const BENCHMARK_SOURCES = ['funnel', 'inside_sales', 'customer_success'] as const;
export type BenchmarkSource = (typeof BENCHMARK_SOURCES)[number];

export interface BenchmarkArgs {
	/** The organisation's and the view's ranges, later ones winning (see `mergeBenchmarks`). */
	overrides?: BenchmarkOverrides[];
	/** Default: every source, in this order (the report's). */
	sources?: BenchmarkSource[];
}

/** The measured value of every benchmark key the sources give, in the report's order. */
export async function benchmarkValues(
	env: QueryEnv,
	sources: readonly BenchmarkSource[] = BENCHMARK_SOURCES
): Promise<Partial<Record<BenchmarkKey, number | null>>> {
	const values: Partial<Record<BenchmarkKey, number | null>> = {};
	if (sources.includes('funnel')) {
		const f = await env.need(funnel, undefined);
		for (const s of f.steps.slice(1)) values[s.stage as BenchmarkKey] = s.rate;
	}
	if (sources.includes('inside_sales')) {
		const is = await env.need(department, { name: 'inside_sales' });
		if (is && 'calls' in is) {
			values.calls_per_rep_day = is.calls_per_rep_day;
			values.contact_rate = is.contact_rate;
			values.meeting_rate = is.meeting_rate;
		}
	}
	if (sources.includes('customer_success')) {
		const cs = await env.need(department, { name: 'customer_success' });
		if (cs && 'churn_rate' in cs) {
			values.churn_rate = cs.churn_rate;
			values.upsell_rate = cs.upsell_rate;
			values.nps = cs.nps;
		}
	}
	return values;
}

export const benchmarks = defineQuery<BenchmarkArgs, BenchmarkResult[]>('benchmarks', async (env, a) => {
	const bench = mergeBenchmarks(...(a.overrides ?? []));
	const values = await benchmarkValues(
		env,
		BENCHMARK_SOURCES.filter((s) => a.sources?.includes(s) ?? true)
	);
	// Per-year ranges (churn, upsell) are read against the range's length (docs/metrics.md v2).
	const days = daysInclusive(env.view.from, env.view.to);
	return (Object.keys(values) as BenchmarkKey[]).map((key) => {
		const v = values[key] ?? null;
		const band = scaledBand(bench[key], days);
		return {
			key,
			value: v,
			low: band.low,
			high: band.high,
			status: status(v, band),
			better: bench[key].better
		};
	});
});

/** The step furthest below its floor, by won deals (or revenue) lost; cohort mode only. */
export const bottleneck = defineQuery<{ overrides?: BenchmarkOverrides[] }, Bottleneck | null>(
	'bottleneck',
	async (env, a) => {
		// Bottleneck ranks conversion steps only; in period mode rates are volume ratios, not conversions.
		if (env.view.mode !== 'cohort') return null;
		const f = await env.need(funnel, undefined);
		const rev = await env.need(revenue, undefined);
		return rankBottleneck(f.steps, mergeBenchmarks(...(a.overrides ?? [])), rev?.avg_deal ?? null);
	}
);
