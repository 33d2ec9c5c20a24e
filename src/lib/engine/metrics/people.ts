/**
 * The people tables and the lead-side splits of docs/metrics.md: inside-sales reps with their hand-off
 * to field sales (引き継ぎの質), field-sales deal owners, lost reasons and the MQL triage. Counts are
 * over the view's leads (the cohort in cohort mode) with the funnel's own stage rules.
 */
import type { Db } from '../db/types';
import {
	CUBE_TRIAGE,
	TRIAGE_DISQUALIFIED,
	TRIAGE_DISQUALIFIED_SQL,
	TRIAGE_NURTURE,
	type DatasetMeta
} from '../schema';
import { cubeReached, STAGES } from '../model/stages';
import { baseLeads, countsFor, ratio, usesCube } from './funnel';
import { bucketSql, type Grain } from './grain';
import { insideSalesFigures, type InsideSalesFigures } from './inside-sales';
import { assertView, type MetricView } from './view';

export interface RepLine {
	rep: string;
	calls: number | null;
	rep_days: number | null;
	calls_per_rep_day: number | null;
	contact_rate: number | null;
	meeting_rate: number | null;
	/** First connects in the range attributed to the rep (the meeting rate's denominator). */
	first_connects: number | null;
	sqls: number | null;
	accepted: number | null;
	acceptance_rate: number | null;
	won: number | null;
	handoff_win_rate: number | null;
}

const NO_ACTIVITY = {
	calls: null,
	rep_days: null,
	calls_per_rep_day: null,
	contact_rate: null,
	meeting_rate: null,
	first_connects: null
} satisfies Partial<RepLine>;

/**
 * Every name that is an activity rep or a lead owner, sorted by name: activity figures from the rep's
 * calls (null with none), hand-off figures over the view's leads the rep owns. Null without any name.
 */
export async function repTable(db: Db, view: MetricView, meta: DatasetMeta): Promise<RepLine[] | null> {
	assertView(view);
	const activity = new Map<string, InsideSalesFigures>();
	if (meta.tables.activities) {
		for (const r of await insideSalesFigures(db, view, { by: 'rep' }))
			if (r.key !== '' && r.figures.calls > 0) activity.set(r.key, r.figures);
	}
	const handoff = new Map<string, { sqls: number; accepted: number; won: number }>();
	if (meta.tables.leads) {
		const where = baseLeads(view);
		const [s, o, w] = (['sql', 'opportunity', 'won'] as const).map((st) => countsFor(st, view));
		const rows = await db.query(
			`SELECT owner, count(*) FILTER (WHERE ${s.text})::INTEGER AS sqls,
				count(*) FILTER (WHERE ${o.text})::INTEGER AS accepted, count(*) FILTER (WHERE ${w.text})::INTEGER AS won
			FROM leads WHERE ${where.text} AND nullif(owner, '') IS NOT NULL GROUP BY 1`,
			[...s.params, ...o.params, ...w.params, ...where.params]
		);
		for (const r of rows)
			handoff.set(String(r.owner), {
				sqls: Number(r.sqls),
				accepted: Number(r.accepted),
				won: Number(r.won)
			});
	}
	const names = [...new Set([...activity.keys(), ...handoff.keys()])].sort((a, b) =>
		a < b ? -1 : a > b ? 1 : 0
	);
	if (names.length === 0) return null;
	const has = (st: 'sql' | 'opportunity' | 'won') => meta.stages.includes(st);
	return names.map((rep) => {
		const a = activity.get(rep);
		const h = handoff.get(rep) ?? { sqls: 0, accepted: 0, won: 0 };
		const sqls = has('sql') ? h.sqls : null;
		const accepted = has('opportunity') ? h.accepted : null;
		const won = has('won') ? h.won : null;
		return {
			rep,
			...(a
				? {
						calls: a.calls,
						rep_days: a.rep_days,
						calls_per_rep_day: a.calls_per_rep_day,
						contact_rate: a.contact_rate,
						meeting_rate: a.meeting_rate,
						first_connects: a.first_connects
					}
				: NO_ACTIVITY),
			sqls,
			accepted,
			acceptance_rate: sqls === null || accepted === null ? null : ratio(accepted, sqls),
			won,
			handoff_win_rate: sqls === null || won === null ? null : ratio(won, sqls)
		};
	});
}

