/**
 * Every KPI the dashboard shows: its key (as in REPORT.md), department, label and definition in both
 * languages (the definitions say what METRICS.md says, in plain words), format and benchmark key.
 */
import type { BenchmarkKey } from '$lib/engine/benchmarks/defaults';
import type { Department, KpiKey, KpiSections } from '$lib/engine/queries';

export type { Department, KpiKey };
export type KpiFormat = 'int' | 'rate' | 'money' | 'days' | 'decimal' | 'points';

/** A KPI of department `D`: its key must be a figure the engine computes for that department. */
interface KpiDefOf<D extends Department> {
	key: KpiKey<D>;
	dept: D;
	format: KpiFormat;
	bench?: BenchmarkKey;
	label: { en: string; ja: string };
	definition: { en: string; ja: string };
}

export type KpiDef = { [D in Department]: KpiDefOf<D> }[Department];

export const KPIS: KpiDef[] = [
	{
		key: 'leads',
		dept: 'marketing',
		format: 'int',
		label: { en: 'Leads', ja: 'リード数' },
		definition: { en: 'Leads created in the range (cohort).', ja: '期間内に作成されたリード（コホート）。' }
	},
	{
		key: 'mqls',
		dept: 'marketing',
		format: 'int',
		label: { en: 'MQLs', ja: 'MQL 数' },
		definition: {
			en: 'Leads of the cohort that reached MQL or any later stage.',
			ja: 'コホートのうち MQL 以降のステージに到達したリード。'
		}
	},
	{
		key: 'mql_rate',
		dept: 'marketing',
		format: 'rate',
		bench: 'mql',
		label: { en: 'Lead → MQL', ja: 'リード→MQL 率' },
		definition: { en: 'MQLs ÷ leads.', ja: 'MQL 数 ÷ リード数。' }
	},
	{
		key: 'cpl',
		dept: 'marketing',
		format: 'money',
		label: { en: 'Cost per lead', ja: 'リード単価' },
		definition: { en: 'Spend of the months in the range ÷ leads.', ja: '期間内の月の費用 ÷ リード数。' }
	},
	{
		key: 'cpm',
		dept: 'marketing',
		format: 'money',
		label: { en: 'Cost per MQL', ja: 'MQL 単価' },
		definition: { en: 'Spend of the months in the range ÷ MQLs.', ja: '期間内の月の費用 ÷ MQL 数。' }
	},
	{
		key: 'calls',
		dept: 'inside_sales',
		format: 'int',
		label: { en: 'Calls', ja: '架電数' },
		definition: {
			en: 'Activities of type call in the range (all activities when the file has no type).',
			ja: '期間内の架電（種別のないファイルでは全活動）。'
		}
	},
	{
		key: 'calls_per_rep_day',
		dept: 'inside_sales',
		format: 'decimal',
		bench: 'calls_per_rep_day',
		label: { en: 'Calls per rep per day', ja: '1人1日あたり架電数' },
		definition: {
			en: 'Calls ÷ active rep-days (a rep on a date with at least one call).',
			ja: '架電数 ÷ 稼働人日（架電が1件以上ある担当者×日）。'
		}
	},
	{
		key: 'contact_rate',
		dept: 'inside_sales',
		format: 'rate',
		bench: 'contact_rate',
		label: { en: 'Contact rate', ja: '接触率' },
		definition: {
			en: 'Calls that reached the person (connected or meeting set) ÷ calls.',
			ja: '担当者と会話できた架電（接続・アポ獲得）÷ 架電数。'
		}
	},
	{
		key: 'meeting_rate',
		dept: 'inside_sales',
		format: 'rate',
		bench: 'meeting_rate',
		label: { en: 'Meeting rate', ja: '商談化率' },
		definition: {
			en: 'Leads with a meeting set ÷ leads contacted (connected or meeting set).',
			ja: 'アポ獲得したリード ÷ 接触できたリード。'
		}
	},
	{
		key: 'sqls',
		dept: 'inside_sales',
		format: 'int',
		label: { en: 'SQLs', ja: 'SQL 数' },
		definition: {
			en: 'Cohort leads that reached SQL (meeting set / handed to field sales) or later.',
			ja: 'SQL（商談化）以降に到達したコホートのリード。'
		}
	},
	{
		key: 'opportunities',
		dept: 'field_sales',
		format: 'int',
		label: { en: 'Opportunities', ja: '商談数' },
		definition: {
			en: 'Cohort leads that field sales accepted as a deal, or won.',
			ja: 'フィールドセールスが商談化した（または受注した）コホートのリード。'
		}
	},
	{
		key: 'won',
		dept: 'field_sales',
		format: 'int',
		label: { en: 'Won', ja: '受注数' },
		definition: { en: 'Cohort leads won.', ja: '受注したコホートのリード。' }
	},
	{
		key: 'win_rate',
		dept: 'field_sales',
		format: 'rate',
		bench: 'won',
		label: { en: 'Win rate', ja: '受注率' },
		definition: { en: 'Won ÷ opportunities.', ja: '受注数 ÷ 商談数。' }
	},
	{
		key: 'won_revenue',
		dept: 'field_sales',
		format: 'money',
		label: { en: 'Won revenue', ja: '受注金額' },
		definition: { en: 'Sum of amounts of won cohort leads.', ja: '受注したコホートのリードの金額合計。' }
	},
	{
		key: 'avg_deal',
		dept: 'field_sales',
		format: 'money',
		label: { en: 'Average deal', ja: '平均受注単価' },
		definition: { en: 'Won revenue ÷ won deals.', ja: '受注金額 ÷ 受注数。' }
	},
	{
		key: 'median_days_to_win',
		dept: 'field_sales',
		format: 'days',
		label: { en: 'Median days to win', ja: '受注までの日数（中央値）' },
		definition: {
			en: 'Median days from opportunity to won, over leads with both dates.',
			ja: '商談から受注までの日数の中央値（両日付のあるリード）。'
		}
	},
	{
		key: 'active_at_start',
		dept: 'customer_success',
		format: 'int',
		label: { en: 'Active at start', ja: '期首の有効顧客' },
		definition: {
			en: 'Accounts started on or before the first day and not churned by then.',
			ja: '期首以前に契約開始し、期首時点で解約していない取引先。'
		}
	},
	{
		key: 'churned',
		dept: 'customer_success',
		format: 'int',
		label: { en: 'Churned', ja: '解約数' },
		definition: {
			en: 'Of those, accounts whose churn date is after the first day and on or before the last.',
			ja: 'そのうち、解約日が期首より後で期末以前の取引先。'
		}
	},
	{
		key: 'churn_rate',
		dept: 'customer_success',
		format: 'rate',
		bench: 'churn_rate',
		label: { en: 'Churn rate', ja: '解約率' },
		definition: {
			en: 'Churned ÷ active at start (lower is better).',
			ja: '解約数 ÷ 期首の有効顧客（低いほど良い）。'
		}
	},
	{
		key: 'retention',
		dept: 'customer_success',
		format: 'rate',
		label: { en: 'Retention', ja: '継続率' },
		definition: { en: '1 − churn rate.', ja: '1 − 解約率。' }
	},
	{
		key: 'upsell_rate',
		dept: 'customer_success',
		format: 'rate',
		bench: 'upsell_rate',
		label: { en: 'Upsell rate', ja: 'アップセル率' },
		definition: {
			en: 'Active-at-start accounts that expanded in the range ÷ active at start.',
			ja: '期間内に拡大した期首の有効顧客 ÷ 期首の有効顧客。'
		}
	},
	{
		key: 'nps',
		dept: 'customer_success',
		format: 'points',
		bench: 'nps',
		label: { en: 'NPS', ja: 'NPS' },
		definition: {
			en: '% of scores 9–10 minus % of scores 0–6, over accounts with a score.',
			ja: 'スコアのある取引先のうち、9〜10 の割合 − 0〜6 の割合。'
		}
	}
];

/** The KPI's figure in a department's results (the report's `kpis` or a page's own). */
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
