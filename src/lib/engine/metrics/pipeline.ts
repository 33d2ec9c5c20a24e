/**
 * The open pipeline (案件進捗) as of the range's end, and what changed in the period
 * (docs/metrics.md, "Open pipeline" and "What changed"). Both look at every deal that passes the lead
 * filters, not only the cohort: a deal opened last year is still in this quarter's pipeline.
 */
import type { Db } from '../db/types';
import type { Sql } from '../db/sql';
import { ratio, reachDate } from './funnel';
import { assertView, type MetricView } from './view';
import { and, dimensionFilter } from './where';

export interface StageLine {
	/** `deal_stage` as written; null for blank, or for a deal whose stage at the as-of date is unknown. */
	stage: string | null;
	deals: number;
	amount: number;
	weighted_amount: number | null;
	median_age_days: number | null;
}

export interface Pipeline {
	as_of: string;
	open_deals: number;
	open_amount: number;
	weighted_amount: number | null;
	median_age_days: number | null;
	/** null when the data has neither a last-activity column nor activities. */
	stale_deals: number | null;
	coverage: number | null;
	by_stage: StageLine[];
}

export interface StaleDeal {
	lead_id: string;
	deal_owner: string | null;
	stage: string | null;
	amount: number | null;
	age_days: number;
	last_activity: string | null;
}

export const STALE_DAYS = 30;

/** Whole days between two DATE expressions. */
const days = (a: string, b: string) => `date_diff('day', ${b}, ${a})`;

/**
 * The open deals at `A` (bound parameter): reached `opportunity` on or before A; no won or lost date
 * on or before A; and, with neither date, a status that does not close the deal. Columns: the deal's
 * fields, its opportunity reach date `d`, and whether its stage at A is known (`closes_later`).
 */
function openDealsSql(view: MetricView): Sql {
	const dims = dimensionFilter(view);
	const reach = reachDate('opportunity');
	const text = `SELECT lead_id, deal_owner, deal_stage, amount, probability, last_activity_at, ${reach} AS d,
			(won_at IS NOT NULL OR lost_at IS NOT NULL) AS closes_later
		FROM deals
		WHERE ${reach} <= ?::DATE
			AND NOT coalesce(won_at <= ?::DATE, false) AND NOT coalesce(lost_at <= ?::DATE, false)
			AND NOT (won_at IS NULL AND lost_at IS NULL AND (coalesce(lost, false) OR coalesce(status_rank, -1) >= 4))
			AND ${dims.text}`;
	return { text, params: [view.to, view.to, view.to, ...dims.params] };
}

/**
 * What the deal figures need to know of the data as a whole (not of the view), read in one pass:
 * whether probabilities are percentages (any probability above 1) or fractions (`scale` 100 or 1);
 * whether the data can tell staleness (a last-activity value, or any activity); whether it has a stage
 * history. A query runner reads them once per state of the data (`env.fact`).
 */
export interface DealFacts {
	scale: number;
	knowsActivity: boolean;
	hasHistory: boolean;
}

export async function dealFacts(db: Db): Promise<DealFacts> {
	const [r] = await db.query(
		`SELECT (SELECT coalesce(max(probability), 0) FROM leads)::DOUBLE AS m,
			(SELECT count(last_activity_at) FROM leads) + (SELECT count(*) FROM (SELECT 1 FROM activities LIMIT 1)) AS a,
			(SELECT count(*) FROM (SELECT 1 FROM stage_history LIMIT 1)) AS h`
	);
	return {
		scale: Number(r?.m ?? 0) > 1 ? 100 : 1,
		knowsActivity: Number(r?.a ?? 0) > 0,
		hasHistory: Number(r?.h ?? 0) > 0
	};
}

/** Open deals with their age and last activity (the later of the column and the activities ≤ A). */
function dealsSql(view: MetricView, scale: number): Sql {
	const open = openDealsSql(view);
	return {
		text: `WITH o AS (${open.text}),
			act AS (SELECT lead_id, max(occurred_at) AS at FROM activities
				WHERE occurred_at <= ?::DATE AND lead_id IN (SELECT lead_id FROM o) GROUP BY 1)
		SELECT o.lead_id, o.deal_owner, CASE WHEN o.closes_later THEN NULL ELSE nullif(trim(o.deal_stage), '') END AS stage,
			o.amount, o.probability / ${scale} AS p, o.closes_later,
			${days('?::DATE', 'o.d')}::INTEGER AS age,
			CASE WHEN o.last_activity_at <= ?::DATE THEN greatest(o.last_activity_at, act.at) ELSE act.at END AS last_at
		FROM o LEFT JOIN act ON act.lead_id = o.lead_id`,
		params: [...open.params, view.to, view.to, view.to]
	};
}