export interface OwnerLine {
	owner: string;
	opportunities: number;
	won: number;
	win_rate: number | null;
	won_revenue: number;
	avg_deal: number | null;
	median_days_to_win: number | null;
}

/** Field sales per deal owner (never the lead owner); null when no lead has a deal owner. */
export async function dealOwnerTable(db: Db, view: MetricView): Promise<OwnerLine[] | null> {
	assertView(view);
	const rows = await ownerRows(db, view);
	if (rows.length === 0) {
		const [any] = await db.query(`SELECT count(nullif(deal_owner, ''))::INTEGER AS n FROM leads`);
		if (Number(any?.n ?? 0) === 0) return null;
	}
	return rows.map((r) => ({
		owner: String(r.owner),
		opportunities: Number(r.opportunities),
		won: Number(r.won),
		win_rate: ratio(Number(r.won), Number(r.opportunities)),
		won_revenue: Number(r.won_revenue),
		avg_deal: ratio(Number(r.won_revenue), Number(r.won)),
		median_days_to_win: r.days === null ? null : Number(r.days)
	}));
}

/**
 * One row per deal owner of the view's leads: opportunities, won, won revenue and the median days from
 * opportunity to won. A windowless cohort reads the lead cube (counts and revenue, by deal owner) and
 * the sales-cycle table (the leads with both dates: the median); other views read every lead.
 */
async function ownerRows(db: Db, view: MetricView) {
	const where = baseLeads(view);
	const owned = `nullif(deal_owner, '') IS NOT NULL`;
	const days = `quantile_cont(date_diff('day', opportunity_at, won_at), 0.5) FILTER (WHERE won_at >= opportunity_at)::DOUBLE`;
	if (usesCube(view)) {
		const [o, w] = (['opportunity', 'won'] as const).map((s) => cubeReached(STAGES.indexOf(s)));
		return db.query(
			`WITH c AS (
				SELECT deal_owner AS owner, coalesce(sum(n) FILTER (WHERE ${o}), 0)::INTEGER AS opportunities,
					coalesce(sum(n) FILTER (WHERE ${w}), 0)::INTEGER AS won,
					coalesce(sum(amount) FILTER (WHERE ${w}), 0)::DOUBLE AS won_revenue
				FROM lead_cube WHERE ${where.text} AND ${owned} GROUP BY 1
			),
			d AS (SELECT deal_owner AS owner, ${days} AS days FROM sales_cycle WHERE ${where.text} AND ${owned} GROUP BY 1)
			SELECT c.*, d.days FROM c LEFT JOIN d ON d.owner = c.owner ORDER BY 1`,
			[...where.params, ...where.params]
		);
	}
	const [o, w] = (['opportunity', 'won'] as const).map((st) => countsFor(st, view));
	return db.query(
		`SELECT deal_owner AS owner, count(*) FILTER (WHERE ${o.text})::INTEGER AS opportunities,
			count(*) FILTER (WHERE ${w.text})::INTEGER AS won,
			coalesce(sum(amount) FILTER (WHERE ${w.text}), 0)::DOUBLE AS won_revenue, ${days} AS days
		FROM leads WHERE ${where.text} AND ${owned} GROUP BY 1 ORDER BY 1`,
		[...o.params, ...w.params, ...w.params, ...where.params]
	);
}

/** Whether any lead carries a lost reason (without one, there is no lost-reasons table to show). */
export async function anyLostReason(db: Db): Promise<boolean> {
	const [any] = await db.query(`SELECT count(lost_reason)::INTEGER AS n FROM leads`);
	return Number(any?.n ?? 0) > 0;
}

/** A lost lead: a lost date, or a status that maps to `lost` (`lost` alone also holds disqualified). */
const IS_LOST = `(lost_at IS NOT NULL OR coalesce(status_target = 'lost', status_target IS NULL AND lost, false))`;

/** Lost deals per reason as written (blank → null), most first; null without a lost-reason column. */
export async function lostReasons(
	db: Db,
	view: MetricView,
	hasReasons?: boolean
): Promise<{ reason: string | null; deals: number }[] | null> {
	assertView(view);
	if (!(hasReasons ?? (await anyLostReason(db)))) return null;
	const where = baseLeads(view);
	const [o, w] = (['opportunity', 'won'] as const).map((st) => countsFor(st, view));
	// Only deals (leads that reached opportunity) can count: `deals` holds exactly those rows.
	const rows = await db.query(
		`SELECT nullif(trim(lost_reason), '') AS reason, count(*)::INTEGER AS deals FROM deals
		WHERE ${where.text} AND ${o.text} AND NOT (${w.text}) AND ${IS_LOST}
		GROUP BY 1 ORDER BY deals DESC, reason ASC NULLS LAST`,
		[...where.params, ...o.params, ...w.params]
	);
	return rows.map((r) => ({ reason: r.reason === null ? null : String(r.reason), deals: Number(r.deals) }));
}

