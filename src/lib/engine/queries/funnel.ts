/**
 * The lead queries: funnel, velocity and its distribution, revenue, the breakdown by a dimension and the
 * cohort months. Each wraps the SQL builder of the same name in `metrics/`.
 */
import type { LeadDimension, Stage } from '../schema';
import { funnel as funnelSql, funnelBy, type Funnel, type FunnelGroup } from '../metrics/funnel';
import { revenue as revenueSql, type Revenue } from '../metrics/revenue';
import { maturity as maturitySql, type Maturity } from '../metrics/maturing';
import {
	leadTrend,
	velocityHistogram as histogramSql,
	type LeadBucket,
	type VelocityBin
} from '../metrics/trends';
import { isSalesCycle, velocity as velocitySql, type VelocityStep } from '../metrics/velocity';
import { defineQuery, type DataFact, type NamedQuery, type QueryEnv } from './query';

/** The stages a lead query counts: none without a lead file. */
export const leadStages = (env: QueryEnv): readonly Stage[] => (env.meta.tables.leads ? env.meta.stages : []);

export const funnel = defineQuery<void, Funnel>('funnel', (env) =>
	funnelSql(env.db, env.view, leadStages(env))
);

export interface VelocityArgs {
	/**
	 * `'sales_cycle'`: only opportunity → won (the field-sales KPI every page shows); velocity reads
	 * every lead with both dates of a step, so pages that show no other step ask for this one only.
	 */
	steps: 'all' | 'sales_cycle';
}

/** Days per step (cohort mode only: in period mode the leads of a step are not one population). */
export const velocity: NamedQuery<VelocityArgs, VelocityStep[]> = defineQuery(
	'velocity',
	async (env: QueryEnv, { steps }: VelocityArgs): Promise<VelocityStep[]> => {
		if (env.view.mode !== 'cohort' || !env.meta.tables.leads) return [];
		if (steps === 'sales_cycle') {
			const all = env.peek(velocity, { steps: 'all' });
			if (all) return all.filter((s) => isSalesCycle(s.from, s.to));
		}
		return velocitySql(env.db, env.view, leadStages(env), steps === 'all' ? undefined : isSalesCycle);
	}
);

export const velocityHistogram = defineQuery<void, VelocityBin[]>('velocityHistogram', (env) =>
	histogramSql(env.db, env.view, env.meta.stages)
);

export const revenue = defineQuery<void, Revenue | null>('revenue', async (env) =>
	env.meta.tables.leads ? revenueSql(env.db, env.view, leadStages(env).includes('won')) : null
);

export const breakdown = defineQuery<{ by: LeadDimension }, FunnelGroup[]>('breakdown', (env, { by }) =>
	funnelBy(env.db, env.view, env.meta.stages, by)
);

export interface Cohorts {
	stages: readonly Stage[];
	rows: LeadBucket[];
}

/** The cohort funnel per creation month (the funnel page's heatmap). */
export const cohorts = defineQuery<{ fyStartMonth: number }, Cohorts>('cohorts', async (env, a) => ({
	stages: env.meta.stages,
	rows: await leadTrend(env.db, env.view, env.meta.stages, 'month', a.fyStartMonth)
}));

/** The lead → won p90 over every lead with both dates: a fact of the data, read once per runner. */
const wonP90: DataFact<Maturity> = { name: 'wonP90', read: (db) => maturitySql(db, true) };

/**
 * The lead → won p90 that decides which cohort buckets are still maturing (over all the data, so it
 * does not move with the range or a filter: read once, not per view).
 */
export const maturity = defineQuery<void, Maturity>('maturity', async (env) =>
	leadStages(env).includes('won') ? env.fact(wonP90) : { p90_days: null }
);
