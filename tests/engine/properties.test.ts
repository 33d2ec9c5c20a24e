/**
 * Property tests (fast-check) for the metric engine against METRICS.md. Random small lead sets and views
 * are inserted straight into the canonical tables; the engine's answers are checked against invariants
 * and against an independent reimplementation of `reached` / cohort and period counting written here
 * in plain TypeScript (it never calls the engine).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	DEFAULT_BENCHMARKS,
	mergeBenchmarks,
	type BenchmarkOverrides
} from '../../src/lib/engine/benchmarks/defaults';
import type { Db, Param } from '../../src/lib/engine/db/types';
import { bottleneck } from '../../src/lib/engine/metrics/bottleneck';
import { funnel, funnelBy, type FunnelStep } from '../../src/lib/engine/metrics/funnel';
import { numberChain, PLAN_KEYS, type PlanKey } from '../../src/lib/engine/metrics/plan';
import { computeReport } from '../../src/lib/engine/metrics/report';
import { revenue } from '../../src/lib/engine/metrics/revenue';
import { velocity } from '../../src/lib/engine/metrics/velocity';
import type { MetricView } from '../../src/lib/engine/metrics/view';
import { LEAD_DIMENSIONS, STAGES, type LeadDimension, type Stage } from '../../src/lib/engine/schema';
import { freshDb, meta, reset } from './helpers';

let db: Db;
beforeAll(async () => {
	db = await freshDb();
});

// ---------------------------------------------------------------------------------------------------
// Days and dates. Everything is generated as whole days after 2025-01-01 and written as ISO dates.

const BASE = Date.UTC(2025, 0, 1);
const DAY = 86_400_000;
const iso = (day: number): string => new Date(BASE + day * DAY).toISOString().slice(0, 10);

// ---------------------------------------------------------------------------------------------------
// Generators

const DIM_VALUES: Record<LeadDimension, (string | null)[]> = {
	channel: ['Web', 'Event', '展示会', '', null],
	owner: ['X', 'Y', '', null],
	segment: ['SMB', 'Ent', null],
	deal_owner: ['S1', 'S2', null]
};
/** Filter values may name a value no lead has. */
const FILTER_VALUES: Record<LeadDimension, string[]> = {
	channel: ['Web', 'Event', '展示会', '', 'Nope'],
	owner: ['X', 'Y', '', 'Nope'],
	segment: ['SMB', 'Ent', '', 'Nope'],
	deal_owner: ['S1', 'S2', '', 'Nope']
};

interface GenLead {
	created: number;
	/** Own dates (days) of mql, sql, opportunity, won; null = no date. */
	dates: (number | null)[];
	lost: number | null;
	channel: string | null;
	owner: string | null;
	segment: string | null;
	deal_owner: string | null;
	amount: number | null;
	statusRank: number | null;
}

const leadArb: fc.Arbitrary<GenLead> = fc
	.record({
		created: fc.integer({ min: 0, max: 120 }),
		// Each later stage: skipped, or the previous date plus a step that may be negative (out of order).
		steps: fc.tuple(
			...[0, 1, 2, 3].map(() => fc.option(fc.integer({ min: -12, max: 40 }), { nil: null, freq: 3 }))
		),
		lost: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null, freq: 2 }),
		channel: fc.constantFrom(...DIM_VALUES.channel),
		owner: fc.constantFrom(...DIM_VALUES.owner),
		segment: fc.constantFrom(...DIM_VALUES.segment),
		deal_owner: fc.constantFrom(...DIM_VALUES.deal_owner),
		amount: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null, freq: 4 }),
		statusRank: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null, freq: 2 })
	})
	.map((r) => {
		let cur = r.created;
		const dates = r.steps.map((s) => {
			if (s === null) return null;
			cur += s;
			return cur;
		});
		return {
			created: r.created,
			dates,
			lost: r.lost === null ? null : r.created + r.lost,
			channel: r.channel,
			owner: r.owner,
			segment: r.segment,
			deal_owner: r.deal_owner,
			amount: r.amount,
			statusRank: r.statusRank
		};
	});