export interface Triage {
	mqls: number;
	to_sql: number;
	nurture: number;
	disqualified: number;
	open: number;
}

/** What became of the view's MQLs: SQL, nurture, disqualified or still open. Null without MQLs. */
export async function triage(db: Db, view: MetricView, meta: DatasetMeta): Promise<Triage | null> {
	assertView(view);
	if (!meta.tables.leads || !meta.stages.includes('mql')) return null;
	const [r] = await triageRows(db, view, null);
	return r ? toTriage(r) : { mqls: 0, to_sql: 0, nurture: 0, disqualified: 0, open: 0 };
}

export interface TriageBucket extends Triage {
	bucket: string;
}

/**
 * The triage per creation week, month or fiscal quarter (the cohort of MQLs created in each bucket):
 * the stacked bar's trend. Buckets without an MQL are left out. Null without MQLs.
 */
export async function triageTrend(
	db: Db,
	view: MetricView,
	meta: DatasetMeta,
	grain: Grain,
	fyStartMonth = 4
): Promise<TriageBucket[] | null> {
	assertView(view);
	if (!meta.tables.leads || !meta.stages.includes('mql')) return null;
	const rows = await triageRows(
		db,
		view,
		`strftime(${bucketSql('created_at', grain, fyStartMonth)}, '%Y-%m-%d')`
	);
	return rows.map((r) => ({ bucket: String(r.bucket), ...toTriage(r) }));
}

function toTriage(r: Record<string, unknown>): Triage {
	const mqls = Number(r.mqls ?? 0);
	const toSql = Number(r.to_sql ?? 0);
	const nurture = Number(r.nurture ?? 0);
	const disqualified = Number(r.disq ?? 0);
	return { mqls, to_sql: toSql, nurture, disqualified, open: mqls - toSql - nurture - disqualified };
}

/** docs/metrics.md "Triage": one row, or one per bucket when `bucket` is an SQL expression. */
async function triageRows(db: Db, view: MetricView, bucket: string | null) {
	const where = baseLeads(view);
	const bucketCol = bucket ? `${bucket} AS bucket, ` : '';
	const tail = bucket ? ' GROUP BY 1 ORDER BY 1' : '';
	if (usesCube(view)) {
		// The cube's r1/r2 are countsFor('mql'/'sql') of a windowless cohort; `t` is the triage class.
		const [r1, r2] = [cubeReached(1), cubeReached(2)];
		const open = `${r1} AND NOT ${r2}`;
		return db.query(
			`SELECT ${bucketCol}coalesce(sum(n), 0)::INTEGER AS mqls,
				coalesce(sum(n) FILTER (WHERE ${r2}), 0)::INTEGER AS to_sql,
				coalesce(sum(n) FILTER (WHERE ${open} AND ${CUBE_TRIAGE} = ${TRIAGE_NURTURE}), 0)::INTEGER AS nurture,
				coalesce(sum(n) FILTER (WHERE ${open} AND ${CUBE_TRIAGE} = ${TRIAGE_DISQUALIFIED}), 0)::INTEGER AS disq
			FROM lead_cube WHERE ${where.text} AND ${r1}${tail}`,
			where.params
		);
	}
	const [m, s] = (['mql', 'sql'] as const).map((st) => countsFor(st, view));
	return db.query(
		`SELECT ${bucketCol}count(*)::INTEGER AS mqls, count(*) FILTER (WHERE ${s.text})::INTEGER AS to_sql,
			count(*) FILTER (WHERE NOT (${s.text}) AND status_target = 'nurture')::INTEGER AS nurture,
			count(*) FILTER (WHERE NOT (${s.text}) AND coalesce(status_target, '') <> 'nurture' AND ${TRIAGE_DISQUALIFIED_SQL})::INTEGER AS disq
		FROM leads WHERE ${where.text} AND ${m.text}${tail}`,
		[...s.params, ...s.params, ...s.params, ...where.params, ...m.params]
	);
}
