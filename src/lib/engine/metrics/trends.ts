/**
 * Time series for the dashboard's trend charts and sparklines, computed in SQL (one grouped query per
 * family), bucketed by week (ISO, Monday), month or fiscal quarter.
 */
import type { Db } from '../db/types';
import { ident } from '../db/sql';
import { STAGES, type DatasetMeta, type Stage } from '../schema';
import { bucketSql, type Grain } from './grain';
import { insideSalesFigures } from './inside-sales';
import { leadSource, ratio, stageCount } from './funnel';
import type { MetricView } from './view';
import { and, dimensionFilter, inRange } from './where';

export { GRAINS, bucketSql, type Grain } from './grain';

/** One value of a series per bucket (a KPI's sparkline or trend chart). */
export interface TrendPoint {
	bucket: string;
	value: number | null;
}

export interface LeadBucket {
	bucket: string;
	counts: Record<Stage, number>;
	/** Step rates within the bucket's cohort (leads created in the bucket). */
	rates: Record<Stage, number | null>;
}

/** Cohort funnel per creation bucket: leads created in the bucket and the stages they reached. */
export async function leadTrend(
	db: Db,
	view: MetricView,
	stages: readonly Stage[],
	grain: Grain,
	fyStartMonth = 4
): Promise<LeadBucket[]> {
	if (stages.length === 0) return [];
	const cohortView: MetricView = { ...view, mode: 'cohort' };
	const cols = stages.map((s) => {
		const c = stageCount(s, cohortView);
		return { text: `${c.text} AS ${ident(s)}`, params: c.params };
	});
	const where = and(inRange('created_at', view), dimensionFilter(view));
	const rows = await db.query(
		`SELECT strftime(${bucketSql(ident('created_at'), grain, fyStartMonth)}, '%Y-%m-%d') AS bucket, ${cols.map((c) => c.text).join(', ')}
		FROM ${leadSource(cohortView)} WHERE ${where.text} GROUP BY 1 ORDER BY 1`,
		[...cols.flatMap((c) => c.params), ...where.params]
	);
	return rows.map((r) => {
		const counts = Object.fromEntries(STAGES.map((s) => [s, Number(r[s] ?? 0)])) as Record<Stage, number>;
		const rates = Object.fromEntries(
			STAGES.map((s) => {
				const i = stages.indexOf(s);
				return [s, i <= 0 ? null : ratio(counts[s], counts[stages[i - 1]])];
			})
		) as Record<Stage, number | null>;
		return { bucket: String(r.bucket), counts, rates };
	});
}

export interface ActivityBucket {
	bucket: string;
	calls: number;
	calls_per_rep_day: number | null;
	contact_rate: number | null;
	meeting_rate: number | null;
}

export async function activityTrend(
	db: Db,
	view: MetricView,
	meta: DatasetMeta,
	grain: Grain,
	fyStartMonth = 4
): Promise<ActivityBucket[]> {
	if (!meta.tables.activities) return [];
	const rows = await insideSalesFigures(db, view, { by: 'bucket', grain, fyStartMonth });
	return rows
		.filter((r) => r.figures.calls > 0 || r.figures.first_connects > 0)
		.map(({ key, figures: k }) => ({
			bucket: key,
			calls: k.calls,
			calls_per_rep_day: k.calls_per_rep_day,
			contact_rate: k.contact_rate,
			meeting_rate: k.meeting_rate
		}));
}

export interface CustomerBucket {
	bucket: string;
	active_at_start: number;
	churned: number;
	churn_rate: number | null;
	upsell_rate: number | null;
	/** NPS over the answers dated in the bucket; `null` without an `nps_at` column or answers. */
	nps: number | null;
	nps_responses: number;
}

/** Churn per bucket with docs/metrics.md's boundaries, each bucket [start, end] a period of its own. */
export async function customerTrend(
	db: Db,
	view: MetricView,
	meta: DatasetMeta,
	grain: Grain,
	fyStartMonth = 4
): Promise<CustomerBucket[]> {
	if (!meta.tables.customers) return [];
	const step =
		grain === 'week' ? `INTERVAL 7 DAY` : grain === 'month' ? `INTERVAL 1 MONTH` : `INTERVAL 3 MONTH`;
	const first = bucketSql('d', grain, fyStartMonth);
	const rows = await db.query(
		`WITH b AS (
			SELECT greatest(s::DATE, ?::DATE) AS b_from, least((s + ${step} - INTERVAL 1 DAY)::DATE, ?::DATE) AS b_to, s::DATE AS bucket
			FROM (SELECT ${first} AS first FROM (SELECT ?::DATE AS d)) f, range(f.first, ?::DATE + INTERVAL 1 DAY, ${step}) t(s)
		)
		SELECT strftime(bucket, '%Y-%m-%d') AS bucket,
			count(c.account_id) FILTER (WHERE c.start_date <= b_from AND (c.churned_at IS NULL OR c.churned_at > b_from))::INTEGER AS active,
			count(c.account_id) FILTER (WHERE c.start_date <= b_from AND c.churned_at > b_from AND c.churned_at <= b_to)::INTEGER AS churned,
			count(c.account_id) FILTER (WHERE c.start_date <= b_from AND (c.churned_at IS NULL OR c.churned_at > b_from)
				AND c.expansion_at BETWEEN b_from AND b_to)::INTEGER AS upsell,
			count(c.nps) FILTER (WHERE c.nps_at BETWEEN b_from AND b_to)::INTEGER AS nps_n,
			count(c.nps) FILTER (WHERE c.nps_at BETWEEN b_from AND b_to AND c.nps >= 9)::INTEGER AS promoters,
			count(c.nps) FILTER (WHERE c.nps_at BETWEEN b_from AND b_to AND c.nps <= 6)::INTEGER AS detractors
		FROM b LEFT JOIN customers c ON TRUE GROUP BY b.bucket ORDER BY b.bucket`,
		[view.from, view.to, view.from, view.to]
	);
	return rows.map((r) => ({
		bucket: String(r.bucket),
		active_at_start: Number(r.active),
		churned: Number(r.churned),
		churn_rate: ratio(Number(r.churned), Number(r.active)),
		upsell_rate: ratio(Number(r.upsell), Number(r.active)),
		// docs/metrics.md: % promoters (9–10) − % detractors (0–6), here over the bucket's dated answers.
		nps: Number(r.nps_n) > 0 ? ((Number(r.promoters) - Number(r.detractors)) / Number(r.nps_n)) * 100 : null,
		nps_responses: Number(r.nps_n)
	}));
}

