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

import { formatInt, formatMoney, formatNumber, formatPercent, type Locale } from '$lib/i18n/format';
import { translate } from '$lib/i18n/messages';

/** What a numeric column holds: one formatter per kind, the same in every table, tile and tooltip. */
export type CellKind = 'int' | 'rate' | 'money' | 'days' | 'decimal';

/**
 * A cell as a table shows it. Money in a column is written in one style (`compact` decided per column
 * by `moneyCompact`), so `￥11.5万` never sits above `￥76,299`. A number in a column of no stated kind
 * still goes through the number formatter (never a raw float).
 */
export function formatCell(
	v: unknown,
	kind: CellKind | null | undefined,
	locale: Locale,
	currency = 'JPY',
	compact = true
): string | null {
	if (typeof v !== 'number') return null;
	switch (kind) {
		case 'int':
			return formatInt(v, locale);
		case 'rate':
			return formatPercent(v, locale, 1);
		case 'money':
			return formatMoney(v, locale, currency, compact);
		case 'days':
			return translate(locale, 'unit.days', { value: formatNumber(v, locale, 1) });
		case 'decimal':
			return formatNumber(v, locale, 1);
		default:
			return formatNumber(v, locale, Number.isInteger(v) ? 0 : 2);
	}
}

/** A money column turns compact only when all its amounts are large enough to (one style per column). */
export function moneyCompact(values: readonly unknown[], compactFrom: number): boolean {
	const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v) && v !== 0);
	return nums.length > 0 && nums.every((v) => Math.abs(v) >= compactFrom);
}

/** A CSV header names the unit of its full-precision values (rates as fractions, money's currency). */
export function csvHeader(
	label: string,
	kind: CellKind | null | undefined,
	locale: Locale,
	currency = 'JPY'
) {
	if (kind === 'rate') return `${label} ${translate(locale, 'csv.unit.rate')}`;
	if (kind === 'money') return `${label} (${currency})`;
	if (kind === 'days') return `${label} ${translate(locale, 'csv.unit.days')}`;
	return label;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The text shown and, when clipped, the tooltip. */
export function cellText(value: unknown): { text: string; title?: string } {
	const s = value === null || value === undefined ? '–' : String(value);
	return s.length > CELL_CHARS ? { text: clip(s, CELL_CHARS), title: clip(s, TOOLTIP_CHARS) } : { text: s };
}

/**
 * The rows whose cells contain `query` (case-insensitive), at most `limit` (a review pack lists them
 * all), and how many matched.
 */
export function visibleRows<R>(
	rows: readonly R[],
	query: string,
	cells: (r: R) => readonly unknown[],
	limit = MAX_ROWS
): { rows: R[]; matched: number } {
	const q = query.trim().toLocaleLowerCase();
	const hit = q
		? rows.filter((r) => cells(r).some((c) => c !== null && String(c).toLocaleLowerCase().includes(q)))
		: rows;
	return { rows: hit.slice(0, limit), matched: hit.length };
}
