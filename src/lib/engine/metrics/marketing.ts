/**
 * Marketing KPIs (docs/metrics.md, "Marketing"): leads and MQLs per channel, and what they cost —
 * per lead, MQL, SQL, opportunity and won deal (CAC) — with the return on spend (ROI). Counts and
 * revenue are the view's (the cohort in cohort mode); spend is that of the months overlapping the
 * range. A channel with leads but no spend row has no spend and no cost figure (null, never 0).
 */
import type { Db } from '../db/types';
import type { Sql } from '../db/sql';
import { STAGES, type DatasetMeta, type Stage } from '../schema';
import { baseLeads, countsFor, leadSource, ratio, stageCount, usesCube } from './funnel';
import { assertView, type MetricView } from './view';

export interface ChannelCosts {
	channel: string;
	leads: number;
	mqls: number | null;
	mql_rate: number | null;
	sqls: number | null;
	opportunities: number | null;
	won: number | null;
	won_revenue: number | null;
	spend: number | null;
	/** cost per lead, per MQL, per SQL, per opportunity; CAC = per won deal */
	cpl: number | null;
	cpm: number | null;
	cost_per_sql: number | null;
	cost_per_opportunity: number | null;
	cac: number | null;
	/** won revenue / spend */
	roi: number | null;
}

export interface MarketingKpis extends Omit<ChannelCosts, 'channel'> {
	by_channel: ChannelCosts[];
}

/** Spend counts for every month that overlaps [from, to] (spend is only known per month). */
function spendSql(view: MetricView): Sql {
	const ch = view.filters.channel?.length ? view.filters.channel : null;
	// Channel filters narrow spend too; owner and segment filters cannot (spend has neither).
	const chSql = ch ? ` AND coalesce(channel, '') IN (${ch.map(() => '?').join(', ')})` : '';
	return {
		text: `SELECT coalesce(channel, '') AS channel, sum(spend)::DOUBLE AS spend FROM spend
			WHERE month BETWEEN date_trunc('month', ?::DATE) AND ?::DATE${chSql} GROUP BY 1`,
		params: [view.from, view.to, ...(ch ?? [])]
	};
}

const STAGE_KEYS: Partial<Record<Stage, 'mqls' | 'sqls' | 'opportunities' | 'won'>> = {
	mql: 'mqls',
	sql: 'sqls',
	opportunity: 'opportunities',
	won: 'won'
};

function countsSql(view: MetricView): Sql {
	const cols = STAGES.map((s) => {
		const c = stageCount(s, view);
		return { text: `${c.text} AS ${s}`, params: c.params };
	});
	const won = countsFor('won', view);
	const revenue = usesCube(view)
		? { text: `coalesce(sum(amount) FILTER (WHERE r4), 0)::DOUBLE`, params: [] }
		: { text: `coalesce(sum(amount) FILTER (WHERE ${won.text}), 0)::DOUBLE`, params: won.params };
	const where = baseLeads(view);
	return {
		text: `SELECT coalesce(channel, '') AS channel, ${cols.map((c) => c.text).join(', ')}, ${revenue.text} AS revenue
			FROM ${leadSource(view)} WHERE ${where.text} GROUP BY 1 ORDER BY lead DESC, channel`,
		params: [...cols.flatMap((c) => c.params), ...revenue.params, ...where.params]
	};
}

function costs(
	channel: string,
	n: Record<'leads' | 'mqls' | 'sqls' | 'opportunities' | 'won', number | null>,
	revenue: number | null,
	spend: number | null
): ChannelCosts {
	const per = (count: number | null) => (spend === null || count === null ? null : ratio(spend, count));
	return {
		channel,
		leads: n.leads ?? 0,
		mqls: n.mqls,
		mql_rate: n.mqls === null ? null : ratio(n.mqls, n.leads ?? 0),
		sqls: n.sqls,
		opportunities: n.opportunities,
		won: n.won,
		won_revenue: revenue,
		spend,
		cpl: per(n.leads),
		cpm: per(n.mqls),
		cost_per_sql: per(n.sqls),
		cost_per_opportunity: per(n.opportunities),
		cac: per(n.won),
		roi: spend === null || revenue === null ? null : ratio(revenue, spend)
	};
}

