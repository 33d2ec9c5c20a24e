/**
 * The data's own span: earliest to latest date over leads, activities and spend (customers if nothing
 * else). Dates after `today` are left out: ingestion reports them ("after today"), and one lead dated
 * 2100 must not stretch every preset into empty years. Spend alone is data too: a spend month spans to
 * its last day, so pages with only a spend file finish and say which file they miss.
 */
import type { Db, Row } from '../db/types';

export interface Span {
	from: string;
	to: string;
}

// Per-column min/max (least/greatest skip NULLs): one cheap aggregate per column, not a least() per row.
// Each aggregate skips the dates after today (the one bound parameter, repeated per use).
const minMax = (cols: string[]) => {
	const f = (c: string) => `FILTER (WHERE ${c} <= $today)`;
	return `least(${cols.map((c) => `min(${c}) ${f(c)}`).join(', ')}) AS lo, greatest(${cols.map((c) => `max(${c}) ${f(c)}`).join(', ')}) AS hi`;
};

/** The span's SQL: it takes no view (the span is what a view's dates default to), only today. */
export const SPAN_SQL = `
		WITH l AS (SELECT ${minMax(['created_at', 'mql_at', 'sql_at', 'opportunity_at', 'won_at', 'lost_at'])} FROM leads),
		a AS (SELECT ${minMax(['occurred_at'])} FROM activities),
		s AS (SELECT min(month) FILTER (WHERE month <= $today) AS lo,
			max(least(last_day(month), $today)) FILTER (WHERE month <= $today) AS hi FROM spend),
		c AS (SELECT ${minMax(['start_date', 'churned_at', 'expansion_at'])} FROM customers)
		SELECT strftime(coalesce(least(l.lo, a.lo, s.lo), c.lo), '%Y-%m-%d') AS "from",
			strftime(coalesce(greatest(l.hi, a.hi, s.hi), c.hi), '%Y-%m-%d') AS "to"
		FROM l, a, s, c`;

export function toSpan(rows: Row[]): Span | null {
	const [r] = rows;
	if (!r || r.from === null || r.to === null) return null;
	return { from: String(r.from), to: String(r.to) };
}

const isoToday = () => new Date().toISOString().slice(0, 10);
const TODAY_USES = SPAN_SQL.split('$today').length - 1;

/** `today` (YYYY-MM-DD) defaults to the current date. */
export async function dataSpan(db: Db, today: string = isoToday()): Promise<Span | null> {
	return toSpan(
		await db.query(SPAN_SQL.replaceAll('$today', '?::DATE'), Array<string>(TODAY_USES).fill(today))
	);
}
