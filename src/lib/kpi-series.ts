/** Which trend series feeds each KPI's sparkline and trend chart (pure mapping over the trend rows). */
import type { ActivityBucket, CustomerBucket, LeadBucket } from '$lib/engine/metrics/trends';
import type { TrendPoint } from '$lib/charts/layout';

export interface Trends {
	leads: LeadBucket[];
	activities: ActivityBucket[];
	customers: CustomerBucket[];
}

export function kpiSeries(key: string, t: Trends): TrendPoint[] {
	const lead = (f: (b: LeadBucket) => number | null) =>
		t.leads.map((b) => ({ bucket: b.bucket, value: f(b) }));
	const act = (f: (b: ActivityBucket) => number | null) =>
		t.activities.map((b) => ({ bucket: b.bucket, value: f(b) }));
	const cus = (f: (b: CustomerBucket) => number | null) =>
		t.customers.map((b) => ({ bucket: b.bucket, value: f(b) }));
	switch (key) {
		case 'leads':
			return lead((b) => b.counts.lead);
		case 'mqls':
			return lead((b) => b.counts.mql);
		case 'mql_rate':
			return lead((b) => b.rates.mql);
		case 'sqls':
			return lead((b) => b.counts.sql);
		case 'opportunities':
			return lead((b) => b.counts.opportunity);
		case 'won':
			return lead((b) => b.counts.won);
		case 'win_rate':
			return lead((b) => (b.counts.opportunity > 0 ? b.counts.won / b.counts.opportunity : null));
		case 'calls':
			return act((b) => b.calls);
		case 'calls_per_rep_day':
			return act((b) => b.calls_per_rep_day);
		case 'contact_rate':
			return act((b) => b.contact_rate);
		case 'meeting_rate':
			return act((b) => b.meeting_rate);
		case 'active_at_start':
			return cus((b) => b.active_at_start);
		case 'churned':
			return cus((b) => b.churned);
		case 'churn_rate':
			return cus((b) => b.churn_rate);
		case 'retention':
			return cus((b) => (b.churn_rate === null ? null : 1 - b.churn_rate));
		case 'upsell_rate':
			return cus((b) => b.upsell_rate);
		default:
			return [];
	}
}
