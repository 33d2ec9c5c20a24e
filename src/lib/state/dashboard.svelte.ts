/**
 * The query bundles several pages share, each a set of named queries (`useQuery`): a department's tiles
 * (its KPIs, the previous period's, the benchmarks they are read against) and the trend series.
 */
import {
	BENCHMARK_SOURCES,
	benchmarks,
	departments,
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
