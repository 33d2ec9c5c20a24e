import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import {
	activityTrend,
	customerTrend,
	leadTrend,
	velocityHistogram
} from '../../src/lib/engine/metrics/trends';
import type { MetricView } from '../../src/lib/engine/metrics/view';
import { STAGES } from '../../src/lib/engine/schema';
import { freshDb, insert, meta } from './helpers';

let db: Db;
const view = (from: string, to: string): MetricView => ({
	from,
	to,
	mode: 'cohort',
	windowDays: null,
	filters: {}
});

beforeAll(async () => {
	db = await freshDb();
	await insert(db, 'leads', [
		{ lead_id: '1', created_at: '2025-03-31', mql_at: '2025-04-02' },
		{ lead_id: '2', created_at: '2025-04-01', mql_at: '2025-04-02', sql_at: '2025-04-05' },
		{ lead_id: '3', created_at: '2025-04-30' },
		{ lead_id: '4', created_at: '2025-07-01', won_at: '2025-07-20' }
	]);
	await insert(db, 'activities', [
		{ rep: 'a', occurred_at: '2025-04-07', lead_id: '2', is_call: true, outcome: 'no_answer' },
		{ rep: 'a', occurred_at: '2025-04-07', lead_id: '2', is_call: true, outcome: 'meeting_set' },
		{ rep: 'a', occurred_at: '2025-04-13', lead_id: '3', is_call: true, outcome: 'connected' },
		{ rep: 'a', occurred_at: '2025-04-14', lead_id: '3', is_call: true, outcome: 'no_answer' }
	]);
	await insert(db, 'customers', [
		{ account_id: 'x', start_date: '2025-01-01', churned_at: '2025-05-10' },
		{ account_id: 'y', start_date: '2025-01-01', expansion_at: '2025-04-15' },
		{ account_id: 'z', start_date: '2025-04-10' }
	]);
});

describe('trends', () => {
	it('cohorts by creation month and fiscal quarter (April start)', async () => {
		const m = await leadTrend(db, view('2025-03-01', '2025-07-31'), STAGES, 'month');
		expect(m.map((b) => [b.bucket, b.counts.lead, b.counts.mql, b.counts.sql, b.counts.won])).toEqual([
			['2025-03-01', 1, 1, 0, 0],
			['2025-04-01', 2, 1, 1, 0],
			['2025-07-01', 1, 1, 1, 1]
		]);
		expect(m[1].rates.mql).toBe(0.5);
		const q = await leadTrend(db, view('2025-03-01', '2025-07-31'), STAGES, 'quarter', 4);
		// fiscal quarters from April: 2025-01-01 (FY24 Q4), 2025-04-01 (Q1), 2025-07-01 (Q2)
		expect(q.map((b) => [b.bucket, b.counts.lead])).toEqual([
			['2025-01-01', 1],
			['2025-04-01', 2],
			['2025-07-01', 1]
		]);
		const q1 = await leadTrend(db, view('2025-03-01', '2025-07-31'), STAGES, 'quarter', 2);
		// fiscal year from February: quarters start Feb, May, Aug, Nov
		expect(q1.map((b) => [b.bucket, b.counts.lead])).toEqual([
			['2025-02-01', 3],
			['2025-05-01', 1]
		]);
	});

	it('activities by ISO week', async () => {
		const w = await activityTrend(
			db,
			view('2025-04-01', '2025-04-30'),
			meta({ activities: true }, []),
			'week'
		);
		// week of Mon 04-07: 3 calls (07, 07, 13 Sun) on 2 rep-days; week of 04-14: 1 call
		expect(w).toEqual([
			{ bucket: '2025-04-07', calls: 3, calls_per_rep_day: 1.5, contact_rate: 2 / 3, meeting_rate: 0.5 },
			{ bucket: '2025-04-14', calls: 1, calls_per_rep_day: 1, contact_rate: 0, meeting_rate: null }
		]);
	});

	it('customer churn per month with METRICS.md boundaries', async () => {
		const c = await customerTrend(
			db,
			view('2025-04-01', '2025-06-30'),
			meta({ customers: true }, []),
			'month'
		);
		// April [04-01, 04-30]: active x y (z starts 04-10), y upsells; May: x y z active, x churns 05-10; June: y z
		expect(c).toEqual([
			{
				bucket: '2025-04-01',
				active_at_start: 2,
				churned: 0,
				churn_rate: 0,
				upsell_rate: 0.5,
				nps: null,
				nps_responses: 0
			},
			{
				bucket: '2025-05-01',
				active_at_start: 3,
				churned: 1,
				churn_rate: 1 / 3,
				upsell_rate: 0,
				nps: null,
				nps_responses: 0
			},
			{
				bucket: '2025-06-01',
				active_at_start: 2,
				churned: 0,
				churn_rate: 0,
				upsell_rate: 0,
				nps: null,
				nps_responses: 0
			}
		]);
	});

	it('velocity histogram bins', async () => {
		const h = await velocityHistogram(db, view('2025-03-01', '2025-07-31'), ['lead', 'mql', 'sql']);
		// lead→mql: lead 1 (2 d), lead 2 (1 d) → bin 1–3 twice; mql→sql: lead 2 (3 d) → 1–3
		expect(h.filter((b) => b.n > 0).map((b) => [b.from, b.to, b.label, b.n])).toEqual([
			['lead', 'mql', '1–3', 2],
			['mql', 'sql', '1–3', 1]
		]);
	});
});

