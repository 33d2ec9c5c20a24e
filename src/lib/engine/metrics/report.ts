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
	changes as changesQuery,
	currencies,
	lostReasons,
	people,
	pipeline as pipelineQuery,
	scoreBands,
	triage as triageQuery,
	type BenchmarkResult,
	type KpiSections,
	type NamedQuery,
	type PlanRequest
} from '../queries';
import type { Bottleneck } from './bottleneck';
import type { FunnelStep } from './funnel';
import type { PlanLine, PlanRates } from './plan';
import type { Revenue } from './revenue';
import { DEFAULT_FX, type CurrencySum, type Fx } from './money';
import type { ScoreBand } from './marketing';
import type { OwnerLine, RepLine, Triage } from './people';
import type { Changes, Pipeline } from './pipeline';
import { targetLines, type Goals, type TargetKey, type TargetLine } from './targets';
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
	/** The organisation's currency and exchange rates (money figures are null where a rate is missing). */
	fx?: Fx;
	/** Monthly targets: each becomes a `targets` line with the range's pro-rated target. */
	goals?: Goals;
}

/** The report's v2 sections beside each department's KPIs (docs/report.md, "Version 2 additions"). */
export interface ReportKpis {
	marketing: (NonNullable<KpiSections['marketing']> & { by_score_band: ScoreBand[] | null }) | null;
	inside_sales:
		(NonNullable<KpiSections['inside_sales']> & { by_rep: RepLine[] | null; triage: Triage | null }) | null;
	field_sales:
		| (NonNullable<KpiSections['field_sales']> & {
				by_owner: OwnerLine[] | null;
				lost_reasons: { reason: string | null; deals: number }[] | null;
		  })
		| null;
	customer_success: KpiSections['customer_success'];
}

export interface Report {
	range: { from: string; to: string };
	mode: MetricView['mode'];
	window_days: number | null;
	filters: MetricView['filters'];
	funnel: FunnelStep[];
	missing_stages: Stage[];
	velocity: VelocityStep[];
	revenue: (Revenue & { by_currency: CurrencySum[] }) | null;
	/** Currencies that hold an amount and have no rate: every money figure is then null. */
	missing_rates: string[];
	bottleneck: Bottleneck | null;
	pipeline: Pipeline | null;
	changes: Changes | null;
	targets: TargetLine[];
	kpis: ReportKpis;
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
	const k = {
		marketing: await run(department, { name: 'marketing' }),
		inside_sales: await run(department, { name: 'inside_sales' }),
		field_sales: await run(department, { name: 'field_sales', ...noCycle }),
		customer_success: await run(department, { name: 'customer_success' })
	} as KpiSections;
	const p = opts.plan ? await run(planQuery, { plan: opts.plan, overrides }) : null;
	const rev = await run(revenue, undefined);
	const money = await run(currencies, { fx: opts.fx ?? DEFAULT_FX });
	const reps = (await run(people, { dept: 'inside_sales' })).rows;
	const owners = (await run(people, { dept: 'field_sales' })).rows;
	const kpis: ReportKpis = {
		marketing: k.marketing && { ...k.marketing, by_score_band: await run(scoreBands, undefined) },
		inside_sales: k.inside_sales && {
			...k.inside_sales,
			by_rep: reps as RepLine[] | null,
			triage: await run(triageQuery, undefined)
		},
		field_sales: k.field_sales && {
			...k.field_sales,
			by_owner: owners as OwnerLine[] | null,
			lost_reasons: await run(lostReasons, undefined)
		},
		customer_success: k.customer_success
	};
	const report: Report = {
		range: { from: view.from, to: view.to },
		mode: view.mode,
		window_days: view.windowDays,
		filters: view.filters,
		funnel: f.steps,
		missing_stages: f.missing,
		velocity: vel,
		revenue: rev && { ...rev, by_currency: money?.by_currency ?? [] },
		missing_rates: money?.missing_rates ?? [],
		bottleneck: await run(bottleneck, { overrides }),
		pipeline: await run(pipelineQuery, { target: opts.plan?.target ?? null }),
		changes: await run(changesQuery, undefined),
		targets: targetLines(opts.goals ?? {}, targetActuals(f.steps, kpis, rev), view.from, view.to),
		kpis,
		benchmarks: await run(benchmarks, { overrides }),
		plan: p?.lines ?? null,
		plan_inputs: p?.inputs ?? null
	};
	return report.missing_rates.length ? withoutMoney(report) : report;
}

/** The actual figure of each target key over the view. */
function targetActuals(
	steps: FunnelStep[],
	kpis: ReportKpis,
	rev: Revenue | null
): Partial<Record<TargetKey, number | null>> {
	const n = (s: Stage) => steps.find((x) => x.stage === s)?.count ?? null;
	return {
		leads: n('lead'),
		mqls: n('mql'),
		sqls: n('sql'),
		opportunities: n('opportunity'),
		won: n('won'),
		won_revenue: rev?.won_revenue ?? null,
		calls: kpis.inside_sales?.calls ?? null,
		appointments: kpis.inside_sales?.appointments ?? null
	};
}

/**
 * Where an amount's currency has no rate, a money sum would mix currencies: every money figure is
 * null instead (the per-currency sums and `missing_rates` say why).
 */
const inDeals = <T extends { extra_won: number }>(b: T): T => ({
	...b,
	impact: b.extra_won,
	impact_unit: 'deals'
});

function withoutMoney(r: Report): Report {
	const none = <T extends object>(o: T, keys: (keyof T)[]): T =>
		Object.fromEntries(Object.entries(o).map(([k, v]) => [k, keys.includes(k as keyof T) ? null : v])) as T;
	const pipeline = r.pipeline && {
		...none(r.pipeline, ['open_amount', 'weighted_amount', 'coverage']),
		by_stage: r.pipeline.by_stage.map((s) => none(s, ['amount', 'weighted_amount']))
	};
	const changes = r.changes && {
		...r.changes,
		new: none(r.changes.new, ['amount']),
		won: none(r.changes.won, ['amount']),
		lost: none(r.changes.lost, ['amount'])
	};
	const m = r.kpis.marketing;
	const fs = r.kpis.field_sales;
	return {
		...r,
		revenue: r.revenue && { ...r.revenue, won_revenue: null, avg_deal: null },
		// Impact in won deals rather than a mixed-currency sum (the same order: avg_deal is one factor).
		bottleneck: r.bottleneck && {
			...inDeals(r.bottleneck),
			ranked: r.bottleneck.ranked.map(inDeals)
		},
		pipeline: pipeline as Pipeline | null,
		changes: changes as Changes | null,
		targets: r.targets.map((t) => (t.key === 'won_revenue' ? { ...t, actual: null, attainment: null } : t)),
		kpis: {
			...r.kpis,
			marketing: m && {
				...none(m, ['roi', 'won_revenue']),
				by_channel: m.by_channel.map((c) => none(c, ['roi', 'won_revenue']))
			},
			field_sales: fs && {
				...none(fs, ['won_revenue', 'avg_deal']),
				by_owner: fs.by_owner?.map((o) => none(o, ['won_revenue', 'avg_deal'])) ?? null
			}
		}
	};
}
