import type { LeadDimension } from '../schema';

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
