import type { Db } from '../db/types';
import { ident, type Sql } from '../db/sql';
import { type LeadDimension } from '../schema';
import { cubeReached, statusReachesSql, STAGES, STAGE_DATE, type Stage } from '../model/stages';
import type { MetricView } from './view';
import { and, dimensionFilter, inRange } from './where';

export interface FunnelStep {
	stage: Stage;
	count: number;
	/** count / count of the previous listed stage; null on a zero denominator or for the first stage. */
	rate: number | null;
	/** count / count of the first stage (lead). */
	overall: number | null;
}

export interface Funnel {
	steps: FunnelStep[];
	missing: Stage[];
}

export function ratio(num: number, den: number): number | null {
	return den > 0 ? num / den : null;
}

/**
 * The date that makes a lead reach stage `s`: its own date for `s` or, when skipped, the earliest date of
 * any later stage (docs/metrics.md: skipped stages count as passed). `least` ignores NULLs in DuckDB.
 */
export function reachDate(stage: Stage): string {
	const i = STAGES.indexOf(stage);
	if (i === 0) return ident('created_at');
	const cols = STAGES.slice(i).map((s) => ident(STAGE_DATE[s]));
	return cols.length === 1 ? cols[0] : `least(${cols.join(', ')})`;
}

/** The boolean SQL expression "this lead counts for stage s" under the view's mode and window. */
export function countsFor(stage: Stage, view: MetricView): Sql {
	const i = STAGES.indexOf(stage);
	if (view.mode === 'period') {
		// Period mode: the lead's own date for the stage lies in the range (lead uses created_at).
		return inRange(STAGE_DATE[stage], view);
	}
	if (i === 0) return { text: 'TRUE', params: [] };
	const d = reachDate(stage);
	if (view.windowDays !== null) {
		// Window: only a dated reach can be checked; a reach implied by status alone has no date.
		return { text: `(${d} IS NOT NULL AND ${d} - created_at <= ?::INTEGER)`, params: [view.windowDays] };
	}
	return { text: `(${d} IS NOT NULL OR ${statusReachesSql(i)})`, params: [] };
}

/** The lead rows a view looks at: the cohort (cohort mode) or every lead (period mode), filtered. */
export function baseLeads(view: MetricView): Sql {
	const dims = dimensionFilter(view);
	return view.mode === 'cohort' ? and(inRange('created_at', view), dims) : dims;
}

/** Cohort views without a window can be answered from the pre-aggregated `lead_cube`. */
export function usesCube(view: MetricView): boolean {
	return view.mode === 'cohort' && view.windowDays === null;
}

/** The table a view's lead counts come from: the cube when it can answer, else every lead. */
export function leadSource(view: MetricView): string {
	return usesCube(view) ? 'lead_cube' : 'leads';
}

/** An aggregate counting the view's leads that count for `stage` (over `leadSource(view)`). */
export function stageCount(stage: Stage, view: MetricView): Sql {
	if (usesCube(view)) {
		const i = STAGES.indexOf(stage);
		return {
			text: `coalesce(sum(n)${i === 0 ? '' : ` FILTER (WHERE ${cubeReached(i)})`}, 0)::INTEGER`,
			params: []
		};
	}
	const c = countsFor(stage, view);
	return { text: `count(*) FILTER (WHERE ${c.text})::INTEGER`, params: c.params };
}

/** Stage counts, optionally grouped by one dimension. One scan of `leads` (or of the cube). */
export function funnelCountsSql(view: MetricView, stages: readonly Stage[], groupBy?: LeadDimension): Sql {
	const cols: Sql[] = stages.map((s) => {
		const c = stageCount(s, view);
		return { text: `${c.text} AS ${ident(s)}`, params: c.params };
	});
	const where = baseLeads(view);
	const g = groupBy ? `coalesce(${ident(groupBy)}, '') AS "group", ` : '';
	const text =
		`SELECT ${g}${cols.map((c) => c.text).join(', ')} FROM ${leadSource(view)} WHERE ${where.text}` +
		(groupBy ? ` GROUP BY 1 ORDER BY 1` : '');
	return { text, params: [...cols.flatMap((c) => c.params), ...where.params] };
}

export function toSteps(counts: Record<string, unknown>, stages: readonly Stage[]): FunnelStep[] {
	const first = Number(counts[stages[0]] ?? 0);
	return stages.map((stage, i) => {
		const count = Number(counts[stage] ?? 0);
		const prev = i === 0 ? null : Number(counts[stages[i - 1]] ?? 0);
		return {
			stage,
			count,
			rate: prev === null ? null : ratio(count, prev),
			overall: ratio(count, first)
		};
	});
}

export async function funnel(db: Db, view: MetricView, stages: readonly Stage[]): Promise<Funnel> {
	const missing = STAGES.filter((s) => !stages.includes(s));
	if (stages.length === 0) return { steps: [], missing };
	const q = funnelCountsSql(view, stages);
	const [row] = await db.query(q.text, q.params);
	return { steps: toSteps(row ?? {}, stages), missing };
}

export interface FunnelGroup {
	group: string;
	steps: FunnelStep[];
}

/** The funnel broken down by a dimension; the groups partition the view's leads. */
export async function funnelBy(
	db: Db,
	view: MetricView,
	stages: readonly Stage[],
	dim: LeadDimension
): Promise<FunnelGroup[]> {
	if (stages.length === 0) return [];
	const q = funnelCountsSql(view, stages, dim);
	const rows = await db.query(q.text, q.params);
	return rows.map((r) => ({ group: String(r.group), steps: toSteps(r, stages) }));
}
