/**
 * What a data table renders: a long cell clipped (the full text in a tooltip, itself bounded), and at
 * most `MAX_ROWS` rows matching a search, so a 10 MB cell or 60,000 groups never reach the DOM whole.
 * Downloads keep every row and every character.
 */
export const MAX_ROWS = 200;
/** Characters shown in a cell, and in its tooltip. */
export const CELL_CHARS = 120;
export const TOOLTIP_CHARS = 2000;
/** Above this many rows a table offers a search box. */
export const SEARCH_FROM = 20;

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The text shown and, when clipped, the tooltip. */
export function cellText(value: unknown): { text: string; title?: string } {
	const s = value === null || value === undefined ? '–' : String(value);
	return s.length > CELL_CHARS ? { text: clip(s, CELL_CHARS), title: clip(s, TOOLTIP_CHARS) } : { text: s };
}

/** The rows whose cells contain `query` (case-insensitive), at most `MAX_ROWS`, and how many matched. */
export function visibleRows<R>(
	rows: readonly R[],
	query: string,
	cells: (r: R) => readonly unknown[]
): { rows: R[]; matched: number } {
	const q = query.trim().toLocaleLowerCase();
	const hit = q
		? rows.filter((r) => cells(r).some((c) => c !== null && String(c).toLocaleLowerCase().includes(q)))
		: rows;
	return { rows: hit.slice(0, MAX_ROWS), matched: hit.length };
}
