/**
 * The report (docs/report.md): every named query over one view, composed. The dashboard's pages ask for the
 * same queries one by one (only what they show); `npm run report` asks for all of them.
 */
import type { Db } from '../db/types';
import type { BenchmarkOverrides } from '../benchmarks/defaults';
import type { DatasetMeta, Stage } from '../schema';
import {
	benchmarks,
	bottleneck,
	department,
	funnel,
	plan as planQuery,
	QueryRunner,
	revenue,
	velocity as velocityQuery,
	type BenchmarkResult,
	type KpiSections,
	type NamedQuery,
	type PlanRequest
} from '../queries';
import type { Bottleneck } from './bottleneck';
import type { FunnelStep } from './funnel';
import type { PlanLine, PlanRates } from './plan';
import type { Revenue } from './revenue';
import type { VelocityStep } from './velocity';
import { assertView, type MetricView } from './view';

export { dataSpan } from '../queries/span';
export type { BenchmarkResult, PlanRequest };

export interface ReportOptions {
	benchmarks?: BenchmarkOverrides[];
	/**
	 * Velocity reads every lead with both dates of a step (quantiles cannot come from the cube): `false`
	 * skips it, `'sales_cycle'` computes only opportunity → won (the field-sales KPI), for pages that
	 * show no other step. Default: every step.
	 */
	velocity?: boolean | 'sales_cycle';
	plan?: PlanRequest | null;
}

export interface Report {
	range: { from: string; to: string };
	mode: MetricView['mode'];
	window_days: number | null;
	filters: MetricView['filters'];
	funnel: FunnelStep[];
	missing_stages: Stage[];
	velocity: VelocityStep[];
	revenue: Revenue | null;
	bottleneck: Bottleneck | null;
	kpis: KpiSections;
	benchmarks: BenchmarkResult[];
	/** One entry per line of the number chain. */
	plan: PlanLine[] | null;
	/** What the plan was computed from (target, deal, working days, the rates in force). */
	plan_inputs: { target: number; deal: number; working_days: number; rates: PlanRates } | null;
}

export async function computeReport(
	db: Db,
	meta: DatasetMeta,
	view: MetricView,
	opts: ReportOptions = {}
): Promise<Report> {
	assertView(view);
	const runner = new QueryRunner(db, meta);
	const run = <A, R>(q: NamedQuery<A, R>, args: A) => runner.run(q, view, args);
	const overrides = opts.benchmarks ?? [];
	const f = await run(funnel, undefined);
	// Every step first when asked for, so field sales reads its sales cycle from it.
	const vel =
		opts.velocity === false
			? []
			: await run(velocityQuery, { steps: opts.velocity === 'sales_cycle' ? 'sales_cycle' : 'all' });
	const noCycle = opts.velocity === false ? { velocity: false as const } : {};
	const kpis = {
		marketing: await run(department, { name: 'marketing' }),
		inside_sales: await run(department, { name: 'inside_sales' }),
		field_sales: await run(department, { name: 'field_sales', ...noCycle }),
		customer_success: await run(department, { name: 'customer_success' })
	} as KpiSections;
	const p = opts.plan ? await run(planQuery, { plan: opts.plan, overrides }) : null;
	return {
		range: { from: view.from, to: view.to },
		mode: view.mode,
		window_days: view.windowDays,
		filters: view.filters,
		funnel: f.steps,
		missing_stages: f.missing,
		velocity: vel,
		revenue: await run(revenue, undefined),
		bottleneck: await run(bottleneck, { overrides }),
		kpis,
		benchmarks: await run(benchmarks, { overrides }),
		plan: p?.lines ?? null,
		plan_inputs: p?.inputs ?? null
	};
}
