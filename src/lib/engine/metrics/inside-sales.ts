/**
 * Inside-sales figures from `activities` (docs/metrics.md, "Inside sales"), computed once for the
 * totals, per rep and per trend bucket, so the three always agree:
 * - every figure follows the lead filters: under a channel, owner or segment filter only the calls on
 *   leads that pass it count, rep-days included;
 * - the meeting rate counts by first connect: the leads whose first connected call in the data falls
 *   in the range, each attributed to the rep and the bucket of that call, and of them those with a
 *   `meeting_set` call. The total is then the weighted mean of its reps and of its buckets.
 */
import type { Db } from '../db/types';
import type { Sql } from '../db/sql';
import { ratio } from './funnel';
import { bucketSql, type Grain } from './grain';
import { assertView, type MetricView } from './view';
import { and, dimensionFilter } from './where';

/** How rows are grouped: one total, per rep, or per trend bucket. */
export type InsideSalesGroup =
	{ by: 'total' } | { by: 'rep' } | { by: 'bucket'; grain: Grain; fyStartMonth?: number };

export interface InsideSalesFigures {
	calls: number;
	rep_days: number;
	reps: number;
	calls_per_rep_day: number | null;
	contact_rate: number | null;
	/** Leads whose first connect lies in the range (the meeting rate's denominator). */
	first_connects: number;
	/** Of those, leads with a `meeting_set` call. */
	first_connects_met: number;
	meeting_rate: number | null;
	/** Distinct leads with a `meeting_set` call in the range (アポ獲得数). */
	appointments: number;
	/** Distinct leads with a connected call in the range. */
	contacted_leads: number;
	/** Connected calls on leads / distinct leads with one. */
	connects_per_lead: number | null;
	/** Rows typed as e-mail; null when no activity carries a type. */
	emails: number | null;
}

const CONTACTED = `a.outcome IN ('connected', 'meeting_set')`;

/**
 * Activities on leads that pass the view's lead filters (every dimension is a lead attribute). Without
 * a filter every activity counts, with or without a lead.
 */
export function leadFilteredActivities(view: MetricView): Sql {
	const dims = dimensionFilter(view, 'l');
	if (dims.text === 'TRUE') return { text: 'TRUE', params: [] };
	return { text: `a.lead_id IN (SELECT l.lead_id FROM leads l WHERE ${dims.text})`, params: dims.params };
}

function groupKey(group: InsideSalesGroup, dateCol: string, repCol: string): string {
	if (group.by === 'rep') return `coalesce(${repCol}, '')`;
	if (group.by === 'bucket')
		return `strftime(${bucketSql(dateCol, group.grain, group.fyStartMonth ?? 4)}, '%Y-%m-%d')`;
	return `''`;
}

/** Activity counts in the range, grouped. */
function activitySql(view: MetricView, group: InsideSalesGroup): Sql {
	const range: Sql = { text: `a.occurred_at BETWEEN ?::DATE AND ?::DATE`, params: [view.from, view.to] };
	const w = and(range, leadFilteredActivities(view));
	const call = `a.is_call`;
	return {
		text: `SELECT ${groupKey(group, 'a.occurred_at', 'a.rep')} AS k,
			count(*) FILTER (WHERE ${call})::INTEGER AS calls,
			count(DISTINCT (a.rep, a.occurred_at)) FILTER (WHERE ${call})::INTEGER AS rep_days,
			count(DISTINCT a.rep) FILTER (WHERE ${call})::INTEGER AS reps,
			count(*) FILTER (WHERE ${call} AND ${CONTACTED})::INTEGER AS contacted_calls,
			count(*) FILTER (WHERE ${call} AND ${CONTACTED} AND a.lead_id IS NOT NULL)::INTEGER AS lead_connects,
			count(DISTINCT a.lead_id) FILTER (WHERE ${call} AND ${CONTACTED})::INTEGER AS contacted_leads,
			count(DISTINCT a.lead_id) FILTER (WHERE ${call} AND a.outcome = 'meeting_set')::INTEGER AS appointments,
			count(*) FILTER (WHERE a.type = 'email')::INTEGER AS emails,
			count(a.type)::INTEGER AS typed
		FROM activities a WHERE ${w.text} GROUP BY 1`,
		params: w.params
	};
}

