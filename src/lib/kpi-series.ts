/** Which trend series feeds each KPI's sparkline and trend chart (pure mapping over the trend rows). */
import type {
	ActivityBucket,
	CustomerBucket,
	LeadBucket,
	SpendBucket,
	TrendPoint
} from '$lib/engine/metrics/trends';
import type { KpiKey, Trends } from '$lib/engine/queries';

export type { TrendPoint, Trends };

const lead = (f: (b: LeadBucket) => number | null) => (t: Trends) =>
	t.leads.map((b) => ({ bucket: b.bucket, value: f(b) }));
const act = (f: (b: ActivityBucket) => number | null) => (t: Trends) =>
	t.activities.map((b) => ({ bucket: b.bucket, value: f(b) }));
const cus = (f: (b: CustomerBucket) => number | null) => (t: Trends) =>
	t.customers.map((b) => ({ bucket: b.bucket, value: f(b) }));
const spend = (f: (b: SpendBucket) => number | null) => (t: Trends) =>
	t.spend.map((b) => ({ bucket: b.bucket, value: f(b) }));

/** Keyed by KPI key: a misspelt or removed KPI fails to compile. */
const SERIES = {
	leads: lead((b) => b.counts.lead),
	mqls: lead((b) => b.counts.mql),
	mql_rate: lead((b) => b.rates.mql),
	sqls: lead((b) => b.counts.sql),
	opportunities: lead((b) => b.counts.opportunity),
	won: lead((b) => b.counts.won),
	cpl: spend((b) => b.cost_per_lead),
	cost_per_sql: spend((b) => b.cost_per_sql),
	win_rate: lead((b) => (b.counts.opportunity > 0 ? b.counts.won / b.counts.opportunity : null)),
	calls: act((b) => b.calls),
	calls_per_rep_day: act((b) => b.calls_per_rep_day),
	contact_rate: act((b) => b.contact_rate),
	meeting_rate: act((b) => b.meeting_rate),
	active_at_start: cus((b) => b.active_at_start),
	churned: cus((b) => b.churned),
	churn_rate: cus((b) => b.churn_rate),
	retention: cus((b) => (b.churn_rate === null ? null : 1 - b.churn_rate)),
	upsell_rate: cus((b) => b.upsell_rate),
	nps: cus((b) => b.nps)
} satisfies Partial<Record<KpiKey, (t: Trends) => TrendPoint[]>>;

/** A KPI with a series over time. */
export type SeriesKpi = keyof typeof SERIES;

export const hasSeries = (key: KpiKey): key is SeriesKpi => Object.hasOwn(SERIES, key);

export function kpiSeries(key: KpiKey, t: Trends): TrendPoint[] {
	return hasSeries(key) ? SERIES[key](t) : [];
}

/**
 * KPIs counted over lead cohorts up to a late stage (opportunity, won): in a maturing period they read
 * low until its deals close (docs/metrics.md v2, "Maturing periods").
 */
const MATURING = new Set<KpiKey>([
	'opportunities',
	'won',
	'win_rate',
	'won_revenue',
	'cost_per_opportunity',
	'cac',
	'roi'
]);
export const maturesLate = (key: KpiKey): boolean => MATURING.has(key);
