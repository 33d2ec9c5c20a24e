/**
 * High-cardinality dimensions (60,000 channels): a chart draws the largest groups and one "others"
 * bucket; the full list stays in the chart's searchable table and CSV.
 */

/** The key of the "others" bar: never a filter value (filter values cannot contain NUL). */
export const OTHERS_KEY = '\u0000others';
/** Bars drawn at most, "others" included. */
export const TOP_BARS = 15;

/**
 * The `n - 1` largest rows by `size` (largest first) and the rest, when there are more than `n`;
 * otherwise every row, in its order, and no rest.
 */
export function topN<T>(rows: readonly T[], size: (r: T) => number, n = TOP_BARS): { top: T[]; rest: T[] } {
	if (rows.length <= n) return { top: [...rows], rest: [] };
	const ranked = rows.map((r, i) => ({ r, i, s: size(r) }));
	ranked.sort((a, b) => b.s - a.s || a.i - b.i);
	return { top: ranked.slice(0, n - 1).map((x) => x.r), rest: ranked.slice(n - 1).map((x) => x.r) };
}
