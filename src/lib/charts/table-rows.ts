/**
 * What a data table renders: a long cell clipped (the full text in a tooltip, itself bounded), and at
 * most `MAX_ROWS` rows matching a search, so a 10 MB cell or 60,000 groups never reach the DOM whole.
 * Downloads keep every row and every character.
 */
export const MAX_ROWS = 200;
/** Characters shown in a cell, and in its tooltip. */
export const CELL_CHARS = 120;
export const TOOLTIP_CHARS = 2000;
/** A cell text this short (a stage, an owner, a date) is kept on one line; longer ones wrap. */
export const SHORT_CHARS = 24;
/** Above this many rows a table offers a search box. */
export const SEARCH_FROM = 20;

import {
	LOCALE_INFO,
	columnDecimals,
	formatInt,
	formatMoney,
	formatNumber,
	formatPercent,
	moneyColumnDecimals,
	type Locale
} from '$lib/i18n/format';
import { translate } from '$lib/i18n/messages';

/** What a numeric column holds: one formatter per kind, the same in every table, tile and tooltip. */
export type CellKind = 'int' | 'rate' | 'money' | 'days' | 'decimal';

/**
 * How a column writes its numbers: money compact or not (one style per column), and one number of
 * decimals for the whole column (`null`: each value its own, as a lone figure).
 */
export interface ColumnStyle {
	compact: boolean;
	digits: number | null;
}
const LONE: ColumnStyle = { compact: true, digits: null };

/** The most decimals each kind shows (a rate in percent, days and decimals as numbers). */
const MAX_DIGITS: Record<CellKind, number> = { int: 0, rate: 1, money: 0, days: 1, decimal: 1 };

/** The one style of a column of `kind` holding `values`: the same decimals in every cell (6.5% / 2.0%). */
export function columnStyle(
	values: readonly unknown[],
	kind: CellKind | null | undefined,
	locale: Locale
): ColumnStyle {
	if (kind === 'money') {
		const compact = moneyCompact(values, LOCALE_INFO[locale].compactFrom);
		return { compact, digits: compact ? moneyColumnDecimals(values, locale) : 0 };
	}
	if (!kind) return LONE;
	return { compact: true, digits: columnDecimals(values, MAX_DIGITS[kind], kind === 'rate' ? 100 : 1) };
}

/**
 * A cell as a table shows it. Money in a column is written in one style (`compact` decided per column
 * by `moneyCompact`), so `￥11.5万` never sits above `￥76,299`; rates, days and decimals with the
 * column's one number of decimals (`columnStyle`). A number in a column of no stated kind still goes
 * through the number formatter (never a raw float). `style` may be just the money `compact` flag.
 */
export function formatCell(
	v: unknown,
	kind: CellKind | null | undefined,
	locale: Locale,
	currency = 'JPY',
	style: ColumnStyle | boolean = LONE
): string | null {
	if (typeof v !== 'number') return null;
	const { compact, digits } = typeof style === 'boolean' ? { compact: style, digits: null } : style;
	switch (kind) {
		case 'int':
			return formatInt(v, locale);
		case 'rate':
			return formatPercent(v, locale, digits ?? 1, digits ?? 0);
		case 'money':
			return formatMoney(v, locale, currency, compact, digits);
		case 'days':
			return translate(locale, 'unit.days', { value: formatNumber(v, locale, digits ?? 1, digits ?? 0) });
		case 'decimal':
			return formatNumber(v, locale, digits ?? 1, digits ?? 0);
		default:
			return formatNumber(v, locale, Number.isInteger(v) ? 0 : 2);
	}
}

/**
 * The formatter of one column (a chart's value labels, a hand-built table's column): every value in
 * `values` written with the same decimals and money style.
 */
export function columnFormatter(
	values: readonly unknown[],
	kind: CellKind,
	locale: Locale,
	currency = 'JPY'
): (v: number | null | undefined) => string {
	const style = columnStyle(values, kind, locale);
	return (v) => formatCell(v, kind, locale, currency, style) ?? '–';
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
