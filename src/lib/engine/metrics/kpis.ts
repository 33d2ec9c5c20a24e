import type { Db } from '../db/types';
import type { Sql } from '../db/sql';
import type { DatasetMeta } from '../schema';
import { baseLeads, countsFor, leadSource, ratio, stageCount, type Funnel } from './funnel';
import type { Revenue } from './revenue';
import { isSalesCycle, type VelocityStep } from './velocity';
import { assertView, type MetricView } from './view';
import { and, dimensionFilter } from './where';

export interface ChannelKpi {
	channel: string;
	leads: number;
	mqls: number | null;
	mql_rate: number | null;
	spend: number | null;
	/** cost per lead: spend / leads */
	cpl: number | null;
	/** cost per MQL: spend / MQLs */
	cpm: number | null;
}

export interface MarketingKpis {
	leads: number;
	mqls: number | null;
	mql_rate: number | null;
	spend: number | null;
	cpl: number | null;
	cpm: number | null;
	by_channel: ChannelKpi[];
}

const count = (f: { steps: { stage: string; count: number }[] }, stage: string): number | null =>
	f.steps.find((s) => s.stage === stage)?.count ?? null;

/**
 * Spend counts for a month when the month overlaps the range [from, to]: a range that starts mid-month
 * still carries that month's whole spend (spend is only known per month).
 */
function spendInRange(view: MetricView): Sql {
	return {
		text: `month BETWEEN date_trunc('month', ?::DATE) AND ?::DATE`,
		params: [view.from, view.to]
	};
}

export async function marketing(
	db: Db,
	view: MetricView,
	meta: DatasetMeta,
	f: Funnel
): Promise<MarketingKpis | null> {
	if (!meta.tables.leads) return null;
	const hasMql = meta.stages.includes('mql');
	const where = baseLeads(view);
	const lead = stageCount('lead', view);
	const mql = stageCount('mql', view);
	const rows = await db.query(
		`SELECT coalesce(channel, '') AS channel, ${lead.text} AS leads, ${mql.text} AS mqls
		FROM ${leadSource(view)} WHERE ${where.text} GROUP BY 1 ORDER BY leads DESC, channel`,
		[...lead.params, ...mql.params, ...where.params]
	);
	const spendByChannel = new Map<string, number>();
	let totalSpend: number | null = null;
	if (meta.tables.spend) {
		const r = spendInRange(view);
		// Channel filters narrow spend too; owner and segment filters cannot (spend has neither).
		const ch = view.filters.channel?.length ? view.filters.channel : null;
		const chSql = ch ? ` AND coalesce(channel, '') IN (${ch.map(() => '?').join(', ')})` : '';
		const srows = await db.query(
			`SELECT coalesce(channel, '') AS channel, sum(spend)::DOUBLE AS spend FROM spend
			WHERE ${r.text}${chSql} GROUP BY 1`,
			[...r.params, ...(ch ?? [])]
		);
		totalSpend = 0;
		for (const s of srows) {
			spendByChannel.set(String(s.channel), Number(s.spend));
			totalSpend += Number(s.spend);
		}
	}
	const leads = count(f, 'lead') ?? 0;
	const mqls = hasMql ? count(f, 'mql') : null;
	const byChannel: ChannelKpi[] = rows.map((r) => {
		const l = Number(r.leads);
		const m = hasMql ? Number(r.mqls) : null;
		const sp = meta.tables.spend ? (spendByChannel.get(String(r.channel)) ?? 0) : null;
		return {
			channel: String(r.channel),
			leads: l,
			mqls: m,
			mql_rate: m === null ? null : ratio(m, l),
			spend: sp,
			cpl: sp === null ? null : ratio(sp, l),
			cpm: sp === null || m === null ? null : ratio(sp, m)
		};
	});
	// Spend on a channel that brought no lead in the range still shows, so no money disappears.
	for (const [channel, sp] of spendByChannel) {
		if (!byChannel.some((c) => c.channel === channel)) {
			byChannel.push({
				channel,
				leads: 0,
				mqls: hasMql ? 0 : null,
				mql_rate: null,
				spend: sp,
				cpl: null,
				cpm: null
			});
		}
	}
	return {
		leads,
		mqls,
		mql_rate: mqls === null ? null : ratio(mqls, leads),
		spend: totalSpend,
		cpl: totalSpend === null ? null : ratio(totalSpend, leads),
		cpm: totalSpend === null || mqls === null ? null : ratio(totalSpend, mqls),
		by_channel: byChannel
	};
}