/** 0–60 leads; half the data sets carry no status ranks at all. */
const leadsArb = fc
	.record({ leads: fc.array(leadArb, { maxLength: 60 }), withStatus: fc.boolean() })
	.map(({ leads, withStatus }) => (withStatus ? leads : leads.map((l) => ({ ...l, statusRank: null }))));

type Filters = Partial<Record<LeadDimension, string[]>>;

const filtersArb: fc.Arbitrary<Filters> = fc
	.record({
		channel: fc.option(fc.subarray(FILTER_VALUES.channel), { nil: null, freq: 2 }),
		owner: fc.option(fc.subarray(FILTER_VALUES.owner), { nil: null, freq: 2 }),
		segment: fc.option(fc.subarray(FILTER_VALUES.segment), { nil: null, freq: 2 }),
		deal_owner: fc.option(fc.subarray(FILTER_VALUES.deal_owner), { nil: null, freq: 2 })
	})
	.map((r) => {
		const f: Filters = {};
		for (const d of LEAD_DIMENSIONS) if (r[d] !== null) f[d] = r[d];
		return f;
	});

interface GenView {
	from: number;
	to: number;
	mode: 'cohort' | 'period';
	windowDays: number | null;
	filters: Filters;
}

const viewArb = (mode?: 'cohort' | 'period'): fc.Arbitrary<GenView> =>
	fc
		.record({
			from: fc.integer({ min: -10, max: 130 }),
			len: fc.integer({ min: 0, max: 160 }),
			mode: mode ? fc.constant(mode) : fc.constantFrom<'cohort' | 'period'>('cohort', 'period'),
			windowDays: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
			filters: filtersArb
		})
		.map((r) => ({
			from: r.from,
			to: r.from + r.len,
			mode: r.mode,
			windowDays: r.mode === 'cohort' ? r.windowDays : null,
			filters: r.filters
		}));

/** Present stages: always `lead`, then any subset of the later ones, in stage order. */
const stagesArb: fc.Arbitrary<Stage[]> = fc
	.subarray(['mql', 'sql', 'opportunity', 'won'] as Stage[])
	.map((s) => ['lead' as Stage, ...s]);

const toView = (v: GenView): MetricView => ({
	from: iso(v.from),
	to: iso(v.to),
	mode: v.mode,
	windowDays: v.windowDays,
	filters: v.filters
});

// ---------------------------------------------------------------------------------------------------
// Inserting (one multi-row INSERT with bound parameters per table)

async function insertRows(table: string, cols: string[], rows: Param[][]): Promise<void> {
	if (rows.length === 0) return;
	const tuple = `(${cols.map(() => '?').join(', ')})`;
	await db.query(
		`INSERT INTO ${table} (${cols.join(', ')}) VALUES ${rows.map(() => tuple).join(', ')}`,
		rows.flat()
	);
}

async function loadLeads(leads: GenLead[]): Promise<void> {
	await reset(db);
	await insertRows(
		'leads_t', // the table under the leads view (schema.ts)
		[
			'lead_id',
			'created_at',
			'mql_at',
			'sql_at',
			'opportunity_at',
			'won_at',
			'lost_at',
			'channel',
			'owner',
			'segment',
			'deal_owner',
			'amount',
			'status_rank'
		],
		leads.map((l, i) => [
			`L${i}`,
			iso(l.created),
			...l.dates.map((d) => (d === null ? null : iso(d))),
			l.lost === null ? null : iso(l.lost),
			l.channel,
			l.owner,
			l.segment,
			l.deal_owner,
			l.amount,
			l.statusRank
		])
	);
}

// ---------------------------------------------------------------------------------------------------
// The independent reference, straight from METRICS.md

/** Own date (day) of a stage; `lead` is created_at. */
const own = (l: GenLead, s: Stage): number | null =>
	s === 'lead' ? l.created : l.dates[STAGES.indexOf(s) - 1];

