import type { Db } from '../db/types';
import { ident } from '../db/sql';
import { STAGE_DATE, type Stage } from '../schema';
import type { MetricView } from './view';
import { and, dimensionFilter, inRange } from './where';

export interface VelocityStep {
	from: Stage;
	to: Stage;
	n: number;
	median_days: number | null;
	p90_days: number | null;
	/** Leads whose later stage is dated before the earlier one: excluded, reported as a quality issue. */
	negative: number;
}

/**
 * Days between consecutive listed stages, over cohort leads with their own dates for both (no imputed
 * dates) and b ≥ a; continuous quantiles as METRICS.md asks.
 */
export async function velocity(db: Db, view: MetricView, stages: readonly Stage[]): Promise<VelocityStep[]> {
	if (stages.length < 2) return [];
	const where = and(inRange('created_at', view), dimensionFilter(view));
	const parts: string[] = [];
	for (let i = 1; i < stages.length; i++) {
		const a = ident(STAGE_DATE[stages[i - 1]]);
		const b = ident(STAGE_DATE[stages[i]]);
		const d = `(${b} - ${a})`;
		const ok = `${a} IS NOT NULL AND ${b} IS NOT NULL AND ${b} >= ${a}`;
		parts.push(
			`count(*) FILTER (WHERE ${ok})::INTEGER AS n${i}`,
			`quantile_cont(${d}, 0.5) FILTER (WHERE ${ok})::DOUBLE AS m${i}`,
			`quantile_cont(${d}, 0.9) FILTER (WHERE ${ok})::DOUBLE AS p${i}`,
			`count(*) FILTER (WHERE ${b} < ${a})::INTEGER AS neg${i}`
		);
	}
	const [r] = await db.query(`SELECT ${parts.join(', ')} FROM leads WHERE ${where.text}`, where.params);
	const out: VelocityStep[] = [];
	for (let i = 1; i < stages.length; i++) {
		const num = (k: string) => (r?.[k] === null || r?.[k] === undefined ? null : Number(r[k]));
		out.push({
			from: stages[i - 1],
			to: stages[i],
			n: num(`n${i}`) ?? 0,
			median_days: num(`m${i}`),
			p90_days: num(`p${i}`),
			negative: num(`neg${i}`) ?? 0
		});
	}
	return out;
}
