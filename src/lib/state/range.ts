/**
 * Resolving a view's range against the data: the whole span by default, absolute dates, or presets
 * anchored on the latest date in the data (so a bookmarked "this fiscal quarter" stays relative and
 * still shows something on an export that ended months ago). Fiscal years start in April by default.
 * The review presets look back from that date: the last whole week and month, and this fiscal quarter
 * up to it.
 */
import type { ViewState } from './view';

export interface DateRange {
	from: string;
	to: string;
}

const DAY = 86_400_000;
const toMs = (iso: string) => Date.parse(iso + 'T00:00:00Z');
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
export const addDays = (iso: string, n: number) => toIso(toMs(iso) + n * DAY);
export const daysBetween = (a: string, b: string) => Math.round((toMs(b) - toMs(a)) / DAY);

/** First day of the fiscal year containing `iso` (fyStart = 1..12, month the fiscal year begins). */
export function fiscalYearStart(iso: string, fyStart = 4): string {
	const y = Number(iso.slice(0, 4));
	const m = Number(iso.slice(5, 7));
	const year = m >= fyStart ? y : y - 1;
	return `${year}-${String(fyStart).padStart(2, '0')}-01`;
}

function addMonths(iso: string, n: number): string {
	const d = new Date(toMs(iso));
	d.setUTCMonth(d.getUTCMonth() + n);
	return toIso(d.getTime());
}

export function fiscalQuarterStart(iso: string, fyStart = 4): string {
	const fy = fiscalYearStart(iso, fyStart);
	const months = (Number(iso.slice(0, 4)) - Number(fy.slice(0, 4))) * 12 + Number(iso.slice(5, 7)) - fyStart;
	return addMonths(fy, Math.floor(months / 3) * 3);
}

/** The whole week (Monday to Sunday, as Japanese business weeks run) before the one containing `iso`. */
export function lastWeek(iso: string): DateRange {
	const weekday = (new Date(toMs(iso)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
	const from = addDays(iso, -weekday - 7);
	return { from, to: addDays(from, 6) };
}

export function resolveRange(view: ViewState, span: DateRange, fyStart = 4): DateRange {
	const latest = span.to;
	switch (view.preset) {
		case 'fy': {
			const from = fiscalYearStart(latest, fyStart);
			return { from, to: addDays(addMonths(from, 12), -1) };
		}
		case 'fq': {
			const from = fiscalQuarterStart(latest, fyStart);
			return { from, to: addDays(addMonths(from, 3), -1) };
		}
		case 'month': {
			const from = latest.slice(0, 7) + '-01';
			return { from, to: addDays(addMonths(from, 1), -1) };
		}
		case 'l4w':
			return { from: addDays(latest, -27), to: latest };
		case 'lw':
			return lastWeek(latest);
		case 'lm': {
			const from = addMonths(latest.slice(0, 7) + '-01', -1);
			return { from, to: addDays(addMonths(from, 1), -1) };
		}
		case 'fqtd':
			return { from: fiscalQuarterStart(latest, fyStart), to: latest };
	}
	return { from: view.from ?? span.from, to: view.to ?? span.to };
}

/** The period of equal length just before `r`, for "this vs previous" comparisons. */
export function previousRange(r: DateRange): DateRange {
	const len = daysBetween(r.from, r.to) + 1;
	const to = addDays(r.from, -1);
	return { from: addDays(to, -(len - 1)), to };
}
