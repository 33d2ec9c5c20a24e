/** The data's own span: earliest to latest date over leads and activities (customers if nothing else). */
import type { Db, Row } from '../db/types';

export interface Span {
	from: string;
	to: string;
}

// Per-column min/max (least/greatest skip NULLs): one cheap aggregate per column, not a least() per row.
const minMax = (cols: string[]) =>
	`least(${cols.map((c) => `min(${c})`).join(', ')}) AS lo, greatest(${cols.map((c) => `max(${c})`).join(', ')}) AS hi`;

/** The span's SQL: it takes no view (the span is what a view's dates default to). */
export const SPAN_SQL = `
		WITH l AS (SELECT ${minMax(['created_at', 'mql_at', 'sql_at', 'opportunity_at', 'won_at', 'lost_at'])} FROM leads),
		a AS (SELECT ${minMax(['occurred_at'])} FROM activities),
		c AS (SELECT ${minMax(['start_date', 'churned_at', 'expansion_at'])} FROM customers)
		SELECT strftime(coalesce(least(l.lo, a.lo), c.lo), '%Y-%m-%d') AS "from",
			strftime(coalesce(greatest(l.hi, a.hi), c.hi), '%Y-%m-%d') AS "to"
		FROM l, a, c`;

export function toSpan(rows: Row[]): Span | null {
	const [r] = rows;
	if (!r || r.from === null || r.to === null) return null;
	return { from: String(r.from), to: String(r.to) };
}

export async function dataSpan(db: Db): Promise<Span | null> {
	return toSpan(await db.query(SPAN_SQL));
}