/** The date that makes the lead reach `s`: its own date or, when skipped, the earliest later one. */
function reachDay(l: GenLead, s: Stage): number | null {
	const i = STAGES.indexOf(s);
	let best: number | null = null;
	for (const t of STAGES.slice(i)) {
		const d = own(l, t);
		if (d !== null && (best === null || d < best)) best = d;
	}
	return best;
}

/**
 * reached(l, s): a date for s or any later stage, or (no window only) a status implying s. Under a
 * window W, only a dated reach at most W days after created_at counts.
 */
function reached(l: GenLead, s: Stage, windowDays: number | null, useStatus = true): boolean {
	const i = STAGES.indexOf(s);
	if (i === 0) return true;
	const d = reachDay(l, s);
	if (windowDays !== null) return d !== null && d - l.created <= windowDays;
	return d !== null || (useStatus && l.statusRank !== null && l.statusRank >= i);
}

/** A filter value '' stands for "no value", the group a breakdown shows for empty and missing values. */
function passes(l: GenLead, filters: Filters): boolean {
	return LEAD_DIMENSIONS.every((d) => {
		const vs = filters[d];
		return !vs || vs.length === 0 || vs.includes(l[d] ?? '');
	});
}

const inRange = (d: number | null, v: GenView): boolean => d !== null && d >= v.from && d <= v.to;

function cohort(leads: GenLead[], v: GenView): GenLead[] {
	return leads.filter((l) => passes(l, v.filters) && inRange(l.created, v));
}

function refCounts(leads: GenLead[], v: GenView, stages: readonly Stage[], useStatus = true): number[] {
	if (v.mode === 'period') {
		const mine = leads.filter((l) => passes(l, v.filters));
		return stages.map((s) => mine.filter((l) => inRange(own(l, s), v)).length);
	}
	const c = cohort(leads, v);
	return stages.map((s) => c.filter((l) => reached(l, s, v.windowDays, useStatus)).length);
}

/** DuckDB's quantile_cont: linear interpolation between the closest ranks. */
function quantileCont(xs: number[], q: number): number | null {
	if (xs.length === 0) return null;
	const s = [...xs].sort((a, b) => a - b);
	const pos = q * (s.length - 1);
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return s[lo] + (pos - lo) * (s[hi] - s[lo]);
}

// ---------------------------------------------------------------------------------------------------

const RUNS = 150;
const counts = (steps: FunnelStep[]) => steps.map((s) => s.count);

