/**
 * Every definition of METRICS.md on small fixtures. Expected values were worked out by hand from the
 * rows below (the working is in the comments), never by running the code under test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import { funnel, funnelBy } from '../../src/lib/engine/metrics/funnel';
import { velocity } from '../../src/lib/engine/metrics/velocity';
import { revenue } from '../../src/lib/engine/metrics/revenue';
import { customerSuccessKpis, insideSales, marketingKpis } from '../../src/lib/engine/metrics/kpis';
import { repTable } from '../../src/lib/engine/metrics/people';
import { computeReport, dataSpan } from '../../src/lib/engine/metrics/report';
import type { MetricView } from '../../src/lib/engine/metrics/view';
import { STAGES } from '../../src/lib/engine/schema';
import { FIXTURE_A } from './fixture-a';
import { freshDb, insert, meta, reset } from './helpers';

let db: Db;
beforeAll(async () => {
	db = await freshDb();
});

const view = (over: Partial<MetricView> = {}): MetricView => ({
	from: '2025-04-01',
	to: '2025-05-31',
	mode: 'cohort',
	windowDays: null,
	filters: {},
	...over
});

const ALL = meta({ leads: true }, [...STAGES]);

describe('funnel (fixture A)', () => {
	beforeAll(async () => {
		await reset(db);
		await insert(db, 'leads', FIXTURE_A);
	});

	it('cohort mode counts skipped stages as passed', async () => {
		// cohort L1 L2 L3 L4 L5 L7; mql: all but L3; sql: L1, L2 (via opp), L4, L5, L7 (via won);
		// opportunity: L1 L2 L5 L7; won: L1 L5 L7
		const f = await funnel(db, view(), STAGES);
		expect(f.steps.map((s) => s.count)).toEqual([6, 5, 5, 4, 3]);
		expect(f.steps.map((s) => s.rate)).toEqual([null, 5 / 6, 1, 0.8, 0.75]);
		expect(f.steps.map((s) => s.overall)).toEqual([1, 5 / 6, 5 / 6, 4 / 6, 0.5]);
		expect(f.missing).toEqual([]);
	});

	it('a conversion window counts a stage only when reached within W days of creation', async () => {
		// W = 10: L1 reaches sql on 04-10 (9 d) but opportunity on 04-15 (14 d); L2's sql reach is its
		// opportunity date 04-20 (18 d); L5 wins after 31 d; L7 reaches every stage on 04-20 (5 d).
		const f = await funnel(db, view({ windowDays: 10 }), STAGES);
		expect(f.steps.map((s) => s.count)).toEqual([6, 5, 4, 2, 1]);
	});

	it('period mode counts each stage by its own date and may exceed 100%', async () => {
		// April: created L1 L2 L3 L4 L7; mql L1 L2 L4 L6; sql L1 L4 L6; opp L1 L2 L6; won L6 L7
		const f = await funnel(db, view({ mode: 'period', to: '2025-04-30' }), STAGES);
		expect(f.steps.map((s) => s.count)).toEqual([5, 4, 3, 3, 2]);
		expect(f.steps.map((s) => s.rate)).toEqual([null, 0.8, 0.75, 1, 2 / 3]);
		// June: nothing created, L5 won → won/opportunity has a zero denominator
		const june = await funnel(db, view({ mode: 'period', from: '2025-06-01', to: '2025-06-30' }), STAGES);
		expect(june.steps.map((s) => s.count)).toEqual([0, 0, 0, 0, 1]);
		expect(june.steps.map((s) => s.rate)).toEqual([null, null, null, null, null]);
		expect(june.steps.map((s) => s.overall)).toEqual([null, null, null, null, null]);
	});

	it('missing stages are listed and rates run between present stages', async () => {
		const f = await funnel(db, view(), ['lead', 'opportunity', 'won']);
		expect(f.missing).toEqual(['mql', 'sql']);
		// opportunity: L1 L2 L5 L7 of 6; won 3 of 4
		expect(f.steps.map((s) => [s.stage, s.count, s.rate])).toEqual([
			['lead', 6, null],
			['opportunity', 4, 4 / 6],
			['won', 3, 0.75]
		]);
	});

	it('filters and breakdowns', async () => {
		const a = await funnel(db, view({ filters: { channel: ['A'] } }), STAGES);
		// channel A in cohort: L1 L2 L5
		expect(a.steps.map((s) => s.count)).toEqual([3, 3, 3, 3, 2]);
		const by = await funnelBy(db, view(), STAGES, 'channel');
		expect(by.map((g) => [g.group, g.steps.map((s) => s.count)])).toEqual([
			['A', [3, 3, 3, 3, 2]],
			['B', [2, 1, 1, 0, 0]],
			['C', [1, 1, 1, 1, 1]]
		]);
		expect(by.find((g) => g.group === 'B')?.steps[3].rate).toBe(0);
		expect(by.find((g) => g.group === 'B')?.steps[4].rate).toBeNull();
	});

	it('velocity: continuous median and p90 over leads with both own dates', async () => {
		const v = await velocity(db, view(), STAGES);
		// lead→mql: L1 2, L2 3, L4 1, L5 1 → [1,1,2,3]: median 1.5, p90 = 2 + 0.7 × 1 = 2.7
		// mql→sql: L1 7, L4 1, L5 1 → median 1, p90 = 1 + 0.8 × 6 = 5.8
		// sql→opp: L1 5, L5 1 → median 3, p90 = 1 + 0.9 × 4 = 4.6
		// opp→won: L1 16, L5 28 → median 22, p90 = 16 + 0.9 × 12 = 26.8
		expect(v.map((s) => [s.from, s.to, s.n])).toEqual([
			['lead', 'mql', 4],
			['mql', 'sql', 3],
			['sql', 'opportunity', 2],
			['opportunity', 'won', 2]
		]);
		expect(v.map((s) => s.median_days)).toEqual([1.5, 1, 3, 22]);
		v.map((s) => s.p90_days).forEach((p, i) => expect(p).toBeCloseTo([2.7, 5.8, 4.6, 26.8][i], 9));
		expect(v.every((s) => s.negative === 0)).toBe(true);
	});

	it("velocity 'sales_cycle' computes only opportunity → won, the field-sales KPI's step", async () => {
		const r = await computeReport(db, ALL, view(), { velocity: 'sales_cycle' });
		expect(r.velocity).toEqual([
			{
				from: 'opportunity',
				to: 'won',
				n: 2,
				median_days: 22,
				p90_days: expect.closeTo(26.8, 9),
				negative: 0
			}
		]);
		expect(r.kpis.field_sales?.median_days_to_win).toBe(22);
		expect((await computeReport(db, ALL, view(), { velocity: false })).velocity).toEqual([]);
	});

	it('revenue: won revenue and average deal over the cohort', async () => {
		// won L1 100, L5 300, L7 200
		expect(await revenue(db, view(), true)).toEqual({
			won_revenue: 600,
			avg_deal: 200,
			won_without_amount: 0
		});
	});

	it('no bottleneck when every step meets its floor', async () => {
		const r = await computeReport(db, ALL, view());
		expect(r.bottleneck).toBeNull();
		expect(r.benchmarks.find((b) => b.key === 'won')).toMatchObject({ value: 0.75, status: 'above' });
	});

	it('the data span covers every date', async () => {
		expect(await dataSpan(db)).toEqual({ from: '2025-03-25', to: '2025-06-01' });
	});
});

describe('funnel edge cases', () => {
	beforeAll(async () => reset(db));

	it('lost leads stop at the last stage reached; negative intervals are excluded and reported', async () => {
		await reset(db);
		await insert(db, 'leads', [
			{ lead_id: 'a', created_at: '2025-04-01', mql_at: '2025-04-02', lost_at: '2025-04-03' },
			{ lead_id: 'b', created_at: '2025-04-05', mql_at: '2025-04-01', sql_at: '2025-04-09' },
			{ lead_id: 'c', created_at: '2025-04-05', mql_at: '2025-04-06', sql_at: '2025-04-08' }
		]);
		const f = await funnel(db, view(), ['lead', 'mql', 'sql']);
		expect(f.steps.map((s) => s.count)).toEqual([3, 3, 2]);
		const v = await velocity(db, view(), ['lead', 'mql', 'sql']);
		// lead→mql: a 1, b negative (excluded), c 1; mql→sql: b 8, c 2
		expect(v[0]).toMatchObject({ n: 2, median_days: 1, negative: 1 });
		expect(v[1]).toMatchObject({ n: 2, median_days: 5, negative: 0 });
	});

	it('a status alone implies the stage and every earlier one (not under a window)', async () => {
		await reset(db);
		await insert(db, 'leads', [
			{ lead_id: 'a', created_at: '2025-04-01', status: 'Closed - Converted', status_rank: 3 },
			{ lead_id: 'b', created_at: '2025-04-01', status: 'Open', status_rank: 0 },
			{ lead_id: 'c', created_at: '2025-04-01', status: 'Won', status_rank: 4, won_at: '2025-04-03' }
		]);
		const f = await funnel(db, view(), ['lead', 'opportunity', 'won']);
		expect(f.steps.map((s) => s.count)).toEqual([3, 2, 1]);
		const w = await funnel(db, view({ windowDays: 30 }), ['lead', 'opportunity', 'won']);
		expect(w.steps.map((s) => s.count)).toEqual([3, 1, 1]);
	});

	it('an empty cohort gives counts of zero and no rates, never NaN', async () => {
		const f = await funnel(db, view({ from: '2030-01-01', to: '2030-12-31' }), STAGES);
		expect(f.steps.map((s) => s.count)).toEqual([0, 0, 0, 0, 0]);
		expect(f.steps.every((s) => s.rate === null && s.overall === null)).toBe(true);
		const r = await computeReport(
			db,
			meta({ leads: true }, [...STAGES]),
			view({ from: '2030-01-01', to: '2030-12-31' })
		);
		expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
		expect(r.revenue).toEqual({ won_revenue: 0, avg_deal: null, won_without_amount: 0, by_currency: [] });
	});
});

describe('inside sales', () => {
	beforeAll(async () => {
		await reset(db);
		await insert(db, 'activities', [
			{
				rep: 'R1',
				occurred_at: '2025-04-01',
				lead_id: 'A',
				is_call: true,
				type: 'call',
				outcome: 'no_answer'
			},
			{
				rep: 'R1',
				occurred_at: '2025-04-01',
				lead_id: 'A',
				is_call: true,
				type: 'call',
				outcome: 'connected'
			},
			{
				rep: 'R1',
				occurred_at: '2025-04-01',
				lead_id: 'B',
				is_call: true,
				type: 'call',
				outcome: 'meeting_set'
			},
			{ rep: 'R1', occurred_at: '2025-04-01', lead_id: 'C', is_call: false, type: 'email', outcome: null },
			{
				rep: 'R1',
				occurred_at: '2025-04-02',
				lead_id: 'C',
				is_call: true,
				type: 'call',
				outcome: 'connected'
			},
			{
				rep: 'R2',
				occurred_at: '2025-04-01',
				lead_id: 'D',
				is_call: true,
				type: 'call',
				outcome: 'no_answer'
			},
			{
				rep: 'R2',
				occurred_at: '2025-04-01',
				lead_id: 'D',
				is_call: true,
				type: 'call',
				outcome: 'no_answer'
			},
			{
				rep: 'R2',
				occurred_at: '2025-06-01',
				lead_id: 'E',
				is_call: true,
				type: 'call',
				outcome: 'meeting_set'
			}
		]);
	});

	it('calls, calls per active rep-day, call-based contact rate, lead-based meeting rate', async () => {
		// 6 calls in range (the email and June's call are out); rep-days (R1,04-01) (R1,04-02) (R2,04-01);
		// contacted calls 3 → 0.5; leads with a meeting {B} of contacted leads {A,B,C} → 1/3
		const k = await insideSales(db, view(), meta({ activities: true }, []), { steps: [], missing: [] });
		// by first connect (docs/metrics.md): A, B, C first connected in range, B met → 1/3
		expect(k).toEqual({
			calls: 6,
			rep_days: 3,
			reps: 2,
			calls_per_rep_day: 2,
			contact_rate: 0.5,
			meeting_rate: 1 / 3,
			first_connects: 3,
			appointments: 1,
			emails: 1,
			contacted_leads: 3,
			connects_per_lead: 1,
			sqls: null
		});
	});

	it('per rep, and the owner filter selects the leads an owner owns', async () => {
		const rows = (await repTable(db, view(), meta({ activities: true }, [])))!;
		expect(rows.map((r) => [r.rep, r.calls, r.calls_per_rep_day, r.contact_rate, r.meeting_rate])).toEqual([
			['R1', 4, 2, 0.75, 1 / 3],
			['R2', 2, 2, 0, null]
		]);
		const k = await insideSales(db, view({ filters: { owner: ['R2'] } }), meta({ activities: true }, []), {
			steps: [],
			missing: []
		});
		// The owner filter is a lead filter (docs/metrics.md): no lead here is owned by R2, so no call counts
		// (it used to select the calling rep: 2).
		expect(k?.calls).toBe(0);
	});
});

describe('customer success', () => {
	beforeAll(async () => {
		await reset(db);
		await insert(db, 'customers', [
			{ account_id: 'C1', start_date: '2025-01-01', nps: 10 },
			{ account_id: 'C2', start_date: '2025-03-01', churned_at: '2025-04-01', nps: 9 },
			{ account_id: 'C3', start_date: '2024-01-01', churned_at: '2025-05-15', nps: 6 },
			{ account_id: 'C4', start_date: '2025-04-01', nps: 0 },
			{ account_id: 'C5', start_date: '2025-04-02', nps: 9 },
			{ account_id: 'C6', start_date: '2024-06-01', churned_at: '2025-06-30', nps: 8 },
			{ account_id: 'C7', start_date: '2024-06-01', churned_at: '2025-07-01' },
			{ account_id: 'C8', start_date: '2024-01-01', expansion_at: '2025-04-01' },
			{ account_id: 'C9', start_date: '2024-01-01', churned_at: '2025-03-31' }
		]);
	});

	it('churn boundaries: churned_at = from is neither active nor a churn; churned_at = to is a churn', async () => {
		// active at start: C1 C3 C4 C6 C7 C8 (C2 churned on `from`, C5 started after, C9 churned before)
		// churned in (from, to]: C3, C6; upsell: C8; NPS: promoters 10 9 9, detractors 6 0 of 6 → +16.67
		const k = await customerSuccessKpis(db, view({ to: '2025-06-30' }), true);
		expect(k).toMatchObject({ active_at_start: 6, churned: 2, upsell_rate: 1 / 6, nps_responses: 6 });
		expect(k?.churn_rate).toBeCloseTo(1 / 3, 12);
		expect(k?.retention).toBeCloseTo(2 / 3, 12);
		expect(k?.nps).toBeCloseTo(100 / 6, 9);
	});
});

describe('marketing with spend', () => {
	it('cost per lead and per MQL by channel; spend months overlapping the range count', async () => {
		await reset(db);
		await insert(db, 'leads', [
			{ lead_id: '1', created_at: '2025-04-10', channel: 'Web', mql_at: '2025-04-11' },
			{ lead_id: '2', created_at: '2025-04-12', channel: 'Web' },
			{ lead_id: '3', created_at: '2025-04-20', channel: 'Event', mql_at: '2025-04-21' },
			{ lead_id: '4', created_at: '2025-05-20', channel: 'Event' }
		]);
		await insert(db, 'spend', [
			{ month: '2025-04-01', channel: 'Web', spend: 1000 },
			{ month: '2025-04-01', channel: 'Event', spend: 3000 },
			{ month: '2025-04-01', channel: 'Ads', spend: 500 },
			{ month: '2025-05-01', channel: 'Event', spend: 7000 }
		]);
		const m = meta({ leads: true, spend: true }, ['lead', 'mql']);
		const v = view({ from: '2025-04-05', to: '2025-04-30' });
		const k = await marketingKpis(db, v, m);
		// April: Web 2 leads 1 MQL ¥1000; Event 1 lead 1 MQL ¥3000; Ads no lead ¥500 → total 4500 / 3 leads
		expect(k).toMatchObject({ leads: 3, mqls: 2, spend: 4500, cpl: 1500, cpm: 2250 });
		const cols = ['channel', 'leads', 'mqls', 'mql_rate', 'spend', 'cpl', 'cpm'] as const;
		expect(k?.by_channel.map((c) => Object.fromEntries(cols.map((x) => [x, c[x]])))).toEqual([
			{ channel: 'Web', leads: 2, mqls: 1, mql_rate: 0.5, spend: 1000, cpl: 500, cpm: 1000 },
			{ channel: 'Event', leads: 1, mqls: 1, mql_rate: 1, spend: 3000, cpl: 3000, cpm: 3000 },
			{ channel: 'Ads', leads: 0, mqls: 0, mql_rate: null, spend: 500, cpl: null, cpm: null }
		]);
	});
});