export async function marketingKpis(
	db: Db,
	view: MetricView,
	meta: DatasetMeta
): Promise<MarketingKpis | null> {
	assertView(view);
	if (!meta.tables.leads) return null;
	const q = countsSql(view);
	const rows = await db.query(q.text, q.params);
	const spendBy = new Map<string, number>();
	if (meta.tables.spend) {
		const s = spendSql(view);
		for (const r of await db.query(s.text, s.params)) spendBy.set(String(r.channel), Number(r.spend));
	}
	const has = (s: Stage) => meta.stages.includes(s);
	const pick = (r: Record<string, unknown>) => {
		const n = {
			leads: Number(r.lead ?? 0),
			mqls: null,
			sqls: null,
			opportunities: null,
			won: null
		} as Record<'leads' | 'mqls' | 'sqls' | 'opportunities' | 'won', number | null>;
		for (const [stage, key] of Object.entries(STAGE_KEYS))
			n[key!] = has(stage as Stage) ? Number(r[stage] ?? 0) : null;
		return n;
	};
	const revenueOf = (r: Record<string, unknown>) => (has('won') ? Number(r.revenue ?? 0) : null);
	const spendOf = (channel: string) => (meta.tables.spend ? (spendBy.get(channel) ?? null) : null);
	const byChannel = rows.map((r) =>
		costs(String(r.channel), pick(r), revenueOf(r), spendOf(String(r.channel)))
	);
	// Spend on a channel that brought no lead in the range still shows, so no money disappears.
	for (const [channel, sp] of spendBy) {
		if (!byChannel.some((c) => c.channel === channel))
			byChannel.push(costs(channel, pick({}), has('won') ? 0 : null, sp));
	}
	const sum = (k: 'leads' | 'mqls' | 'sqls' | 'opportunities' | 'won') =>
		byChannel.some((c) => c[k] === null) ? null : byChannel.reduce((s, c) => s + (c[k] ?? 0), 0);
	const totalSpend = meta.tables.spend ? [...spendBy.values()].reduce((s, v) => s + v, 0) : null;
	const totals = costs(
		'',
		{
			leads: sum('leads'),
			mqls: sum('mqls'),
			sqls: sum('sqls'),
			opportunities: sum('opportunities'),
			won: sum('won')
		},
		has('won') ? byChannel.reduce((s, c) => s + (c.won_revenue ?? 0), 0) : null,
		totalSpend
	);
	const { channel: _channel, ...total } = totals;
	return { ...total, by_channel: byChannel };
}

export interface ScoreBand {
	band: number;
	min: number;
	max: number;
	leads: number;
	sqls: number | null;
	sql_rate: number | null;
	won: number | null;
}

/**
 * Lead-score bands over the view's leads with a numeric score, cut at the score's quartiles: does the
 * MA score predict who converts? Empty bands are left out; null without any score in the data.
 */
export async function scoreBands(db: Db, view: MetricView, meta: DatasetMeta): Promise<ScoreBand[] | null> {
	assertView(view);
	if (!meta.tables.leads) return null;
	const [any] = await db.query(`SELECT count(score)::INTEGER AS n FROM leads`);
	if (Number(any?.n ?? 0) === 0) return null;
	const where = baseLeads(view);
	const [s, w] = (['sql', 'won'] as const).map((st) => countsFor(st, view));
	const rows = await db.query(
		`WITH x AS (SELECT score, ${s.text} AS is_sql, ${w.text} AS is_won FROM leads WHERE ${where.text} AND score IS NOT NULL),
			q AS (SELECT quantile_cont(score, 0.25) AS b1, quantile_cont(score, 0.5) AS b2, quantile_cont(score, 0.75) AS b3 FROM x)
		SELECT CASE WHEN score <= b1 THEN 1 WHEN score <= b2 THEN 2 WHEN score <= b3 THEN 3 ELSE 4 END AS band,
			min(score)::DOUBLE AS lo, max(score)::DOUBLE AS hi, count(*)::INTEGER AS leads,
			count(*) FILTER (WHERE is_sql)::INTEGER AS sqls, count(*) FILTER (WHERE is_won)::INTEGER AS won
		FROM x, q GROUP BY 1 ORDER BY 1`,
		[...s.params, ...w.params, ...where.params]
	);
	const hasSql = meta.stages.includes('sql');
	const hasWon = meta.stages.includes('won');
	return rows.map((r) => ({
		band: Number(r.band),
		min: Number(r.lo),
		max: Number(r.hi),
		leads: Number(r.leads),
		sqls: hasSql ? Number(r.sqls) : null,
		sql_rate: hasSql ? ratio(Number(r.sqls), Number(r.leads)) : null,
		won: hasWon ? Number(r.won) : null
	}));
}