describe('funnel properties', () => {
	it('matches an independent implementation of reached / cohort and period counting', async () => {
		await fc.assert(
			fc.asyncProperty(leadsArb, viewArb(), stagesArb, async (leads, v, stages) => {
				await loadLeads(leads);
				const f = await funnel(db, toView(v), stages);
				expect(counts(f.steps)).toEqual(refCounts(leads, v, stages));
				expect(f.steps.map((s) => s.stage)).toEqual(stages);
				expect(f.missing).toEqual(STAGES.filter((s) => !stages.includes(s)));
			}),
			{ numRuns: 200 }
		);
	});

	it('cohort mode: counts never increase; rates lie in [0, 1] and are null exactly on a zero denominator', async () => {
		await fc.assert(
			fc.asyncProperty(leadsArb, viewArb('cohort'), stagesArb, async (leads, v, stages) => {
				await loadLeads(leads);
				const { steps } = await funnel(db, toView(v), stages);
				for (let i = 0; i < steps.length; i++) {
					const s = steps[i];
					if (i > 0) expect(s.count).toBeLessThanOrEqual(steps[i - 1].count);
					const den = i === 0 ? null : steps[i - 1].count;
					if (den === null || den === 0) expect(s.rate).toBeNull();
					else expect(s.rate).toBe(s.count / den);
					if (steps[0].count === 0) expect(s.overall).toBeNull();
					else expect(s.overall).toBe(s.count / steps[0].count);
					for (const r of [s.rate, s.overall]) {
						if (r === null) continue;
						expect(Number.isFinite(r)).toBe(true);
						expect(r).toBeGreaterThanOrEqual(0);
						expect(r).toBeLessThanOrEqual(1);
					}
				}
			}),
			{ numRuns: RUNS }
		);
	});

	it('a window never adds leads; a window spanning all dates counts every dated reach', async () => {
		await fc.assert(
			fc.asyncProperty(leadsArb, viewArb('cohort'), fc.integer({ min: 0, max: 60 }), async (leads, v0, w) => {
				await loadLeads(leads);
				const v = { ...v0, windowDays: null };
				const open = counts((await funnel(db, toView(v), STAGES)).steps);
				const windowed = counts((await funnel(db, toView({ ...v, windowDays: w }), STAGES)).steps);
				windowed.forEach((c, i) => expect(c).toBeLessThanOrEqual(open[i]));
				const all = leads.flatMap((l) => [l.created, ...l.dates].filter((d): d is number => d !== null));
				const span = all.length ? Math.max(...all) - Math.min(...all) : 0;
				const wide = counts((await funnel(db, toView({ ...v, windowDays: span }), STAGES)).steps);
				// every dated reach, i.e. the open counts without the status-only reaches
				expect(wide).toEqual(refCounts(leads, v, STAGES, false));
				if (leads.every((l) => l.statusRank === null)) expect(wide).toEqual(open);
			}),
			{ numRuns: RUNS }
		);
	});

	it('filters partition the data: breakdown groups sum to the total and equal the filtered funnel', async () => {
		await fc.assert(
			fc.asyncProperty(leadsArb, viewArb(), stagesArb, async (leads, v, stages) => {
				await loadLeads(leads);
				const view = toView(v);
				const total = counts((await funnel(db, view, stages)).steps);
				for (const dim of LEAD_DIMENSIONS) {
					const groups = await funnelBy(db, view, stages, dim);
					const sum = stages.map((_, i) => groups.reduce((a, g) => a + g.steps[i].count, 0));
					expect(sum).toEqual(total);
					expect(new Set(groups.map((g) => g.group)).size).toBe(groups.length);
					for (const g of groups) {
						const one = await funnel(db, { ...view, filters: { ...view.filters, [dim]: [g.group] } }, stages);
						expect(one.steps).toEqual(g.steps);
						// and the reference agrees on the group
						expect(counts(g.steps)).toEqual(
							refCounts(leads, { ...v, filters: { ...v.filters, [dim]: [g.group] } }, stages)
						);
					}
				}
			}),
			{ numRuns: 100 }
		);
	});
});

describe('velocity properties', () => {
	it('n, median ≤ p90 and negatives agree with an independent count over own dates', async () => {
		await fc.assert(
			fc.asyncProperty(leadsArb, viewArb('cohort'), stagesArb, async (leads, v, stages) => {
				await loadLeads(leads);
				const vel = await velocity(db, toView(v), stages);
				expect(vel).toHaveLength(Math.max(0, stages.length - 1));
				const c = cohort(leads, v);
				for (let i = 1; i < stages.length; i++) {
					const [a, b] = [stages[i - 1], stages[i]];
					const step = vel[i - 1];
					expect([step.from, step.to]).toEqual([a, b]);
					const both = c.filter((l) => own(l, a) !== null && own(l, b) !== null);
					const days = both.map((l) => (own(l, b) as number) - (own(l, a) as number));
					const ok = days.filter((d) => d >= 0);
					expect(step.n).toBeLessThanOrEqual(both.length);
					expect(step.n).toBe(ok.length);
					expect(step.negative).toBe(days.filter((d) => d < 0).length);
					if (step.n === 0) {
						expect(step.median_days).toBeNull();
						expect(step.p90_days).toBeNull();
					} else {
						expect(step.median_days).not.toBeNull();
						expect(step.p90_days).not.toBeNull();
						expect(step.median_days as number).toBeLessThanOrEqual((step.p90_days as number) + 1e-9);
						expect(step.median_days as number).toBeGreaterThanOrEqual(0);
						expect(step.median_days).toBeCloseTo(quantileCont(ok, 0.5) as number, 9);
						expect(step.p90_days).toBeCloseTo(quantileCont(ok, 0.9) as number, 9);
					}
				}
			}),
			{ numRuns: RUNS }
		);
	});
});

