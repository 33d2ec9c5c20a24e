import type { Db } from '../db/types';
import {
	mergeBenchmarks,
	status,
	type BenchmarkDef,
	type BenchmarkKey,
	type BenchmarkOverrides,
	type Status
} from '../benchmarks/defaults';
import type { DatasetMeta, Stage } from '../schema';
import { bottleneck, type Bottleneck } from './bottleneck';
import { funnel, type FunnelStep } from './funnel';
import {
	customerSuccess,
	fieldSales,
	insideSales,
	marketing,
	type CustomerSuccessKpis,
	type FieldSalesKpis,
	type InsideSalesKpis,
	type MarketingKpis
} from './kpis';
import {
	numberChain,
	PLAN_RATE_KEYS,
	weekdaysBetween,
	type PlanLine,
	type PlanRateKey,
	type PlanRates
} from './plan';
import { revenue, type Revenue } from './revenue';
import { isSalesCycle, velocity, type VelocityStep } from './velocity';
import { assertView, type MetricView } from './view';

export interface BenchmarkResult {
	key: BenchmarkKey;
	value: number | null;
	low: number;
	high: number;
	status: Status | null;
	better: BenchmarkDef['better'];
}

export interface PlanRequest {
	target: number;
	deal: number;
	workingDays?: number;
	/** Where each rate comes from; typed numbers win over the source. Default: actual, else benchmark. */
	rateSource?: 'actual' | 'benchmark';
	rates?: Partial<Record<PlanRateKey, number>>;
}

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
	kpis: {
		marketing: MarketingKpis | null;
		inside_sales: InsideSalesKpis | null;
		field_sales: FieldSalesKpis | null;
		customer_success: CustomerSuccessKpis | null;
	};
	benchmarks: BenchmarkResult[];
	/** REPORT.md: one entry per line of the number chain. */
	plan: PlanLine[] | null;
	/** What the plan was computed from (target, deal, working days, the rates in force). */
	plan_inputs: { target: number; deal: number; working_days: number; rates: PlanRates } | null;
}

/** The data's own span: earliest to latest date over leads and activities (customers if nothing else). */
export async function dataSpan(db: Db): Promise<{ from: string; to: string } | null> {
	// Per-column min/max (least/greatest skip NULLs): one cheap aggregate per column, not a least() per row.
	const span = (cols: string[]) =>
		`least(${cols.map((c) => `min(${c})`).join(', ')}) AS lo, greatest(${cols.map((c) => `max(${c})`).join(', ')}) AS hi`;
	const [r] = await db.query(`
		WITH l AS (SELECT ${span(['created_at', 'mql_at', 'sql_at', 'opportunity_at', 'won_at', 'lost_at'])} FROM leads),
		a AS (SELECT ${span(['occurred_at'])} FROM activities),
		c AS (SELECT ${span(['start_date', 'churned_at', 'expansion_at'])} FROM customers)
		SELECT strftime(coalesce(least(l.lo, a.lo), c.lo), '%Y-%m-%d') AS "from",
			strftime(coalesce(greatest(l.hi, a.hi), c.hi), '%Y-%m-%d') AS "to"
		FROM l, a, c`);
	if (!r || r.from === null || r.to === null) return null;
	return { from: String(r.from), to: String(r.to) };
}

export async function computeReport(
	db: Db,
	meta: DatasetMeta,
	view: MetricView,
	opts: ReportOptions = {}
): Promise<Report> {
	assertView(view);
	const bench = mergeBenchmarks(...(opts.benchmarks ?? []));
	const stages = meta.tables.leads ? meta.stages : [];
	const f = await funnel(db, view, stages);
	const vel =
		view.mode === 'cohort' && meta.tables.leads && opts.velocity !== false
			? await velocity(db, view, stages, opts.velocity === 'sales_cycle' ? isSalesCycle : undefined)
			: [];
	const rev = meta.tables.leads ? await revenue(db, view, stages.includes('won')) : null;
	const mk = await marketing(db, view, meta, f);
	const is = await insideSales(db, view, meta, f);
	const fs = rev ? fieldSales(meta, f, rev, vel) : null;
	const cs = await customerSuccess(db, view, meta);

	const values: Partial<Record<BenchmarkKey, number | null>> = {};
	for (const s of f.steps.slice(1)) values[s.stage as BenchmarkKey] = s.rate;
	if (is) {
		values.calls_per_rep_day = is.calls_per_rep_day;
		values.contact_rate = is.contact_rate;
		values.meeting_rate = is.meeting_rate;
	}
	if (cs) {
		values.churn_rate = cs.churn_rate;
		values.upsell_rate = cs.upsell_rate;
		values.nps = cs.nps;
	}
	const benchmarks: BenchmarkResult[] = (Object.keys(values) as BenchmarkKey[]).map((key) => {
		const v = values[key] ?? null;
		return {
			key,
			value: v,
			low: bench[key].low,
			high: bench[key].high,
			status: status(v, bench[key]),
			better: bench[key].better
		};
	});

	// Bottleneck ranks conversion steps only; in period mode rates are volume ratios, not conversions.
	const bn = view.mode === 'cohort' ? bottleneck(f.steps, bench, rev?.avg_deal ?? null) : null;

	let plan: Report['plan'] = null;
	let planInputs: Report['plan_inputs'] = null;
	if (opts.plan) {
		const p = opts.plan;
		const rate = (key: PlanRateKey): number | null => {
			const typed = p.rates?.[key];
			if (typed !== undefined) return typed;
			const actual = values[key as BenchmarkKey] ?? null;
			const b = bench[key as BenchmarkKey];
			const mid = (b.low + b.high) / 2;
			if (p.rateSource === 'benchmark') return mid;
			return actual ?? mid;
		};
		const rates = Object.fromEntries(PLAN_RATE_KEYS.map((k) => [k, rate(k)])) as PlanRates;
		const workingDays = p.workingDays ?? weekdaysBetween(view.from, view.to);
		const stageCount = (s: Stage) =>
			stages.includes(s) ? (f.steps.find((x) => x.stage === s)?.count ?? null) : null;
		const lines = numberChain(
			{ target: p.target, deal: p.deal, workingDays, rates },
			{
				won: stageCount('won'),
				opportunities: stageCount('opportunity'),
				sqls: stageCount('sql'),
				mqls: stageCount('mql'),
				leads: stageCount('lead'),
				calls: is?.calls ?? null,
				rep_days: is?.rep_days ?? null,
				reps: is?.reps ?? null
			}
		);
		plan = lines;
		planInputs = { target: p.target, deal: p.deal, working_days: workingDays, rates };
	}

	return {
		range: { from: view.from, to: view.to },
		mode: view.mode,
		window_days: view.windowDays,
		filters: view.filters,
		funnel: f.steps,
		missing_stages: f.missing,
		velocity: vel,
		revenue: rev,
		bottleneck: bn,
		kpis: { marketing: mk, inside_sales: is, field_sales: fs, customer_success: cs },
		benchmarks,
		plan,
		plan_inputs: planInputs
	};
}