export interface InsideSalesKpis {
	calls: number;
	rep_days: number;
	reps: number;
	calls_per_rep_day: number | null;
	contact_rate: number | null;
	meeting_rate: number | null;
	sqls: number | null;
}

export interface RepKpi extends Omit<InsideSalesKpis, 'reps'> {
	rep: string;
}

/**
 * The activities a view looks at: `occurred_at` in range; the owner filter selects reps; channel and
 * segment filters keep activities on leads of those channels/segments.
 */
export function activityWhere(view: MetricView): Sql {
	assertView(view);
	const range: Sql = { text: `a.occurred_at BETWEEN ?::DATE AND ?::DATE`, params: [view.from, view.to] };
	const parts: Sql[] = [range];
	const owners = view.filters.owner;
	if (owners?.length)
		parts.push({ text: `coalesce(a.rep, '') IN (${owners.map(() => '?').join(', ')})`, params: owners });
	const leadOnly = { ...view, filters: { channel: view.filters.channel, segment: view.filters.segment } };
	const dims = dimensionFilter(leadOnly, 'l');
	if (dims.text !== 'TRUE') {
		parts.push({
			text: `a.lead_id IN (SELECT l.lead_id FROM leads l WHERE ${dims.text})`,
			params: dims.params
		});
	}
	return and(...parts);
}

const CONTACTED = `a.outcome IN ('connected', 'meeting_set')`;

/** The inside-sales aggregates over `activities a`, shared by the totals, per rep and per bucket. */
export function insideSalesSelect(): string {
	return `count(*)::INTEGER AS calls,
		count(DISTINCT (a.rep, a.occurred_at))::INTEGER AS rep_days,
		count(DISTINCT a.rep)::INTEGER AS reps,
		count(*) FILTER (WHERE ${CONTACTED})::INTEGER AS contacted_calls,
		count(DISTINCT a.lead_id) FILTER (WHERE a.outcome = 'meeting_set')::INTEGER AS meeting_leads,
		count(DISTINCT a.lead_id) FILTER (WHERE ${CONTACTED})::INTEGER AS contacted_leads`;
}

export function toInsideSales(r: Record<string, unknown> | undefined, sqls: number | null): InsideSalesKpis {
	const calls = Number(r?.calls ?? 0);
	const repDays = Number(r?.rep_days ?? 0);
	return {
		calls,
		rep_days: repDays,
		reps: Number(r?.reps ?? 0),
		calls_per_rep_day: ratio(calls, repDays),
		contact_rate: ratio(Number(r?.contacted_calls ?? 0), calls),
		meeting_rate: ratio(Number(r?.meeting_leads ?? 0), Number(r?.contacted_leads ?? 0)),
		sqls
	};
}

export async function insideSales(
	db: Db,
	view: MetricView,
	meta: DatasetMeta,
	f: Funnel
): Promise<InsideSalesKpis | null> {
	if (!meta.tables.activities) return null;
	const w = activityWhere(view);
	const [r] = await db.query(
		`SELECT ${insideSalesSelect()} FROM activities a WHERE a.is_call AND ${w.text}`,
		w.params
	);
	return toInsideSales(r, meta.stages.includes('sql') ? count(f, 'sql') : null);
}