describe('revenue and bottleneck properties', () => {
	const lowArb = fc.option(
		fc.integer({ min: 0, max: 20 }).map((k) => k / 20),
		{ nil: null }
	);
	const benchArb: fc.Arbitrary<BenchmarkOverrides> = fc
		.record({ mql: lowArb, sql: lowArb, opportunity: lowArb, won: lowArb })
		.map((r) => {
			const o: BenchmarkOverrides = {};
			for (const k of ['mql', 'sql', 'opportunity', 'won'] as const) {
				const low = r[k];
				if (low !== null) o[k] = { low, high: Math.min(1, low + 0.1) };
			}
			return o;
		});

	it('the bottleneck is below its floor and no other step has a larger impact (METRICS.md formula)', async () => {
		await fc.assert(
			fc.asyncProperty(leadsArb, viewArb('cohort'), stagesArb, benchArb, async (leads, v, stages, over) => {
				await loadLeads(leads);
				const view = toView(v);
				const f = await funnel(db, view, stages);
				const rev = await revenue(db, view, stages.includes('won'));

				// revenue, independently: Σ amount and count over the cohort leads that count for won
				if (stages.includes('won')) {
					const won = cohort(leads, v).filter((l) => reached(l, 'won', v.windowDays));
					const sum = won.reduce((a, l) => a + (l.amount ?? 0), 0);
					expect(rev.won_revenue).toBe(sum);
					expect(rev.avg_deal).toBe(won.length ? sum / won.length : null);
					expect(rev.won_without_amount).toBe(won.filter((l) => l.amount === null).length);
				} else {
					expect(rev.won_revenue).toBeNull();
				}

				const bench = mergeBenchmarks(over);
				const bn = bottleneck(f.steps, bench, rev.avg_deal);

				// independent: every step below its floor, impact by the METRICS.md formula (a later step
				// with no rate is taken at its floor, as documented beside the implementation)
				const avg = rev.avg_deal;
				const cands: { step: Stage; impact: number }[] = [];
				f.steps.forEach((s, i) => {
					if (i === 0 || s.rate === null) return;
					const low = bench[s.stage as keyof typeof DEFAULT_BENCHMARKS].low;
					if (!(s.rate < low)) return;
					let prod = 1;
					for (const t of f.steps.slice(i + 1))
						prod *= t.rate ?? bench[t.stage as keyof typeof DEFAULT_BENCHMARKS].low;
					const extra = f.steps[i - 1].count * (low - s.rate) * prod;
					cands.push({ step: s.stage, impact: avg !== null && avg > 0 ? extra * avg : extra });
				});

				if (cands.length === 0) {
					expect(bn).toBeNull();
					return;
				}
				expect(bn).not.toBeNull();
				const b = bn!;
				expect(b.rate).toBeLessThan(b.low);
				const mine = cands.find((c) => c.step === b.step);
				expect(mine).toBeDefined();
				expect(b.impact).toBeCloseTo(mine!.impact, 6);
				const tol = (x: number) => 1e-9 * Math.max(1, Math.abs(x));
				for (const c of cands) expect(c.impact).toBeLessThanOrEqual(b.impact + tol(b.impact));
				// ties go to the earlier step: nothing before the chosen step reaches its impact
				const before = cands.slice(0, cands.indexOf(mine!));
				for (const c of before) expect(c.impact).toBeLessThan(b.impact - tol(b.impact));
				expect(b.ranked.map((r) => r.step).sort()).toEqual(cands.map((c) => c.step).sort());
			}),
			{ numRuns: RUNS }
		);
	});
});

// ---------------------------------------------------------------------------------------------------
// The whole report, with every table

interface OtherTables {
	activities: Param[][];
	customers: Param[][];
	spend: Param[][];
}

