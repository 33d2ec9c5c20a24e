/**
 * The named queries over fixture A in a real DuckDB: each one's value by hand (the working is in
 * metrics.test.ts or in the comments), how they share sub-results, and that the report is their sum.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db, Param } from '../../src/lib/engine/db/types';
import { computeReport } from '../../src/lib/engine/metrics/report';
import type { MetricView } from '../../src/lib/engine/metrics/view';
import {
	benchmarks,
	bottleneck,
	breakdown,
	canonicalJson,
	cohorts,
	dataSpan,
	department,
	departments,
	funnel,
	people,
	plan,
	queryKey,
	QueryRunner,
	revenue,
	trends,
	velocity,
	velocityHistogram,
	type NamedQuery
} from '../../src/lib/engine/queries';
import { STAGES } from '../../src/lib/engine/schema';
import { FIXTURE_A } from './fixture-a';
import { freshDb, insert, meta, reset } from './helpers';

let db: Db;
const ALL = meta({ leads: true }, [...STAGES]);
const view = (over: Partial<MetricView> = {}): MetricView => ({
	from: '2025-04-01',
	to: '2025-05-31',
	mode: 'cohort',
	windowDays: null,
	filters: {},
	...over
});

/** A Db that counts the statements it runs. */
function counting(inner: Db): { db: Db; log: string[] } {
	const log: string[] = [];
	return {
		log,
		db: {
			query: (sql: string, params?: readonly Param[]) => {
				log.push(sql);
				return inner.query(sql, params);
			},
			exec: (sql) => inner.exec(sql),
			registerFile: (n, b) => inner.registerFile(n, b),
			dropFile: (n) => inner.dropFile(n)
		}
	};
}

beforeAll(async () => {
	db = await freshDb();
	await reset(db);
	await insert(db, 'leads', FIXTURE_A);
});

describe('named queries (fixture A)', () => {
	const run = <A, R>(q: NamedQuery<A, R>, a: A, v = view()) => new QueryRunner(db, ALL).run(q, v, a);

	it('funnel, revenue and the breakdown', async () => {
		expect((await run(funnel, undefined)).steps.map((s) => s.count)).toEqual([6, 5, 5, 4, 3]);
		expect(await run(revenue, undefined)).toEqual({ won_revenue: 600, avg_deal: 200, won_without_amount: 0 });
		const by = await run(breakdown, { by: 'channel' });
		expect(by.map((g) => [g.group, g.steps.map((s) => s.count)])).toEqual([
			['A', [3, 3, 3, 3, 2]],
			['B', [2, 1, 1, 0, 0]],
			['C', [1, 1, 1, 1, 1]]
		]);
	});

	it('velocity: every step, the sales cycle alone, nothing in period mode', async () => {
		const all = await run(velocity, { steps: 'all' });
		expect(all.map((s) => [s.to, s.n, s.median_days])).toEqual([
			['mql', 4, 1.5],
			['sql', 3, 1],
			['opportunity', 2, 3],
			['won', 2, 22]
		]);
		const cycle = await run(velocity, { steps: 'sales_cycle' });
		expect(cycle.map((s) => [s.from, s.to, s.median_days])).toEqual([['opportunity', 'won', 22]]);
		expect(await run(velocity, { steps: 'all' }, view({ mode: 'period' }))).toEqual([]);
		// the histogram bins the same leads: lead→mql 1, 1, 2, 3 days → bins 1–3 (4 leads)
		const bins = (await run(velocityHistogram, undefined)).filter((b) => b.to === 'mql' && b.n > 0);
		expect(bins.map((b) => [b.label, b.n])).toEqual([['1–3', 4]]);
	});

	it('departments: field sales and marketing, one or several at once', async () => {
		// opportunities L1 L2 L5 L7, won L1 L5 L7 (600), sales cycle median 22 days
		expect(await run(department, { name: 'field_sales' })).toEqual({
			opportunities: 4,
			won: 3,
			win_rate: 0.75,
			won_revenue: 600,
			avg_deal: 200,
			median_days_to_win: 22
		});
		const both = await run(departments, { names: ['marketing', 'customer_success'] });
		expect(Object.keys(both)).toEqual(['marketing', 'customer_success']);
		expect(both.customer_success).toBeNull();
		// channel A: L1 L2 L5 (all MQL); B: L3 L4 (L4 MQL); C: L7 (MQL through won)
		expect(both.marketing?.by_channel.map((c) => [c.channel, c.leads, c.mqls])).toEqual([
			['A', 3, 3],
			['B', 2, 1],
			['C', 1, 1]
		]);
	});

	it('people: field sales by deal owner only — fixture A names lead owners, so there is no table', async () => {
		// docs/metrics.md (Owners): the field-sales table never shows lead owners as deal owners
		// (X, Y, Z own the leads here); deal owners are tested in people.test.ts.
		const p = await run(people, { dept: 'field_sales' });
		if (p.dept !== 'field_sales') throw new Error(`expected field sales rows, got ${p.dept}`);
		expect(p.rows).toBeNull();
	});

	it('benchmarks of the funnel only; no bottleneck when every step meets its floor', async () => {
		const b = await run(benchmarks, { sources: ['funnel'] });
		expect(b.map((x) => [x.key, x.value])).toEqual([
			['mql', 5 / 6],
			['sql', 1],
			['opportunity', 0.8],
			['won', 0.75]
		]);
		expect(await run(bottleneck, {})).toBeNull();
		expect(await run(bottleneck, {}, view({ mode: 'period' }))).toBeNull();
	});

	it('cohort months and the trend series', async () => {
		// April: L1 L2 L3 L4 L7 (mql all but L3; won L1 L7); May: L5 (every stage)
		const c = await run(cohorts, { fyStartMonth: 4 });
		expect(c.rows.map((r) => [r.bucket, r.counts.lead, r.counts.mql, r.counts.won])).toEqual([
			['2025-04-01', 5, 4, 2],
			['2025-05-01', 1, 1, 1]
		]);
		const t = await run(trends, { grain: 'month', fyStartMonth: 4 });
		expect(t.leads).toEqual(c.rows);
		expect(t.activities).toEqual([]);
		expect(t.customers).toEqual([]);
	});

	it('plan: the number chain from the actual rates', async () => {
		// won 1000 / 100 = 10; ÷ 0.75 → 14 opportunities; ÷ 0.8 → 18 SQLs; ÷ 1 → 18 MQLs; ÷ 5/6 → 22 leads
		const p = await run(plan, { plan: { target: 1000, deal: 100 } });
		expect(p.lines.slice(0, 5).map((l) => [l.key, l.required, l.actual, l.gap])).toEqual([
			['won', 10, 3, 7],
			['opportunities', 14, 4, 10],
			['sqls', 18, 5, 13],
			['mqls', 18, 5, 13],
			['leads', 22, 6, 16]
		]);
		// April and May 2025 have 22 weekdays each
		expect(p.inputs.working_days).toBe(44);
	});

	it('span: earliest and latest date', async () => {
		expect(await dataSpan(db)).toEqual({ from: '2025-03-25', to: '2025-06-01' });
	});
});