/** Per inside-sales rep; SQLs are the funnel's SQL count of the leads each rep owns. */
export async function insideSalesByRep(db: Db, view: MetricView, meta: DatasetMeta): Promise<RepKpi[]> {
	if (!meta.tables.activities) return [];
	const w = activityWhere(view);
	const rows = await db.query(
		`SELECT coalesce(a.rep, '') AS rep, ${insideSalesSelect()} FROM activities a
		WHERE a.is_call AND ${w.text} GROUP BY 1 ORDER BY 1`,
		w.params
	);
	const sqlsByOwner = new Map<string, number>();
	if (meta.tables.leads && meta.stages.includes('sql')) {
		const where = baseLeads(view);
		const c = countsFor('sql', view);
		const srows = await db.query(
			`SELECT coalesce(owner, '') AS owner, count(*) FILTER (WHERE ${c.text})::INTEGER AS n
			FROM leads WHERE ${where.text} GROUP BY 1`,
			[...c.params, ...where.params]
		);
		for (const s of srows) sqlsByOwner.set(String(s.owner), Number(s.n));
	}
	return rows.map((r) => {
		const { reps: _reps, ...k } = toInsideSales(
			r,
			meta.stages.includes('sql') ? (sqlsByOwner.get(String(r.rep)) ?? 0) : null
		);
		return { rep: String(r.rep), ...k };
	});
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

export interface OwnerKpi {
	owner: string;
	opportunities: number;
	won: number;
	win_rate: number | null;
	won_revenue: number;
	avg_deal: number | null;
}

export async function fieldSalesByOwner(db: Db, view: MetricView, meta: DatasetMeta): Promise<OwnerKpi[]> {
	if (!meta.tables.leads || !meta.stages.includes('won')) return [];
	const where = baseLeads(view);
	const opp = countsFor('opportunity', view);
	const won = countsFor('won', view);
	const rows = await db.query(
		`SELECT coalesce(owner, '') AS owner,
			count(*) FILTER (WHERE ${opp.text})::INTEGER AS opportunities,
			count(*) FILTER (WHERE ${won.text})::INTEGER AS won,
			coalesce(sum(amount) FILTER (WHERE ${won.text}), 0)::DOUBLE AS won_revenue
		FROM leads WHERE ${where.text} GROUP BY 1 ORDER BY 1`,
		[...opp.params, ...won.params, ...won.params, ...where.params]
	);
	return rows.map((r) => ({
		owner: String(r.owner),
		opportunities: Number(r.opportunities),
		won: Number(r.won),
		win_rate: ratio(Number(r.won), Number(r.opportunities)),
		won_revenue: Number(r.won_revenue),
		avg_deal: ratio(Number(r.won_revenue), Number(r.won))
	}));
}

export interface CustomerSuccessKpis {
	active_at_start: number;
	churned: number;
	churn_rate: number | null;
	retention: number | null;
	upsell_rate: number | null;
	nps: number | null;
	nps_responses: number;
}

/** METRICS.md, period [from, to]: active at start, churned in (from, to], upsell in [from, to], NPS. */
export async function customerSuccess(
	db: Db,
	view: MetricView,
	meta: DatasetMeta
): Promise<CustomerSuccessKpis | null> {
	if (!meta.tables.customers) return null;
	assertView(view);
	const active = `start_date <= ?::DATE AND (churned_at IS NULL OR churned_at > ?::DATE)`;
	const [r] = await db.query(
		`SELECT
			count(*) FILTER (WHERE ${active})::INTEGER AS active,
			count(*) FILTER (WHERE ${active} AND churned_at > ?::DATE AND churned_at <= ?::DATE)::INTEGER AS churned,
			count(*) FILTER (WHERE ${active} AND expansion_at BETWEEN ?::DATE AND ?::DATE)::INTEGER AS upsell,
			count(nps)::INTEGER AS responses,
			count(*) FILTER (WHERE nps >= 9)::INTEGER AS promoters,
			count(*) FILTER (WHERE nps <= 6)::INTEGER AS detractors
		FROM customers`,
		[view.from, view.from, view.from, view.from, view.from, view.to, view.from, view.from, view.from, view.to]
	);
	const activeN = Number(r?.active ?? 0);
	const churned = Number(r?.churned ?? 0);
	const churnRate = ratio(churned, activeN);
	const responses = Number(r?.responses ?? 0);
	return {
		active_at_start: activeN,
		churned,
		churn_rate: churnRate,
		retention: churnRate === null ? null : 1 - churnRate,
		upsell_rate: ratio(Number(r?.upsell ?? 0), activeN),
		nps: responses > 0 ? ((Number(r?.promoters) - Number(r?.detractors)) / responses) * 100 : null,
		nps_responses: responses
	};
}