const otherArb: fc.Arbitrary<OtherTables> = fc.record({
	activities: fc.array(
		fc
			.tuple(
				fc.integer({ min: -10, max: 160 }),
				fc.constantFrom('R1', 'R2', 'X', '', null),
				fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }),
				fc.boolean(),
				fc.constantFrom('no_answer', 'connected', 'meeting_set', 'other', null)
			)
			.map(([d, rep, lead, call, outcome]): Param[] => [
				iso(d),
				rep,
				lead === null ? null : `L${lead}`,
				call ? 'call' : 'email',
				call,
				outcome
			]),
		{ maxLength: 40 }
	),
	customers: fc.array(
		fc
			.tuple(
				fc.integer({ min: -400, max: 150 }),
				fc.option(fc.integer({ min: -30, max: 400 }), { nil: null }),
				fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
				fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
				fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null })
			)
			.map(([start, churn, exp, nps, mrr]): Param[] => [
				iso(start),
				churn === null ? null : iso(start + churn),
				exp === null ? null : iso(start + exp),
				nps,
				mrr
			]),
		{ maxLength: 30 }
	),
	spend: fc.array(
		fc
			.tuple(
				fc.integer({ min: 11, max: 17 }),
				fc.constantFrom('Web', 'Event', 'Ads', '', null),
				fc.integer({ min: 0, max: 100_000 })
			)
			.map(([m, ch, s]): Param[] => [new Date(Date.UTC(2024, m, 1)).toISOString().slice(0, 10), ch, s]),
		{ maxLength: 15 }
	)
});

/** Paths of every number in a value that is NaN or ±Infinity. */
function nonFinite(x: unknown, path = '$'): string[] {
	if (typeof x === 'number') return Number.isFinite(x) ? [] : [path];
	if (Array.isArray(x)) return x.flatMap((v, i) => nonFinite(v, `${path}[${i}]`));
	if (x && typeof x === 'object') return Object.entries(x).flatMap(([k, v]) => nonFinite(v, `${path}.${k}`));
	return [];
}

describe('report properties', () => {
	it('the report JSON never holds NaN or Infinity', async () => {
		const planArb = fc.option(
			fc.record({
				target: fc.integer({ min: 0, max: 1e9 }),
				deal: fc.integer({ min: 0, max: 1e7 }),
				workingDays: fc.option(fc.integer({ min: 0, max: 260 }), { nil: undefined }),
				rateSource: fc.constantFrom<'actual' | 'benchmark'>('actual', 'benchmark')
			}),
			{ nil: null }
		);
		await fc.assert(
			fc.asyncProperty(
				leadsArb,
				otherArb,
				viewArb(),
				stagesArb,
				planArb,
				async (leads, other, v, stages, plan) => {
					await loadLeads(leads);
					await insertRows(
						'activities',
						['occurred_at', 'rep', 'lead_id', 'type', 'is_call', 'outcome'],
						other.activities
					);
					await insertRows(
						'customers',
						['start_date', 'churned_at', 'expansion_at', 'nps', 'mrr'],
						other.customers
					);
					await insertRows('spend', ['month', 'channel', 'spend'], other.spend);
					const m = meta({ leads: true, activities: true, customers: true, spend: true }, stages);
					const r = await computeReport(db, m, toView(v), { plan });
					expect(nonFinite(r)).toEqual([]);
					const text = JSON.stringify(r);
					expect(nonFinite(JSON.parse(text))).toEqual([]);
					expect(counts(r.funnel)).toEqual(refCounts(leads, v, stages));
				}
			),
			{ numRuns: 100 }
		);
	});
});

// ---------------------------------------------------------------------------------------------------
// numberChain, checked with exact rational arithmetic (BigInt)

interface Q {
	n: bigint;
	d: bigint;
}
const q = (n: bigint, d: bigint = 1n): Q => ({ n, d });
const div = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);
const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
const ceilQ = (a: Q): bigint => (a.n + a.d - 1n) / a.d; // a ≥ 0, d > 0
/** integer x ≥ the rational a */
const geq = (x: number, a: Q): boolean => BigInt(x) * a.d >= a.n;

interface ChainIn {
	target: number;
	deal: number;
	workingDays: number;
	/** rates as integers over their scale: won/opportunity/sql/mql/contact/meeting per 1000, calls per 10 */
	k: {
		won: number;
		opportunity: number;
		sql: number;
		mql: number;
		contact: number;
		meeting: number;
		/** connects per lead, per 10 (≥ 1) */
		connects: number;
		cpd: number;
		/** cost per lead, whole currency units */
		cost: number;
	};
}

