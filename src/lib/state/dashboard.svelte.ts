/**
 * The query bundles several pages share, each a set of named queries (`useQuery`): a department's tiles
 * (its KPIs, the previous period's, the benchmarks they are read against) and the trend series.
 */
import {
	BENCHMARK_SOURCES,
	benchmarks,
	departments,
	isMaturing,
	maturity,
	trends,
	type BenchmarkSource,
	type Department
} from '$lib/engine/queries';
import { getController } from './controller.svelte';
import { useQuery } from './query.svelte';

/** Where each department's benchmarked KPIs come from (win rate and MQL rate are funnel steps). */
const BENCHMARK_SOURCE: Record<Department, BenchmarkSource> = {
	marketing: 'funnel',
	inside_sales: 'inside_sales',
	field_sales: 'funnel',
	customer_success: 'customer_success'
};

/** The benchmarks of the given sources, against the organisation's and the view's ranges. */
export function useBenchmarks(sources: () => readonly BenchmarkSource[]) {
	const ctl = getController();
	return useQuery(benchmarks, () => {
		const wanted = sources();
		return {
			overrides: ctl.reportOptions.benchmarks,
			sources: BENCHMARK_SOURCES.filter((s) => wanted.includes(s))
		};
	});
}

/**
 * KPI tiles of some departments: their figures, the previous period's (only when comparing) and
 * `extra` benchmark sources the page shows beside them (the overview's funnel).
 */
export function useKpis(depts: () => readonly Department[], extra: readonly BenchmarkSource[] = []) {
	const names = () => ({ names: [...depts()] });
	return {
		current: useQuery(departments, names),
		previous: useQuery(departments, names, { period: 'previous' }),
		benchmarks: useBenchmarks(() => [...depts().map((d) => BENCHMARK_SOURCE[d]), ...extra])
	};
}

/** The trend series at the view's grain (sparklines and the department charts). */
export function useTrends() {
	const ctl = getController();
	return useQuery(trends, () => ({
		grain: ctl.view.grain,
		fyStartMonth: ctl.config.fiscalYearStartMonth
	}));
}

/**
 * Which periods are still maturing (docs/metrics.md v2): cohort mode only, against the data's latest
 * date. `is(end)` for a bucket or range ending on `end`; `days` the p90 it is read against.
 */
export function useMaturing() {
	const ctl = getController();
	const q = useQuery(maturity, () => (ctl.view.mode === 'cohort' ? undefined : null));
	return {
		get days(): number | null {
			return q.value?.p90_days ?? null;
		},
		is(end: string): boolean {
			// The data's span, else an opened snapshot's: a snapshot keeps its maturing marks.
			return ctl.view.mode === 'cohort' && isMaturing(end, ctl.span?.to ?? null, q.value);
		}
	};
}
