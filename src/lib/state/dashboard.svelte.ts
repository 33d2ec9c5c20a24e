/**
 * The queries a page needs, declared once: the report for the view, the previous period's report, and
 * the trend series, each rerun when the view or the data changes.
 */
import { activityTrend, customerTrend, leadTrend, type Grain } from '$lib/engine/metrics/trends';
import type { Trends } from '$lib/kpi-series';
import type { ViewController } from './controller.svelte';
import type { DataStore } from './data.svelte';
import { useQuery } from './query.svelte';

/**
 * `velocity`: every step (the funnel page), or only the sales cycle the field-sales KPI shows (every
 * other page: a filter or brush then reads a few thousand won deals, not every converted lead).
 */
export function useReports(
	data: DataStore,
	ctl: ViewController,
	velocity: true | 'sales_cycle' = 'sales_cycle'
) {
	const current = useQuery(() => {
		void data.version;
		const v = ctl.metricView;
		return v ? data.report(v, { ...ctl.reportOptions, velocity }) : null;
	});
	const previous = useQuery(() => {
		void data.version;
		const v = ctl.previousView;
		const span = data.span;
		// A previous period that lies wholly before the data would only show zeros: leave it out.
		if (!v || !span || !ctl.view.compare || v.to < span.from) return null;
		return data.report(v, { ...ctl.reportOptions, plan: null, velocity: 'sales_cycle' });
	});
	return { current, previous };
}

export function useTrends(data: DataStore, ctl: ViewController, grain: () => Grain) {
	return useQuery<Trends>(() => {
		void data.version;
		const v = ctl.metricView;
		const g = grain();
		const fy = ctl.config.fiscalYearStartMonth;
		if (!v) return null;
		return data.withDb(async (db, meta) => ({
			leads: meta.tables.leads ? await leadTrend(db, v, meta.stages, g, fy) : [],
			activities: await activityTrend(db, v, meta, g, fy),
			customers: await customerTrend(db, v, meta, g, fy)
		}));
	});
}