const chainArb = (maxTarget: number): fc.Arbitrary<ChainIn> =>
	fc.record({
		target: fc.integer({ min: 0, max: maxTarget }),
		deal: fc.integer({ min: 1, max: 10_000_000 }),
		workingDays: fc.integer({ min: 1, max: 260 }),
		k: fc.record({
			won: fc.integer({ min: 1, max: 1000 }),
			opportunity: fc.integer({ min: 1, max: 1000 }),
			sql: fc.integer({ min: 1, max: 1000 }),
			mql: fc.integer({ min: 1, max: 1000 }),
			contact: fc.integer({ min: 1, max: 1000 }),
			meeting: fc.integer({ min: 1, max: 1000 }),
			connects: fc.integer({ min: 10, max: 50 }),
			cpd: fc.integer({ min: 1, max: 2000 }),
			cost: fc.integer({ min: 1, max: 100_000 })
		})
	});

function runChain(c: ChainIn) {
	return numberChain(
		{
			target: c.target,
			deal: c.deal,
			workingDays: c.workingDays,
			rates: {
				won: c.k.won / 1000,
				opportunity: c.k.opportunity / 1000,
				sql: c.k.sql / 1000,
				mql: c.k.mql / 1000,
				contact_rate: c.k.contact / 1000,
				meeting_rate: c.k.meeting / 1000,
				connects_per_lead: c.k.connects / 10,
				calls_per_rep_day: c.k.cpd / 10,
				cost_per_lead: c.k.cost
			}
		},
		{}
	);
}

/** The chain in exact arithmetic: `real` without rounding, `ceil` rounding up at every step. */
function exactChain(c: ChainIn): { real: Record<PlanKey, Q>; ceil: Record<PlanKey, bigint> } {
	const r = (k: number, scale: bigint) => q(BigInt(k), scale);
	const rate = {
		won: r(c.k.won, 1000n),
		opportunity: r(c.k.opportunity, 1000n),
		sql: r(c.k.sql, 1000n),
		mql: r(c.k.mql, 1000n),
		meeting: r(c.k.meeting, 1000n),
		contact: r(c.k.contact, 1000n),
		connects: r(c.k.connects, 10n),
		cost: q(BigInt(c.k.cost)),
		cpd: r(c.k.cpd, 10n),
		days: q(BigInt(c.workingDays))
	};
	const won = div(q(BigInt(c.target)), q(BigInt(c.deal)));
	const real: Record<PlanKey, Q> = {} as Record<PlanKey, Q>;
	real.won = won;
	real.opportunities = div(real.won, rate.won);
	real.sqls = div(real.opportunities, rate.opportunity);
	real.mqls = div(real.sqls, rate.sql);
	real.leads = div(real.mqls, rate.mql);
	real.contacted_leads = div(real.sqls, rate.meeting);
	real.calls = div(mul(real.contacted_leads, rate.connects), rate.contact);
	real.rep_days = div(real.calls, rate.cpd);
	real.reps = div(real.rep_days, rate.days);
	real.spend = mul(real.leads, rate.cost);
	const ceil = {} as Record<PlanKey, bigint>;
	ceil.won = ceilQ(won);
	ceil.opportunities = ceilQ(div(q(ceil.won), rate.won));
	ceil.sqls = ceilQ(div(q(ceil.opportunities), rate.opportunity));
	ceil.mqls = ceilQ(div(q(ceil.sqls), rate.sql));
	ceil.leads = ceilQ(div(q(ceil.mqls), rate.mql));
	ceil.contacted_leads = ceilQ(div(q(ceil.sqls), rate.meeting));
	ceil.calls = ceilQ(div(mul(q(ceil.contacted_leads), rate.connects), rate.contact));
	ceil.rep_days = ceilQ(div(q(ceil.calls), rate.cpd));
	ceil.reps = ceilQ(div(q(ceil.rep_days), rate.days));
	ceil.spend = ceilQ(mul(q(ceil.leads), rate.cost));
	return { real, ceil };
}