describe('spend and NPS per bucket', () => {
	let sdb: Db;
	beforeAll(async () => {
		sdb = await freshDb();
		await insert(sdb, 'leads', [
			{ lead_id: 'L1', created_at: '2025-04-03', sql_at: '2025-04-10', channel: 'A' },
			{ lead_id: 'L2', created_at: '2025-04-20', channel: 'B' },
			{ lead_id: 'L3', created_at: '2025-05-02', channel: 'A' },
			{ lead_id: 'L4', created_at: '2025-05-05', sql_at: '2025-05-09', channel: 'A' },
			{ lead_id: 'L5', created_at: '2025-05-30', sql_at: '2025-06-01', channel: 'B' }
		]);
		await insert(sdb, 'spend', [
			{ month: '2025-04-01', channel: 'A', spend: 1000 },
			{ month: '2025-04-01', channel: 'B', spend: 500 },
			{ month: '2025-05-01', channel: 'A', spend: 900 },
			{ month: '2025-06-01', channel: 'A', spend: 300 }
		]);
		await insert(sdb, 'customers', [
			{ account_id: 'a', start_date: '2025-01-01', nps: 10, nps_at: '2025-04-10' },
			{ account_id: 'b', start_date: '2025-01-01', nps: 9, nps_at: '2025-04-20' },
			{ account_id: 'c', start_date: '2025-01-01', nps: 3, nps_at: '2025-04-25' },
			{ account_id: 'd', start_date: '2025-01-01', nps: 7, nps_at: '2025-05-10' },
			{ account_id: 'e', start_date: '2025-01-01', nps: 0, nps_at: '2025-05-11' }
		]);
	});
	const m = meta({ leads: true, spend: true, customers: true }, ['lead', 'sql']);
	const row = (b: {
		bucket: string;
		spend: number;
		leads: number;
		sqls: number;
		cost_per_lead: number | null;
		cost_per_sql: number | null;
	}) => [b.bucket, b.spend, b.leads, b.sqls, b.cost_per_lead, b.cost_per_sql];

	it('cost per lead and per SQL by month, by fiscal quarter, and under a channel filter', async () => {
		const { spendTrend } = await import('../../src/lib/engine/metrics/trends');
		const v = view('2025-04-01', '2025-06-30');
		// April: 1000 + 500 = 1500 over L1, L2 (1 SQL: L1) → 750 per lead, 1500 per SQL.
		// May: 900 over L3, L4, L5 (SQLs L4, L5) → 300 per lead, 450 per SQL.
		// June: 300 over no lead → no cost figure.
		expect((await spendTrend(sdb, v, m, ['lead', 'sql'], 'month')).map(row)).toEqual([
			['2025-04-01', 1500, 2, 1, 750, 1500],
			['2025-05-01', 900, 3, 2, 300, 450],
			['2025-06-01', 300, 0, 0, null, null]
		]);
		// FY Q1 (April–June): 2700 over 5 leads, 3 SQLs → 540 per lead, 900 per SQL.
		expect((await spendTrend(sdb, v, m, ['lead', 'sql'], 'quarter', 4)).map(row)).toEqual([
			['2025-04-01', 2700, 5, 3, 540, 900]
		]);
		// Channel A: April 1000 / L1 (SQL) → 1000, 1000; May 900 / L3, L4 (SQL L4) → 450, 900.
		const a = { ...v, filters: { channel: ['A'] } };
		expect((await spendTrend(sdb, a, m, ['lead', 'sql'], 'month')).map(row)).toEqual([
			['2025-04-01', 1000, 1, 1, 1000, 1000],
			['2025-05-01', 900, 2, 1, 450, 900],
			['2025-06-01', 300, 0, 0, null, null]
		]);
		// Spend is monthly: no weekly series; no spend file: none either.
		expect(await spendTrend(sdb, v, m, ['lead', 'sql'], 'week')).toEqual([]);
		expect(
			await spendTrend(sdb, v, { ...m, tables: { ...m.tables, spend: false } }, ['lead'], 'month')
		).toEqual([]);
	});

	it('NPS over the answers dated in each month', async () => {
		const b = await customerTrend(sdb, view('2025-04-01', '2025-06-30'), m, 'month');
		// April: 10, 9, 3 → (2 promoters − 1 detractor) / 3 = 33.33…; May: 7, 0 → (0 − 1) / 2 = −50; June: none.
		expect(b.map((x) => [x.bucket, x.nps_responses])).toEqual([
			['2025-04-01', 3],
			['2025-05-01', 2],
			['2025-06-01', 0]
		]);
		expect(b[0].nps).toBeCloseTo(100 / 3, 9);
		expect(b[1].nps).toBe(-50);
		expect(b[2].nps).toBeNull();
	});
});