/**
 * First connects in the range, grouped by the rep and bucket of the first connected call (a lead's
 * earliest connected call over all the data; several on that day: the rep first in code-point order).
 */
function firstConnectSql(view: MetricView, group: InsideSalesGroup): Sql {
	const f = leadFilteredActivities(view);
	return {
		text: `WITH fa AS (
				SELECT a.lead_id, a.occurred_at, a.rep, a.outcome FROM activities a
				WHERE a.is_call AND a.lead_id IS NOT NULL AND ${f.text}
			),
			fc AS (
				SELECT lead_id, min(occurred_at) AS d FROM fa a WHERE ${CONTACTED} GROUP BY 1
			),
			fcr AS (
				SELECT fc.lead_id, fc.d, min(coalesce(a.rep, '')) AS rep
				FROM fc JOIN fa a ON a.lead_id = fc.lead_id AND a.occurred_at = fc.d AND ${CONTACTED}
				GROUP BY 1, 2
			),
			met AS (SELECT DISTINCT lead_id FROM fa WHERE outcome = 'meeting_set')
		SELECT ${groupKey(group, 'fcr.d', 'fcr.rep')} AS k, count(*)::INTEGER AS first_connects,
			count(met.lead_id)::INTEGER AS met
		FROM fcr LEFT JOIN met ON met.lead_id = fcr.lead_id
		WHERE fcr.d BETWEEN ?::DATE AND ?::DATE GROUP BY 1`,
		params: [...f.params, view.from, view.to]
	};
}

function figures(a: Record<string, unknown> | undefined, fc: Record<string, unknown> | undefined) {
	const calls = Number(a?.calls ?? 0);
	const repDays = Number(a?.rep_days ?? 0);
	const firstConnects = Number(fc?.first_connects ?? 0);
	const met = Number(fc?.met ?? 0);
	const contactedLeads = Number(a?.contacted_leads ?? 0);
	return {
		calls,
		rep_days: repDays,
		reps: Number(a?.reps ?? 0),
		calls_per_rep_day: ratio(calls, repDays),
		contact_rate: ratio(Number(a?.contacted_calls ?? 0), calls),
		first_connects: firstConnects,
		first_connects_met: met,
		meeting_rate: ratio(met, firstConnects),
		appointments: Number(a?.appointments ?? 0),
		contacted_leads: contactedLeads,
		connects_per_lead: ratio(Number(a?.lead_connects ?? 0), contactedLeads),
		emails: Number(a?.typed ?? 0) > 0 ? Number(a?.emails ?? 0) : null
	} satisfies InsideSalesFigures;
}

/**
 * The inside-sales figures of a view, grouped. Keys: '' for the total, the rep name ('' for no rep) or
 * the bucket start (YYYY-MM-DD); sorted by key (code-point order). A group appears when it has an
 * activity in the range or a first connect in it.
 */
export async function insideSalesFigures(
	db: Db,
	view: MetricView,
	group: InsideSalesGroup
): Promise<{ key: string; figures: InsideSalesFigures }[]> {
	assertView(view);
	const a = activitySql(view, group);
	const f = firstConnectSql(view, group);
	const [acts, fcs] = [await db.query(a.text, a.params), await db.query(f.text, f.params)];
	const byKey = new Map<string, { a?: Record<string, unknown>; f?: Record<string, unknown> }>();
	for (const r of acts) byKey.set(String(r.k), { a: r });
	for (const r of fcs) byKey.set(String(r.k), { ...byKey.get(String(r.k)), f: r });
	if (group.by === 'total' && !byKey.has('')) byKey.set('', {});
	return [...byKey.keys()]
		.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
		.map((key) => ({ key, figures: figures(byKey.get(key)!.a, byKey.get(key)!.f) }));
}
