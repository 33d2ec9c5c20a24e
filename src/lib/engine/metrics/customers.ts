/**
 * Customer success over the period [from, to] (docs/metrics.md, "Customer success"): retention, MRR
 * (start, churned, expansion; GRR, NRR), ARPA and LTV, churn reasons and NPS. Accounts carry no lead,
 * so no lead filter applies here: the UI says so when one is on.
 */
import type { Db } from '../db/types';
import { ratio } from './funnel';
import { assertView, type MetricView } from './view';

export interface ChurnReason {
	reason: string | null;
	accounts: number;
	mrr: number;
}

export interface CustomerSuccessKpis {
	active_at_start: number;
	churned: number;
	churn_rate: number | null;
	retention: number | null;
	upsell_rate: number | null;
	nps: number | null;
	nps_responses: number;
	start_mrr: number | null;
	churned_mrr: number | null;
	expansion_mrr: number | null;
	grr: number | null;
	nrr: number | null;
	arpa: number | null;
	ltv: number | null;
	churn_reasons: ChurnReason[] | null;
}

const ACTIVE = `start_date <= ?::DATE AND (churned_at IS NULL OR churned_at > ?::DATE)`;
const CHURNED = `${ACTIVE} AND churned_at > ?::DATE AND churned_at <= ?::DATE`;
const UPSOLD = `${ACTIVE} AND expansion_at BETWEEN ?::DATE AND ?::DATE`;

/** Days in [from, to], both included. */
function daysIn(view: MetricView): number {
	return Math.round((Date.parse(view.to) - Date.parse(view.from)) / 86_400_000) + 1;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function customerSuccessKpis(
	db: Db,
	view: MetricView,
	hasCustomers: boolean
): Promise<CustomerSuccessKpis | null> {
	if (!hasCustomers) return null;
	assertView(view);
	const { from, to } = view;
	const a = [from, from];
	const c = [...a, from, to];
	const u = [...a, from, to];
	// NPS over the answers dated in the range when answers carry a date, else over every score.
	const dated = `(SELECT count(nps_at) FROM customers) > 0`;
	const inNps = `nps IS NOT NULL AND (NOT ${dated} OR nps_at BETWEEN ?::DATE AND ?::DATE)`;
	const [r] = await db.query(
		`SELECT
			count(*) FILTER (WHERE ${ACTIVE})::INTEGER AS active,
			count(*) FILTER (WHERE ${CHURNED})::INTEGER AS churned,
			count(*) FILTER (WHERE ${UPSOLD})::INTEGER AS upsell,
			sum(mrr) FILTER (WHERE ${ACTIVE})::DOUBLE AS start_mrr,
			count(mrr)::INTEGER AS with_mrr,
			coalesce(sum(mrr) FILTER (WHERE ${CHURNED}), 0)::DOUBLE AS churned_mrr,
			coalesce(sum(expansion_mrr) FILTER (WHERE ${UPSOLD}), 0)::DOUBLE AS expansion_mrr,
			count(expansion_mrr)::INTEGER AS with_expansion,
			count(*) FILTER (WHERE ${inNps})::INTEGER AS responses,
			count(*) FILTER (WHERE ${inNps} AND nps >= 9)::INTEGER AS promoters,
			count(*) FILTER (WHERE ${inNps} AND nps <= 6)::INTEGER AS detractors
		FROM customers`,
		[...a, ...c, ...u, ...a, ...c, ...u, from, to, from, to, from, to]
	);
	const active = Number(r?.active ?? 0);
	const churned = Number(r?.churned ?? 0);
	const churnRate = ratio(churned, active);
	const responses = Number(r?.responses ?? 0);
	const hasMrr = Number(r?.with_mrr ?? 0) > 0;
	const startMrr = hasMrr ? (num(r?.start_mrr) ?? 0) : null;
	const churnedMrr = hasMrr ? Number(r?.churned_mrr ?? 0) : null;
	const expansion = Number(r?.with_expansion ?? 0) > 0 ? Number(r?.expansion_mrr ?? 0) : null;
	const grr = startMrr === null || churnedMrr === null ? null : ratio(startMrr - churnedMrr, startMrr);
	const nrr =
		startMrr === null || churnedMrr === null || expansion === null
			? null
			: ratio(startMrr - churnedMrr + expansion, startMrr);
	const arpa = startMrr === null ? null : ratio(startMrr, active);
	const monthlyChurn = churnRate === null ? null : (churnRate * 30.4375) / daysIn(view);
	return {
		active_at_start: active,
		churned,
		churn_rate: churnRate,
		retention: churnRate === null ? null : 1 - churnRate,
		upsell_rate: ratio(Number(r?.upsell ?? 0), active),
		nps: responses > 0 ? ((Number(r?.promoters) - Number(r?.detractors)) / responses) * 100 : null,
		nps_responses: responses,
		start_mrr: startMrr,
		churned_mrr: churnedMrr,
		expansion_mrr: expansion,
		grr,
		nrr,
		arpa,
		ltv: arpa === null || monthlyChurn === null || churned === 0 ? null : arpa / monthlyChurn,
		churn_reasons: await churnReasons(db, view)
	};
}

/** Churned accounts per reason as written (blank → null), most first; null without a reason column. */
async function churnReasons(db: Db, view: MetricView): Promise<ChurnReason[] | null> {
	const [any] = await db.query(`SELECT count(churn_reason)::INTEGER AS n FROM customers`);
	if (Number(any?.n ?? 0) === 0) return null;
	const rows = await db.query(
		`SELECT nullif(trim(churn_reason), '') AS reason, count(*)::INTEGER AS accounts, coalesce(sum(mrr), 0)::DOUBLE AS mrr
		FROM customers WHERE ${CHURNED} GROUP BY 1 ORDER BY accounts DESC, reason ASC NULLS LAST`,
		[view.from, view.from, view.from, view.to]
	);
	return rows.map((r) => ({
		reason: r.reason === null ? null : String(r.reason),
		accounts: Number(r.accounts),
		mrr: Number(r.mrr)
	}));
}