export interface SpendBucket {
	bucket: string;
	spend: number;
	leads: number;
	sqls: number;
	/** spend / leads created in the bucket (cohort), `null` without leads */
	cost_per_lead: number | null;
	cost_per_sql: number | null;
}

/**
 * Spend and what it bought per month or fiscal quarter (docs/metrics.md, Marketing: cost per lead per
 * channel and month): the bucket's spend rows against the leads created in it and how many of them
 * reached SQL (cohort). Spend is only known per month, so weeks have no series (`[]`). A channel filter
 * narrows spend too; owner and segment filters narrow the leads only (spend has neither column).
 */
export async function spendTrend(
	db: Db,
	view: MetricView,
	meta: DatasetMeta,
	stages: readonly Stage[],
	grain: Grain,
	fyStartMonth = 4
): Promise<SpendBucket[]> {
	if (!meta.tables.spend || grain === 'week') return [];
	const ch = view.filters.channel?.length ? view.filters.channel : null;
	const chSql = ch ? ` AND coalesce(channel, '') IN (${ch.map(() => '?').join(', ')})` : '';
	const spendRows = await db.query(
		`SELECT strftime(${bucketSql('month', grain, fyStartMonth)}, '%Y-%m-%d') AS bucket, sum(spend)::DOUBLE AS spend
		FROM spend WHERE month BETWEEN date_trunc('month', ?::DATE) AND ?::DATE${chSql} GROUP BY 1 ORDER BY 1`,
		[view.from, view.to, ...(ch ?? [])]
	);
	const leads = meta.tables.leads ? await leadTrend(db, view, stages, grain, fyStartMonth) : [];
	const byBucket = new Map(leads.map((b) => [b.bucket, b]));
	const hasSql = stages.includes('sql');
	return spendRows.map((r) => {
		const b = byBucket.get(String(r.bucket));
		const spend = Number(r.spend);
		const n = b?.counts.lead ?? 0;
		const sqls = b?.counts.sql ?? 0;
		return {
			bucket: String(r.bucket),
			spend,
			leads: n,
			sqls,
			cost_per_lead: ratio(spend, n),
			cost_per_sql: hasSql ? ratio(spend, sqls) : null
		};
	});
}

export interface VelocityBin {
	from: Stage;
	to: Stage;
	bin: number;
	label: string;
	n: number;
}

export const VELOCITY_BINS: [number, number, string][] = [
	[0, 0, '0'],
	[1, 3, '1–3'],
	[4, 7, '4–7'],
	[8, 14, '8–14'],
	[15, 30, '15–30'],
	[31, 60, '31–60'],
	[61, 90, '61–90'],
	[91, 1e9, '91+']
];

/** The distribution of days per step (same leads as `velocity`), in fixed bins. */
export async function velocityHistogram(
	db: Db,
	view: MetricView,
	stages: readonly Stage[]
): Promise<VelocityBin[]> {
	if (stages.length < 2) return [];
	const where = and(inRange('created_at', view), dimensionFilter(view));
	const binCase = `CASE ${VELOCITY_BINS.map(([lo, hi], i) => `WHEN d BETWEEN ${lo} AND ${hi} THEN ${i}`).join(' ')} END`;
	const parts: string[] = [];
	for (let i = 1; i < stages.length; i++) {
		const a = ident(`${stages[i - 1] === 'lead' ? 'created' : stages[i - 1]}_at`);
		const b = ident(`${stages[i]}_at`);
		parts.push(
			`SELECT ${i} AS step, (${b} - ${a}) AS d FROM leads WHERE ${where.text} AND ${a} IS NOT NULL AND ${b} >= ${a}`
		);
	}
	const rows = await db.query(
		`SELECT step, ${binCase} AS bin, count(*)::INTEGER AS n FROM (${parts.join(' UNION ALL ')}) GROUP BY 1, 2 ORDER BY 1, 2`,
		parts.flatMap(() => where.params)
	);
	const out: VelocityBin[] = [];
	for (let i = 1; i < stages.length; i++) {
		VELOCITY_BINS.forEach(([, , label], bin) => {
			const r = rows.find((x) => Number(x.step) === i && Number(x.bin) === bin);
			out.push({ from: stages[i - 1], to: stages[i], bin, label, n: r ? Number(r.n) : 0 });
		});
	}
	return out;
}
