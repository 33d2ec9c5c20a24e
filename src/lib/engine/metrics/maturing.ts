/**
 * Maturing periods (docs/metrics.md v2): a cohort bucket is *maturing* while fewer than `p90` days of
 * lead → won (over all the data, no range or filter) have passed between its end and the data's latest
 * date. Its later stages are still filling in, so a rate from it reads low, not collapsed.
 */
import type { Db } from '../db/types';

export interface Maturity {
	/** p90 of days from lead creation to won, over every lead with both dates; `null` without wins. */
	p90_days: number | null;
}

/** `null` when the data has no `won` stage (nothing can be said to mature). */
export async function maturity(db: Db, hasWon: boolean): Promise<Maturity> {
	if (!hasWon) return { p90_days: null };
	const [r] = await db.query(
		`SELECT quantile_cont(won_at - created_at, 0.9)::DOUBLE AS p90
		FROM leads WHERE created_at IS NOT NULL AND won_at >= created_at`
	);
	const p = r?.p90;
	return { p90_days: p === null || p === undefined ? null : Number(p) };
}

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.parse(iso + 'T00:00:00Z') / DAY;

/**
 * Whether a bucket (or a range) ending on `end` is maturing, given the data's `latest` date. A bucket
 * ending after the latest date is maturing too (its days have not happened).
 */
export function isMaturing(end: string, latest: string | null, m: Maturity | null): boolean {
	if (!m || m.p90_days === null || !latest) return false;
	return dayNumber(latest) - dayNumber(end) < m.p90_days;
}
