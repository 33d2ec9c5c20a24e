/**
 * Every KPI the dashboard shows: its key (as in the report), department, format and benchmark key. Its
 * label and definition, in both languages, are in the i18n catalogue (`kpi.label.<key>`, `kpi.def.<key>`).
 */
import type { BenchmarkKey } from '$lib/engine/benchmarks/defaults';
import type { Report } from '$lib/engine/metrics/report';

export type Department = 'marketing' | 'inside_sales' | 'field_sales' | 'customer_success';
export type KpiFormat = 'int' | 'rate' | 'money' | 'days' | 'decimal' | 'points';

export type KpiKey =
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
	| 'nps';

export interface KpiDef {
	key: KpiKey;
	dept: Department;
	format: KpiFormat;
	bench?: BenchmarkKey;
}

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
	}
];

export function kpiValue(report: Report, def: KpiDef): number | null {
	const section = report.kpis[def.dept] as Record<string, unknown> | null;
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