describe('the runner', () => {
	it('computes a sub-result once: the funnel behind a bottleneck serves the funnel tile and benchmarks', async () => {
		const { db: rec, log } = counting(db);
		const runner = new QueryRunner(rec, ALL);
		await runner.run(bottleneck, view(), {});
		const afterBottleneck = log.length;
		await runner.run(funnel, view(), undefined);
		await runner.run(benchmarks, view(), { sources: ['funnel'] });
		await runner.run(bottleneck, view(), {});
		expect(log.length).toBe(afterBottleneck);
		// every velocity step first: the sales cycle is read from it, not queried again
		await runner.run(velocity, view(), { steps: 'all' });
		const afterVelocity = log.length;
		await runner.run(department, view(), { name: 'field_sales' });
		expect(log.length).toBe(afterVelocity);
	});

	it('keys requests by canonical JSON: member order and undefined members do not matter', () => {
		expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }] })).toBe('{"a":[{"c":"x"}],"b":1}');
		const v = view();
		const shuffled = { filters: {}, windowDays: null, mode: 'cohort', to: v.to, from: v.from } as MetricView;
		expect(queryKey('funnel', shuffled, { x: 1, y: undefined })).toBe(queryKey('funnel', v, { x: 1 }));
	});

	it('refuses an invalid view before any SQL runs', async () => {
		const { db: rec, log } = counting(db);
		await expect(
			new QueryRunner(rec, ALL).run(funnel, view({ from: '2025-13-01' }), undefined)
		).rejects.toThrow(/Invalid view/);
		expect(log).toEqual([]);
	});

	it('the report is the named queries composed', async () => {
		const r = await computeReport(db, ALL, view(), { plan: { target: 1000, deal: 100 } });
		const runner = new QueryRunner(db, ALL);
		expect(r.funnel).toEqual((await runner.run(funnel, view(), undefined)).steps);
		expect(r.velocity).toEqual(await runner.run(velocity, view(), { steps: 'all' }));
		// the report adds the deal-owner table and lost reasons beside the department's KPIs
		expect(r.kpis.field_sales).toMatchObject(
			(await runner.run(department, view(), { name: 'field_sales' }))!
		);
		expect(r.benchmarks).toEqual(await runner.run(benchmarks, view(), {}));
		expect(r.plan).toEqual((await runner.run(plan, view(), { plan: { target: 1000, deal: 100 } })).lines);
	});
});