/**
 * The pipeline as of `view.to`. `target` and `wonRevenue` (the range's) give the coverage:
 * open_amount / (target − wonRevenue) when the target exceeds it.
 */
export async function pipeline(
	db: Db,
	view: MetricView,
	opts: { target?: number | null; wonRevenue?: number | null; facts?: DealFacts } = {}
): Promise<Pipeline> {
	assertView(view);
	const facts = opts.facts ?? (await dealFacts(db));
	const stale = facts.knowsActivity
		? `count(*) FILTER (WHERE last_at IS NULL OR last_at < ?::DATE - ${STALE_DAYS})::INTEGER`
		: 'NULL::INTEGER';
	const deals = dealsSql(view, facts.scale);
	// The totals (grouping id 1) and one line per stage (0), in one pass over the open deals.
	const rows = await db.query(
		`WITH x AS (${deals.text})
		SELECT grouping(stage) AS total, stage, count(*)::INTEGER AS deals, coalesce(sum(amount), 0)::DOUBLE AS amount,
			sum(amount * p)::DOUBLE AS weighted, quantile_cont(age, 0.5)::DOUBLE AS age,
			avg(p) FILTER (WHERE NOT closes_later)::DOUBLE AS mean_p, ${stale} AS stale
		FROM x GROUP BY GROUPING SETS ((), (stage))
		ORDER BY total DESC, mean_p ASC NULLS LAST, stage ASC NULLS LAST`,
		[...deals.params, ...(facts.knowsActivity ? [view.to] : [])]
	);
	const t = rows.find((r) => Number(r.total) === 1);
	const openAmount = Number(t?.amount ?? 0);
	const target = opts.target ?? null;
	const won = opts.wonRevenue ?? 0;
	return {
		as_of: view.to,
		open_deals: Number(t?.deals ?? 0),
		open_amount: openAmount,
		weighted_amount: t?.weighted === null || t?.weighted === undefined ? null : Number(t.weighted),
		median_age_days: t?.age === null || t?.age === undefined ? null : Number(t.age),
		stale_deals: t?.stale === null || t?.stale === undefined ? null : Number(t.stale),
		coverage: target !== null && target > won ? ratio(openAmount, target - won) : null,
		by_stage: rows
			.filter((r) => Number(r.total) === 0)
			.map((r) => ({
				stage: r.stage === null ? null : String(r.stage),
				deals: Number(r.deals),
				amount: Number(r.amount),
				weighted_amount: r.weighted === null ? null : Number(r.weighted),
				median_age_days: r.age === null ? null : Number(r.age)
			}))
	};
}

/** Open deals without an activity in the last STALE_DAYS days, oldest first (the list to chase). */
export async function staleDeals(
	db: Db,
	view: MetricView,
	limit = 200,
	given?: DealFacts
): Promise<StaleDeal[]> {
	assertView(view);
	const facts = given ?? (await dealFacts(db));
	if (!facts.knowsActivity) return [];
	const deals = dealsSql(view, facts.scale);
	const rows = await db.query(
		`WITH x AS (${deals.text})
		SELECT lead_id, deal_owner, stage, amount, age, strftime(last_at, '%Y-%m-%d') AS last_at FROM x
		WHERE last_at IS NULL OR last_at < ?::DATE - ${STALE_DAYS}
		ORDER BY age DESC, lead_id LIMIT ${Math.max(1, Math.trunc(limit))}`,
		[...deals.params, view.to]
	);
	return rows.map((r) => ({
		lead_id: String(r.lead_id),
		deal_owner: r.deal_owner === null ? null : String(r.deal_owner),
		stage: r.stage === null ? null : String(r.stage),
		amount: r.amount === null ? null : Number(r.amount),
		age_days: Number(r.age),
		last_activity: r.last_at === null ? null : String(r.last_at)
	}));
}

export interface Change {
	deals: number;
	amount: number;
}

