/**
 * Customer success money on a named fixture (period 2025-04-01 … 06-30, 91 days): MRR retention,
 * ARPA, LTV, churn reasons and dated NPS. Expected values worked out by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/lib/engine/db/types';
import { customerSuccessKpis } from '../../src/lib/engine/metrics/customers';
import type { MetricView } from '../../src/lib/engine/metrics/view';
import { freshDb, insert, reset } from './helpers';

let db: Db;
const Q: MetricView = { from: '2025-04-01', to: '2025-06-30', mode: 'cohort', windowDays: null, filters: {} };

beforeAll(async () => {
	db = await freshDb();
	await reset(db);
	await insert(db, 'customers', [
		{
			account_id: 'K1',
			start_date: '2024-01-01',
			mrr: 100,
			expansion_at: '2025-05-01',
			expansion_mrr: 20,
			nps: 10,
			nps_at: '2025-05-10'
		},
		{
			account_id: 'K2',
			start_date: '2024-06-01',
			mrr: 200,
			churned_at: '2025-05-15',
			churn_reason: '価格',
			nps: 3,
			nps_at: '2025-03-01'
		},
		{
			account_id: 'K3',
			start_date: '2025-01-01',
			mrr: 300,
			churned_at: '2025-06-30',
			churn_reason: '機能不足',
			nps: 8,
			nps_at: '2025-06-01'
		},
		{ account_id: 'K4', start_date: '2025-02-01', mrr: 400, churned_at: '2025-04-01' }, // gone on the first day: not active at start
		{ account_id: 'K5', start_date: '2025-05-01', mrr: 500 }, // started in the period
		{
			account_id: 'K6',
			start_date: '2023-01-01',
			mrr: 100,
			churned_at: '2025-04-20',
			churn_reason: ' ',
			expansion_at: '2025-04-10',
			expansion_mrr: 50
		},
		{ account_id: 'K7', start_date: '2024-01-01', mrr: 100, churned_at: '2025-04-20', churn_reason: '価格' }
	]);
});

describe('customer success money', () => {
	it('retention, MRR, GRR, NRR, ARPA, LTV, churn reasons and dated NPS', async () => {
		const k = await customerSuccessKpis(db, Q, true);
		// active at start: K1 K2 K3 K6 K7; churned: K2 K3 K6 K7; upsold: K1 K6
		const monthlyChurn = (0.8 * 30.4375) / 91;
		expect(k).toEqual({
			active_at_start: 5,
			churned: 4,
			churn_rate: 0.8,
			retention: 1 - 0.8,
			upsell_rate: 0.4,
			nps: 50, // dated answers in the range: K1 (10), K3 (8); K2's answer is from March
			nps_responses: 2,
			start_mrr: 800, // 100 + 200 + 300 + 100 + 100
			churned_mrr: 700, // 200 + 300 + 100 + 100
			expansion_mrr: 70, // 20 + 50
			grr: 100 / 800,
			nrr: 170 / 800,
			arpa: 160,
			ltv: 160 / monthlyChurn,
			churn_reasons: [
				{ reason: '価格', accounts: 2, mrr: 300 }, // K2 K7
				{ reason: '機能不足', accounts: 1, mrr: 300 }, // K3
				{ reason: null, accounts: 1, mrr: 100 } // K6, blank reason
			]
		});
	});

	it('undated NPS counts every score; no expansion column → no NRR; nobody churned → no LTV', async () => {
		await reset(db);
		await insert(db, 'customers', [
			{ account_id: 'U1', start_date: '2024-01-01', mrr: 100, nps: 9 },
			{ account_id: 'U2', start_date: '2024-01-01', mrr: 300, nps: 5 },
			{ account_id: 'U3', start_date: '2024-01-01', mrr: 200, nps: 7 }
		]);
		const k = (await customerSuccessKpis(db, Q, true))!;
		expect([k.nps, k.nps_responses]).toEqual([0, 3]); // (1 − 1) / 3
		expect([k.start_mrr, k.grr, k.expansion_mrr, k.nrr, k.arpa, k.ltv]).toEqual([
			600,
			1,
			null,
			null,
			200,
			null
		]);
		expect(k.churn_reasons).toBeNull();
		expect(await customerSuccessKpis(db, Q, false)).toBeNull();
	});
});
