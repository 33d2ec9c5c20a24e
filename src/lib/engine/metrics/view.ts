import { LEAD_DIMENSIONS, type LeadDimension } from '../schema';

export type Mode = 'cohort' | 'period';

/** What a metric is computed over. Dates are ISO `YYYY-MM-DD`, both ends included. */
export interface MetricView {
	from: string;
	to: string;
	mode: Mode;
	/** Cohort mode only: a stage counts when reached at most this many days after creation. */
	windowDays: number | null;
	/** Dimension → accepted values (OR within a dimension, AND across dimensions). */
	filters: Partial<Record<LeadDimension, string[]>>;
}

export function defaultView(from: string, to: string): MetricView {
	return { from, to, mode: 'cohort', windowDays: null, filters: {} };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written `YYYY-MM-DD` (what the URL and the report command accept too). */
export function isIsoDate(v: unknown): v is string {
	if (typeof v !== 'string') return false;
	const m = ISO_DATE.exec(v);
	if (!m) return false;
	const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

const show = (v: unknown): string => {
	const s = typeof v === 'string' ? v : String(v);
	return JSON.stringify(s.length > 40 ? s.slice(0, 40) + '…' : s);
};

/**
 * duckdb-wasm hands bound parameters over as one JSON text of at most 1 MiB; a larger one crashes the
 * wasm instance for good (every later query fails). A builder binds the filter values up to four times
 * (one UNION ALL part per velocity step), so all of a view's values together stay well under a quarter.
 */
export const MAX_FILTER_BYTES = 200_000;
const utf8 = new TextEncoder();

/**
 * Rejects a view the builders cannot honour, before any SQL runs. Its values are always bound as
 * parameters, but DuckDB's date cast is lenient (`'2025-04-01; anything'` and `'infinity'` cast) and
 * a NaN window binds as NULL and silently counts nobody: neither may pass for a number.
 */
export function assertView(view: MetricView): void {
	if (!isIsoDate(view.from))
		throw new Error(`Invalid view: from must be a YYYY-MM-DD date, got ${show(view.from)}`);
	if (!isIsoDate(view.to))
		throw new Error(`Invalid view: to must be a YYYY-MM-DD date, got ${show(view.to)}`);
	if (view.mode !== 'cohort' && view.mode !== 'period')
		throw new Error(`Invalid view: mode must be cohort or period, got ${show(view.mode)}`);
	const w = view.windowDays;
	if (w !== null && !(Number.isInteger(w) && w >= 0 && w <= 2_147_483_647))
		throw new Error(`Invalid view: windowDays must be null or a whole number of days ≥ 0, got ${show(w)}`);
	let bytes = 0;
	for (const dim of LEAD_DIMENSIONS) {
		const values: unknown = view.filters?.[dim];
		if (values === undefined) continue;
		if (!Array.isArray(values) || values.some((v) => typeof v !== 'string'))
			throw new Error(`Invalid view: the ${dim} filter must be a list of strings`);
		bytes += utf8.encode(JSON.stringify(values)).length;
	}
	if (bytes > MAX_FILTER_BYTES)
		throw new Error(
			`Invalid view: the filter values are too long (${bytes} bytes, at most ${MAX_FILTER_BYTES})`
		);
}