export interface Changes {
	new: Change;
	won: Change;
	lost: Change;
	advanced: Change | null;
	slipped: Change | null;
}

/**
 * New, won and lost deals in [from, to] (period semantics); lost counts only leads that reached the
 * opportunity stage. Advanced/slipped need a stage history.
 */
export async function changes(db: Db, view: MetricView, given?: DealFacts): Promise<Changes> {
	assertView(view);
	const facts = given ?? (await dealFacts(db));
	const dims = dimensionFilter(view);
	const r = (c: string): Sql => ({ text: `${c} BETWEEN ?::DATE AND ?::DATE`, params: [view.from, view.to] });
	// A lost *deal* reached the opportunity stage: a lead dropped at SQL is not a lost deal.
	const lost = r('lost_at');
	const parts = [
		r(reachDate('opportunity')),
		r('won_at'),
		{ text: `${lost.text} AND ${reachDate('opportunity')} IS NOT NULL`, params: lost.params }
	];
	const [row] = await db.query(
		`SELECT ${parts
			.map(
				(p, i) =>
					`count(*) FILTER (WHERE ${p.text})::INTEGER AS n${i}, coalesce(sum(amount) FILTER (WHERE ${p.text}), 0)::DOUBLE AS a${i}`
			)
			.join(', ')}
		FROM deals WHERE ${and(dims).text}`,
		[...parts.flatMap((p) => [...p.params, ...p.params]), ...dims.params]
	);
	const c = (i: number): Change => ({
		deals: Number(row?.[`n${i}`] ?? 0),
		amount: Number(row?.[`a${i}`] ?? 0)
	});
	const moved = facts.hasHistory ? await stageMoves(db, view, facts.scale) : null;
	return {
		new: c(0),
		won: c(1),
		lost: c(2),
		advanced: moved?.advanced ?? null,
		slipped: moved?.slipped ?? null
	};
}

/**
 * With a deal stage history (`stage_history`, from the long-form files): the deals whose stage at `to`
 * lies later (advanced) or earlier (slipped) than their stage when the period began: the latest change
 * before `from`, and the latest on or before `to`. Stages are ordered by their mean probability over
 * every deal that carries the stage in `deal_stage` (or, without one, in `status`: a deal export whose
 * stage column is read as the status); a stage without a probability cannot be
 * compared, and a deal without a stage at `from` (it opened in the period) is new, not moved.
 */
async function stageMoves(
	db: Db,
	view: MetricView,
	scale: number
): Promise<{ advanced: Change; slipped: Change }> {
	const dims = dimensionFilter(view);
	const [r] = await db.query(
		`WITH ord AS (
			SELECT coalesce(nullif(trim(deal_stage), ''), nullif(trim(status), '')) AS stage, avg(probability / ${scale}) AS p
			FROM leads WHERE stage IS NOT NULL AND probability IS NOT NULL GROUP BY 1
		),
		at_from AS (SELECT lead_id, arg_max(trim(stage), changed_at) AS stage FROM stage_history WHERE changed_at < ?::DATE GROUP BY 1),
		at_to AS (SELECT lead_id, arg_max(trim(stage), changed_at) AS stage FROM stage_history WHERE changed_at <= ?::DATE GROUP BY 1),
		m AS (
			SELECT f.lead_id, sign(o2.p - o1.p) AS dir
			FROM at_from f JOIN at_to t USING (lead_id) JOIN ord o1 ON o1.stage = f.stage JOIN ord o2 ON o2.stage = t.stage
		),
		moved AS (SELECT lead_id, any_value(amount) AS amount FROM leads WHERE ${and(dims).text} GROUP BY 1)
		SELECT count(*) FILTER (WHERE dir > 0)::INTEGER AS na, coalesce(sum(amount) FILTER (WHERE dir > 0), 0)::DOUBLE AS aa,
			count(*) FILTER (WHERE dir < 0)::INTEGER AS ns, coalesce(sum(amount) FILTER (WHERE dir < 0), 0)::DOUBLE AS as_
		FROM m JOIN moved USING (lead_id)`,
		[view.from, view.to, ...dims.params]
	);
	return {
		advanced: { deals: Number(r?.na ?? 0), amount: Number(r?.aa ?? 0) },
		slipped: { deals: Number(r?.ns ?? 0), amount: Number(r?.as_ ?? 0) }
	};
}
