/**
 * Every KPI the dashboard shows: its key (as in the report), department, format and benchmark key. Its
 * label and definition, in both languages, are in the i18n catalogue (`kpi.label.<key>`, `kpi.def.<key>`).
 */
import type { BenchmarkKey } from '$lib/engine/benchmarks/defaults';
import type { Department, KpiKey, KpiSections } from '$lib/engine/queries';

export type { Department, KpiKey };
export type KpiFormat = 'int' | 'rate' | 'money' | 'days' | 'decimal' | 'points';

/** The KPIs the dashboard shows as tiles; each has a label and a definition in the i18n catalogue. */
export type CatalogKpi =
	| 'leads'
	| 'mqls'
	| 'mql_rate'
	| 'cpl'
	| 'cpm'
	| 'calls'
	| 'calls_per_rep_day'
	| 'contact_rate'
	| 'meeting_rate'
	| 'sqls'
	| 'opportunities'
	| 'won'
	| 'win_rate'
	| 'won_revenue'
	| 'avg_deal'
	| 'median_days_to_win'
	| 'active_at_start'
	| 'churned'
	| 'churn_rate'
	| 'retention'
	| 'upsell_rate'
	| 'nps'
	| 'cost_per_sql'
	| 'cost_per_opportunity'
	| 'cac'
	| 'roi'
	| 'appointments'
	| 'emails'
	| 'connects_per_lead'
	| 'start_mrr'
	| 'churned_mrr'
	| 'expansion_mrr'
	| 'grr'
	| 'nrr'
	| 'arpa'
	| 'ltv';

/**
 * A KPI of department `D`: its key must be a figure the engine computes for that department (checked
 * against the query results) and have its wording in the catalogue.
 */
interface KpiDefOf<D extends Department> {
	key: Extract<KpiKey<D>, CatalogKpi>;
	dept: D;
	format: KpiFormat;
	bench?: BenchmarkKey;
}

export type KpiDef = { [D in Department]: KpiDefOf<D> }[Department];

export const KPIS: KpiDef[] = [
	{
		key: 'leads',
		dept: 'marketing',
		format: 'int'
	},
	{
		key: 'mqls',
		dept: 'marketing',
		format: 'int'
	},
	{
		key: 'mql_rate',
		dept: 'marketing',
		format: 'rate',
		bench: 'mql'
	},
	{
		key: 'cpl',
		dept: 'marketing',
		format: 'money'
	},
	{
		key: 'cpm',
		dept: 'marketing',
		format: 'money'
	},
	{
		key: 'cost_per_sql',
		dept: 'marketing',
		format: 'money'
	},
	{
		key: 'cost_per_opportunity',
		dept: 'marketing',
		format: 'money'
	},
	{
		key: 'cac',
		dept: 'marketing',
		format: 'money'
	},
	{
		key: 'roi',
		dept: 'marketing',
		format: 'rate'
	},
	{
		key: 'calls',
		dept: 'inside_sales',
		format: 'int'
	},
	{
		key: 'calls_per_rep_day',
		dept: 'inside_sales',
		format: 'decimal',
		bench: 'calls_per_rep_day'
	},
	{
		key: 'contact_rate',
		dept: 'inside_sales',
		format: 'rate',
		bench: 'contact_rate'
	},
	{
		key: 'meeting_rate',
		dept: 'inside_sales',
		format: 'rate',
		bench: 'meeting_rate'
	},
	{
		key: 'sqls',
		dept: 'inside_sales',
		format: 'int'
	},
	{
		key: 'appointments',
		dept: 'inside_sales',
		format: 'int'
	},
	{
		key: 'emails',
		dept: 'inside_sales',
		format: 'int'
	},
	{
		key: 'connects_per_lead',
		dept: 'inside_sales',
		format: 'decimal'
	},
	{
		key: 'opportunities',
		dept: 'field_sales',
		format: 'int'
	},
	{
		key: 'won',
		dept: 'field_sales',
		format: 'int'
	},
	{
		key: 'win_rate',
		dept: 'field_sales',
		format: 'rate',
		bench: 'won'
	},
	{
		key: 'won_revenue',
		dept: 'field_sales',
		format: 'money'
	},
	{
		key: 'avg_deal',
		dept: 'field_sales',
		format: 'money'
	},
	{
		key: 'median_days_to_win',
		dept: 'field_sales',
		format: 'days'
	},
	{
		key: 'active_at_start',
		dept: 'customer_success',
		format: 'int'
	},
	{
		key: 'churned',
		dept: 'customer_success',
		format: 'int'
	},
	{
		key: 'churn_rate',
		dept: 'customer_success',
		format: 'rate',
		bench: 'churn_rate'
	},
	{
		key: 'retention',
		dept: 'customer_success',
		format: 'rate'
	},
	{
		key: 'upsell_rate',
		dept: 'customer_success',
		format: 'rate',
		bench: 'upsell_rate'
	},
	{
		key: 'nps',
		dept: 'customer_success',
		format: 'points',
		bench: 'nps'
	},
	{
		key: 'start_mrr',
		dept: 'customer_success',
		format: 'money'
	},
	{
		key: 'churned_mrr',
		dept: 'customer_success',
		format: 'money'
	},
	{
		key: 'expansion_mrr',
		dept: 'customer_success',
		format: 'money'
	},
	{
		key: 'grr',
		dept: 'customer_success',
		format: 'rate'
	},
	{
		key: 'nrr',
		dept: 'customer_success',
		format: 'rate'
	},
	{
		key: 'arpa',
		dept: 'customer_success',
		format: 'money'
	},
	{
		key: 'ltv',
		dept: 'customer_success',
		format: 'money'
	}
];

export function kpiValue(kpis: Partial<KpiSections>, def: KpiDef): number | null {
	// `def.key` is a numeric field of `def.dept`'s section (KpiDef), a correlation TS cannot follow.
	const section = kpis[def.dept] as Partial<Record<KpiKey, number | null>> | null | undefined;
	const v = section?.[def.key];
	return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export const DEPARTMENTS: {
	dept: Department;
	path: string;
	nav: 'nav.marketing' | 'nav.insideSales' | 'nav.fieldSales' | 'nav.customerSuccess';
}[] = [
	{ dept: 'marketing', path: '/marketing/', nav: 'nav.marketing' },
	{ dept: 'inside_sales', path: '/inside-sales/', nav: 'nav.insideSales' },
	{ dept: 'field_sales', path: '/field-sales/', nav: 'nav.fieldSales' },
	{ dept: 'customer_success', path: '/customer-success/', nav: 'nav.customerSuccess' }
];

/** KPIs where a fall is the good direction (costs, churn, cycle time); the rest are better higher. */
const LOWER_IS_BETTER = new Set<CatalogKpi>([
	'cpl',
	'cpm',
	'cost_per_sql',
	'cost_per_opportunity',
	'cac',
	'median_days_to_win',
	'churned',
	'churn_rate',
	'churned_mrr'
]);
/** Counts that say how much work was done, not whether it went well: a change is neither. */
const NEUTRAL = new Set<CatalogKpi>(['active_at_start', 'start_mrr', 'emails']);

export function kpiBetter(def: KpiDef): 'higher' | 'lower' | null {
	if (NEUTRAL.has(def.key)) return null;
	return LOWER_IS_BETTER.has(def.key) ? 'lower' : 'higher';
}