describe('numberChain properties', () => {
	it('every required value is an integer ≥ the exact real value, and equals the exact rounded-up chain', () => {
		fc.assert(
			fc.property(chainArb(10_000_000_000), (c) => {
				const { real, ceil } = exactChain(c);
				// Up to 10^8 of anything: the rates are doubles, and telling a true fraction of 1/10^6 (the
				// finest these rates make) from float noise needs q × 8ε below it.
				fc.pre(Object.values(ceil).every((x) => x <= 100_000_000n));
				const lines = runChain(c);
				expect(lines.map((l) => l.key)).toEqual([...PLAN_KEYS]);
				for (const l of lines) {
					expect(l.required).not.toBeNull();
					const x = l.required as number;
					expect(Number.isSafeInteger(x)).toBe(true);
					expect(x).toBeGreaterThanOrEqual(0);
					expect(geq(x, real[l.key])).toBe(true);
					expect(BigInt(x)).toBe(ceil[l.key]);
				}
			}),
			{ numRuns: 2000 }
		);
	});

	it('is monotonic in the target', () => {
		fc.assert(
			fc.property(chainArb(10_000_000_000), fc.integer({ min: 0, max: 10_000_000_000 }), (c, t2) => {
				const [lo, hi] = c.target <= t2 ? [c.target, t2] : [t2, c.target];
				const a = runChain({ ...c, target: lo });
				const b = runChain({ ...c, target: hi });
				a.forEach((l, i) => expect(l.required as number).toBeLessThanOrEqual(b[i].required as number));
			}),
			{ numRuns: 2000 }
		);
	});

	it('a missing or zero rate ends its lines with null, never NaN', () => {
		const rateKeys = [
			'won',
			'opportunity',
			'sql',
			'mql',
			'contact_rate',
			'meeting_rate',
			'connects_per_lead',
			'calls_per_rep_day',
			'cost_per_lead'
		] as const;
		fc.assert(
			fc.property(
				chainArb(1_000_000_000),
				fc.constantFrom(...rateKeys),
				fc.constantFrom(null, 0, -0.5, Number.NaN),
				(c, key, bad) => {
					const base = runChain(c);
					const input = {
						target: c.target,
						deal: c.deal,
						workingDays: c.workingDays,
						rates: {
							won: c.k.won / 1000,
							opportunity: c.k.opportunity / 1000,
							sql: c.k.sql / 1000,
							mql: c.k.mql / 1000,
							contact_rate: c.k.contact / 1000,
							meeting_rate: c.k.meeting / 1000,
							connects_per_lead: c.k.connects / 10,
							calls_per_rep_day: c.k.cpd / 10,
							cost_per_lead: c.k.cost,
							[key]: bad
						}
					};
					const lines = numberChain(input, {});
					// which lines depend on the broken rate
					const dependents: Record<(typeof rateKeys)[number], PlanKey[]> = {
						won: [
							'opportunities',
							'sqls',
							'mqls',
							'leads',
							'contacted_leads',
							'calls',
							'rep_days',
							'reps',
							'spend'
						],
						opportunity: ['sqls', 'mqls', 'leads', 'contacted_leads', 'calls', 'rep_days', 'reps', 'spend'],
						sql: ['mqls', 'leads', 'spend'],
						mql: ['leads', 'spend'],
						contact_rate: ['calls', 'rep_days', 'reps'],
						meeting_rate: ['contacted_leads', 'calls', 'rep_days', 'reps'],
						connects_per_lead: ['calls', 'rep_days', 'reps'],
						calls_per_rep_day: ['rep_days', 'reps'],
						cost_per_lead: ['spend']
					};
					for (const [i, l] of lines.entries()) {
						if (dependents[key].includes(l.key)) expect(l.required).toBeNull();
						else expect(l.required).toBe(base[i].required);
						expect(nonFinite(l)).toEqual([]);
					}
				}
			),
			{ numRuns: 500 }
		);
	});
});
