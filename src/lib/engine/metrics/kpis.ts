/**
 * The department KPIs the tiles show, one result per department (docs/metrics.md, "Department KPIs").
 * Marketing and customer success live in their own modules; inside sales reads the shared builder of
 * inside-sales.ts, so its totals agree with the per-rep table and the trend.
 */
import type { Db } from '../db/types';
import type { DatasetMeta } from '../schema';
import { ratio, type Funnel } from './funnel';
import { insideSalesFigures } from './inside-sales';
import type { Revenue } from './revenue';
import { isSalesCycle, type VelocityStep } from './velocity';
import type { MetricView } from './view';

export { marketingKpis, type ChannelCosts, type MarketingKpis } from './marketing';
export { customerSuccessKpis, type CustomerSuccessKpis } from './customers';

const count = (f: Funnel, stage: string): number | null =>
	f.steps.find((s) => s.stage === stage)?.count ?? null;

export interface InsideSalesKpis {
	calls: number;
	rep_days: number;
	reps: number;
	calls_per_rep_day: number | null;
	contact_rate: number | null;
	meeting_rate: number | null;
	/** Leads first connected in the range: the meeting rate's denominator. */
	first_connects: number;
	appointments: number;
	emails: number | null;
	contacted_leads: number;
	connects_per_lead: number | null;
	sqls: number | null;
}

export async function insideSales(
	db: Db,
	view: MetricView,
	meta: DatasetMeta,
	f: Funnel
): Promise<InsideSalesKpis | null> {
	if (!meta.tables.activities) return null;
	const [{ figures: k }] = await insideSalesFigures(db, view, { by: 'total' });
	return {
		calls: k.calls,
		rep_days: k.rep_days,
		reps: k.reps,
		calls_per_rep_day: k.calls_per_rep_day,
		contact_rate: k.contact_rate,
		meeting_rate: k.meeting_rate,
		first_connects: k.first_connects,
		appointments: k.appointments,
		emails: k.emails,
		contacted_leads: k.contacted_leads,
		connects_per_lead: k.connects_per_lead,
		sqls: meta.stages.includes('sql') ? count(f, 'sql') : null
	};
}

export interface FieldSalesKpis {
	opportunities: number | null;
	won: number | null;
	win_rate: number | null;
	won_revenue: number | null;
	avg_deal: number | null;
	median_days_to_win: number | null;
}

export function fieldSales(
	meta: DatasetMeta,
	f: Funnel,
	rev: Revenue,
	vel: VelocityStep[]
): FieldSalesKpis | null {
	if (!meta.tables.leads || (!meta.stages.includes('opportunity') && !meta.stages.includes('won')))
		return null;
	const opp = meta.stages.includes('opportunity') ? count(f, 'opportunity') : null;
	const won = meta.stages.includes('won') ? count(f, 'won') : null;
	const v = vel.find((s) => isSalesCycle(s.from, s.to));
	return {
		opportunities: opp,
		won,
		win_rate: opp === null || won === null ? null : ratio(won, opp),
		won_revenue: rev.won_revenue,
		avg_deal: rev.avg_deal,
		median_days_to_win: v?.median_days ?? null
	};
}
